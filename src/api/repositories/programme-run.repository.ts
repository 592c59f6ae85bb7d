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
 *
 * Anchoring: the cost must follow the answer, not the graph (an earlier version matched every
 * RUNS edge and filtered afterwards, and ran out of transaction memory at ~250 pages). So there
 * is one constant query per anchor, picked by which filters are given:
 * - PLACE: look the place up by index, walk PART_OF inwards, then HELD_IN / RUNS to programmes;
 * - AGENCY: look the agency up by index, walk its RUNS edges;
 * - KIND: neither, but a kind; programmes by the `programme_kind` index;
 * - PROGRAMME: no filter; programmes in `programme_name` index order, which lets Neo4j stop
 *   after `$limit` rows (ORDER BY starts with p.name).
 * All share the tail that pairs agencies with programmes and builds the answer. A query text
 * holds the predicates of the filters a request gives (kind, agency, each bound of the date
 * range) and no `$x IS NULL OR` guards: one text per shape, built once (guarded, one text per
 * anchor cost Neo4j a fifth more per request and sent 5 KB of query text each time).
 *
 * Label checks: a RUNS edge goes from an entity to a programme and a HELD_IN edge from a
 * programme to a place (the graph model; the loader writes no other), so the walks along them
 * check no label at the far end. Each check is a db hit per edge: at 10k pages the flagship's 100
 * programmes have 8,000 edges.
 */
import { PAIR_EDGE_TYPES, type PairedType, type ProgrammeKind } from '../../model';
import type { Neo4jReader } from './reader';
import { allOf, entityHeader, lookUp, MAX_PART_OF_DEPTH, PART_OF_PAIR, namedBy, publishedWithin, queryTexts, storyMap, whereClause, type PublishedBounds } from './fragments.repository';
import { toEntityRow, toEvidenceRows, type EntityRow, type EntityTuple, type EvidenceRow, type StoryRow } from './rows';

/**
 * Most sentences one run cites (the RUNS sentences first, then HELD_IN): in an archive a programme
 * recurs in dozens of stories, and every one of them would otherwise come back with every run.
 */
export const MAX_EVIDENCE_PER_RUN = 20;

/** The three anchors; see the module comment. */
export type ProgrammeRunAnchor = 'PLACE' | 'AGENCY' | 'KIND' | 'PROGRAMME';

/** Which optional filters a request gives; a query text holds the predicates of these only. */
export interface RunShape extends PublishedBounds {
  kind: boolean;
  agency: boolean;
}

/** The shape of a request: which of kind, agency and the date bounds it gives. */
export function runShape(query: Pick<ProgrammeRunQuery, 'kind' | 'agency' | 'publishedFrom' | 'publishedTo'>): RunShape {
  return { kind: query.kind !== null, agency: query.agency !== null, from: query.publishedFrom !== null, to: query.publishedTo !== null };
}

/** Whether the request bounds the publication date: then which stories state a fact matters. */
const dated = (shape: PublishedBounds) => shape.from || shape.to;

/**
 * The edge type a walk for "which programmes, agencies, places" takes: the pair edges (one per
 * pair, model.ts) unless a date bound must look at the stories each fact edge names. At 10k pages
 * the flagship's two commonest programmes had 2,000 RUNS and 2,000 HELD_IN edges each, one pair.
 */
const along = (type: PairedType, shape: PublishedBounds) => (dated(shape) ? type : PAIR_EDGE_TYPES[type]);

/** A run `run` of `agency` on programme `p` that the filters keep. */
const runFilter = (shape: RunShape) =>
  allOf(shape.kind && 'p.kind = $kind', shape.agency && namedBy('agency', '$agency'), publishedWithin('run.story', shape));

/**
 * From (inside, agency, p, runs) to the matched runs (agency, p, runs, within): the HELD_IN
 * places inside a filter place (all of them without a place filter, null `inside`) and the
 * roll-up rule. `inside` is the list of every place inside the filter place, found once by the
 * head: a place is inside when it is in that list (it was a walk up PART_OF from each held
 * place, and a place outside the filter place, stated PART_OF its parent by hundreds of stories,
 * made that walk try every one of those paths before failing). The limited heads hold $limit
 * programmes, so the list is carried by $limit rows at most. The analytics roll-ups apply the
 * same rule through countedRuns.
 */
