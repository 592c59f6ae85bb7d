/**
 * Batched reads behind the DataLoaders: each function takes many keys (node ids) and runs ONE
 * query (`UNWIND $ids`), returning a Map from key to value. The loaders turn the Map into the
 * key-ordered array DataLoader expects, so these functions need not preserve order.
 */
import { PAIR_EDGE_TYPES } from '../../model';
import type { Neo4jReader } from './reader';
import { entityHeader, entityTuple, firstLinked, firstLinkedOne, MAX_PART_OF_DEPTH, PART_OF_PAIR, storyMap, type FirstLinked } from './fragments.repository';
import {
  toEntityRow,
  toEvidenceRows,
  type CreditRow,
  type DocumentRow,
  type EntityRow,
  type EntityTuple,
  type PositionRow,
  type RelatedRow,
  type StoryRow,
} from './rows';

// ---- nodes by id -------------------------------------------------------------------------

export const ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, ${entityTuple('n')} AS value`;

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
// Each returns one row per key that has anything: (id, items). Items are ordered in Cypher, and
// the lists that grow with the archive keep their first $limit there (per key: a CALL per id,
// ORDER BY … LIMIT), so a hub entity costs a page, not every story that names it.
// Some have a one-node form beside them (a OneNodeBody, see below), which the look-ahead
// prefetch nests in one query; the two must give the same items in the same order.

/**
 * A batched list read, for ONE node already bound to a variable, to nest in a larger query (the
 * look-ahead prefetch, src/api/prefetch/). `rows(n, x, limit)` matches from the node bound to `n`,
 * binds each item to `x` and orders the rows as the batched query orders its collect; `item(n, x)`
 * is the map the batched query collects. Helper variables are `x` plus a suffix, so that the forms
 * nest inside each other without reusing a name. Fixed text: only variable names and `limit`, the
 * name of a parameter (`$limit_2`), are spliced. A bounded read's form (one whose batched read
 * takes a ListBound) keeps the first `limit` rows, as the batched read keeps its first `$limit`
 * per key: one prefetch query holds lists of several limits, and LIMIT takes a parameter but no
 * per-row value; an unbounded read's form ignores `limit`.
 *
 * No aggregating function (max, min, collect) may appear: Neo4j 5.26 takes one inside a COLLECT
 * subquery for an aggregation of the projection around it and refuses the query (42I18,
 * "implicit grouping expressions"). Where the batched query aggregates to order its items, the
 * one-node form orders DISTINCT items by a subquery expression that computes the same value.
 * Items that tie on the batched order (two children of one name) have no fixed order in either
 * form, so there the two may differ as two runs of the batched read may.
 */
export interface OneNodeBody {
  rows(n: string, x: string, limit: string): string;
  item(n: string, x: string): string;
}

const entityItem = (_n: string, x: string): string => entityHeader(x);

/**
 * The stories naming `anchor` as firstLinked binds them (to `x`, helpers prefixed `h`: see
 * FirstLinked): newest first by printed date, undated last, then page order. The anchor's
 * degree and the number of stories must be bound as `${h}degree` and `${h}stories`.
 */
const NEWEST_STORIES = (anchor: string, count: string, x = 'x', h = '', build = firstLinked) =>
  build({
    imports: `${anchor}, ${h}degree, ${h}stories`,
    degree: `${h}degree`,
    candidates: `${h}stories`,
    walk: (from) => `MATCH (${x}:Story) WHERE ${x}.date >= ${from}`,
    walkOrder: `${x}.date DESC, ${x}.document, ${x}.position, ${x}.id`,
    linked: `EXISTS { (${x})-[:MENTIONS]->(${anchor}) }`,
    sort: `MATCH (${anchor})<-[:MENTIONS]-(${x}:Story)`,
    order: `${x}.date IS NULL, ${x}.date DESC, ${x}.document, ${x}.position, ${x}.id`,
    count,
    ...(x === 'x' ? {} : { x }),
    helpers: h,
  });

/**
 * Stories naming the entity, newest first (printed date), undated last, then page order: the
 * order of `stories(orderBy: DATE_DESC)`. The first $limit only: an entity named by most of the
 * archive (a city) walks the story_date index newest first instead of sorting its stories.
 */
export const STORIES_MENTIONING = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH id, e, COUNT { (:Story) } AS stories, COUNT { (e)<-[:MENTIONS]-() } AS degree
${NEWEST_STORIES('e', '$limit')}
RETURN id, [x IN found | ${storyMap('x')}] AS items`;
export const STORIES_MENTIONING_ONE: OneNodeBody = {
  // The batched read's walk-or-sort for one node, without collect() (firstLinkedOne): the same
  // first `limit` (the answer is always the sort's), at the walk's cost for a hub.
  rows: (n, x, limit) => `MATCH (${n}:Entity)
WITH ${n}, COUNT { (:Story) } AS ${x}stories, COUNT { (${n})<-[:MENTIONS]-() } AS ${x}degree
${NEWEST_STORIES(n, limit, x, x, firstLinkedOne)}
UNWIND ${x}found AS ${x}`,
  item: (_n, x) => storyMap(x),
};

