/**
 * Paged lists (the top-level `stories`, `people`, `organisations`, `places`, `programmes`).
 *
 * One query per page returns the page and the total (counted, not collected: the rows of a big
 * answer are never held at once). A query text holds the predicates of the filters a request
 * gives and no others: the anchor (which filter the query starts from, found by an index), the
 * filters given and the sort order pick the text, built from fixed fragments and kept once built,
 * so each shape of request is one constant, parameterised text. (One text for every combination,
 * each predicate guarded by `$x IS NULL OR`, cost Neo4j a third more per request on a month's
 * stories, for the guards evaluated on every row, and sent 2.5 KB of query per request.)
 *
 * Pages are addressed by offset (the cursor encodes it, see ../pagination.ts): sort keys include
 * computed counts, which keyset pagination could not seek on, and the graph only changes when a
 * page is ingested, so offsets over a total order (ties broken by id) are stable in practice.
 */
import { PAIR_EDGE_TYPES, type EntityLabel } from '../../model';
import { EntitySort, StorySort } from '../types/enums.type';
import type { Neo4jReader } from './reader';
import { entityHeader, lookUp, MAX_PART_OF_DEPTH, PART_OF_PAIR, namedBy, queryTexts, storyMap } from './fragments.repository';
import { toEntityRow, type EntityRow, type EntityTuple, type StoryRow } from './rows';

export interface PageWindow {
  offset: number;
  limit: number;
}

export interface PageResult<T> {
  total: number;
  items: T[];
}

const UNDER = `-[:${PART_OF_PAIR}*0..${MAX_PART_OF_DEPTH}]->`;

/** One filter's predicate on the listed node, by the parameter that carries its value. */
type Predicates = Readonly<Record<string, string>>;

const NAME_CONTAINS = `(n.name CONTAINS $nameContains OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $nameContains))`;

/** Each entity list's filters; a request's WHERE holds those it gives. */
const ENTITY_PREDICATES: Record<EntityLabel, Predicates> = {
  Person: {
    nameContains: NAME_CONTAINS,
    organisation: `EXISTS { MATCH (n)-[:HOLDS_POSITION]->(o:Entity) WHERE ${namedBy('o', '$organisation')} }`,
  },
  Organisation: {
    nameContains: NAME_CONTAINS,
    type: 'n.type = $type',
    place: `EXISTS { MATCH (n)-[:${PAIR_EDGE_TYPES.BASED_IN}]->(:Place)${UNDER}(t:Place) WHERE ${namedBy('t', '$place')} }`,
  },
  Place: {
    nameContains: NAME_CONTAINS,
    level: 'n.level = $level',
    within: `EXISTS { MATCH (n)-[:${PART_OF_PAIR}*1..${MAX_PART_OF_DEPTH}]->(t:Place) WHERE ${namedBy('t', '$within')} }`,
  },
  Programme: {
    nameContains: NAME_CONTAINS,
    kind: 'n.kind = $kind',
    place: `EXISTS { MATCH (n)-[:${PAIR_EDGE_TYPES.HELD_IN}]->(:Place)${UNDER}(t:Place) WHERE ${namedBy('t', '$place')} }`,
    agency: `EXISTS { MATCH (a:Entity)-[:${PAIR_EDGE_TYPES.RUNS}]->(n) WHERE ${namedBy('a', '$agency')} }`,
  },
};

/** The WHERE of the predicates given, in the table's order, less those the anchor guarantees; '' for none. */
function whereGiven(predicates: Predicates, given: ReadonlySet<string>, guaranteed: ReadonlySet<string>, v: string): string {
  const terms = Object.keys(predicates).filter((name) => given.has(name) && !guaranteed.has(name)).map((name) => predicates[name]);
  return terms.length === 0 ? '' : `\nWITH ${v} WHERE ${terms.join('\n  AND ')}`;
}

/** Query texts by shape: anchors × sorts × subsets of a few filters. */
function memoised(build: (anchor: string, sort: string, given: ReadonlySet<string>) => string) {
  const texts = queryTexts();
  return (anchor: string, sort: string, given: ReadonlySet<string>): string =>
    texts(`${anchor}|${sort}|${[...given].sort().join(',')}`, () => build(anchor, sort, given));
}

/*
 * Anchors. A list starts from the most selective filter it is given, found by an index, and
 * checks the other filters given on what that yields (so the answer does not depend on the
 * anchor). Each anchor is a CALL that binds `n` (or `s`), distinct.
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
MATCH (t)<-[:${PART_OF_PAIR}*0..${MAX_PART_OF_DEPTH}]-(:Place)<-[:${PAIR_EDGE_TYPES.BASED_IN}]-(n:Organisation) WITH DISTINCT n`,
    nameContains: NAME_ANCHOR('n', 'Organisation'),
    type: `MATCH (n:Organisation {type: $anchor})`,
  },
  Place: {
    within: `${lookUp('t', 'Place', '$anchor')}
MATCH (t)<-[:${PART_OF_PAIR}*1..${MAX_PART_OF_DEPTH}]-(n:Place) WITH DISTINCT n`,
    nameContains: NAME_ANCHOR('n', 'Place'),
    level: `MATCH (n:Place {level: $anchor})`,
  },
  Programme: {
    agency: `${lookUp('a', 'Entity', '$anchor')}
MATCH (a)-[:${PAIR_EDGE_TYPES.RUNS}]->(n:Programme) WITH DISTINCT n`,
    place: `${lookUp('t', 'Place', '$anchor')}
MATCH (t)<-[:${PART_OF_PAIR}*0..${MAX_PART_OF_DEPTH}]-(:Place)<-[:${PAIR_EDGE_TYPES.HELD_IN}]-(n:Programme) WITH DISTINCT n`,
    nameContains: NAME_ANCHOR('n', 'Programme'),
    kind: `MATCH (n:Programme {kind: $anchor})`,
  },
} as const satisfies Record<EntityLabel, Record<string, string>>;

/**
 * The filters an entity anchor makes exactly true of every node it yields: an index equality, or
 * the filter's own walk from a lookUp (which finds what namedBy names). nameContains is not among
 * them: its anchor matches aliasText, the aliases joined, where a hit may straddle two aliases.
 */
