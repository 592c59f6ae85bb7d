/**
 * Paged lists (the top-level `stories`, `people`, `organisations`, `places`, `programmes`).
 *
 * One query per page returns the page and the total. Filters are written as
 * `($x IS NULL OR …)` so that one constant query serves every combination of filters; the sort
 * order, which Cypher cannot take as a parameter, picks one of a fixed set of query texts.
 *
 * Pages are addressed by offset (the cursor encodes it, see ../pagination.ts): sort keys include
 * computed counts, which keyset pagination could not seek on, and the graph only changes when a
 * page is ingested, so offsets over a total order (ties broken by id) are stable in practice.
 */
import type { EntityLabel } from '../../model';
import { EntitySort, StorySort } from '../types/enums.type';
import type { Neo4jReader } from './reader';
import { entityMap, MAX_PART_OF_DEPTH, namedBy, storyMap } from './fragments.repository';
import { toEntityRow, type EntityRow, type StoryRow } from './rows';

export interface PageWindow {
  offset: number;
  limit: number;
}

export interface PageResult<T> {
  total: number;
  items: T[];
}

const NAME_CONTAINS = `($nameContains IS NULL OR n.name CONTAINS $nameContains OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $nameContains))`;
const UNDER = `-[:PART_OF*0..${MAX_PART_OF_DEPTH}]->`;

/** The WHERE clause of each entity list; parameters not given are passed as null. */
const ENTITY_FILTERS: Record<EntityLabel, string> = {
  Person: `${NAME_CONTAINS}
  AND ($organisation IS NULL OR EXISTS { MATCH (n)-[:HOLDS_POSITION]->(o:Entity) WHERE ${namedBy('o', '$organisation')} })`,
  Organisation: `${NAME_CONTAINS}
  AND ($type IS NULL OR n.type = $type)
  AND ($place IS NULL OR EXISTS { MATCH (n)-[:BASED_IN]->(:Place)${UNDER}(t:Place) WHERE ${namedBy('t', '$place')} })`,
  Place: `${NAME_CONTAINS}
  AND ($level IS NULL OR n.level = $level)
  AND ($within IS NULL OR EXISTS { MATCH (n)-[:PART_OF*1..${MAX_PART_OF_DEPTH}]->(t:Place) WHERE ${namedBy('t', '$within')} })`,
  Programme: `${NAME_CONTAINS}
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($place IS NULL OR EXISTS { MATCH (n)-[:HELD_IN]->(:Place)${UNDER}(t:Place) WHERE ${namedBy('t', '$place')} })
  AND ($agency IS NULL OR EXISTS { MATCH (a:Entity)-[:RUNS]->(n) WHERE ${namedBy('a', '$agency')} })`,
};

const ENTITY_ORDER: Record<EntitySort, string> = {
  [EntitySort.NAME_ASC]: 'n.name ASC, n.id ASC',
  [EntitySort.NAME_DESC]: 'n.name DESC, n.id DESC',
  [EntitySort.MENTIONS_DESC]: 'mentions DESC, n.name ASC, n.id ASC',
};

function entityListQuery(label: EntityLabel, sort: EntitySort): string {
  return `
MATCH (n:${label})
WHERE ${ENTITY_FILTERS[label]}
WITH n, COUNT { (n)<-[:MENTIONS]-(:Story) } AS mentions
ORDER BY ${ENTITY_ORDER[sort]}
WITH collect(${entityMap('n')}) AS rows
RETURN size(rows) AS total, rows[toInteger($offset)..toInteger($offset + $limit)] AS items`;
}

/** Every entity list query, by label and sort: a closed, constant set. */
export const ENTITY_LIST_QUERIES: Record<EntityLabel, Record<EntitySort, string>> = Object.fromEntries(
  (['Person', 'Organisation', 'Place', 'Programme'] as const).map((label) => [
    label,
    Object.fromEntries(Object.values(EntitySort).map((sort) => [sort, entityListQuery(label, sort)])),
  ]),
) as Record<EntityLabel, Record<EntitySort, string>>;