/**
 * Entities co-mentioned with the key, most shared stories first (then by name, id), the first
 * $limit: counted over the entity's $window newest stories (GRAPHQL_RELATED_STORIES), so that a
 * hub's answer costs $window stories, not the archive. An entity named in fewer stories is
 * counted over all of them.
 */
export const RELATED_ENTITIES = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH id, e, COUNT { (:Story) } AS stories, COUNT { (e)<-[:MENTIONS]-() } AS degree
${NEWEST_STORIES('e', '$window')}
CALL (e, found) {
  UNWIND found AS s
  MATCH (s)-[:MENTIONS]->(o:Entity)
  WHERE o <> e
  WITH o, count(DISTINCT s) AS shared
  ORDER BY shared DESC, o.name, o.id LIMIT toInteger($limit)
  RETURN collect({entity: ${entityHeader('o')}, stories: shared}) AS items
}
RETURN id, items`;

/** Entities a story names, most often named first. */
export const MENTIONS_OF_STORIES = `
UNWIND $ids AS id
MATCH (:Story {id: id})-[m:MENTIONS]->(e:Entity)
WITH id, e, max(m.count) AS times ORDER BY times DESC, e.name
RETURN id, collect(${entityHeader('e')}) AS items`;
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
RETURN id, collect({person: ${entityHeader('p')}, role: r.role, story: ${storyMap('s')}}) AS items`;
export const CREDITS_OF_STORY: OneNodeBody = {
  rows: (n, x) => `MATCH (${x}:Person)-[${x}r:REPORTED]->(${n}:Story)
WITH ${n}, ${x}, ${x}r ORDER BY ${x}r.role, ${x}.name`,
  item: (n, x) => `{person: ${entityHeader(x)}, role: ${x}r.role, story: ${storyMap(n)}}`,
};

/** A reporter's credits in the order they always had (printed date descending, undated first), the first $limit. */
export const CREDITS_OF_PEOPLE = `
UNWIND $ids AS id
CALL (id) {
  MATCH (p:Person {id: id})-[r:REPORTED]->(s:Story)
  WITH p, r, s ORDER BY s.date DESC, s.document, s.position, r.role LIMIT toInteger($limit)
  RETURN collect({person: ${entityHeader('p')}, role: r.role, story: ${storyMap('s')}}) AS items
}
RETURN id, items`;
export const CREDITS_OF_PERSON: OneNodeBody = {
  rows: (n, x, limit) => `MATCH (${n}:Person)-[${x}r:REPORTED]->(${x}:Story)
WITH ${n}, ${x}r, ${x} ORDER BY ${x}.date DESC, ${x}.document, ${x}.position, ${x}r.role LIMIT toInteger(${limit})`,
  item: (n, x) => `{person: ${entityHeader(n)}, role: ${x}r.role, story: ${storyMap(x)}}`,
};

