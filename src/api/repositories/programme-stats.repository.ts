/**
 * Analytics roll-ups: `programmeStats` (how many programmes, where, by whom, of what kind, when)
 * and `topAgencies`.
 *
 * What is counted: the runs `programmeRuns` answers for the same filter (same anchors, same
 * roll-up rule, see programme-run.repository.ts), each a (agency, programme) pair with its places
 * and the stories that state it. A group's `count` is its distinct programmes, `stories` the
 * distinct stories stating them, `agencies` the distinct bodies running them.
 *
 * Dimensions (`$groupBy`, in the order given; several make a cross product):
 * - DISTRICT / SUBDISTRICT: the district (or street / town) a run's place lies in, found by
 *   walking PART_OF upwards from the place, the place itself included — a district counts its
 *   streets' and communities' programmes. A run held in no place but run by a place counts at
 *   that place. A run whose places reach no such level is grouped as "(none)" (key "").
 * - AGENCY: the body that ran it. KIND: the programme's kind.
 * - MONTH: `YYYY-MM` of Story.publishedOn of the stories stating the run ("(undated)", key "",
 *   for a story without a publication date); a run stated in two months counts in both.
 *
 * Groups are sorted by count, then stories, then label; the total is the number of groups. A
 * group is a few numbers, and the groups are at most the runs of the answer, so they are
 * collected to page them (the runs themselves are aggregated as they stream, never collected).
 */
import type { Neo4jReader } from './reader';
import { MATCHED_RUNS, programmeRunAnchor, RUN_HEADS, type ProgrammeRunAnchor, type ProgrammeRunQuery } from './programme-run.repository';
import { MAX_PART_OF_DEPTH } from './fragments.repository';

export type StatsDimension = 'DISTRICT' | 'SUBDISTRICT' | 'AGENCY' | 'KIND' | 'MONTH';

/** Place levels each place dimension groups by (streets and towns are one tier below a district). */
const LEVELS = { DISTRICT: ['DISTRICT'], SUBDISTRICT: ['SUBDISTRICT', 'TOWN'] } as const;

const rollUp = (dimension: keyof typeof LEVELS) => `CASE WHEN '${dimension}' IN $groupBy THEN COLLECT {
       UNWIND places AS x
       MATCH (x)-[:PART_OF*0..${MAX_PART_OF_DEPTH}]->(d:Place) WHERE d.level IN ${JSON.stringify(LEVELS[dimension]).replace(/"/g, "'")}
       RETURN DISTINCT d { .id, .name }
     } ELSE [] END`;

// [null] keeps a row whose list is empty (or not asked for) instead of dropping it in UNWIND.
const orNull = (list: string) => `CASE WHEN size(${list}) = 0 THEN [null] ELSE ${list} END`;

const STATS_TAIL = `${MATCHED_RUNS}
WITH agency, p,
     CASE WHEN size(within) > 0 THEN [h IN within | h.place] WHEN agency:Place THEN [agency] ELSE [] END AS places,
     [r IN runs | r.story] + [h IN within | h.held.story] AS storyIds
WITH agency, p, storyIds, ${rollUp('DISTRICT')} AS districts,
     ${rollUp('SUBDISTRICT')} AS subdistricts
UNWIND ${orNull('storyIds')} AS storyId
WITH DISTINCT agency, p, storyId, districts, subdistricts
WITH agency, p, storyId, districts, subdistricts,
     CASE WHEN 'MONTH' IN $groupBy THEN coalesce(COLLECT { MATCH (s:Story {id: storyId}) RETURN left(toString(s.publishedOn), 7) }[0], '') END AS month
UNWIND ${orNull('districts')} AS district
UNWIND ${orNull('subdistricts')} AS subdistrict
WITH agency, p, storyId, [dimension IN $groupBy | CASE dimension
       WHEN 'DISTRICT' THEN {dimension: dimension, key: coalesce(district.id, ''), label: coalesce(district.name, '(none)')}
       WHEN 'SUBDISTRICT' THEN {dimension: dimension, key: coalesce(subdistrict.id, ''), label: coalesce(subdistrict.name, '(none)')}
       WHEN 'AGENCY' THEN {dimension: dimension, key: agency.id, label: agency.name}
       WHEN 'KIND' THEN {dimension: dimension, key: p.kind, label: p.kind}
       WHEN 'MONTH' THEN {dimension: dimension, key: month, label: CASE month WHEN '' THEN '(undated)' ELSE month END}
     END] AS parts
WITH parts, count(DISTINCT p) AS count, count(DISTINCT storyId) AS stories, count(DISTINCT agency) AS agencies
ORDER BY count DESC, stories DESC, [x IN parts | x.label], [x IN parts | x.key]
WITH collect({parts: parts, count: count, stories: stories, agencies: agencies}) AS groups
RETURN size(groups) AS total, groups[toInteger($offset)..toInteger($offset + $limit)] AS items`;

/** The constant roll-up query of each anchor. */
export const PROGRAMME_STATS_QUERIES: Readonly<Record<ProgrammeRunAnchor, string>> = {
  PLACE: RUN_HEADS.PLACE + STATS_TAIL,
  AGENCY: RUN_HEADS.AGENCY + STATS_TAIL,
  KIND: RUN_HEADS.KIND + STATS_TAIL,
  PROGRAMME: RUN_HEADS.PROGRAMME + STATS_TAIL,
};

export interface StatsKeyPart {
  dimension: StatsDimension;
  key: string;
  label: string;
}

export interface StatsGroupRow {
  parts: StatsKeyPart[];
  count: number;
  stories: number;
  agencies: number;
}

export interface ProgrammeStatsRequest {
  where: Omit<ProgrammeRunQuery, 'limit'>;
  groupBy: StatsDimension[];
  offset: number;
  limit: number;
}

/** The query text and parameters of a roll-up request (exported for the plan tests). */
export function programmeStatsStatement(request: ProgrammeStatsRequest): { cypher: string; params: Record<string, unknown> } {
  return {
    cypher: PROGRAMME_STATS_QUERIES[programmeRunAnchor(request.where)],
    params: { ...request.where, groupBy: request.groupBy, offset: request.offset, limit: request.limit },
  };
}

/** One page of groups, largest first, and how many groups there are. */
export async function readProgrammeStats(reader: Neo4jReader, request: ProgrammeStatsRequest): Promise<{ total: number; items: StatsGroupRow[] }> {
  const { cypher, params } = programmeStatsStatement(request);
  const [row] = await reader.read<{ total: number; items: StatsGroupRow[] }>(cypher, params);
  return { total: row?.total ?? 0, items: row?.items ?? [] };
}
