/**
 * The Cypher of the exports. Every statement is constant text with parameters; labels and
 * relationship types, which Cypher cannot take as parameters, come from the graph model's fixed
 * names when this module loads, never from input.
 *
 * Paging is keyset paging on the `id` property (`WHERE n.id > $after ORDER BY n.id LIMIT
 * $batch`), which the unique `id` constraints serve from their index in order: no SKIP, no
 * query that grows with the offset, and each page is its own short read transaction so that a
 * long export never runs into the transaction timeout.
 */
import { NODE_LABELS, PAIR_EDGE_TYPES, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../model';

/**
 * The label the loader matches the start node of each relationship type by (see
 * MERGE_RELATIONSHIPS in src/neo4j/write-queries.ts); edges are paged by their start node.
 */
export type StartLabel = 'Document' | 'Story' | 'Entity';
export const START_LABEL: Record<RelationshipType, StartLabel> = {
  CONTAINS: 'Document',
  MENTIONS: 'Story',
  REPORTED: 'Entity',
  RUNS: 'Entity',
  HELD_IN: 'Entity',
  HOLDS_POSITION: 'Entity',
  BASED_IN: 'Entity',
  PART_OF: 'Entity',
};

/** The one label of a node that says what it is (Entity is shared by the four entity kinds). */
const KIND = "[l IN labels(n) WHERE l <> 'Entity'][0]";

/** Resolves `--place` by id, then name, then alias; more than one match by name is reported as ambiguous. */
export const RESOLVE_PLACE = `
MATCH (p:Place)
WHERE p.id = $place OR p.name = $place OR $place IN p.aliases
RETURN p.id AS id, p.name AS name, p.level AS level, p.id = $place AS byId, p.name = $place AS byName
ORDER BY byId DESC, byName DESC, p.id
LIMIT 10`;

/**
 * The place subgraph of `--place`:
 * 1. the place and every place PART_OF it, at any depth (its streets, communities, estates);
 * 2. the place's ancestors up the PART_OF chain (district → city → province), for context only;
 * 3. programmes HELD_IN one of the places of (1), or run by one of them (a district acting as a body);
 * 4. the agencies that RUN those programmes, and the organisations BASED_IN a place of (1);
 * 5. the stories that MENTION a place of (1) or a programme of (3), and their documents;
 * 6. the people who REPORTED those stories, and the people who HOLD_POSITION in a place of (1)
 *    or in an organisation based there.
 * The export is the induced subgraph on these nodes: every relationship between two of them.
 */
export const PLACE_SCOPE = `
MATCH (root:Place {id: $placeId})
CALL (root) { MATCH (p:Place)-[:${PAIR_EDGE_TYPES.PART_OF}*0..10]->(root) RETURN collect(DISTINCT p) AS places }
CALL (root) { OPTIONAL MATCH (root)-[:${PAIR_EDGE_TYPES.PART_OF}*1..10]->(a:Place) RETURN collect(DISTINCT a) AS ancestors }
CALL (places) {
  UNWIND places AS p
  CALL (p) { MATCH (g:Programme)-[:HELD_IN]->(p) RETURN g UNION MATCH (p)-[:RUNS]->(g:Programme) RETURN g }
  RETURN collect(DISTINCT g) AS programmes
}
CALL (programmes) { UNWIND programmes AS g MATCH (agency:Entity)-[:RUNS]->(g) RETURN collect(DISTINCT agency) AS agencies }
CALL (places) { UNWIND places AS p MATCH (o:Organisation)-[:BASED_IN]->(p) RETURN collect(DISTINCT o) AS based }
CALL (places, programmes) { UNWIND places + programmes AS x MATCH (s:Story)-[:MENTIONS]->(x) RETURN collect(DISTINCT s) AS stories }
CALL (stories) { UNWIND stories AS s MATCH (d:Document)-[:CONTAINS]->(s) RETURN collect(DISTINCT d) AS documents }
CALL (stories) { UNWIND stories AS s MATCH (p:Person)-[:REPORTED]->(s) RETURN collect(DISTINCT p) AS reporters }
CALL (places, based) { UNWIND places + based AS x MATCH (p:Person)-[:HOLDS_POSITION]->(x) RETURN collect(DISTINCT p) AS officials }
UNWIND places + ancestors + programmes + agencies + based + stories + documents + reporters + officials AS n
WITH DISTINCT n
RETURN n.id AS id, ${KIND} AS label`;

/**
 * The date subgraph of `--from/--to`: the stories published in the range (Story.publishedOn, by
 * its index); a story loaded before pages had publication dates is dated by its printed date
 * instead (see dateRangeParams in filter.ts for `--MM-DD` dates; undated stories never match).
 * Then their documents, the entities they
 * MENTION, the people who REPORTED them, and the PART_OF ancestors of those places. Relationships
 * that come from a story (they carry `story`) are kept only when that story is in the range.
 */
export const DATE_SCOPE = `
CALL () {
  MATCH (s:Story) WHERE s.publishedOn >= date($from) AND s.publishedOn <= date($to)
  RETURN s
  UNION
  MATCH (s:Story)
  WHERE s.publishedOn IS NULL AND s.date IS NOT NULL AND CASE
    WHEN s.date STARTS WITH '--' THEN $years IS NULL OR any(y IN $years WHERE toString(toInteger(y)) + substring(s.date, 1) >= $from AND toString(toInteger(y)) + substring(s.date, 1) <= $to)
    ELSE s.date >= $from AND s.date <= $to
  END
  RETURN s
}
WITH collect(s) AS stories
CALL (stories) { UNWIND stories AS s MATCH (d:Document)-[:CONTAINS]->(s) RETURN collect(DISTINCT d) AS documents }
CALL (stories) { UNWIND stories AS s MATCH (s)-[:MENTIONS]->(e:Entity) RETURN collect(DISTINCT e) AS mentioned }
CALL (stories) { UNWIND stories AS s MATCH (p:Entity)-[:REPORTED]->(s) RETURN collect(DISTINCT p) AS reporters }
CALL (mentioned) { UNWIND mentioned AS e MATCH (e:Place)-[:${PAIR_EDGE_TYPES.PART_OF}*1..10]->(a:Place) RETURN collect(DISTINCT a) AS ancestors }
UNWIND stories + documents + mentioned + reporters + ancestors AS n
WITH DISTINCT n
RETURN n.id AS id, ${KIND} AS label`;

function nodePage(label: NodeLabel): string {
  return `
MATCH (n:${label}) WHERE n.id > $after
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY n.id
LIMIT $batch`;
}

function nodesByIds(label: NodeLabel): string {
  return `
UNWIND $ids AS id
MATCH (n:${label} {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY n.id`;
}

/**
 * A page of start nodes that have at least one edge of the type, then their edges. The OPTIONAL
 * MATCH keeps a row for a start node whose edges all lead outside `$labels`, so the cursor still
 * moves past it.
 */
function edgePage(type: RelationshipType): string {
  return `
MATCH (a:${START_LABEL[type]})
WHERE a.id > $after AND EXISTS { (a)-[:${type}]->() } AND any(l IN labels(a) WHERE l IN $labels)
WITH a ORDER BY a.id LIMIT $batch
OPTIONAL MATCH (a)-[r:${type}]->(b) WHERE any(l IN labels(b) WHERE l IN $labels)
RETURN a.id AS source, b.id AS target, elementId(r) AS key, properties(r) AS properties
ORDER BY source, target, key`;
}

/** Edges out of a batch of scoped start nodes; the reader keeps those whose end is in scope too. */
function edgesByIds(type: RelationshipType): string {
  return `
UNWIND $ids AS id
MATCH (a:${START_LABEL[type]} {id: id})-[r:${type}]->(b)
RETURN a.id AS source, b.id AS target, elementId(r) AS key, properties(r) AS properties
ORDER BY source, target, key`;
}

function byLabel(make: (label: NodeLabel) => string): Record<NodeLabel, string> {
  return Object.fromEntries(NODE_LABELS.map((label) => [label, make(label)])) as Record<NodeLabel, string>;
}

function byType(make: (type: RelationshipType) => string): Record<RelationshipType, string> {
  return Object.fromEntries(RELATIONSHIP_TYPES.map((type) => [type, make(type)])) as Record<RelationshipType, string>;
}

/** Parameters: `$after` (last id of the previous page, '' for the first), `$batch` (an integer). */
export const NODE_PAGE = byLabel(nodePage);
/** Parameters: `$ids` (sorted ids of one label). */
export const NODES_BY_IDS = byLabel(nodesByIds);
/** Parameters: `$after`, `$batch`, `$labels` (node labels both ends must have one of). */
export const EDGE_PAGE = byType(edgePage);
/** Parameters: `$ids` (ids of scoped start nodes). */
export const EDGES_BY_IDS = byType(edgesByIds);