const matchedRuns = (shape: RunShape) => `
OPTIONAL MATCH (p)-[held:HELD_IN]->(pl)
// One row per place, so that "inside" is tested once per place, not once per story stating it.
WITH inside, agency, p, runs, pl, ${shape.from || shape.to ? `[h IN collect(held) WHERE ${publishedWithin('h.story', shape)}]` : 'collect(held)'} AS helds
WITH inside, agency, p, runs, pl, helds, pl IS NOT NULL AND size(helds) > 0 AND (inside IS NULL OR pl IN inside) AS isInside
WITH inside, agency, p, runs, count(pl) AS heldCount,
     reduce(acc = [], x IN collect(CASE WHEN isInside THEN [h IN helds | {place: pl, held: h}] END) | acc + x) AS within
WITH agency, p, runs, heldCount, within, inside
WHERE inside IS NULL OR size(within) > 0
   OR (heldCount = 0 AND agency:Place AND agency IN inside)`;

/**
 * matchedRuns' rule for counting (programme-stats.repository.ts), from the whole heads' rows
 * (inside, agency, p), one per run, to (agency, p, places, storyIds): the run's places inside
 * the filter place (each once), or the agency itself for a place that ran a programme held
 * nowhere, and the stories stating the run (each once). `inside` is the list of places inside
 * the filter place, found once by the head (null without a place filter): list membership in
 * place of a walk up PART_OF per held place, through the 2,000 edges an archive's stories state
 * between an estate and its community. Nothing is gathered across runs: each row's lists are
 * built by its own subqueries and dropped with it, and `inside` is held by no aggregation, so
 * the runs of a whole city stream through. (Collected per run as matchedRuns does, 株洲市's
 * 66,000 runs at 10k pages held 370 MB of transaction memory: more than the default heap allows
 * one query, let alone ten at once.) The rows' agencies are already those the filter names.
 */
export const countedRuns = (shape: RunShape) => `
WITH inside, agency, p, COLLECT {
       MATCH (p)-[held:HELD_IN]->(pl) WHERE ${allOf(publishedWithin('held.story', shape), '(inside IS NULL OR pl IN inside)')}
       WITH pl, collect(held.story) AS stories
       RETURN {place: pl, stories: stories}
     } AS within
WHERE inside IS NULL OR size(within) > 0
   OR (NOT EXISTS { (p)-[:HELD_IN]->() } AND agency:Place AND agency IN inside)
RETURN agency, p,
       CASE WHEN size(within) > 0 THEN [w IN within | w.place] WHEN agency:Place THEN [agency] ELSE [] END AS places,
       COLLECT {
         UNWIND COLLECT { MATCH (agency)-[run:RUNS]->(p)${whereClause(runFilter({ ...shape, agency: false }))} RETURN run.story } + reduce(acc = [], w IN within | acc + w.stories) AS storyId
         RETURN DISTINCT storyId
       } AS storyIds`;

// A run's agency, programme and places (placeNodes), as every answer lists them.
const runHeaders = `agency: ${entityHeader('agency')},
       programme: ${entityHeader('p')},
       places: [x IN placeNodes | ${entityHeader('x')}]`;

// A few stories carry most of the evidence: each is sent once, not once per sentence. The
// subquery sees only the story ids (given the whole answer, Neo4j's memory estimate of it ran
// into the transaction limit at 10k pages).
const CITED_STORIES = `WITH found, reduce(ids = [], row IN found | ids + [e IN row.evidence | e[0]]) AS storyIds
RETURN found AS runs, COLLECT {
  UNWIND storyIds AS storyId
  WITH DISTINCT storyId
  MATCH (s:Story {id: storyId})
  RETURN ${storyMap('s')}
} AS stories`;

// The answer: order, limit, then each cited story once. Each place once per run (a place is
// HELD_IN a programme once per story stating it: dozens of times in an archive).
const tail = (shape: RunShape) => `${matchedRuns(shape)}
WITH agency, p, runs, within, reduce(acc = [], x IN [h IN within | h.place] | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS placeNodes
ORDER BY p.name, p.id, agency.name, agency.id
LIMIT toInteger($limit)
WITH collect({
       ${runHeaders},
       // The first sentences, reading no edge's properties past them (a CASE stops early; a list
       // comprehension would read every edge, ~40 stories' worth per programme at 10k pages).
       evidence: reduce(acc = [], r IN runs + [h IN within | h.held] |
         CASE WHEN size(acc) >= ${MAX_EVIDENCE_PER_RUN} OR r.evidence IS NULL THEN acc ELSE acc + [[r.story, r.evidence]] END)
     }) AS found
${CITED_STORIES}`;

