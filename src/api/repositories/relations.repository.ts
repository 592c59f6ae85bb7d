/**
 * Batched reads behind the DataLoaders: each function takes many keys (node ids) and runs ONE
 * query (`UNWIND $ids`), returning a Map from key to value. The loaders turn the Map into the
 * key-ordered array DataLoader expects, so these functions need not preserve order.
 */
import type { Neo4jReader } from './reader';
import { entityMap, MAX_PART_OF_DEPTH, storyMap } from './fragments.repository';
import {
  toEntityRow,
  toEvidenceRows,
  type CreditRow,
  type DocumentRow,
  type EntityRow,
  type PositionRow,
  type RelatedRow,
  type StoryRow,
} from './rows';

// ---- nodes by id -------------------------------------------------------------------------

export const ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, ${entityMap('n')} AS value`;

export const STORIES_BY_ID = `
UNWIND $ids AS id
MATCH (s:Story {id: id})
RETURN id, ${storyMap('s')} AS value`;

export const STORY_BODIES = `
UNWIND $ids AS id
MATCH (s:Story {id: id})
RETURN id, s.body AS value`;

export const DOCUMENTS_BY_ID = `
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id, d { .id, .source, .ingestedAt } AS value`;

// ---- lists hanging off a node ------------------------------------------------------------
// Each returns one row per key that has anything: (id, items). Items are ordered in Cypher.
// Most have a one-node form beside them (a OneNodeBody, see below), which the look-ahead
// prefetch nests in one query; the two must give the same items in the same order.

/**
 * A batched list read, for ONE node already bound to a variable, to nest in a larger query (the
 * look-ahead prefetch, src/api/prefetch/). `rows(n, x)` matches from the node bound to `n`, binds
 * each item to `x` and orders the rows as the batched query orders its collect; `item(n, x)` is
 * the map the batched query collects. Helper variables are `x` plus a suffix, so that the forms
 * nest inside each other without reusing a name. Fixed text: only variable names are spliced.
 *
 * No aggregating function (max, min, collect) may appear: Neo4j 5.26 takes one inside a COLLECT
 * subquery for an aggregation of the projection around it and refuses the query (42I18,
 * "implicit grouping expressions"). Where the batched query aggregates to order its items, the
 * one-node form orders DISTINCT items by a subquery expression that computes the same value.
 * Items that tie on the batched order (two children of one name) have no fixed order in either
 * form, so there the two may differ as two runs of the batched read may.
 */
export interface OneNodeBody {
  rows(n: string, x: string): string;
  item(n: string, x: string): string;
}

const entityItem = (_n: string, x: string): string => entityMap(x);

/** Stories naming the entity, newest first, then page order. */
export const STORIES_MENTIONING = `
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:MENTIONS]-(s:Story)
WITH DISTINCT id, s ORDER BY s.date DESC, s.document, s.position
RETURN id, collect(${storyMap('s')}) AS items`;

/** Entities co-mentioned with the key in at least one story, most shared stories first. */
export const RELATED_ENTITIES = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})<-[:MENTIONS]-(s:Story)-[:MENTIONS]->(o:Entity)
WHERE o <> e
WITH id, o, count(DISTINCT s) AS stories
ORDER BY stories DESC, o.name
RETURN id, collect({entity: ${entityMap('o')}, stories: stories}) AS items`;

/** Entities a story names, most often named first. */
export const MENTIONS_OF_STORIES = `
UNWIND $ids AS id
MATCH (:Story {id: id})-[m:MENTIONS]->(e:Entity)
WITH id, e, max(m.count) AS times ORDER BY times DESC, e.name
RETURN id, collect(${entityMap('e')}) AS items`;
export const MENTIONS_OF_STORY: OneNodeBody = {
  // head of the counts, highest first, nulls left out: max(m.count).
  rows: (n, x) => `MATCH (${n}:Story)-[:MENTIONS]->(${x}:Entity)
WITH DISTINCT ${n}, ${x}
ORDER BY head(COLLECT { MATCH (${n})-[${x}m:MENTIONS]->(${x}) WHERE ${x}m.count IS NOT NULL RETURN ${x}m.count ORDER BY ${x}m.count DESC }) DESC, ${x}.name`,
  item: entityItem,
};

