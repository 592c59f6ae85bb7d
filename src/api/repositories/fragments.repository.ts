import { PAIR_EDGE_TYPES } from '../../model';

/**
 * Cypher fragments shared by the repositories. They are fixed text with fixed variable names,
 * spliced into constant queries when the modules load, so every query stays one constant string
 * that tests can pin; nothing here ever sees user input.
 */

/**
 * Projects an entity node bound to `v` into an entity tuple, every field (toEntityRow reads it
 * back): id, name, aliases, label, type, level, code, kind, targets. A list rather than a map:
 * most entities have only a few of these fields, and a map would name every one, null or not, in
 * each of the thousands of entities an answer may carry (the keys were half the bytes).
 */
export function entityTuple(v: string): string {
  return `[${v}.id, ${v}.name, ${v}.aliases, head([l IN labels(${v}) WHERE l <> 'Entity']), ${v}.type, ${v}.level, ${v}.code, ${v}.kind, ${v}.targets]`;
}

/**
 * The entity header: the fields most selections ask for (id, name, label, type, level, kind), for
 * lists and relations. Each field read costs Neo4j a db hit even when the node lacks it, and the
 * other three (aliases, code, targets) cost a third of a nested answer's hits; they are read by
 * the entity loader (entityTuple), one batch per request, for the entities whose selection asks.
 */
export function entityHeader(v: string): string {
  return `[${v}.id, ${v}.name, head([l IN labels(${v}) WHERE l <> 'Entity']), ${v}.type, ${v}.level, ${v}.kind]`;
}

/**
 * Projects a story node bound to `v` into a StoryRow map, without the body: bodies are most of a
 * story's bytes and most queries want headlines, so `body` has its own batched loader.
 */
export function storyMap(v: string): string {
  return `${v} { .id, .headline, .kicker, .subtitle, .section, .date, publishedOn: toString(${v}.publishedOn), .position, .document }`;
}

/** True when node `v` is the one parameter `p` names: by id, canonical name or an alias. */
export function namedBy(v: string, p: string): string {
  return `(${v}.id = ${p} OR ${v}.name = ${p} OR ${p} IN coalesce(${v}.aliases, []))`;
}

/** Deepest administrative chain we walk (village → town → district → city → province → country, with slack). */
export const MAX_PART_OF_DEPTH = 8;

/**
 * Containment walks follow the pair edges, one per two places (model.ts): the PART_OF edges
 * themselves are one per story stating them, and an archive's street is stated PART_OF its
 * district thousands of times, each a path a walk would try.
 */
export const PART_OF_PAIR = PAIR_EDGE_TYPES.PART_OF;

/**
 * Binds `v` to every node of `label` that parameter `p` names (id, canonical name or alias),
 * each found by an index: the id constraint, the `entity_name` index, and the `entity_alias_text`
 * text index (aliasText holds the aliases joined by spaces; the exact `IN` check confirms a hit).
 * A CALL subquery, so it starts a query or follows a WITH; yields `v` (distinct).
 */
export function lookUp(v: string, label: 'Entity' | 'Place', p: string): string {
  return `CALL () {
  MATCH (${v}:${label} {id: ${p}}) RETURN ${v}
  UNION MATCH (${v}:Entity {name: ${p}}) WHERE ${v}:${label} RETURN ${v}
  UNION MATCH (${v}:Entity) WHERE ${v}.aliasText CONTAINS ${p} AND ${v}:${label} AND ${p} IN ${v}.aliases RETURN ${v}
}`;
}

/** Which bounds of the publication range ($publishedFrom, $publishedTo) a request gives. */
export interface PublishedBounds {
  from: boolean;
  to: boolean;
}

/**
 * True when the story `storyIdExpr` (an id) was published within the bounds given; `true` when
 * none is. A bound that is given excludes stories without a publication date.
 */
export function publishedWithin(storyIdExpr: string, bounds: PublishedBounds): string {
  const terms = [bounds.from && 'ps.publishedOn >= date($publishedFrom)', bounds.to && 'ps.publishedOn <= date($publishedTo)'].filter(Boolean);
  return terms.length === 0 ? 'true' : `EXISTS { MATCH (ps:Story {id: ${storyIdExpr}}) WHERE ${terms.join(' AND ')} }`;
}

/**
 * A cache of query texts keyed by the shape of request each answers (which anchor, which filters
 * given: never a value), each built on first use. Filter shapes are a closed set, so that cache
 * stays small; shapes of selection are not, so a caller may bound it (`maxTexts`: emptied when
 * full, as a client asks the same few selections over and over).
 */
export function queryTexts(maxTexts = Infinity): (key: string, build: () => string) => string {
  const texts = new Map<string, string>();
  return (key, build) => {
    let text = texts.get(key);
    if (text === undefined) {
      text = build();
      if (texts.size >= maxTexts) texts.clear();
      texts.set(key, text);
    }
    return text;
  };
}

/** ` WHERE condition`, or nothing when the condition is `true`. */
export function whereClause(condition: string): string {
  return condition === 'true' ? '' : ` WHERE ${condition}`;
}

/** The conjunction of the terms given (false and 'true' left out), 'true' for none. */
export function allOf(...terms: Array<string | false>): string {
  const kept = terms.filter((term): term is string => term !== false && term !== 'true');
  return kept.length === 0 ? 'true' : kept.join(' AND ');
}

/*
 * How the first `$limit` of an archive-sized list are found (see firstLinked), measured at 10k
 * pages on the stories naming an entity: a walk step costs ~15 db hits (the index entry, its sort
 * keys, the link checked from the candidate's few edges), a sorted link ~5. The walk is taken when
 * it is expected to be cheaper (degree² > WALK_COST_RATIO × count × candidates) and expected to
 * finish well within its budget (WALK_SHARE × degree ≥ candidates: the anchor links at least a
 * fiftieth of the candidates, so `count` links are expected within 50 × count steps, and the
 * budget is four times that).
 */
