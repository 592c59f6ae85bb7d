/**
 * Paged lists (the top-level `stories`, `people`, `organisations`, `places`, `programmes`).
 *
 * One query per page returns the page and the total (counted, not collected: the rows of a big
 * answer are never held at once). Filters are written as `($x IS NULL OR …)` so that one
 * constant query serves every combination of filters; the anchor (which filter the query starts
 * from, found by an index) and the sort order, which Cypher cannot take as parameters, pick one
 * of a fixed set of query texts.
 *
 * Pages are addressed by offset (the cursor encodes it, see ../pagination.ts): sort keys include
 * computed counts, which keyset pagination could not seek on, and the graph only changes when a
 * page is ingested, so offsets over a total order (ties broken by id) are stable in practice.
 */
import type { EntityLabel } from '../../model';
import { EntitySort, StorySort } from '../types/enums.type';
import type { Neo4jReader } from './reader';
import { entityMap, lookUp, MAX_PART_OF_DEPTH, namedBy, storyMap } from './fragments.repository';
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

/*
 * Anchors. A list starts from the most selective filter it is given, found by an index, and
 * checks the other filters on what that yields (the WHERE clauses above, all of them, so the
 * answer does not depend on the anchor). Each anchor is a CALL that binds `n` (or `s`), distinct.
 * The anchor's value is the parameter `$anchor`, set from the filter it stands for. NONE (no
 * filter at all) is the one query that visits every node of the label; its total comes from
 * Neo4j's count store, and its page is a Top-N sort (memory bounded by the page).
 */
const NAME_ANCHOR = (v: string, label: string) => `CALL () {
  MATCH (${v}:Entity) WHERE ${v}.name CONTAINS $anchor AND ${v}:${label} RETURN ${v}
  UNION MATCH (${v}:Entity) WHERE ${v}.aliasText CONTAINS $anchor AND ${v}:${label} RETURN ${v}
}`;

/** Entity anchors: which filter a list starts from, most selective first. */
export const ENTITY_ANCHORS = {
  Person: { organisation: `${lookUp('o', 'Entity', '$anchor')}
MATCH (o)<-[:HOLDS_POSITION]-(n:Person) WITH DISTINCT n`, nameContains: NAME_ANCHOR('n', 'Person') },
  Organisation: {
    place: `${lookUp('t', 'Place', '$anchor')}
MATCH (t)<-[:PART_OF*0..${MAX_PART_OF_DEPTH}]-(:Place)<-[:BASED_IN]-(n:Organisation) WITH DISTINCT n`,
    nameContains: NAME_ANCHOR('n', 'Organisation'),
    type: `MATCH (n:Organisation {type: $anchor})`,
  },
  Place: {
    within: `${lookUp('t', 'Place', '$anchor')}
MATCH (t)<-[:PART_OF*1..${MAX_PART_OF_DEPTH}]-(n:Place) WITH DISTINCT n`,
    nameContains: NAME_ANCHOR('n', 'Place'),
    level: `MATCH (n:Place {level: $anchor})`,
  },
  Programme: {
    agency: `${lookUp('a', 'Entity', '$anchor')}
MATCH (a)-[:RUNS]->(n:Programme) WITH DISTINCT n`,
    place: `${lookUp('t', 'Place', '$anchor')}
MATCH (t)<-[:PART_OF*0..${MAX_PART_OF_DEPTH}]-(:Place)<-[:HELD_IN]-(n:Programme) WITH DISTINCT n`,
    nameContains: NAME_ANCHOR('n', 'Programme'),
    kind: `MATCH (n:Programme {kind: $anchor})`,
  },
} as const satisfies Record<EntityLabel, Record<string, string>>;

const ENTITY_ORDER: Record<EntitySort, string> = {
  [EntitySort.NAME_ASC]: 'n.name ASC, n.id ASC',
  [EntitySort.NAME_DESC]: 'n.name DESC, n.id DESC',
  [EntitySort.MENTIONS_DESC]: 'mentions DESC, n.name ASC, n.id ASC',
};

// The page: sort, then only the window is projected.
function entityPage(sort: EntitySort): string {
  return `WITH n, ${sort === EntitySort.MENTIONS_DESC ? 'COUNT { (n)<-[:MENTIONS]-(:Story) }' : '0'} AS mentions
ORDER BY ${ENTITY_ORDER[sort]}
SKIP toInteger($offset) LIMIT toInteger($limit)
RETURN collect(${entityMap('n')}) AS items`;
}

