/**
 * The Cypher the loader runs. Every statement is constant text with parameters; labels and
 * relationship types, which Cypher cannot take as parameters, are chosen from these fixed
 * strings by the graph model's enums, never built from input.
 */
import { PAIR_EDGE_TYPES, type EntityLabel, type PairedType, type RelationshipType } from '../model';

/**
 * Documents a page replaces when the caller knows nothing about it (loadBatch without `previous`,
 * as fixtures use it): the same file name, or the same content under another name. An ingest run
 * decides by real path and content hash from READ_DOCUMENT_STATES instead.
 */
export const FIND_PREVIOUS_VERSION = `
MATCH (d:Document) WHERE d.source = $source OR d.id = $id
OPTIONAL MATCH (d)-[:CONTAINS]->(s:Story)
RETURN d.id AS id, d.ingestedAt AS ingestedAt, d.extractionHash AS extractionHash, collect(s.id) AS storyIds`;

/** The stories of the documents a page replaces. */
export const STORIES_OF_DOCUMENTS = `
UNWIND $ids AS id
MATCH (:Document {id: id})-[:CONTAINS]->(s:Story)
RETURN collect(s.id) AS storyIds`;

/** Entities the previous version's stories reached, and their PART_OF ancestors: candidates for orphan clean-up. */
export const ENTITIES_OF_STORIES = `
UNWIND $storyIds AS sid
MATCH (s:Story {id: sid})-[:MENTIONS|REPORTED]-(e:Entity)
OPTIONAL MATCH (e)-[:${PAIR_EDGE_TYPES.PART_OF}*1..8]->(a:Place)
WITH collect(DISTINCT e.id) AS mentioned, collect(DISTINCT a.id) AS ancestors
RETURN mentioned + [x IN ancestors WHERE NOT x IN mentioned] AS ids`;

/**
 * Deletes the stories' edges of a paired type, then the pair edge of each pair no edge of the
 * type joins any more (the loader keeps one per pair joined; see PAIR_EDGE_TYPES).
 */
const deleteStatedAndUnpair = (type: PairedType) => `
MATCH (a)-[r:${type}]->(b) WHERE r.story IN $storyIds
WITH a, b, collect(r) AS stated
FOREACH (r IN stated | DELETE r)
WITH a, b WHERE NOT EXISTS { (a)-[:${type}]->(b) }
MATCH (a)-[pair:${PAIR_EDGE_TYPES[type]}]->(b)
DELETE pair`;

/** Story-scoped entity-to-entity edges, one statement per type so each uses its `story` index. */
export const DELETE_EDGES_OF_STORIES: Record<'RUNS' | 'HELD_IN' | 'HOLDS_POSITION' | 'BASED_IN' | 'PART_OF', string> = {
  RUNS: deleteStatedAndUnpair('RUNS'),
  HELD_IN: deleteStatedAndUnpair('HELD_IN'),
  HOLDS_POSITION: 'MATCH ()-[r:HOLDS_POSITION]->() WHERE r.story IN $storyIds DELETE r',
  BASED_IN: deleteStatedAndUnpair('BASED_IN'),
  PART_OF: deleteStatedAndUnpair('PART_OF'),
};

export const DELETE_STORIES = 'UNWIND $storyIds AS sid MATCH (s:Story {id: sid}) DETACH DELETE s';
export const DELETE_DOCUMENTS = 'UNWIND $ids AS id MATCH (d:Document {id: id}) DETACH DELETE d';

/**
 * Deletes candidates that nothing refers to any more: their only relationships, if any, are their
 * own PART_OF edges up the hierarchy (and the pair edges beside them). Run repeatedly: removing a
 * village can orphan its town.
 */
export const DELETE_ORPHANS = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { MATCH (e)-[r]-() WHERE NOT (type(r) IN ['PART_OF', '${PAIR_EDGE_TYPES.PART_OF}'] AND startNode(r) = e) }
WITH e, e.id AS deletedId
DETACH DELETE e
RETURN collect(deletedId) AS deleted`;

export const READ_ALIASES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.aliases AS aliases`;

/** Every document's identity and fingerprints, read once per ingest run (not once per page). */
export const READ_DOCUMENT_STATES = `
MATCH (d:Document)
RETURN d.id AS id, d.realPath AS realPath, d.source AS source, d.fileHash AS fileHash,
       d.extractorKey AS extractorKey, d.extractionHash AS extractionHash, d.ingestedAt AS ingestedAt`;

/** Entities with aliases, read once per run: the loader unions aliases without a read per page. */
export const READ_ALIASED_ENTITIES = `
MATCH (n:Entity) WHERE size(n.aliases) > 0
RETURN n.id AS id, n.aliases AS aliases`;

/** Where a page whose extraction did not change now is (moved, re-found by content, or re-extracted). */
export const UPDATE_DOCUMENT_FACTS = `
MATCH (d:Document {id: $id})
SET d.source = $source, d.path = $path, d.realPath = $realPath, d.fileHash = $fileHash, d.extractorKey = $extractorKey`;

const MERGE_DOCUMENT = `
MERGE (d:Document {id: $document.id})
SET d.source = $document.source, d.path = $document.path, d.realPath = $document.realPath,
    d.fileHash = $document.fileHash, d.extractorKey = $document.extractorKey,
    d.publishedOn = date($document.publishedOn), d.ingestedAt = $document.ingestedAt,
    d.extractionHash = $document.extractionHash`;

const MERGE_STORIES = `
UNWIND $stories AS row
MERGE (s:Story {id: row.id})
SET s.headline = row.headline, s.kicker = row.kicker, s.subtitle = row.subtitle, s.section = row.section,
    s.date = row.date, s.publishedOn = date(row.publishedOn), s.body = row.body, s.position = row.position,
    s.document = $document.id`;