/** One per HOLDS_POSITION edge (each story stating the post), the first $limit. */
export const POSITIONS_OF_PEOPLE = `
UNWIND $ids AS id
CALL (id) {
  MATCH (p:Person {id: id})-[h:HOLDS_POSITION]->(o:Entity)
  WITH p, h, o ORDER BY o.name, o.id, h.title, h.story LIMIT toInteger($limit)
  RETURN collect({person: ${entityHeader('p')}, at: ${entityHeader('o')}, title: h.title, story: h.story, sentence: h.evidence}) AS items
}
RETURN id, items`;
export const POSITIONS_OF_PERSON: OneNodeBody = {
  rows: (n, x, limit) => `MATCH (${n}:Person)-[${x}h:HOLDS_POSITION]->(${x}:Entity)
WITH ${n}, ${x}h, ${x} ORDER BY ${x}.name, ${x}.id, ${x}h.title, ${x}h.story LIMIT toInteger(${limit})`,
  item: (n, x) => `{person: ${entityHeader(n)}, at: ${entityHeader(x)}, title: ${x}h.title, story: ${x}h.story, sentence: ${x}h.evidence}`,
};

/** People holding a position at an organisation (or a place acting as a body), the first $limit. */
export const POSITIONS_AT = `
UNWIND $ids AS id
CALL (id) {
  MATCH (p:Person)-[h:HOLDS_POSITION]->(o:Entity {id: id})
  WITH p, h, o ORDER BY p.name, p.id, h.title, h.story LIMIT toInteger($limit)
  RETURN collect({person: ${entityHeader('p')}, at: ${entityHeader('o')}, title: h.title, story: h.story, sentence: h.evidence}) AS items
}
RETURN id, items`;
export const POSITIONS_AT_ONE: OneNodeBody = {
  rows: (n, x, limit) => `MATCH (${x}:Person)-[${x}h:HOLDS_POSITION]->(${n}:Entity)
WITH ${n}, ${x}, ${x}h ORDER BY ${x}.name, ${x}.id, ${x}h.title, ${x}h.story LIMIT toInteger(${limit})`,
  item: (n, x) => `{person: ${entityHeader(x)}, at: ${entityHeader(n)}, title: ${x}h.title, story: ${x}h.story, sentence: ${x}h.evidence}`,
};

/**
 * The containing places; the gazetteer's containment first, then what a story states. Each parent
 * once along the pair edges, then one look for a gazetteer edge to it (a street is stated PART_OF
 * its district by every story that names both).
 */
const FROM_GAZETTEER = (n: string, q: string, r: string) => `EXISTS { (${n})-[${r}:PART_OF]->(${q}) WHERE ${r}.basis = 'gazetteer' }`;
export const PARENTS_OF_PLACES = `
UNWIND $ids AS id
MATCH (n:Place {id: id})-[:${PART_OF_PAIR}]->(q:Place)
WITH id, q, ${FROM_GAZETTEER('n', 'q', 'r')} AS fromGazetteer
ORDER BY fromGazetteer DESC, q.name
RETURN id, collect(${entityHeader('q')}) AS items`;
export const PARENTS_OF_PLACE: OneNodeBody = {
  rows: (n, x) => `MATCH (${n}:Place)-[:${PART_OF_PAIR}]->(${x}:Place)
WITH ${n}, ${x}
ORDER BY ${FROM_GAZETTEER(n, x, `${x}r`)} DESC, ${x}.name`,
  item: entityItem,
};

/** The first $limit places directly PART_OF it, by name. */
export const CHILDREN_OF_PLACES = `
UNWIND $ids AS id
CALL (id) {
  MATCH (c:Place)-[:${PART_OF_PAIR}]->(:Place {id: id})
  WITH c ORDER BY c.name, c.id LIMIT toInteger($limit)
  RETURN collect(${entityHeader('c')}) AS items
}
RETURN id, items`;
export const CHILDREN_OF_PLACE: OneNodeBody = {
  rows: (n, x, limit) => `MATCH (${x}:Place)-[:${PART_OF_PAIR}]->(${n}:Place)
WITH ${x} ORDER BY ${x}.name, ${x}.id LIMIT toInteger(${limit})`,
  item: entityItem,
};

/** Every place above, nearest first. */
export const ANCESTORS_OF_PLACES = `
UNWIND $ids AS id
MATCH chain = (:Place {id: id})-[:${PART_OF_PAIR}*1..${MAX_PART_OF_DEPTH}]->(a:Place)
WITH id, a, min(length(chain)) AS distance ORDER BY distance, a.name
RETURN id, collect(${entityHeader('a')}) AS items`;
export const ANCESTORS_OF_PLACE: OneNodeBody = {
  // head of the chain lengths, shortest first: min(length(chain)). Not shortestPath(), which fails
  // outright on a PART_OF cycle back to the place itself.
  rows: (n, x) => `MATCH (${n}:Place)-[:${PART_OF_PAIR}*1..${MAX_PART_OF_DEPTH}]->(${x}:Place)
WITH DISTINCT ${n}, ${x}
ORDER BY head(COLLECT { MATCH ${x}chain = (${n})-[:${PART_OF_PAIR}*1..${MAX_PART_OF_DEPTH}]->(${x}) RETURN length(${x}chain) AS ${x}distance ORDER BY ${x}distance }), ${x}.name`,
  item: entityItem,
};