function entityListQuery(label: EntityLabel, anchor: string | null, sort: EntitySort): string {
  if (anchor === null) {
    // Programmes are the one entity list that grows with every page: walk the name index, in
    // order, so a page by name stops after offset + limit programmes.
    return `
CALL () { MATCH (n:${label}) RETURN count(n) AS total }
CALL () {
  MATCH (n:${label})${label === 'Programme' ? ' WHERE n.name IS NOT NULL' : ''}
  ${entityPage(sort).replace(/\n/g, '\n  ')}
}
RETURN total, items`;
  }
  const anchored = (ENTITY_ANCHORS[label] as Record<string, string>)[anchor];
  const body = `${anchored}
  WITH n WHERE ${ENTITY_FILTERS[label]}`.replace(/\n/g, '\n  ');
  return `
CALL () {
  ${body}
  RETURN count(n) AS total
}
CALL () {
  ${body}
  ${entityPage(sort).replace(/\n/g, '\n  ')}
}
RETURN total, items`;
}

/** Every entity list query, by label, anchor ('NONE' without a filter) and sort: a closed, constant set. */
export const ENTITY_LIST_QUERIES: Record<EntityLabel, Record<string, Record<EntitySort, string>>> = Object.fromEntries(
  (['Person', 'Organisation', 'Place', 'Programme'] as const).map((label) => [
    label,
    Object.fromEntries(
      ['NONE', ...Object.keys(ENTITY_ANCHORS[label])].map((anchor) => [
        anchor,
        Object.fromEntries(Object.values(EntitySort).map((sort) => [sort, entityListQuery(label, anchor === 'NONE' ? null : anchor, sort)])),
      ]),
    ),
  ]),
) as Record<EntityLabel, Record<string, Record<EntitySort, string>>>;

// The story filter, one predicate per filter field: each is true when its parameter is null.
const STORY_PREDICATES = {
  headlineContains: '($headlineContains IS NULL OR s.headline CONTAINS $headlineContains)',
  textContains: `($textContains IS NULL OR s.headline CONTAINS $textContains OR coalesce(s.kicker, '') CONTAINS $textContains
       OR coalesce(s.subtitle, '') CONTAINS $textContains OR s.body CONTAINS $textContains)`,
  place: `($place IS NULL OR EXISTS { MATCH (s)-[:MENTIONS]->(:Place)${UNDER}(t:Place) WHERE ${namedBy('t', '$place')} })`,
  mentions: `($mentions IS NULL OR all(m IN $mentions WHERE EXISTS { MATCH (s)-[:MENTIONS]->(e:Entity) WHERE ${namedBy('e', 'm')} }))`,
  reporter: `($reporter IS NULL OR EXISTS { MATCH (p:Person)-[:REPORTED]->(s) WHERE ${namedBy('p', '$reporter')} })`,
  section: '($section IS NULL OR s.section = $section)',
  date: '($dateFrom IS NULL OR s.date >= $dateFrom) AND ($dateTo IS NULL OR s.date <= $dateTo)',
  published: '($publishedFrom IS NULL OR s.publishedOn >= date($publishedFrom)) AND ($publishedTo IS NULL OR s.publishedOn <= date($publishedTo))',
} as const;

/**
 * The predicates an anchor already makes exactly true of every story it yields, so the filter
 * does not test them again (re-reading a month's publication dates, or every matching body, a
 * second time). `mentions` anchors on the first name only, so its predicate stays.
 */
const ANCHOR_GUARANTEES: Record<string, ReadonlyArray<keyof typeof STORY_PREDICATES>> = {
  reporter: ['reporter'],
  place: ['place'],
  headlineContains: ['headlineContains'],
  textBigram: ['textContains'],
  textContains: ['textContains'],
  published: ['published'],
  section: ['section'],
  date: ['date'],
};

function storyFilter(anchor: string | null): string {
  const guaranteed = new Set(anchor === null ? [] : ANCHOR_GUARANTEES[anchor] ?? []);
  return (Object.keys(STORY_PREDICATES) as Array<keyof typeof STORY_PREDICATES>)
    .filter((name) => !guaranteed.has(name))
    .map((name) => STORY_PREDICATES[name])
    .join('\n  AND ');
}