const ENTITY_GUARANTEES: Readonly<Record<string, readonly string[]>> = {
  organisation: ['organisation'],
  place: ['place'],
  within: ['within'],
  agency: ['agency'],
  type: ['type'],
  level: ['level'],
  kind: ['kind'],
};

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
RETURN collect(${entityHeader('n')}) AS items`;
}

function entityListQuery(label: EntityLabel, anchor: string, sort: EntitySort, given: ReadonlySet<string>): string {
  if (anchor === 'NONE') {
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
  const body = `${anchored}${whereGiven(ENTITY_PREDICATES[label], given, new Set(ENTITY_GUARANTEES[anchor] ?? []), 'n')}`.replace(/\n/g, '\n  ');
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

const entityListText = memoised((key, sort, given) => {
  const [label, anchor] = key.split(':') as [EntityLabel, string];
  return entityListQuery(label, anchor, sort as EntitySort, given);
});

// The story filter: one predicate per filter parameter.
const STORY_PREDICATES: Predicates = {
  headlineContains: 's.headline CONTAINS $headlineContains',
  textContains: `(s.headline CONTAINS $textContains OR coalesce(s.kicker, '') CONTAINS $textContains
       OR coalesce(s.subtitle, '') CONTAINS $textContains OR s.body CONTAINS $textContains)`,
  place: `EXISTS { MATCH (s)-[:MENTIONS]->(:Place)${UNDER}(t:Place) WHERE ${namedBy('t', '$place')} }`,
  mentions: `all(m IN $mentions WHERE EXISTS { MATCH (s)-[:MENTIONS]->(e:Entity) WHERE ${namedBy('e', 'm')} })`,
  reporter: `EXISTS { MATCH (p:Person)-[:REPORTED]->(s) WHERE ${namedBy('p', '$reporter')} }`,
  section: 's.section = $section',
  dateFrom: 's.date >= $dateFrom',
  dateTo: 's.date <= $dateTo',
  publishedFrom: 's.publishedOn >= date($publishedFrom)',
  publishedTo: 's.publishedOn <= date($publishedTo)',
};

/**
 * The predicates an anchor already makes exactly true of every story it yields, so the filter
 * does not test them again (re-reading a month's publication dates, or every matching body, a
 * second time). `mentions` anchors on the first name only, so its predicate stays.
 */
const STORY_GUARANTEES: Readonly<Record<string, readonly string[]>> = {
  reporter: ['reporter'],
  place: ['place'],
  headlineContains: ['headlineContains'],
  textBigram: ['textContains'],
  textContains: ['textContains'],
  published: ['publishedFrom', 'publishedTo'],
  section: ['section'],
  date: ['dateFrom', 'dateTo'],
};

// The stories the `story_text` fulltext index finds for the phrase $lucene.
const STORY_TEXT_HITS = `CALL db.index.fulltext.queryNodes('story_text', $lucene) YIELD node AS s`;

/** Story anchors, most selective first; `$anchor` is the filter's value (the first of `mentions`). */
export const STORY_ANCHORS = {
  mentions: `${lookUp('e', 'Entity', '$anchor')}
MATCH (e)<-[:MENTIONS]-(s:Story) WITH DISTINCT s`,
  reporter: `${lookUp('p', 'Entity', '$anchor')}
MATCH (p)-[:REPORTED]->(s:Story) WITH DISTINCT s`,
  place: `${lookUp('t', 'Place', '$anchor')}
MATCH (t)<-[:${PART_OF_PAIR}*0..${MAX_PART_OF_DEPTH}]-(:Place)<-[:MENTIONS]-(s:Story) WITH DISTINCT s`,
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

function storyListQuery(anchor: StoryAnchor | 'NONE', sort: StorySort, given: ReadonlySet<string>): string {
  if (anchor === 'NONE') {
    return `
CALL () { MATCH (s:Story) RETURN count(s) AS total }
CALL () {
  MATCH (s:Story)
  ${storyPage(sort).replace(/\n/g, '\n  ')}
}
RETURN total, items`;
  }
  const body = `${STORY_ANCHORS[anchor]}${whereGiven(STORY_PREDICATES, given, new Set(STORY_GUARANTEES[anchor] ?? []), 's')}`.replace(/\n/g, '\n  ');
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

const storyListText = memoised((anchor, sort, given) => storyListQuery(anchor as StoryAnchor | 'NONE', sort as StorySort, given));

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

// The filters a request gives: a value other than null (an empty `mentions` list filters nothing).
function givenFilters(names: readonly string[], values: Record<string, unknown>): Set<string> {
  return new Set(names.filter((name) => values[name] !== null && !(Array.isArray(values[name]) && (values[name] as unknown[]).length === 0)));
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
  const given = givenFilters(ENTITY_PARAMS[request.label], values);
  return { cypher: entityListText(`${request.label}:${anchor}`, request.sort, given), params: { ...values, anchor: value } };
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
    cypher: storyListText(anchor, request.sort, givenFilters(STORY_PARAMS, values)),
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
  const [row] = await reader.read<{ total: number; items: EntityTuple[] }>(cypher, values);
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
