// Numbers arrive from JavaScript as floats; LIMIT and list slices need integers, hence toInteger.

/**
 * `programmeRuns`: who ran which programme where, with the sentences that say so and the stories
 * they are in (headers, not bodies), in one query: the commonest question costs one round trip.
 * The answer is one record (the runs, then each story they cite once), since many sentences come
 * from the same few stories and repeating a story per sentence doubled the bytes to decode.
 *
 * Place roll-up: the filter place is resolved (by id, name or alias) and every place PART_OF it,
 * at any depth, counts as inside; a programme matches when it was HELD_IN one of those. A
 * programme with no HELD_IN place that a place itself ran (芦淞区 acting as a body) is taken to
 * have run in that place's territory, so it matches too.
 */
import type { ProgrammeKind } from '../../model';
import type { Neo4jReader } from './reader';
import { entityMap, MAX_PART_OF_DEPTH, namedBy, storyMap } from './fragments.repository';
import { toEntityRow, toEvidenceRows, type EntityRow, type EvidenceRow, type StoryRow } from './rows';

export const PROGRAMME_RUNS_QUERY = `
CALL () {
  OPTIONAL MATCH (target:Place) WHERE ${namedBy('target', '$place')}
  OPTIONAL MATCH (inside:Place)-[:PART_OF*0..${MAX_PART_OF_DEPTH}]->(target)
  RETURN collect(DISTINCT inside.id) AS insideIds
}
MATCH (agency:Entity)-[run:RUNS]->(p:Programme)
WHERE ($kind IS NULL OR p.kind = $kind)
  AND ($agency IS NULL OR ${namedBy('agency', '$agency')})
WITH insideIds, agency, p, collect(run) AS runs
OPTIONAL MATCH (p)-[held:HELD_IN]->(pl:Place)
WITH insideIds, agency, p, runs, collect(CASE WHEN pl IS NULL THEN null ELSE {place: pl, held: held} END) AS helds
WITH agency, p, runs, size(helds) AS heldCount,
     CASE WHEN $place IS NULL THEN helds ELSE [h IN helds WHERE h.place.id IN insideIds] END AS within,
     agency:Place AND agency.id IN insideIds AS agencyInside
WHERE $place IS NULL OR size(within) > 0 OR (heldCount = 0 AND agencyInside)
WITH agency, p, runs, within, [h IN within | h.place] AS placeNodes
ORDER BY p.name, agency.name, p.id, agency.id
LIMIT toInteger($limit)
WITH collect({
       agency: ${entityMap('agency')},
       programme: ${entityMap('p')},
       places: [x IN placeNodes | ${entityMap('x')}],
       evidence: [e IN [r IN runs | {story: r.story, sentence: r.evidence}] + [h IN within | {story: h.held.story, sentence: h.held.evidence}]
                  WHERE e.sentence IS NOT NULL]
     }) AS found
// A few stories carry most of the evidence: each is sent once, not once per sentence.
RETURN found AS runs, COLLECT {
  UNWIND found AS row UNWIND row.evidence AS e
  WITH DISTINCT e.story AS storyId
  MATCH (s:Story {id: storyId})
  RETURN ${storyMap('s')}
} AS stories`;

export interface ProgrammeRunQuery {
  place: string | null;
  agency: string | null;
  kind: ProgrammeKind | null;
  limit: number;
}

export interface ProgrammeRunRow {
  agency: EntityRow;
  programme: EntityRow;
  places: EntityRow[];
  evidence: EvidenceRow[];
}

interface RawRun {
  agency: Record<string, unknown>;
  programme: Record<string, unknown>;
  places: Record<string, unknown>[];
  evidence: Array<{ story: string | null; sentence: string | null }>;
}

/** Runs matching the filter, ordered by programme then agency name. */
export async function readProgrammeRuns(reader: Neo4jReader, query: ProgrammeRunQuery): Promise<ProgrammeRunRow[]> {
  const [result] = await reader.read<{ runs: RawRun[]; stories: StoryRow[] }>(PROGRAMME_RUNS_QUERY, { ...query });
  if (!result) return [];
  const stories = new Map(result.stories.map((story) => [story.id, story]));
  return result.runs.map((run) => {
    // A programme HELD_IN one place by two stories lists that place once.
    const places = new Map(run.places.map((place) => [place.id as string, toEntityRow(place)]));
    return {
      agency: toEntityRow(run.agency),
      programme: toEntityRow(run.programme),
      places: [...places.values()],
      evidence: toEvidenceRows(run.evidence.map((item) => ({ ...item, row: item.story ? stories.get(item.story) ?? null : null }))),
    };
  });
}