/**
 * The programmes linked to an anchor as firstLinked binds them (to `x`, helpers prefixed `h`),
 * by name: an archive's district holds 26,000. The anchor's degree and the number of
 * programmes must be bound as `${h}degree` and `${h}programmes`.
 */
const PROGRAMMES_BY_NAME = (list: Pick<FirstLinked, 'imports' | 'linked' | 'sort'>, count = '$limit', x = 'x', h = '', build = firstLinked) =>
  build({
    ...list,
    degree: `${h}degree`,
    candidates: `${h}programmes`,
    walk: (from) => `MATCH (${x}:Programme) WHERE ${x}.name >= ${from}`,
    walkOrder: `${x}.name, ${x}.id`,
    order: `${x}.name, ${x}.id`,
    count,
    ...(x === 'x' ? {} : { x }),
    helpers: h,
  });

// Which programmes, bodies and places are linked: one pair edge per pair (model.ts), however many
// stories state it; the degrees that pick walk or sort count distinct programmes too.
const HELD_IN_PAIR = PAIR_EDGE_TYPES.HELD_IN;
const RUNS_PAIR = PAIR_EDGE_TYPES.RUNS;
const BASED_IN_PAIR = PAIR_EDGE_TYPES.BASED_IN;

/** The first $limit programmes HELD_IN the place, by name. */
export const PROGRAMMES_HELD_IN = `
UNWIND $ids AS id
MATCH (e:Place {id: id})
WITH id, e, COUNT { (:Programme) } AS programmes, COUNT { (e)<-[:${HELD_IN_PAIR}]-() } AS degree
${PROGRAMMES_BY_NAME({ imports: 'e, degree, programmes', linked: `EXISTS { (x)-[:${HELD_IN_PAIR}]->(e) }`, sort: `MATCH (e)<-[:${HELD_IN_PAIR}]-(x:Programme)` })}
RETURN id, [x IN found | ${entityHeader('x')}] AS items`;
export const PROGRAMMES_HELD_IN_ONE: OneNodeBody = {
  // The batched read's walk-or-sort for one node (see STORIES_MENTIONING_ONE).
  rows: (n, x, limit) => `MATCH (${n}:Place)
WITH ${n}, COUNT { (:Programme) } AS ${x}programmes, COUNT { (${n})<-[:${HELD_IN_PAIR}]-() } AS ${x}degree
${PROGRAMMES_BY_NAME(
  { imports: `${n}, ${x}degree, ${x}programmes`, linked: `EXISTS { (${x})-[:${HELD_IN_PAIR}]->(${n}) }`, sort: `MATCH (${n})<-[:${HELD_IN_PAIR}]-(${x}:Programme)` },
  limit,
  x,
  x,
  firstLinkedOne,
)}
UNWIND ${x}found AS ${x}`,
  item: entityItem,
};

/**
 * The first $limit programmes held in the place or anywhere PART_OF it (the roll-up), by name.
 * The places inside are found once per key (each once, however many PART_OF edges stories state
 * between the same two places).
 */
export const PROGRAMMES_HELD_WITHIN = `
UNWIND $ids AS id
MATCH (e:Place {id: id})
CALL (e) {
  MATCH (e)<-[:${PART_OF_PAIR}*0..${MAX_PART_OF_DEPTH}]-(pl:Place)
  WITH DISTINCT pl
  RETURN collect(pl) AS inside, sum(COUNT { (pl)<-[:${HELD_IN_PAIR}]-() }) AS degree
}
WITH id, inside, degree, COUNT { (:Programme) } AS programmes
${PROGRAMMES_BY_NAME({
  imports: 'inside, degree, programmes',
  linked: `EXISTS { MATCH (x)-[:${HELD_IN_PAIR}]->(pl) WHERE pl IN inside }`,
  sort: `UNWIND inside AS pl MATCH (pl)<-[:${HELD_IN_PAIR}]-(x:Programme)`,
})}
RETURN id, [x IN found | ${entityHeader('x')}] AS items`;