export const CREDITS_OF_STORIES = `
UNWIND $ids AS id
MATCH (p:Person)-[r:REPORTED]->(s:Story {id: id})
WITH id, p, r, s ORDER BY r.role, p.name
RETURN id, collect({person: ${entityMap('p')}, role: r.role, story: ${storyMap('s')}}) AS items`;
export const CREDITS_OF_STORY: OneNodeBody = {
  rows: (n, x) => `MATCH (${x}:Person)-[${x}r:REPORTED]->(${n}:Story)
WITH ${n}, ${x}, ${x}r ORDER BY ${x}r.role, ${x}.name`,
  item: (n, x) => `{person: ${entityMap(x)}, role: ${x}r.role, story: ${storyMap(n)}}`,
};

export const CREDITS_OF_PEOPLE = `
UNWIND $ids AS id
MATCH (p:Person {id: id})-[r:REPORTED]->(s:Story)
WITH id, p, r, s ORDER BY s.date DESC, s.document, s.position
RETURN id, collect({person: ${entityMap('p')}, role: r.role, story: ${storyMap('s')}}) AS items`;
export const CREDITS_OF_PERSON: OneNodeBody = {
  rows: (n, x) => `MATCH (${n}:Person)-[${x}r:REPORTED]->(${x}:Story)
WITH ${n}, ${x}r, ${x} ORDER BY ${x}.date DESC, ${x}.document, ${x}.position`,
  item: (n, x) => `{person: ${entityMap(n)}, role: ${x}r.role, story: ${storyMap(x)}}`,
};

export const POSITIONS_OF_PEOPLE = `
UNWIND $ids AS id
MATCH (p:Person {id: id})-[h:HOLDS_POSITION]->(o:Entity)
WITH id, p, h, o ORDER BY o.name, h.title
RETURN id, collect({person: ${entityMap('p')}, at: ${entityMap('o')}, title: h.title, story: h.story, sentence: h.evidence}) AS items`;
export const POSITIONS_OF_PERSON: OneNodeBody = {
  rows: (n, x) => `MATCH (${n}:Person)-[${x}h:HOLDS_POSITION]->(${x}:Entity)
WITH ${n}, ${x}h, ${x} ORDER BY ${x}.name, ${x}h.title`,
  item: (n, x) => `{person: ${entityMap(n)}, at: ${entityMap(x)}, title: ${x}h.title, story: ${x}h.story, sentence: ${x}h.evidence}`,
};

/** People holding a position at an organisation (or a place acting as a body). */
export const POSITIONS_AT = `
UNWIND $ids AS id
MATCH (p:Person)-[h:HOLDS_POSITION]->(o:Entity {id: id})
WITH id, p, h, o ORDER BY p.name, h.title
RETURN id, collect({person: ${entityMap('p')}, at: ${entityMap('o')}, title: h.title, story: h.story, sentence: h.evidence}) AS items`;
export const POSITIONS_AT_ONE: OneNodeBody = {
  rows: (n, x) => `MATCH (${x}:Person)-[${x}h:HOLDS_POSITION]->(${n}:Entity)
WITH ${n}, ${x}, ${x}h ORDER BY ${x}.name, ${x}h.title`,
  item: (n, x) => `{person: ${entityMap(x)}, at: ${entityMap(n)}, title: ${x}h.title, story: ${x}h.story, sentence: ${x}h.evidence}`,
};

/** The containing places; the gazetteer's containment first, then what a story states. */
export const PARENTS_OF_PLACES = `
UNWIND $ids AS id
MATCH (:Place {id: id})-[r:PART_OF]->(q:Place)
WITH id, q, max(CASE r.basis WHEN 'gazetteer' THEN 1 ELSE 0 END) AS fromGazetteer
ORDER BY fromGazetteer DESC, q.name
RETURN id, collect(${entityMap('q')}) AS items`;
export const PARENTS_OF_PLACE: OneNodeBody = {
  // EXISTS: max(CASE r.basis WHEN 'gazetteer' THEN 1 ELSE 0 END) = 1.
  rows: (n, x) => `MATCH (${n}:Place)-[:PART_OF]->(${x}:Place)
WITH DISTINCT ${n}, ${x}
ORDER BY EXISTS { (${n})-[${x}r:PART_OF]->(${x}) WHERE ${x}r.basis = 'gazetteer' } DESC, ${x}.name`,
  item: entityItem,
};