// The stories the `story_text` fulltext index finds for the phrase $lucene.
const STORY_TEXT_HITS = `CALL db.index.fulltext.queryNodes('story_text', $lucene) YIELD node AS s`;

/** Story anchors, most selective first; `$anchor` is the filter's value (the first of `mentions`). */
export const STORY_ANCHORS = {
  mentions: `${lookUp('e', 'Entity', '$anchor')}
MATCH (e)<-[:MENTIONS]-(s:Story) WITH DISTINCT s`,
  reporter: `${lookUp('p', 'Entity', '$anchor')}
MATCH (p)-[:REPORTED]->(s:Story) WITH DISTINCT s`,
  place: `${lookUp('t', 'Place', '$anchor')}
MATCH (t)<-[:PART_OF*0..${MAX_PART_OF_DEPTH}]-(:Place)<-[:MENTIONS]-(s:Story) WITH DISTINCT s`,
  headlineContains: `MATCH (s:Story) WHERE s.headline CONTAINS $anchor`,
  // Chinese text of three characters or more: the phrase in the `story_text` fulltext index (CJK
  // bigrams); the filter checks CONTAINS, since consecutive bigrams may straddle punctuation
  // (就业，业岗 holds the bigrams of 就业岗).
  textPhrase: STORY_TEXT_HITS,
  // Exactly two Chinese characters (most Chinese words): one bigram, which the analyzer only forms
  // from two adjacent characters, so every hit holds the text and no body is read to check it.
  textBigram: STORY_TEXT_HITS,
  // Anything else: one text index per field; the union keeps each story once.
  textContains: `CALL () {
  MATCH (s:Story) WHERE s.headline CONTAINS $anchor RETURN s
  UNION MATCH (s:Story) WHERE s.kicker CONTAINS $anchor RETURN s
  UNION MATCH (s:Story) WHERE s.subtitle CONTAINS $anchor RETURN s
  UNION MATCH (s:Story) WHERE s.body CONTAINS $anchor RETURN s
}`,
  // An open end of the range is the far past or future, so the range seek always has two bounds.
  published: `MATCH (s:Story) WHERE s.publishedOn >= coalesce(date($publishedFrom), date('0001-01-01')) AND s.publishedOn <= coalesce(date($publishedTo), date('9999-12-31'))`,
  section: `MATCH (s:Story {section: $anchor})`,
  date: `MATCH (s:Story) WHERE s.date >= coalesce($dateFrom, '') AND s.date <= coalesce($dateTo, '\uffff')`,
} as const;
export type StoryAnchor = keyof typeof STORY_ANCHORS;

// Undated stories go last whatever the direction; a page's stories keep their printed order.
const STORY_ORDER: Record<StorySort, string> = {
  [StorySort.DATE_DESC]: 's.date IS NULL, s.date DESC, s.document, s.position, s.id',
  [StorySort.DATE_ASC]: 's.date IS NULL, s.date ASC, s.document, s.position, s.id',
  [StorySort.HEADLINE_ASC]: 's.headline ASC, s.id',
};

function storyPage(sort: StorySort): string {
  return `WITH s ORDER BY ${STORY_ORDER[sort]}
SKIP toInteger($offset) LIMIT toInteger($limit)
RETURN collect(${storyMap('s')}) AS items`;
}

function storyListQuery(anchor: StoryAnchor | null, sort: StorySort): string {
  if (anchor === null) {
    return `
CALL () { MATCH (s:Story) RETURN count(s) AS total }
CALL () {
  MATCH (s:Story)
  ${storyPage(sort).replace(/\n/g, '\n  ')}
}
RETURN total, items`;
  }
  const body = `${STORY_ANCHORS[anchor]}
  WITH s WHERE ${storyFilter(anchor)}`.replace(/\n/g, '\n  ');
  return `
CALL () {
  ${body}
  RETURN count(s) AS total
}
CALL () {
  ${body}
  ${storyPage(sort).replace(/\n/g, '\n  ')}
}
RETURN total, items`;
}

/** Every story list query, by anchor ('NONE' without a filter) and sort: a closed, constant set. */
export const STORY_LIST_QUERIES: Record<StoryAnchor | 'NONE', Record<StorySort, string>> = Object.fromEntries(
  (['NONE', ...Object.keys(STORY_ANCHORS)] as Array<StoryAnchor | 'NONE'>).map((anchor) => [
    anchor,
    Object.fromEntries(Object.values(StorySort).map((sort) => [sort, storyListQuery(anchor === 'NONE' ? null : anchor, sort)])),
  ]),
) as Record<StoryAnchor | 'NONE', Record<StorySort, string>>;