/** The first $limit organisations BASED_IN the place, by name. */
export const ORGANISATIONS_BASED_IN = `
UNWIND $ids AS id
CALL (id) {
  MATCH (o:Organisation)-[:${BASED_IN_PAIR}]->(:Place {id: id})
  WITH o ORDER BY o.name, o.id LIMIT toInteger($limit)
  RETURN collect(${entityHeader('o')}) AS items
}
RETURN id, items`;
export const ORGANISATIONS_BASED_IN_ONE: OneNodeBody = {
  rows: (n, x, limit) => `MATCH (${x}:Organisation)-[:${BASED_IN_PAIR}]->(${n}:Place)
WITH ${x} ORDER BY ${x}.name, ${x}.id LIMIT toInteger(${limit})`,
  item: entityItem,
};

/** The first $limit programmes an organisation, or a place acting as a body, runs, by name. */
export const PROGRAMMES_RUN_BY = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH id, e, COUNT { (:Programme) } AS programmes, COUNT { (e)-[:${RUNS_PAIR}]->() } AS degree
${PROGRAMMES_BY_NAME({ imports: 'e, degree, programmes', linked: `EXISTS { (e)-[:${RUNS_PAIR}]->(x) }`, sort: `MATCH (e)-[:${RUNS_PAIR}]->(x:Programme)` })}
RETURN id, [x IN found | ${entityHeader('x')}] AS items`;
export const PROGRAMMES_RUN_BY_ONE: OneNodeBody = {
  rows: (n, x, limit) => `MATCH (${n}:Entity)
WITH ${n}, COUNT { (:Programme) } AS ${x}programmes, COUNT { (${n})-[:${RUNS_PAIR}]->() } AS ${x}degree
${PROGRAMMES_BY_NAME(
  { imports: `${n}, ${x}degree, ${x}programmes`, linked: `EXISTS { (${n})-[:${RUNS_PAIR}]->(${x}) }`, sort: `MATCH (${n})-[:${RUNS_PAIR}]->(${x}:Programme)` },
  limit,
  x,
  x,
  firstLinkedOne,
)}
UNWIND ${x}found AS ${x}`,
  item: entityItem,
};

/** Where an organisation is BASED_IN, the first $limit by name. */
export const PLACES_OF_ORGANISATIONS = `
UNWIND $ids AS id
CALL (id) {
  MATCH (:Entity {id: id})-[:${BASED_IN_PAIR}]->(p:Place)
  WITH p ORDER BY p.name, p.id LIMIT toInteger($limit)
  RETURN collect(${entityHeader('p')}) AS items
}
RETURN id, items`;
export const PLACES_OF_ORGANISATION: OneNodeBody = {
  rows: (n, x, limit) => `MATCH (${n}:Entity)-[:${BASED_IN_PAIR}]->(${x}:Place)
WITH ${x} ORDER BY ${x}.name, ${x}.id LIMIT toInteger(${limit})`,
  item: entityItem,
};

/** The bodies that RUN a programme, the first $limit by name. */
export const RUNNERS_OF_PROGRAMMES = `
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Entity)-[:${RUNS_PAIR}]->(:Programme {id: id})
  WITH DISTINCT a ORDER BY a.name, a.id LIMIT toInteger($limit)
  RETURN collect(${entityHeader('a')}) AS items
}
RETURN id, items`;
export const RUNNERS_OF_PROGRAMME: OneNodeBody = {
  rows: (n, x, limit) => `MATCH (${x}:Entity)-[:${RUNS_PAIR}]->(${n}:Programme)
WITH DISTINCT ${x} ORDER BY ${x}.name, ${x}.id LIMIT toInteger(${limit})`,
  item: entityItem,
};

/** Where a programme was HELD_IN, the first $limit by name. */
export const PLACES_OF_PROGRAMMES = `
UNWIND $ids AS id
CALL (id) {
  MATCH (:Programme {id: id})-[:${HELD_IN_PAIR}]->(p:Place)
  WITH DISTINCT p ORDER BY p.name, p.id LIMIT toInteger($limit)
  RETURN collect(${entityHeader('p')}) AS items
}
RETURN id, items`;
export const PLACES_OF_PROGRAMME: OneNodeBody = {
  rows: (n, x, limit) => `MATCH (${n}:Programme)-[:${HELD_IN_PAIR}]->(${x}:Place)