export const CHILDREN_OF_PLACES = `
UNWIND $ids AS id
MATCH (c:Place)-[:PART_OF]->(:Place {id: id})
WITH DISTINCT id, c ORDER BY c.name
RETURN id, collect(${entityMap('c')}) AS items`;
export const CHILDREN_OF_PLACE: OneNodeBody = {
  rows: (n, x) => `MATCH (${x}:Place)-[:PART_OF]->(${n}:Place)
WITH DISTINCT ${x} ORDER BY ${x}.name`,
  item: entityItem,
};

/** Every place above, nearest first. */
export const ANCESTORS_OF_PLACES = `
UNWIND $ids AS id
MATCH chain = (:Place {id: id})-[:PART_OF*1..${MAX_PART_OF_DEPTH}]->(a:Place)
WITH id, a, min(length(chain)) AS distance ORDER BY distance, a.name
RETURN id, collect(${entityMap('a')}) AS items`;
export const ANCESTORS_OF_PLACE: OneNodeBody = {
  // head of the chain lengths, shortest first: min(length(chain)). Not shortestPath(), which fails
  // outright on a PART_OF cycle back to the place itself.
  rows: (n, x) => `MATCH (${n}:Place)-[:PART_OF*1..${MAX_PART_OF_DEPTH}]->(${x}:Place)
WITH DISTINCT ${n}, ${x}
ORDER BY head(COLLECT { MATCH ${x}chain = (${n})-[:PART_OF*1..${MAX_PART_OF_DEPTH}]->(${x}) RETURN length(${x}chain) AS ${x}distance ORDER BY ${x}distance }), ${x}.name`,
  item: entityItem,
};

export const PROGRAMMES_HELD_IN = `
UNWIND $ids AS id
MATCH (g:Programme)-[:HELD_IN]->(:Place {id: id})
WITH DISTINCT id, g ORDER BY g.name
RETURN id, collect(${entityMap('g')}) AS items`;
export const PROGRAMMES_HELD_IN_ONE: OneNodeBody = {
  rows: (n, x) => `MATCH (${x}:Programme)-[:HELD_IN]->(${n}:Place)
WITH DISTINCT ${x} ORDER BY ${x}.name`,
  item: entityItem,
};

/** Programmes held in the place or anywhere PART_OF it (the roll-up). */
export const PROGRAMMES_HELD_WITHIN = `
UNWIND $ids AS id
MATCH (g:Programme)-[:HELD_IN]->(:Place)-[:PART_OF*0..${MAX_PART_OF_DEPTH}]->(:Place {id: id})
WITH DISTINCT id, g ORDER BY g.name
RETURN id, collect(${entityMap('g')}) AS items`;

export const ORGANISATIONS_BASED_IN = `
UNWIND $ids AS id
MATCH (o:Organisation)-[:BASED_IN]->(:Place {id: id})
WITH DISTINCT id, o ORDER BY o.name
RETURN id, collect(${entityMap('o')}) AS items`;
export const ORGANISATIONS_BASED_IN_ONE: OneNodeBody = {
  rows: (n, x) => `MATCH (${x}:Organisation)-[:BASED_IN]->(${n}:Place)
WITH DISTINCT ${x} ORDER BY ${x}.name`,
  item: entityItem,
};

/** Programmes an organisation, or a place acting as a body, runs. */
export const PROGRAMMES_RUN_BY = `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:RUNS]->(g:Programme)
WITH DISTINCT id, g ORDER BY g.name
RETURN id, collect(${entityMap('g')}) AS items`;
export const PROGRAMMES_RUN_BY_ONE: OneNodeBody = {
  rows: (n, x) => `MATCH (${n}:Entity)-[:RUNS]->(${x}:Programme)
WITH DISTINCT ${x} ORDER BY ${x}.name`,
  item: entityItem,
};