/** Parameters each entity list takes; every one must be present (null when not filtering). */
const ENTITY_PARAMS: Record<EntityLabel, readonly string[]> = {
  Person: ['nameContains', 'organisation'],
  Organisation: ['nameContains', 'type', 'place'],
  Place: ['nameContains', 'level', 'within'],
  Programme: ['nameContains', 'kind', 'place', 'agency'],
};
const STORY_PARAMS = ['headlineContains', 'textContains', 'place', 'mentions', 'reporter', 'section', 'dateFrom', 'dateTo', 'publishedFrom', 'publishedTo'] as const;

function params(names: readonly string[], where: object | null | undefined, window: PageWindow): Record<string, unknown> {
  const given = (where ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { offset: window.offset, limit: window.limit };
  for (const name of names) out[name] = given[name] ?? null;
  return out;
}

/** The first anchor (in declaration order) whose filter is given, or NONE; `$anchor` is its value. */
function pickAnchor(anchors: readonly string[], values: Record<string, unknown>): { anchor: string; value: unknown } {
  for (const anchor of anchors) {
    if (anchor === 'published') {
      if (values.publishedFrom !== null || values.publishedTo !== null) return { anchor, value: null };
      continue;
    }
    if (anchor === 'date') {
      if (values.dateFrom !== null || values.dateTo !== null) return { anchor, value: null };
      continue;
    }
    const value = values[anchor];
    if (Array.isArray(value)) {
      if (value.length > 0) return { anchor, value: value[0] };
    } else if (value !== null && value !== undefined) {
      return { anchor, value };
    }
  }
  return { anchor: 'NONE', value: null };
}

/** The query text and parameters an entity list request runs (exported for the plan tests). */
export function entityListStatement(request: EntityListRequest): { cypher: string; params: Record<string, unknown> } {
  const values = params(ENTITY_PARAMS[request.label], request.where, request.window);
  const { anchor, value } = pickAnchor(Object.keys(ENTITY_ANCHORS[request.label]), values);
  return { cypher: ENTITY_LIST_QUERIES[request.label][anchor][request.sort], params: { ...values, anchor: value } };
}

/** The query text and parameters a story list request runs (exported for the plan tests). */
export function storyListStatement(request: StoryListRequest): { cypher: string; params: Record<string, unknown> } {
  const values = params(STORY_PARAMS, request.where, request.window);
  const picked = pickAnchor(Object.keys(STORY_ANCHORS), values);
  const text = picked.anchor === 'textContains' && typeof picked.value === 'string' ? picked.value : null;
  const phrase = text !== null && /^\p{Script=Han}{2,}$/u.test(text);
  // The basic CJK block only: what the analyzer certainly bigrams as one token pair.
  const bigram = text !== null && /^[\u4e00-\u9fff]{2}$/u.test(text);
  const anchor = bigram ? 'textBigram' : phrase ? 'textPhrase' : picked.anchor;
  return {
    cypher: STORY_LIST_QUERIES[anchor as StoryAnchor | 'NONE'][request.sort],
    params: { ...values, anchor: picked.value, lucene: phrase ? `"${picked.value as string}"` : null },
  };
}

export interface EntityListRequest {
  label: EntityLabel;
  where: object | null | undefined;
  sort: EntitySort;
  window: PageWindow;
}

/** One page of entities of one label. */
export async function readEntityPage(reader: Neo4jReader, request: EntityListRequest): Promise<PageResult<EntityRow>> {
  const { cypher, params: values } = entityListStatement(request);
  const [row] = await reader.read<{ total: number; items: Record<string, unknown>[] }>(cypher, values);
  return { total: row?.total ?? 0, items: (row?.items ?? []).map(toEntityRow) };
}

export interface StoryListRequest {
  where: object | null | undefined;
  sort: StorySort;
  window: PageWindow;
}

/** One page of stories. */
export async function readStoryPage(reader: Neo4jReader, request: StoryListRequest): Promise<PageResult<StoryRow>> {
  const { cypher, params: values } = storyListStatement(request);
  const [row] = await reader.read<{ total: number; items: StoryRow[] }>(cypher, values);
  return { total: row?.total ?? 0, items: row?.items ?? [] };
}
