/**
 * The look-ahead prefetch query: nodes by id, read as ENTITIES_BY_ID or STORIES_BY_ID reads them,
 * each with the lists its selection asks for nested in COLLECT subqueries (the one-node forms of
 * relations.repository.ts), to the depth the plan goes. One query instead of one per level.
 *
 * The text is assembled from fixed pieces only: the one-node bodies, loader names as map keys and
 * node labels as guards, each checked against a fixed pattern here. Nothing from the request is
 * spliced in (aliases never reach Cypher); the ids and the bounded lists' limits are parameters
 * (`$limit_0`, `$limit_1` … in the order the branches are written). The same selection shape
 * always gives the same text, whatever its `first` values, so Neo4j plans each shape once.
 */
import { entityHeader, entityTuple, queryTexts, storyMap } from './fragments.repository';
import type { Neo4jReader } from './reader';
import { oneNodeReads, type OneNodeReadName } from './relations.repository';

/** The labels a prefetch starts from: node(id) reads an Entity, story(id) a Story. */
export type PrefetchRoot = 'Entity' | 'Story';

/** Labels a branch may be guarded by (the GraphQL object types, which share the labels' names). */
const GUARD_LABELS = new Set(['Person', 'Organisation', 'Place', 'Programme', 'Story']);
/** Map keys are loader names: plain identifiers. */
const KEY = /^[A-Za-z][A-Za-z0-9]*$/;
/** Deepest nesting the text supports (variables are v0 … v9); the configured depth stays below. */
export const MAX_PREFETCH_DEPTH = 9;

/** One list to read under a node: the items of one batched read, and what to read under each. */
export interface PrefetchBranch<K extends string = string> {
  /** The map key the items come back under (the name of the loader they prime). */
  key: K;
  /** The batched read whose one-node form reads them. */
  read: OneNodeReadName;
  /**
   * For a bounded read, how many items per node (the loader key's limit); null for the others.
   * One level may hold one loader under several limits (aliases asking different `first`).
   */
  limit: number | null;
  /** Read only when the node has one of these labels (others get null); null reads it for every node. */
  labels: readonly string[] | null;
  next: ReadonlyArray<PrefetchBranch<K>>;
}

/**
 * A node as the prefetch returns it: its row (unmapped), and its lists by branch key (null where
 * a guard failed). A list's items are PrefetchedNodes where the branch reads more below them, and
 * bare rows where it does not (a wrapper less per item to pack, unpack and collect).
 */
/** The statement and its parameters besides $ids. */
export interface PrefetchStatement {
  cypher: string;
  params: Record<string, number>;
}

export interface PrefetchedNode {
  /** The node as its batched read projects it: an entity tuple or a story map. */
  row: unknown;
  next?: Record<string, unknown[] | null>;
}

const ROOT_MATCH: Record<PrefetchRoot, { match: string; project: string }> = {
  Entity: { match: 'MATCH (v0:Entity {id: id})', project: entityTuple('v0') },
  Story: { match: 'MATCH (v0:Story {id: id})', project: storyMap('v0') },
};

const indent = (text: string, by: string): string => text.split('\n').join(`\n${by}`);

function guard(node: string, labels: readonly string[] | null, expression: string): string {
  if (labels === null) return expression;
  for (const label of labels) if (!GUARD_LABELS.has(label)) throw new Error(`prefetch guard: "${label}" is not a node label the API reads`);
  return `CASE WHEN ${labels.map((label) => `${node}:${label}`).join(' OR ')} THEN ${expression} END`;
}

/**
 * The map keys of one level's branches: the loader's name, and where one loader comes more than
 * once (under several limits), its name and its ordinal among them. primesOf reads them back.
 */
export function branchKeys(branches: ReadonlyArray<PrefetchBranch>): string[] {
  const seen = new Map<string, number>();
  return branches.map((branch) => {
    const ordinal = seen.get(branch.key) ?? 0;
    seen.set(branch.key, ordinal + 1);
    return ordinal === 0 ? branch.key : `${branch.key}${ordinal}`;
  });
}

/** The `next: {…}` map of the node bound to v<depth>, or '' when nothing is read below it; adds the limits it reads to `params`. */
function nested(depth: number, branches: readonly PrefetchBranch[], params: Record<string, number>): string {
  if (branches.length === 0) return '';
  if (depth >= MAX_PREFETCH_DEPTH) throw new Error(`prefetch plans nest at most ${MAX_PREFETCH_DEPTH} levels, got a deeper one`);
  const n = `v${depth}`;
  const x = `v${depth + 1}`;
  const keys = branchKeys(branches);
  const entries = branches.map((branch, i) => {
    const key = keys[i]!;
    if (!KEY.test(key)) throw new Error(`prefetch key "${key}" is not a plain identifier`);
    const { body, bounded } = oneNodeReads[branch.read];
    if (bounded !== (branch.limit !== null)) throw new Error(`prefetch branch ${key}: ${branch.read} ${bounded ? 'needs' : 'takes no'} limit`);
    // Named before the branches below, so that the numbering follows the text.
    const limit = `limit_${Object.keys(params).length}`;
    if (branch.limit !== null) params[limit] = branch.limit;
    const below = nested(depth + 1, branch.next, params);
    const item = below === '' ? body.item(n, x) : `{row: ${body.item(n, x)}${indent(below, '  ')}}`;
    const collect = `COLLECT {\n  ${indent(body.rows(n, x, `$${limit}`), '  ')}\n  RETURN ${item}\n}`;
    return `${key}: ${guard(n, branch.labels, collect)}`;
  });
  return `, next: {\n  ${indent(entries.join(',\n'), '  ')}\n}`;
}

/** Which lists a plan reads, without their limits: plans of one shape share one text. */
const shapeOf = (branches: readonly PrefetchBranch[]): string =>
  branches.map((b) => `${b.key}:${b.read}:${b.limit === null ? '' : 'n'}:${b.labels?.join('|') ?? ''}(${shapeOf(b.next)})`).join(',');

/** The limits of a plan as `nested` names them: $limit_<i>, i counting the bounded branches in text order. */
function limitsOf(branches: readonly PrefetchBranch[], params: Record<string, number> = {}): Record<string, number> {
  for (const branch of branches) {
    if (branch.limit !== null) params[`limit_${Object.keys(params).length}`] = branch.limit;
    limitsOf(branch.next, params);
  }
  return params;
}

/** Texts by root and shape of selection (bounded: selections are many, though a client repeats a few). */
const texts = queryTexts(1_000);

/** The one prefetch statement for nodes of `root` read with `branches` below them; parameters: $ids and the limits. */
export function prefetchStatement(root: PrefetchRoot, branches: readonly PrefetchBranch[]): PrefetchStatement {
  const cypher = texts(`${root}|${shapeOf(branches)}`, () => {
    const { match, project } = ROOT_MATCH[root];
    return `UNWIND $ids AS id\n${match}\nRETURN id, {row: ${project}${nested(0, branches, {})}} AS value`;
  });
  return { cypher, params: limitsOf(branches) };
}

/** Runs a prefetch statement for `ids`; ids that name no node are absent from the Map. */
export async function readPrefetch(reader: Neo4jReader, statement: PrefetchStatement, ids: readonly string[]): Promise<Map<string, PrefetchedNode>> {
  const rows = await reader.read<{ id: string; value: PrefetchedNode }>(statement.cypher, { ...statement.params, ids });
  return new Map(rows.map((row) => [row.id, row.value]));
}