export const PLACES_OF_ORGANISATIONS = `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:BASED_IN]->(p:Place)
WITH DISTINCT id, p ORDER BY p.name
RETURN id, collect(${entityMap('p')}) AS items`;
export const PLACES_OF_ORGANISATION: OneNodeBody = {
  rows: (n, x) => `MATCH (${n}:Entity)-[:BASED_IN]->(${x}:Place)
WITH DISTINCT ${x} ORDER BY ${x}.name`,
  item: entityItem,
};

export const RUNNERS_OF_PROGRAMMES = `
UNWIND $ids AS id
MATCH (a:Entity)-[:RUNS]->(:Programme {id: id})
WITH DISTINCT id, a ORDER BY a.name
RETURN id, collect(${entityMap('a')}) AS items`;
export const RUNNERS_OF_PROGRAMME: OneNodeBody = {
  rows: (n, x) => `MATCH (${x}:Entity)-[:RUNS]->(${n}:Programme)
WITH DISTINCT ${x} ORDER BY ${x}.name`,
  item: entityItem,
};

export const PLACES_OF_PROGRAMMES = `
UNWIND $ids AS id
MATCH (:Programme {id: id})-[:HELD_IN]->(p:Place)
WITH DISTINCT id, p ORDER BY p.name
RETURN id, collect(${entityMap('p')}) AS items`;
export const PLACES_OF_PROGRAMME: OneNodeBody = {
  rows: (n, x) => `MATCH (${n}:Programme)-[:HELD_IN]->(${x}:Place)
WITH DISTINCT ${x} ORDER BY ${x}.name`,
  item: entityItem,
};

export const STORIES_OF_DOCUMENTS = `
UNWIND $ids AS id
MATCH (:Document {id: id})-[:CONTAINS]->(s:Story)
WITH id, s ORDER BY s.position
RETURN id, collect(${storyMap('s')}) AS items`;

// ---- runners -----------------------------------------------------------------------------

async function readById<T>(reader: Neo4jReader, cypher: string, ids: readonly string[], map: (raw: never) => T): Promise<Map<string, T>> {
  const rows = await reader.read<{ id: string; value: never }>(cypher, { ids });
  return new Map(rows.map((row) => [row.id, map(row.value)]));
}

async function readGrouped<T>(reader: Neo4jReader, cypher: string, ids: readonly string[], map: (raw: never) => T): Promise<Map<string, T[]>> {
  const rows = await reader.read<{ id: string; items: never[] }>(cypher, { ids });
  return new Map(rows.map((row) => [row.id, row.items.map(map)]));
}

const asStory = (raw: StoryRow): StoryRow => raw;
const asCredit = (raw: { person: Record<string, unknown>; role: string | null; story: StoryRow }): CreditRow => ({
  person: toEntityRow(raw.person),
  role: raw.role ?? null,
  story: raw.story,
});
const asPosition = (raw: { person: Record<string, unknown>; at: Record<string, unknown>; title: string; story: string | null; sentence: string | null }): PositionRow => ({
  person: toEntityRow(raw.person),
  at: toEntityRow(raw.at),
  title: raw.title,
  evidence: toEvidenceRows([{ story: raw.story, sentence: raw.sentence }])[0] ?? null,
});

