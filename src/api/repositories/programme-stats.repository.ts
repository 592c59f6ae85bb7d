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
 * - DISTRICT / SUBDISTRICT: the district (or street / town) a run's place lies in: a place of
 *   that level the place is PART_OF at any depth, the place itself included — a district counts
 *   its streets' and communities' programmes. A run held in no place but run by a place counts at
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
import { countedRuns, programmeRunAnchor, runHead, runShape, type ProgrammeRunQuery } from './programme-run.repository';
import { MAX_PART_OF_DEPTH, PART_OF_PAIR, queryTexts } from './fragments.repository';

export type StatsDimension = 'DISTRICT' | 'SUBDISTRICT' | 'AGENCY' | 'KIND' | 'MONTH';

/** Place levels each place dimension groups by (streets and towns are one tier below a district). */
const LEVELS = { DISTRICT: ['DISTRICT'], SUBDISTRICT: ['SUBDISTRICT', 'TOWN'] } as const;
const cypherList = (values: readonly string[]) => `[${values.map((value) => `'${value}'`).join(', ')}]`;

/*
 * The districts and subdistricts of every place, found once per request, before the runs: each
 * place of those levels (the place_level index) and every place PART_OF it within the depth
 * (each once, however many PART_OF edges stories state between the same two places). Walking up
 * from each run's places instead cost 81 of the 88 million db hits of 株洲市 by district at 10k
 * pages: 66,000 runs, and an estate stated PART_OF its community by 2,000 stories is 2,000 paths
 * up. Places are few (62 at 10k pages), so `rollups` is a short list, one entry per place inside
 * a district or subdistrict; the runs come after it in a subquery of their own, so it is one
 * value held by the query, not carried through the aggregations of the runs (which would count
 * it once per group against the transaction's memory).
 */
const ROLLUPS = `CALL () {
  UNWIND [dimension IN ['DISTRICT', 'SUBDISTRICT'] WHERE dimension IN $groupBy] AS dimension
  // The hint pins the walk down from the few places of the level: on a small graph the planner
  // would sometimes start from the places below and walk up, the cost this query exists to avoid.
  MATCH (d:Place) USING INDEX d:Place(level) WHERE d.level IN CASE dimension WHEN 'DISTRICT' THEN ${cypherList(LEVELS.DISTRICT)} ELSE ${cypherList(LEVELS.SUBDISTRICT)} END
  MATCH (d)<-[:${PART_OF_PAIR}*0..${MAX_PART_OF_DEPTH}]-(x:Place)
  WITH DISTINCT dimension, d, x
  WITH x, collect(CASE dimension WHEN 'DISTRICT' THEN d { .id, .name } END) AS districts,
       collect(CASE dimension WHEN 'SUBDISTRICT' THEN d { .id, .name } END) AS subdistricts
  RETURN collect({place: x, districts: districts, subdistricts: subdistricts}) AS rollups
}`;

// The district (or subdistrict) places of a run: those of its places, each once.
const rolledUp = (field: 'districts' | 'subdistricts') => `reduce(acc = [], m IN rolled | acc + [d IN m.${field} WHERE NOT d IN acc])`;

// [null] keeps a row whose list is empty (or not asked for) instead of dropping it in UNWIND.
const orNull = (list: string) => `CASE WHEN size(${list}) = 0 THEN [null] ELSE ${list} END`;

/** The runs of the request's head, one row per (agency, programme) with its places and stories (countedRuns). */
function runsOf(where: ProgrammeStatsRequest['where']): string {
  const shape = runShape(where);
  return `CALL () {${runHead(programmeRunAnchor(where), shape, 'whole')}${countedRuns(shape)}
}`;
}


const STATS_TAIL = `
WITH agency, p, storyIds, [m IN rollups WHERE m.place IN places] AS rolled
WITH agency, p, storyIds, ${rolledUp('districts')} AS districts, ${rolledUp('subdistricts')} AS subdistricts
UNWIND ${orNull('storyIds')} AS storyId
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

/** One text per anchor and shape of filters (runHead), built once. */
const statsTexts = queryTexts();
function statsText(where: ProgrammeStatsRequest['where']): string {
  return statsTexts(`${programmeRunAnchor(where)}|${JSON.stringify(runShape(where))}`, () => `${ROLLUPS}\n${runsOf(where)}${STATS_TAIL}`);
}

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
    cypher: statsText(request.where),
    params: { ...request.where, groupBy: request.groupBy, offset: request.offset, limit: request.limit },
  };
}

/** One page of groups, largest first, and how many groups there are. */
export async function readProgrammeStats(reader: Neo4jReader, request: ProgrammeStatsRequest): Promise<{ total: number; items: StatsGroupRow[] }> {
  const { cypher, params } = programmeStatsStatement(request);
  const [row] = await reader.read<{ total: number; items: StatsGroupRow[] }>(cypher, params);
  return { total: row?.total ?? 0, items: row?.items ?? [] };
}