// The same answer without evidence, for requests that do not ask for it: no sentences, no stories.
const leanTail = (shape: RunShape) => `${matchedRuns(shape)}
WITH agency, p, reduce(acc = [], x IN [h IN within | h.place] | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS placeNodes
ORDER BY p.name, p.id, agency.name, agency.id
LIMIT toInteger($limit)
RETURN collect({
       ${runHeaders},
       evidence: []
     }) AS runs, [] AS stories`;

/*
 * The answer without a date bound, from (inside, agency, p) rows, one per pair: each run's places
 * are its pair edges (inside the filter place), and its sentences are read only for the $limit runs
 * kept, up to MAX_EVIDENCE_PER_RUN each (the RUNS sentences first, then HELD_IN, as matchedRuns
 * orders them), so a programme stated by 2,000 stories costs 20 edge reads, not 4,000.
 */
const pairedRuns = `
WITH inside, agency, p, COLLECT { MATCH (p)-[:${PAIR_EDGE_TYPES.HELD_IN}]->(pl) WHERE inside IS NULL OR pl IN inside RETURN pl } AS placeNodes
WHERE inside IS NULL OR size(placeNodes) > 0
   OR (NOT EXISTS { (p)-[:${PAIR_EDGE_TYPES.HELD_IN}]->() } AND agency:Place AND agency IN inside)
ORDER BY p.name, p.id, agency.name, agency.id
LIMIT toInteger($limit)`;

const pairTail = `${pairedRuns}
WITH agency, p, placeNodes, COLLECT {
  MATCH (agency)-[r:RUNS]->(p) WHERE r.evidence IS NOT NULL
  RETURN [r.story, r.evidence] AS e LIMIT ${MAX_EVIDENCE_PER_RUN}
} AS stated
WITH agency, p, placeNodes, stated + CASE WHEN size(stated) >= ${MAX_EVIDENCE_PER_RUN} THEN [] ELSE COLLECT {
  UNWIND placeNodes AS pl
  MATCH (p)-[h:HELD_IN]->(pl) WHERE h.evidence IS NOT NULL
  RETURN [h.story, h.evidence] AS e LIMIT ${MAX_EVIDENCE_PER_RUN}
} END AS sentences
WITH collect({
       ${runHeaders},
       evidence: sentences[..${MAX_EVIDENCE_PER_RUN}]
     }) AS found
${CITED_STORIES}`;

const pairLeanTail = `${pairedRuns}
RETURN collect({
       ${runHeaders},
       evidence: []
     }) AS runs, [] AS stories`;

// The end of a head: programmeRuns collects each run's facts (matchedRuns); the roll-ups keep one
// row per run and read its facts row by row (countedRuns), with no place filter here.
const RUNS_OF = (limited: boolean, shape: PublishedBounds) =>
  limited && dated(shape) ? `WITH null AS inside, agency, p, collect(run) AS runs` : `WITH ${dated(shape) ? 'DISTINCT ' : ''}null AS inside, agency, p`;

/** The runs of programme `p` the filter keeps: fact edges (bound to `run`) when dated, else pairs. */
const runsOfP = (shape: RunShape, filter = runFilter(shape)) => `MATCH (agency)-[${dated(shape) ? 'run:RUNS' : `:${PAIR_EDGE_TYPES.RUNS}`}]->(p)${whereClause(filter)}`;

/*
 * Each head comes in two forms: whole (for the roll-ups, which count every run) and limited (for
 * programmeRuns). The answer is ordered by programme first, so its first $limit runs belong to
 * the first $limit programmes (by name) that have a run matching the filter; the limited heads
 * keep only those before pairing programmes with agencies, evidence and places. An archive's
 * district has thousands of programmes, and this keeps the expensive part at $limit of them.
 */
const hasRun = (shape: RunShape) => {
  const filter = runFilter(shape);
  return filter === 'true' ? `EXISTS { ()-[:${along('RUNS', shape)}]->(p) }` : `EXISTS { ${runsOfP(shape, filter)} }`;
};
const FIRST_PROGRAMMES = (carry: string) => `WITH ${carry}p ORDER BY p.name, p.id LIMIT toInteger($limit)`;