const WALK_COST_RATIO = 4;
const WALK_SHARE = 50;
const WALK_BUDGET = 4 * WALK_SHARE;

export interface FirstLinked {
  /** Variables both subqueries import: the anchor and whatever `degree`, `linked` and `sort` read. */
  imports: string;
  /** The anchor's number of links (edge degrees: constant time) and of candidates (the count store). */
  degree: string;
  candidates: string;
  /** Binds `x` to the candidates through a range seek of their index from `from` ('' or null: no seek). */
  walk: (from: string) => string;
  /** The walk's ORDER BY, the index's own key first, so that Neo4j reads the index in order. */
  walkOrder: string;
  /** True when candidate `x` is linked to the anchor, checked from x's side (a few edges). */
  linked: string;
  /** Binds `x` to every node linked to the anchor, from the anchor's side. */
  sort: string;
  /** The list's order: walkOrder, with the nodes the index lacks (no date, no name) last. */
  order: string;
  /** How many to keep: a parameter (`$limit`). */
  count: string;
  /**
   * The variable each node is bound to (default `x`, which `walk` … `order` then name), and the
   * prefix of the helper names (walked, sorted, found; default none). A one-node form nested in
   * the prefetch query sets both to its item variable: its subqueries see the outer query's names.
   */
  x?: string;
  helpers?: string;
}

// Whether a list walks the index rather than sorting its links (edge degrees and counts only).
function walkTaken(list: FirstLinked): string {
  return `${list.degree} * ${list.degree} > ${WALK_COST_RATIO} * ${list.count} * ${list.candidates} AND ${WALK_SHARE} * ${list.degree} >= ${list.candidates}`;
}

// The walk itself, up to its first `count` linked candidates: shared by both forms.
function walkRows(list: FirstLinked, x: string): string {
  return `${list.walk(`CASE WHEN ${walkTaken(list)} THEN '' END`)}
  WITH ${list.imports}, ${x} ORDER BY ${list.walkOrder} LIMIT toInteger(${WALK_BUDGET} * ${list.count})
  WITH ${list.imports}, ${x} WHERE ${list.linked}
  WITH ${x} ORDER BY ${list.walkOrder} LIMIT toInteger(${list.count})`;
}

/**
 * The first `count` nodes linked to an anchor, in the list's order, bound as `found` (a list);
 * two CALL subqueries, to follow a WITH that binds `imports`. Two ways to the same answer:
 * - sort: every linked node, a Top-N sort keeping `count` (memory bounded by `count`, reads
 *   proportional to the anchor's degree) — right for most anchors;
 * - walk: for an anchor linked to a large share of all candidates (株洲市, named by 20,000 of
 *   60,000 stories), the candidates' index in order, each checked for the link, stopping after
 *   `count` (about count × candidates / degree steps, however large the archive grows).
 * See WALK_COST_RATIO for when the walk is taken. It looks at no more than WALK_BUDGET × count
 * candidates (an anchor whose links are old or undated would otherwise walk the whole index);
 * one that finds fewer gives way to the sort, so the answer is always the sort's. Only LIMIT
 * bounds a walk (Neo4j reads the index lazily through PartialTop), and LIMIT takes no variables,
 * hence a budget in multiples of `count` rather than of the degree. The walk's lower bound comes
 * from the row: the planner applies a subquery's WHERE after its index seek, so without it the
 * branch not taken would still scan the index.
 */
export function firstLinked(list: FirstLinked): string {
  const x = list.x ?? 'x';
  const [walked, sorted, found] = ['walked', 'sorted', 'found'].map((name) => `${list.helpers ?? ''}${name}`);
  return `CALL (${list.imports}) {
  WITH ${list.imports} WHERE ${walkTaken(list)}
  ${walkRows(list, x)}
  RETURN collect(${x}) AS ${walked}
}
CALL (${list.imports}, ${walked}) {
  WITH ${list.imports} WHERE size(${walked}) < ${list.count}
  ${list.sort}
  WITH DISTINCT ${x} ORDER BY ${list.order} LIMIT toInteger(${list.count})
  RETURN collect(${x}) AS ${sorted}
}
WITH *, CASE WHEN size(${walked}) >= ${list.count} THEN ${walked} ELSE ${sorted} END AS ${found}`;
}

/**
 * firstLinked for a one-node form nested in the look-ahead prefetch query, where Neo4j 5.26
 * refuses an aggregating function such as collect() (42I18, see OneNodeBody in
 * relations.repository.ts): the same walk and the same sort, each a COLLECT subquery instead of
 * a CALL collecting its rows, so the same answer (the sort's), bound as `found`. The walk keeps
 * the row's lower bound (null unless walking, so that it seeks nothing otherwise); the sort's
 * WHERE depends on the row only, so Neo4j filters before it expands, and a hub whose walk found
 * `count` expands none of its links.
 */
export function firstLinkedOne(list: FirstLinked): string {
  const x = list.x ?? 'x';
  const [walked, found] = ['walked', 'found'].map((name) => `${list.helpers ?? ''}${name}`);
  return `WITH ${list.imports}, COLLECT {
  ${walkRows(list, x)}
  RETURN ${x}
} AS ${walked}
WITH ${list.imports}, CASE WHEN size(${walked}) >= ${list.count} THEN ${walked} ELSE COLLECT {
  ${list.sort}
  WHERE size(${walked}) < ${list.count}
  WITH DISTINCT ${x} ORDER BY ${list.order} LIMIT toInteger(${list.count})
  RETURN ${x}
} END AS ${found}`;
}
