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

export const CREDITS_OF_STORIES = `
UNWIND $ids AS id
MATCH (p:Person)-[r:REPORTED]->(s:Story {id: id})
WITH id, p, r, s ORDER BY r.role, p.name
RETURN id, collect({person: ${entityMap('p')}, role: r.role, story: ${storyMap('s')}}) AS items`;

export const CREDITS_OF_PEOPLE = `
UNWIND $ids AS id
MATCH (p:Person {id: id})-[r:REPORTED]->(s:Story)
WITH id, p, r, s ORDER BY s.date DESC, s.document, s.position
RETURN id, collect({person: ${entityMap('p')}, role: r.role, story: ${storyMap('s')}}) AS items`;

export const POSITIONS_OF_PEOPLE = `
UNWIND $ids AS id
MATCH (p:Person {id: id})-[h:HOLDS_POSITION]->(o:Entity)
WITH id, p, h, o ORDER BY o.name, h.title
RETURN id, collect({person: ${entityMap('p')}, at: ${entityMap('o')}, title: h.title, story: h.story, sentence: h.evidence}) AS items`;

/** People holding a position at an organisation (or a place acting as a body). */
export const POSITIONS_AT = `
UNWIND $ids AS id
MATCH (p:Person)-[h:HOLDS_POSITION]->(o:Entity {id: id})
WITH id, p, h, o ORDER BY p.name, h.title
RETURN id, collect({person: ${entityMap('p')}, at: ${entityMap('o')}, title: h.title, story: h.story, sentence: h.evidence}) AS items`;

/** The containing places; the gazetteer's containment first, then what a story states. */
export const PARENTS_OF_PLACES = `
UNWIND $ids AS id
MATCH (:Place {id: id})-[r:PART_OF]->(q:Place)
WITH id, q, max(CASE r.basis WHEN 'gazetteer' THEN 1 ELSE 0 END) AS fromGazetteer
ORDER BY fromGazetteer DESC, q.name
RETURN id, collect(${entityMap('q')}) AS items`;

export const CHILDREN_OF_PLACES = `
UNWIND $ids AS id
MATCH (c:Place)-[:PART_OF]->(:Place {id: id})
WITH DISTINCT id, c ORDER BY c.name
RETURN id, collect(${entityMap('c')}) AS items`;

/** Every place above, nearest first. */
export const ANCESTORS_OF_PLACES = `
UNWIND $ids AS id
MATCH chain = (:Place {id: id})-[:PART_OF*1..${MAX_PART_OF_DEPTH}]->(a:Place)
WITH id, a, min(length(chain)) AS distance ORDER BY distance, a.name
RETURN id, collect(${entityMap('a')}) AS items`;

export const PROGRAMMES_HELD_IN = `
UNWIND $ids AS id
MATCH (g:Programme)-[:HELD_IN]->(:Place {id: id})
WITH DISTINCT id, g ORDER BY g.name
RETURN id, collect(${entityMap('g')}) AS items`;

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

/** Programmes an organisation, or a place acting as a body, runs. */
export const PROGRAMMES_RUN_BY = `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:RUNS]->(g:Programme)
WITH DISTINCT id, g ORDER BY g.name
RETURN id, collect(${entityMap('g')}) AS items`;

export const PLACES_OF_ORGANISATIONS = `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:BASED_IN]->(p:Place)
WITH DISTINCT id, p ORDER BY p.name
RETURN id, collect(${entityMap('p')}) AS items`;

export const RUNNERS_OF_PROGRAMMES = `
UNWIND $ids AS id
MATCH (a:Entity)-[:RUNS]->(:Programme {id: id})
WITH DISTINCT id, a ORDER BY a.name
RETURN id, collect(${entityMap('a')}) AS items`;

export const PLACES_OF_PROGRAMMES = `
UNWIND $ids AS id
MATCH (:Programme {id: id})-[:HELD_IN]->(p:Place)
WITH DISTINCT id, p ORDER BY p.name
RETURN id, collect(${entityMap('p')}) AS items`;

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