const STORY_FILTER = `($headlineContains IS NULL OR s.headline CONTAINS $headlineContains)
  AND ($textContains IS NULL OR s.headline CONTAINS $textContains OR coalesce(s.kicker, '') CONTAINS $textContains
       OR coalesce(s.subtitle, '') CONTAINS $textContains OR s.body CONTAINS $textContains)
  AND ($place IS NULL OR EXISTS { MATCH (s)-[:MENTIONS]->(:Place)${UNDER}(t:Place) WHERE ${namedBy('t', '$place')} })
  AND ($mentions IS NULL OR all(m IN $mentions WHERE EXISTS { MATCH (s)-[:MENTIONS]->(e:Entity) WHERE ${namedBy('e', 'm')} }))
  AND ($reporter IS NULL OR EXISTS { MATCH (p:Person)-[:REPORTED]->(s) WHERE ${namedBy('p', '$reporter')} })
  AND ($section IS NULL OR s.section = $section)
  AND ($dateFrom IS NULL OR s.date >= $dateFrom)
  AND ($dateTo IS NULL OR s.date <= $dateTo)`;

// Undated stories go last whatever the direction; a page's stories keep their printed order.
const STORY_ORDER: Record<StorySort, string> = {
  [StorySort.DATE_DESC]: 's.date IS NULL, s.date DESC, s.document, s.position, s.id',
  [StorySort.DATE_ASC]: 's.date IS NULL, s.date ASC, s.document, s.position, s.id',
  [StorySort.HEADLINE_ASC]: 's.headline ASC, s.id',
};

function storyListQuery(sort: StorySort): string {
  return `
MATCH (s:Story)
WHERE ${STORY_FILTER}
WITH s ORDER BY ${STORY_ORDER[sort]}
WITH collect(${storyMap('s')}) AS rows
RETURN size(rows) AS total, rows[toInteger($offset)..toInteger($offset + $limit)] AS items`;
}

export const STORY_LIST_QUERIES: Record<StorySort, string> = Object.fromEntries(
  Object.values(StorySort).map((sort) => [sort, storyListQuery(sort)]),
) as Record<StorySort, string>;

/** Parameters each entity list takes; every one must be present (null when not filtering). */
const ENTITY_PARAMS: Record<EntityLabel, readonly string[]> = {
  Person: ['nameContains', 'organisation'],
  Organisation: ['nameContains', 'type', 'place'],
  Place: ['nameContains', 'level', 'within'],
  Programme: ['nameContains', 'kind', 'place', 'agency'],
};
const STORY_PARAMS = ['headlineContains', 'textContains', 'place', 'mentions', 'reporter', 'section', 'dateFrom', 'dateTo'] as const;

function params(names: readonly string[], where: object | null | undefined, window: PageWindow): Record<string, unknown> {
  const given = (where ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { offset: window.offset, limit: window.limit };
  for (const name of names) out[name] = given[name] ?? null;
  return out;
}

export interface EntityListRequest {
  label: EntityLabel;
  where: object | null | undefined;
  sort: EntitySort;
  window: PageWindow;
}

/** One page of entities of one label. */
export async function readEntityPage(reader: Neo4jReader, request: EntityListRequest): Promise<PageResult<EntityRow>> {
  const cypher = ENTITY_LIST_QUERIES[request.label][request.sort];
  const [row] = await reader.read<{ total: number; items: Record<string, unknown>[] }>(
    cypher,
    params(ENTITY_PARAMS[request.label], request.where, request.window),
  );
  return { total: row?.total ?? 0, items: (row?.items ?? []).map(toEntityRow) };
}

export interface StoryListRequest {
  where: object | null | undefined;
  sort: StorySort;
  window: PageWindow;
}

/** One page of stories. */
export async function readStoryPage(reader: Neo4jReader, request: StoryListRequest): Promise<PageResult<StoryRow>> {
  const [row] = await reader.read<{ total: number; items: StoryRow[] }>(STORY_LIST_QUERIES[request.sort], params(STORY_PARAMS, request.where, request.window));
  return { total: row?.total ?? 0, items: row?.items ?? [] };
}
