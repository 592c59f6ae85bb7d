/**
 * The look-ahead prefetch primes a loader only with what that loader's own batch would return: on
 * the seed graph, every one-node body against its batched `UNWIND $ids` read (same items, same
 * order, same row mapping) for every entity and story — a bounded one at several limits, small
 * enough that the seed's hubs take firstLinked's index walk — and every value a deep prefetch
 * primes, at every level, against a fresh loader's answer for the same key (id, or id and limit). (Every field at three levels is a
 * 300-branch statement that takes Neo4j seconds to plan, and more than GRAPHQL_MAX_COST allows.)
 */
import type { Driver } from 'neo4j-driver';
import { createLoaders, type Loaders } from '../../src/api/loaders/loaders';
import { primesOf } from '../../src/api/prefetch/prime';
import { planPrefetch } from '../../src/api/prefetch/selection-plan';
import { prefetchStatement, readPrefetch, type PrefetchRoot } from '../../src/api/repositories/prefetch.repository';
import { createReader, type Neo4jReader } from '../../src/api/repositories/reader';
import { oneNodeReads, relations, type OneNodeReadName } from '../../src/api/repositories/relations.repository';
import { ingestPaths } from '../../src/ingest/run';
import { everythingSelection, selectionInfo } from '../unit/api/selection-info';
import { resetDatabase, SEEDS_DIR, testConfig, testDriver } from './harness';

jest.setTimeout(120_000);

const config = testConfig();
let driver: Driver;
let reader: Neo4jReader;
const ids: Record<PrefetchRoot, string[]> = { Entity: [], Story: [] };

beforeAll(async () => {
  driver = testDriver(config);
  await resetDatabase(driver, config);
  const summary = await ingestPaths({ paths: [SEEDS_DIR], driver, database: config.neo4j.database, maxFileBytes: config.ingest.maxFileBytes, timeoutMs: 60_000 });
  if (summary.errors.length > 0) throw new Error(`seed ingest failed: ${JSON.stringify(summary.errors)}`);
  reader = createReader({ driver, database: config.neo4j.database, timeoutMs: 30_000 });
  for (const root of ['Entity', 'Story'] as const) {
    const rows = await reader.read<{ id: string }>(`MATCH (n:${root}) RETURN n.id AS id ORDER BY id`, {});
    ids[root] = rows.map((row) => row.id);
  }
  expect(ids.Entity.length).toBeGreaterThan(50);
  expect(ids.Story.length).toBeGreaterThan(10);
});
afterAll(async () => {
  await driver.close();
});

/** Which root a read's keys are: stories for the story lists, entities for the rest. */
const rootOf = (read: OneNodeReadName): PrefetchRoot => (read === 'mentionsOfStories' || read === 'creditsOfStories' ? 'Story' : 'Entity');

const pages = { maxPageSize: config.api.maxPageSize, defaultPageSize: config.api.defaultPageSize };
const planLimits = { depth: 3, maxLists: 1000, pages };

/** The batched read behind `read`, bounded by `limit` where it takes one. */
function batchedRead(read: OneNodeReadName, keys: readonly string[], limit: number | null): Promise<Map<string, unknown[]>> {
  const batched = relations[read] as (r: Neo4jReader, ids: readonly string[], bound?: { limit: number }) => Promise<Map<string, unknown[]>>;
  return limit === null ? batched(reader, keys) : batched(reader, keys, { limit });
}

/** 1 and 2 take the index walk for the seed's hubs (its degree² > 4 × limit × candidates); the default page and the largest sort. */
const LIMITS = [1, 2, 3, config.api.defaultPageSize, config.api.maxPageSize];
const cases: Array<[OneNodeReadName, number | null]> = (Object.keys(oneNodeReads) as OneNodeReadName[]).flatMap((read) =>
  oneNodeReads[read].bounded ? LIMITS.map((limit): [OneNodeReadName, number | null] => [read, limit]) : [[read, null] as [OneNodeReadName, null]],
);

describe.each(cases)('one-node form of %s, limit %p', (read, limit) => {
  it('gives every seed node the batched read’s items, in its order, mapped the same way', async () => {
    const root = rootOf(read);
    const keys = ids[root];
    const statement = prefetchStatement(root, [{ key: 'items', read, limit, labels: null, next: [] }]);
    const found = await readPrefetch(reader, statement, keys);
    const batched = await batchedRead(read, keys, limit);
    const map = oneNodeReads[read].map as (raw: unknown) => unknown;
    let nonEmpty = 0;
    let cut = 0;
    for (const key of keys) {
      const expected = batched.get(key) ?? [];
      const actual = (found.get(key)?.next?.items ?? []).map(map);
      expect({ key, items: actual }).toEqual({ key, items: expected });
      if (expected.length > 0) nonEmpty += 1;
      if (limit !== null && expected.length === limit) cut += 1;
    }
    // A comparison of empty lists only would prove nothing; at limit 1 some lists must be cut.
    expect(nonEmpty).toBeGreaterThan(0);
    if (limit === 1) expect(cut).toBeGreaterThan(0);
  });
});