/** The batched reads, by name; each takes node ids and returns a Map keyed by those ids. */
export const relations = {
  entitiesById: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow>> => readById(r, ENTITIES_BY_ID, ids, toEntityRow),
  storiesById: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, StoryRow>> => readById(r, STORIES_BY_ID, ids, asStory),
  storyBodies: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, string>> => readById(r, STORY_BODIES, ids, (raw: string) => raw),
  documentsById: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, DocumentRow>> =>
    readById(r, DOCUMENTS_BY_ID, ids, (raw: DocumentRow) => raw),
  storiesMentioning: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, StoryRow[]>> => readGrouped(r, STORIES_MENTIONING, ids, asStory),
  related: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, RelatedRow[]>> =>
    readGrouped(r, RELATED_ENTITIES, ids, (raw: { entity: Record<string, unknown>; stories: number }) => ({
      entity: toEntityRow(raw.entity),
      stories: raw.stories,
    })),
  mentionsOfStories: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> => readGrouped(r, MENTIONS_OF_STORIES, ids, toEntityRow),
  creditsOfStories: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, CreditRow[]>> => readGrouped(r, CREDITS_OF_STORIES, ids, asCredit),
  creditsOfPeople: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, CreditRow[]>> => readGrouped(r, CREDITS_OF_PEOPLE, ids, asCredit),
  positionsOfPeople: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, PositionRow[]>> => readGrouped(r, POSITIONS_OF_PEOPLE, ids, asPosition),
  positionsAt: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, PositionRow[]>> => readGrouped(r, POSITIONS_AT, ids, asPosition),
  parentsOfPlaces: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> => readGrouped(r, PARENTS_OF_PLACES, ids, toEntityRow),
  childrenOfPlaces: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> => readGrouped(r, CHILDREN_OF_PLACES, ids, toEntityRow),
  ancestorsOfPlaces: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> => readGrouped(r, ANCESTORS_OF_PLACES, ids, toEntityRow),
  programmesHeldIn: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> => readGrouped(r, PROGRAMMES_HELD_IN, ids, toEntityRow),
  programmesHeldWithin: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> =>
    readGrouped(r, PROGRAMMES_HELD_WITHIN, ids, toEntityRow),
  organisationsBasedIn: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> =>
    readGrouped(r, ORGANISATIONS_BASED_IN, ids, toEntityRow),
  programmesRunBy: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> => readGrouped(r, PROGRAMMES_RUN_BY, ids, toEntityRow),
  placesOfOrganisations: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> =>
    readGrouped(r, PLACES_OF_ORGANISATIONS, ids, toEntityRow),
  runnersOfProgrammes: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> => readGrouped(r, RUNNERS_OF_PROGRAMMES, ids, toEntityRow),
  placesOfProgrammes: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> => readGrouped(r, PLACES_OF_PROGRAMMES, ids, toEntityRow),
  storiesOfDocuments: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, StoryRow[]>> => readGrouped(r, STORIES_OF_DOCUMENTS, ids, asStory),
};

// ---- one-node forms, by batched read -----------------------------------------------------

type ItemOf<K extends keyof typeof relations> = Awaited<ReturnType<(typeof relations)[K]>> extends Map<string, Array<infer V>> ? V : never;

/** A one-node form with the row mapper of the batched read it stands for. */
export interface OneNodeRead<V> {
  body: OneNodeBody;
  map: (raw: never) => V;
}

/**
 * The batched reads that have a one-node form, by their name in `relations`, each with the row
 * mapper that read uses, so that a prefetched item is the very value the loader would hold.
 * test/integration/prefetch-bodies.test.ts compares every one with its batched read.
 */
export const oneNodeReads = {
  mentionsOfStories: { body: MENTIONS_OF_STORY, map: toEntityRow },
  creditsOfStories: { body: CREDITS_OF_STORY, map: asCredit },
  creditsOfPeople: { body: CREDITS_OF_PERSON, map: asCredit },
  positionsOfPeople: { body: POSITIONS_OF_PERSON, map: asPosition },
  positionsAt: { body: POSITIONS_AT_ONE, map: asPosition },
  parentsOfPlaces: { body: PARENTS_OF_PLACE, map: toEntityRow },
  childrenOfPlaces: { body: CHILDREN_OF_PLACE, map: toEntityRow },
  ancestorsOfPlaces: { body: ANCESTORS_OF_PLACE, map: toEntityRow },
  programmesHeldIn: { body: PROGRAMMES_HELD_IN_ONE, map: toEntityRow },
  organisationsBasedIn: { body: ORGANISATIONS_BASED_IN_ONE, map: toEntityRow },
  programmesRunBy: { body: PROGRAMMES_RUN_BY_ONE, map: toEntityRow },
  placesOfOrganisations: { body: PLACES_OF_ORGANISATION, map: toEntityRow },
  runnersOfProgrammes: { body: RUNNERS_OF_PROGRAMME, map: toEntityRow },
  placesOfProgrammes: { body: PLACES_OF_PROGRAMME, map: toEntityRow },
} satisfies { [K in keyof typeof relations]?: OneNodeRead<ItemOf<K>> };

export type OneNodeReadName = keyof typeof oneNodeReads;