/**
 * Programmes with a HELD_IN place inside $place, or run by a place inside it and held nowhere,
 * from `places` (a list: every place inside the targets, each once, found by the head's one walk).
 */
const placeCandidates = (shape: RunShape, places: string, also: string | false = false) => `
  UNWIND ${places} AS x
  CALL (x) {
    MATCH (x)<-[held:${along('HELD_IN', shape)}]-(p)${whereClause(publishedWithin('held.story', shape))} RETURN p
    UNION
    MATCH (x)-[run:${along('RUNS', shape)}]->(p)
    WHERE ${allOf(`NOT EXISTS { (p)-[:${along('HELD_IN', shape)}]->() }`, shape.agency && namedBy('x', '$agency'), publishedWithin('run.story', shape))}
    RETURN p
  }
  WITH DISTINCT p${whereClause(allOf(shape.kind && 'p.kind = $kind', also))}`;

// The same programmes tested one by one, for walking the name index in order.
// insidePlaces: the places inside the targets (the same PART_OF walk, done once per request, not
// once per HELD_IN edge: at 10k pages that walk up from every edge was half the query's db hits).
const INSIDE_TARGETS = (v: string) => `${v} IN insidePlaces`;
const isPlaceCandidate = (shape: RunShape) => `${shape.kind ? 'p.kind = $kind AND ' : ''}(EXISTS { MATCH (p)-[held:${along('HELD_IN', shape)}]->(pl) WHERE ${allOf(publishedWithin('held.story', shape), INSIDE_TARGETS('pl'))} }
         OR (NOT EXISTS { (p)-[:${along('HELD_IN', shape)}]->() }
             AND EXISTS { MATCH (inside)-[run:${along('RUNS', shape)}]->(p)
                          WHERE ${allOf(INSIDE_TARGETS('inside'), shape.agency && namedBy('inside', '$agency'), publishedWithin('run.story', shape))} }))`;

/*
 * The lower bound of a walk along the programme-name index: '' (every name) when the walk is
 * taken, null (no name: an empty seek) when not. The planner puts a branch's WHERE on its row
 * after the index scan, so without this the branch not taken still scanned the whole index (a
 * small place or agency read every programme to keep none); a bound from the row makes the seek
 * itself depend on the decision.
 */
const WALK_FROM = (taken: string) => `CASE WHEN ${taken} THEN '' END`;

/*
 * A place with many programmes (an archive's district: thousands) is answered from the other end:
 * the programme-name index in order, each programme checked for the place, stopping at $limit —
 * a few hundred checks instead of collecting and sorting every programme of the district. Which
 * way is decided in the query from the HELD_IN degrees of the places inside (constant time per
 * place): the two branches of the union are exclusive.
 */
const byPlace = (limited: boolean, shape: RunShape) => `
${lookUp('target', 'Place', '$place')}
WITH collect(target) AS targets
${
  limited
    ? `CALL (targets) {
  UNWIND targets AS target
  MATCH (target)<-[:${PART_OF_PAIR}*0..${MAX_PART_OF_DEPTH}]-(x:Place)
  WITH DISTINCT x
  RETURN sum(COUNT { (x)<-[:${along('HELD_IN', shape)}]-() }) AS heldHere, collect(x) AS insidePlaces
}
CALL (targets, heldHere, insidePlaces) {
  WITH heldHere, insidePlaces WHERE heldHere <= 20 * $limit
  ${placeCandidates(shape, 'insidePlaces', hasRun(shape)).trim()}
  ${FIRST_PROGRAMMES('')}
  RETURN p
  UNION
  WITH targets, heldHere, insidePlaces WHERE heldHere > 20 * $limit
  MATCH (p:Programme) WHERE p.name >= ${WALK_FROM('heldHere > 20 * $limit')}
  WITH insidePlaces, p ORDER BY p.name, p.id
  WHERE ${isPlaceCandidate(shape)} AND ${hasRun(shape)}
  WITH p LIMIT toInteger($limit)
  RETURN p
}`
    : `CALL (targets) {
  UNWIND targets AS target
  MATCH (target)<-[:${PART_OF_PAIR}*0..${MAX_PART_OF_DEPTH}]-(x:Place)
  WITH DISTINCT x
  RETURN collect(x) AS inside
}
CALL (inside) {${placeCandidates(shape, 'inside')}
  ${runsOfP(shape)}
  RETURN DISTINCT agency, p
}
WITH inside, agency, p`
}${
  limited
    ? `