WITH DISTINCT ${x} ORDER BY ${x}.name, ${x}.id LIMIT toInteger(${limit})`,
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

/** How much of a list to read: its first `limit` items (and, for `related`, the newest `window` stories it counts). */
export interface ListBound {
  limit: number;
  window?: number;
}

async function readGrouped<T>(reader: Neo4jReader, cypher: string, ids: readonly string[], map: (raw: never) => T, bound?: ListBound): Promise<Map<string, T[]>> {
  const rows = await reader.read<{ id: string; items: never[] }>(cypher, { ...bound, ids });
  return new Map(rows.map((row) => [row.id, row.items.map(map)]));
}

const asStory = (raw: StoryRow): StoryRow => raw;
const asCredit = (raw: { person: EntityTuple; role: string | null; story: StoryRow }): CreditRow => ({
  person: toEntityRow(raw.person),
  role: raw.role ?? null,
  story: raw.story,
});
const asPosition = (raw: { person: EntityTuple; at: EntityTuple; title: string; story: string | null; sentence: string | null }): PositionRow => ({
  person: toEntityRow(raw.person),
  at: toEntityRow(raw.at),
  title: raw.title,
  evidence: toEvidenceRows([{ story: raw.story, sentence: raw.sentence }])[0] ?? null,
});

/**
 * The batched reads, by name; each takes node ids (and the bounded lists a ListBound) and returns
 * a Map keyed by those ids.
 */
export const relations = {
  entitiesById: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow>> => readById(r, ENTITIES_BY_ID, ids, toEntityRow),
  storiesById: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, StoryRow>> => readById(r, STORIES_BY_ID, ids, asStory),
  storyBodies: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, string>> => readById(r, STORY_BODIES, ids, (raw: string) => raw),
  documentsById: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, DocumentRow>> =>
    readById(r, DOCUMENTS_BY_ID, ids, (raw: DocumentRow) => raw),
  storiesMentioning: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, StoryRow[]>> =>
    readGrouped(r, STORIES_MENTIONING, ids, asStory, bound),
  related: (r: Neo4jReader, ids: readonly string[], bound: Required<ListBound>): Promise<Map<string, RelatedRow[]>> =>
    readGrouped(
      r,
      RELATED_ENTITIES,
      ids,
      (raw: { entity: EntityTuple; stories: number }) => ({ entity: toEntityRow(raw.entity), stories: raw.stories }),
      bound,
    ),
  mentionsOfStories: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> => readGrouped(r, MENTIONS_OF_STORIES, ids, toEntityRow),
  creditsOfStories: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, CreditRow[]>> => readGrouped(r, CREDITS_OF_STORIES, ids, asCredit),
  creditsOfPeople: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, CreditRow[]>> =>
    readGrouped(r, CREDITS_OF_PEOPLE, ids, asCredit, bound),
  positionsOfPeople: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, PositionRow[]>> =>
    readGrouped(r, POSITIONS_OF_PEOPLE, ids, asPosition, bound),
  positionsAt: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, PositionRow[]>> =>
    readGrouped(r, POSITIONS_AT, ids, asPosition, bound),
  parentsOfPlaces: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> => readGrouped(r, PARENTS_OF_PLACES, ids, toEntityRow),
  childrenOfPlaces: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, EntityRow[]>> =>
    readGrouped(r, CHILDREN_OF_PLACES, ids, toEntityRow, bound),
  ancestorsOfPlaces: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, EntityRow[]>> => readGrouped(r, ANCESTORS_OF_PLACES, ids, toEntityRow),
  programmesHeldIn: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, EntityRow[]>> =>
    readGrouped(r, PROGRAMMES_HELD_IN, ids, toEntityRow, bound),
  programmesHeldWithin: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, EntityRow[]>> =>
    readGrouped(r, PROGRAMMES_HELD_WITHIN, ids, toEntityRow, bound),
  organisationsBasedIn: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, EntityRow[]>> =>
    readGrouped(r, ORGANISATIONS_BASED_IN, ids, toEntityRow, bound),
  programmesRunBy: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, EntityRow[]>> =>
    readGrouped(r, PROGRAMMES_RUN_BY, ids, toEntityRow, bound),
  placesOfOrganisations: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, EntityRow[]>> =>
    readGrouped(r, PLACES_OF_ORGANISATIONS, ids, toEntityRow, bound),
  runnersOfProgrammes: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, EntityRow[]>> =>
    readGrouped(r, RUNNERS_OF_PROGRAMMES, ids, toEntityRow, bound),
  placesOfProgrammes: (r: Neo4jReader, ids: readonly string[], bound: ListBound): Promise<Map<string, EntityRow[]>> =>
    readGrouped(r, PLACES_OF_PROGRAMMES, ids, toEntityRow, bound),
  storiesOfDocuments: (r: Neo4jReader, ids: readonly string[]): Promise<Map<string, StoryRow[]>> => readGrouped(r, STORIES_OF_DOCUMENTS, ids, asStory),
};

// ---- one-node forms, by batched read -----------------------------------------------------

type ItemOf<K extends keyof typeof relations> = Awaited<ReturnType<(typeof relations)[K]>> extends Map<string, Array<infer V>> ? V : never;

/** Whether batched read K takes a ListBound: its loader is then keyed by (id, limit) and its one-node form takes the limit. */
type BoundedRead<K extends keyof typeof relations> = Parameters<(typeof relations)[K]> extends [Neo4jReader, readonly string[], ListBound] ? true : false;

/** A one-node form with the row mapper of the batched read it stands for. */
export interface OneNodeRead<V, B extends boolean> {
  body: OneNodeBody;
  map: (raw: never) => V;
  /** The batched read keeps its first `limit` items (BoundedRead, checked below). */
  bounded: B;
}

/**
 * The batched reads that have a one-node form, by their name in `relations`, each with the row
 * mapper that read uses, so that a prefetched item is the very value the loader would hold.
 * test/integration/prefetch-bodies.test.ts compares every one with its batched read (the bounded
 * ones at several limits). Left out: `related` (it counts shared stories, an aggregation, over a
 * window of the newest stories) and `programmesHeldWithin` (the roll-up collects the places
 * inside first); their fields load through their loaders.
 */
export const oneNodeReads = {
  storiesMentioning: { body: STORIES_MENTIONING_ONE, map: asStory, bounded: true },
  mentionsOfStories: { body: MENTIONS_OF_STORY, map: toEntityRow, bounded: false },
  creditsOfStories: { body: CREDITS_OF_STORY, map: asCredit, bounded: false },
  creditsOfPeople: { body: CREDITS_OF_PERSON, map: asCredit, bounded: true },
  positionsOfPeople: { body: POSITIONS_OF_PERSON, map: asPosition, bounded: true },
  positionsAt: { body: POSITIONS_AT_ONE, map: asPosition, bounded: true },
  parentsOfPlaces: { body: PARENTS_OF_PLACE, map: toEntityRow, bounded: false },
  childrenOfPlaces: { body: CHILDREN_OF_PLACE, map: toEntityRow, bounded: true },
  ancestorsOfPlaces: { body: ANCESTORS_OF_PLACE, map: toEntityRow, bounded: false },
  programmesHeldIn: { body: PROGRAMMES_HELD_IN_ONE, map: toEntityRow, bounded: true },
  organisationsBasedIn: { body: ORGANISATIONS_BASED_IN_ONE, map: toEntityRow, bounded: true },
  programmesRunBy: { body: PROGRAMMES_RUN_BY_ONE, map: toEntityRow, bounded: true },
  placesOfOrganisations: { body: PLACES_OF_ORGANISATION, map: toEntityRow, bounded: true },
  runnersOfProgrammes: { body: RUNNERS_OF_PROGRAMME, map: toEntityRow, bounded: true },
  placesOfProgrammes: { body: PLACES_OF_PROGRAMME, map: toEntityRow, bounded: true },
} satisfies { [K in keyof typeof relations]?: OneNodeRead<ItemOf<K>, BoundedRead<K>> };

export type OneNodeReadName = keyof typeof oneNodeReads;