/**
 * One statement per entity label. An existing node keeps its name and its first-seen type,
 * level or kind (another page may describe the same body less precisely); aliases and search
 * keys are the union computed by the loader.
 */
const MERGE_ENTITIES: Record<EntityLabel, string> = {
  Person: `
UNWIND $entities.Person AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:Person, n.name = row.name
SET n.aliases = row.aliases, n.aliasText = row.aliasText, n.pinyin = row.pinyin`,
  Organisation: `
UNWIND $entities.Organisation AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:Organisation, n.name = row.name, n.type = row.type
SET n.aliases = row.aliases, n.aliasText = row.aliasText, n.pinyin = row.pinyin`,
  Place: `
UNWIND $entities.Place AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:Place, n.name = row.name, n.level = row.level, n.code = row.code
SET n.aliases = row.aliases, n.aliasText = row.aliasText, n.pinyin = row.pinyin`,
  Programme: `
UNWIND $entities.Programme AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:Programme, n.name = row.name, n.kind = row.kind, n.targets = row.targets
ON MATCH SET n.targets = reduce(acc = coalesce(n.targets, []), t IN row.targets | CASE WHEN t IN acc THEN acc ELSE acc + t END)
SET n.aliases = row.aliases, n.aliasText = row.aliasText, n.pinyin = row.pinyin`,
};

/** One statement per relationship type; the MERGE key is what makes a re-run write nothing new. */
const MERGE_RELATIONSHIPS: Record<RelationshipType, string> = {
  CONTAINS: `
UNWIND $relationships.CONTAINS AS row
MATCH (a:Document {id: row.from}) MATCH (b:Story {id: row.to})
MERGE (a)-[:CONTAINS]->(b)`,
  REPORTED: `
UNWIND $relationships.REPORTED AS row
MATCH (a:Entity {id: row.from}) MATCH (b:Story {id: row.to})
FOREACH (printed IN CASE WHEN row.role IS NULL THEN [] ELSE [1] END |
  MERGE (a)-[r:REPORTED {role: row.role}]->(b) SET r.story = row.story)
// A credit printed without a role has none: MERGE cannot key on a null, so it keys on the pair.
FOREACH (unprinted IN CASE WHEN row.role IS NULL THEN [1] ELSE [] END |
  MERGE (a)-[r:REPORTED]->(b) ON CREATE SET r.story = row.story)`,
  MENTIONS: `
UNWIND $relationships.MENTIONS AS row
MATCH (a:Story {id: row.from}) MATCH (b:Entity {id: row.to})
MERGE (a)-[r:MENTIONS]->(b)
SET r.count = row.count, r.story = row.story`,
  RUNS: `
UNWIND $relationships.RUNS AS row
MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
MERGE (a)-[r:RUNS {story: row.story}]->(b)
SET r.evidence = row.evidence
MERGE (a)-[:${PAIR_EDGE_TYPES.RUNS}]->(b)`,
  HELD_IN: `
UNWIND $relationships.HELD_IN AS row
MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
MERGE (a)-[r:HELD_IN {story: row.story}]->(b)
SET r.evidence = row.evidence
MERGE (a)-[:${PAIR_EDGE_TYPES.HELD_IN}]->(b)`,
  HOLDS_POSITION: `
UNWIND $relationships.HOLDS_POSITION AS row
MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
MERGE (a)-[r:HOLDS_POSITION {story: row.story, title: row.title}]->(b)
SET r.evidence = row.evidence`,
  BASED_IN: `
UNWIND $relationships.BASED_IN AS row
MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
MERGE (a)-[r:BASED_IN {story: row.story}]->(b)
SET r.evidence = row.evidence
MERGE (a)-[:${PAIR_EDGE_TYPES.BASED_IN}]->(b)`,
  PART_OF: `
UNWIND $relationships.PART_OF AS row
MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
MERGE (a)-[r:PART_OF {story: row.story}]->(b)
SET r.basis = 'text', r.evidence = row.evidence
MERGE (a)-[:${PAIR_EDGE_TYPES.PART_OF}]->(b)`,
};

/**
 * Gazetteer containment carries no story. It is keyed by `basis` so that it never merges with,
 * and is never deleted together with, a containment that one story states.
 */
const MERGE_GAZETTEER_PART_OF = `
UNWIND $gazetteerPartOf AS row
MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
MERGE (a)-[:PART_OF {basis: 'gazetteer'}]->(b)
MERGE (a)-[:${PAIR_EDGE_TYPES.PART_OF}]->(b)`;

/** Wraps one UNWIND … MERGE as a unit subquery: it runs once for the page and leaves its one row alone. */
const unit = (statement: string): string => `CALL () {${statement.replace(/\n/g, '\n  ')}\n}`;

/**
 * One page in one statement — one round trip: the document, its stories, its entities by label,
 * then its relationships by type (each block sees the nodes the blocks before it merged). The
 * parameters: `document` (id, source, path, realPath, fileHash, extractorKey, publishedOn,
 * ingestedAt, extractionHash), `stories`, `entities` ({Person: rows, …}), `relationships`
 * ({CONTAINS: rows, …}; text-derived PART_OF only) and `gazetteerPartOf`. Dates are ISO strings
 * stored as Neo4j `date` values (`date(null)` is null).
 */
export const WRITE_PAGE = [
  MERGE_DOCUMENT.trim(),
  'WITH d',
  unit(MERGE_STORIES),
  ...Object.values(MERGE_ENTITIES).map(unit),
  ...Object.values(MERGE_RELATIONSHIPS).map(unit),
  unit(MERGE_GAZETTEER_PART_OF),
  'RETURN d.id AS id',
].join('\n');