it('puts the two limits of one loader at one level under two keys, each with its own parameter', async () => {
  const branches = [
    { key: 'childrenOfPlace', read: 'childrenOfPlaces' as const, limit: 1, labels: null, next: [] },
    { key: 'childrenOfPlace', read: 'childrenOfPlaces' as const, limit: 3, labels: null, next: [] },
  ];
  const statement = prefetchStatement('Entity', branches);
  expect(statement.params).toEqual({ limit_0: 1, limit_1: 3 });
  const found = await readPrefetch(reader, statement, ids.Entity);
  for (const [i, limit] of [1, 3].entries()) {
    const batched = await batchedRead('childrenOfPlaces', ids.Entity, limit);
    for (const key of ids.Entity) {
      const next = found.get(key)?.next ?? {};
      const actual = (next[i === 0 ? 'childrenOfPlace' : 'childrenOfPlace1'] ?? []).map((raw) => oneNodeReads.childrenOfPlaces.map(raw as never));
      expect({ key, limit, items: actual }).toEqual({ key, limit, items: batched.get(key) ?? [] });
    }
  }
});

async function primedAgainstLoaders(root: PrefetchRoot, query: string, keys: string[]): Promise<number> {
  const branches = planPrefetch(selectionInfo(query), planLimits);
  const found = await readPrefetch(reader, prefetchStatement(root, branches), keys);
  const primes = primesOf(root, branches, keys, found);
  const fresh: Loaders = createLoaders(reader, { relatedStories: config.api.relatedStories });
  const expected = await Promise.all(primes.map((prime) => (fresh[prime.loader] as { load(key: unknown): Promise<unknown> }).load(prime.key)));
  primes.forEach((prime, i) => expect({ loader: prime.loader, key: prime.key, value: prime.value }).toEqual({ loader: prime.loader, key: prime.key, value: expected[i] }));
  return primes.length;
}

it('primes, two levels deep under every seed entity (every field the prefetch knows), only what the loaders would load', async () => {
  const primed = await primedAgainstLoaders('Entity', `{ node(id: "x") { ${everythingSelection(2)} } }`, ids.Entity);
  expect(primed).toBeGreaterThan(ids.Entity.length * 2);
});

it('primes, three levels deep under every seed entity, only what the loaders would load', async () => {
  const query = `{ node(id: "x") {
    ... on Place { children { parent { programmes { id } } } programmes { runBy { ... on Organisation { places { id } } ... on Place { parent { id } } } } }
    ... on Programme { runBy { ... on Organisation { people { title } places { ancestors { id } } } } places { organisations { programmes { id } } } }
    ... on Person { positions { title } credits { role } }
  } }`;
  const primed = await primedAgainstLoaders('Entity', query, ids.Entity);
  expect(primed).toBeGreaterThan(ids.Entity.length * 2);
});

it('primes, with `first` given at every level (and aliases asking two limits of one list), only what the loaders would load', async () => {
  const query = `{ node(id: "x") {
    ... on Place { a: children(first: 1) { id } b: children(first: 2) { programmes(first: 1) { runBy(first: 1) { id } places { id } } }
                   programmes(first: 2) { runBy { id } places(first: 1) { id } } runs(first: 1) { id } organisations(first: 1) { people(first: 1) { title } }
                   stories(first: 1) { id } people(first: 2) { title } }
    ... on Organisation { programmes(first: 1) { places(first: 2) { id } } places(first: 1) { children(first: 1) { id } } stories(first: 3) { id } }
    ... on Programme { runBy(first: 1) { id } places(first: 2) { organisations(first: 1) { id } } stories(first: 2) { id } }
    ... on Person { positions(first: 1) { title } credits(first: 1) { role } stories(first: 1) { id } }
  } }`;
  const primed = await primedAgainstLoaders('Entity', query, ids.Entity);
  expect(primed).toBeGreaterThan(ids.Entity.length * 2);
});

it('primes, under every seed story, only what the loaders would load', async () => {
  const primed = await primedAgainstLoaders('Story', `{ story(id: "x") { id mentions { ${everythingSelection(2)} } credits { role } } }`, ids.Story);
  expect(primed).toBeGreaterThan(ids.Story.length * 3);
});