${runsOfP(shape)}
WITH insidePlaces AS inside, agency, p${dated(shape) ? ', collect(run) AS runs' : ''}`
    : ''
}`;

/*
 * An agency with many runs (an archive's district acting as a body: tens of thousands of RUNS
 * edges) is answered like a big place: the programme-name index in order, each programme checked
 * for a run by the agency (from the programme's side, a few edges), stopping at $limit; sorting
 * all its programmes by name read every one of them. The walk takes about $limit × (programmes /
 * the agency's programmes) steps and the sort reads the agency's programmes, so the walk is taken
 * when the agency's distinct programmes D satisfy D² > $limit × programmes (D counted along its
 * RUNS edges without reading a property; the programme count comes from the count store), and
 * without a kind filter only. Edge degrees alone mislead: one programme stated in 2,000 stories
 * is 2,000 RUNS edges.
 */
const byAgency = (limited: boolean, shape: RunShape) => {
  // Every agency row is one that $agency names (the lookUp), so its runs need no name check.
  const filter = runFilter({ ...shape, agency: false });
  const sorted = `UNWIND agencies AS agency
  ${runsOfP(shape, filter)}
  WITH DISTINCT agency, p ORDER BY p.name, p.id, agency.name, agency.id LIMIT toInteger($limit)
  RETURN agency, p`;
  // With a kind, the kind's share of the index is unknown here, so the runs are always sorted.
  const pick = shape.kind
    ? `CALL (agencies) {
  ${sorted}
}`
    : `CALL (agencies) {
  UNWIND agencies AS agency
  MATCH (agency)-[:${along('RUNS', shape)}]->(q)
  WITH DISTINCT q
  RETURN count(q) AS ran
}
WITH agencies, ran * ran > $limit * COUNT { (:Programme) } AS walk
CALL (agencies, walk) {
  WITH agencies, walk WHERE NOT walk
  ${sorted}
  UNION
  WITH agencies, walk WHERE walk
  MATCH (p:Programme) WHERE p.name >= ${WALK_FROM('walk')}
  WITH agencies, p ORDER BY p.name, p.id
  WHERE EXISTS { MATCH (p)<-[run:${along('RUNS', shape)}]-(agency) WHERE ${allOf('agency IN agencies', filter)} }
  WITH agencies, p LIMIT toInteger($limit)
  UNWIND agencies AS agency
  ${runsOfP(shape, filter)}
  WITH DISTINCT agency, p ORDER BY p.name, p.id, agency.name, agency.id LIMIT toInteger($limit)
  RETURN agency, p
}`;
  return limited
    ? `
${lookUp('agency', 'Entity', '$agency')}
WITH collect(agency) AS agencies
${pick}
${runsOfP(shape, filter)}
${RUNS_OF(limited, shape)}`
    : `
${lookUp('agency', 'Entity', '$agency')}
${runsOfP(shape, filter)}
${RUNS_OF(limited, shape)}`;
};

// The index finds the kind: the runs need no kind check.
const byKind = (limited: boolean, shape: RunShape) => `
MATCH (p:Programme {kind: $kind})${limited ? `
WHERE ${hasRun({ ...shape, kind: false })}
${FIRST_PROGRAMMES('')}` : ''}
${runsOfP(shape, runFilter({ ...shape, kind: false }))}
${RUNS_OF(limited, shape)}`;

// In name-index order: with a limit, Neo4j stops after the first $limit programmes with a run.
const byProgramme = (limited: boolean, shape: RunShape) => `
MATCH (p:Programme)
WHERE p.name IS NOT NULL${limited ? ` AND ${hasRun(shape)}
${FIRST_PROGRAMMES('')}` : '\nWITH p ORDER BY p.name'}
${runsOfP(shape)}
${RUNS_OF(limited, shape)}`;

const HEADS: Readonly<Record<ProgrammeRunAnchor, (limited: boolean, shape: RunShape) => string>> = {
  PLACE: byPlace,
  AGENCY: byAgency,
  KIND: byKind,
  PROGRAMME: byProgramme,
};

const shapeKey = (anchor: ProgrammeRunAnchor, shape: RunShape, form: string) =>
  `${anchor}|${form}|${shape.kind ? 'k' : ''}${shape.agency ? 'a' : ''}${shape.from ? 'f' : ''}${shape.to ? 't' : ''}`;

/** Query texts by shape: anchors × forms × the subsets of four filters. */
function memoised(build: (anchor: ProgrammeRunAnchor, shape: RunShape, form: string) => string) {
  const texts = queryTexts();
  return (anchor: ProgrammeRunAnchor, shape: RunShape, form: string): string => texts(shapeKey(anchor, shape, form), () => build(anchor, shape, form));
}

/**
 * The start of each anchor's query for the analytics roll-ups, up to one row per run (inside,
 * agency, p): the runs of $agency (or any agency) of programmes of $kind stated in a story
 * published in range, with `inside` every place inside the places $place names (null without a
 * place filter). countedRuns(shape) follows it.
 */
export const runHead = memoised((anchor, shape) => HEADS[anchor](false, shape));

const programmeRunsText = memoised((anchor, shape, form) => {
  const end = dated(shape) ? (form === 'evidence' ? tail(shape) : leanTail(shape)) : form === 'evidence' ? pairTail : pairLeanTail;
  return HEADS[anchor](true, shape) + end;
});

/** The query text and parameters a programmeRuns request runs (exported for the plan tests). */
export function programmeRunsStatement(query: ProgrammeRunQuery): { cypher: string; params: Record<string, unknown> } {
  const { withEvidence = true, ...params } = query;
  return { cypher: programmeRunsText(programmeRunAnchor(query), runShape(query), withEvidence ? 'evidence' : 'lean'), params };
}

/** The flagship roll-up, `programmeRuns(where: {place})` with evidence and no other filter. */
export const PROGRAMME_RUNS_QUERY = programmeRunsText('PLACE', { kind: false, agency: false, from: false, to: false }, 'evidence');

/** Which anchor a filter starts from: the place when given (usually the narrower), else the agency. */
export function programmeRunAnchor(query: Pick<ProgrammeRunQuery, 'place' | 'agency' | 'kind'>): ProgrammeRunAnchor {
  if (query.place !== null) return 'PLACE';
  if (query.agency !== null) return 'AGENCY';
  if (query.kind !== null) return 'KIND';
  return 'PROGRAMME';
}

export interface ProgrammeRunQuery {
  place: string | null;
  agency: string | null;
  kind: ProgrammeKind | null;
  /** ISO dates (YYYY-MM-DD), validated by the resolver; a run counts when a story stating it was published in the range. */
  publishedFrom: string | null;
  publishedTo: string | null;
  limit: number;
  /** Whether the request selects `evidence`; without it the query leaves sentences and stories out. */
  withEvidence?: boolean;
}

export interface ProgrammeRunRow {
  agency: EntityRow;
  programme: EntityRow;
  places: EntityRow[];
  evidence: EvidenceRow[];
}

interface RawRun {
  agency: EntityTuple;
  programme: EntityTuple;
  places: EntityTuple[];
  /** [story id, sentence] pairs: a list decodes faster than a map, which names its keys every time. */
  evidence: Array<[string | null, string | null]>;
}

/** Runs matching the filter, ordered by programme then agency name. */
export async function readProgrammeRuns(reader: Neo4jReader, query: ProgrammeRunQuery): Promise<ProgrammeRunRow[]> {
  const { cypher, params } = programmeRunsStatement(query);
  const [result] = await reader.read<{ runs: RawRun[]; stories: StoryRow[] }>(cypher, params);
  if (!result) return [];
  const stories = new Map(result.stories.map((story) => [story.id, story]));
  return result.runs.map((run) => {
    // A programme HELD_IN one place by two stories lists that place once.
    const places = new Map(run.places.map((place) => { const row = toEntityRow(place); return [row.id, row]; }));
    return {
      agency: toEntityRow(run.agency),
      programme: toEntityRow(run.programme),
      places: [...places.values()],
      evidence: toEvidenceRows(run.evidence.map(([story, sentence]) => ({ story, sentence, row: story ? stories.get(story) ?? null : null }))),
    };
  });
}
