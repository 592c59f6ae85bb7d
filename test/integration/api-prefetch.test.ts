/**
 * The look-ahead prefetch over HTTP on the seed graph, against the same service with it off
 * (GRAPHQL_PREFETCH_DEPTH=0): the benchmark's nested node query is one Cypher query instead of
 * seven, answers are byte-identical, what the prefetch does not cover still loads through its
 * loader, and the one query's nested rows are all charged to the row budget.
 */
import { countListItems } from '../../src/api/list-items';
import { createRowBudget } from '../../src/api/budget';
import { planPrefetch } from '../../src/api/prefetch/selection-plan';
import { prefetchStatement, readPrefetch } from '../../src/api/repositories/prefetch.repository';
import { createReader } from '../../src/api/repositories/reader';
import { ANCESTORS_OF_PLACES, CHILDREN_OF_PLACES, PROGRAMMES_HELD_WITHIN } from '../../src/api/repositories/relations.repository';
import { ingestPaths } from '../../src/ingest/run';
import { benchCases } from '../../scripts/bench/cases';
import { startFixtureServer, type FixtureServer } from '../unit/api/fixture-server';
import { everythingSelection, selectionInfo } from '../unit/api/selection-info';
import { resetDatabase, SEEDS_DIR } from './harness';

jest.setTimeout(120_000);

const BENCH = benchCases({} as never).find((c) => c.name === 'node + nested relations')!.ours;
const PLACE = 'place:430203';

let on: FixtureServer;
let off: FixtureServer;
beforeAll(async () => {
  on = await startFixtureServer({ load: false });
  await resetDatabase(on.driver, on.config);
  const summary = await ingestPaths({ paths: [SEEDS_DIR], driver: on.driver, database: on.config.neo4j.database, maxFileBytes: on.config.ingest.maxFileBytes, timeoutMs: 60_000 });
  if (summary.errors.length > 0) throw new Error(`seed ingest failed: ${JSON.stringify(summary.errors)}`);
  off = await startFixtureServer({ load: false, env: { GRAPHQL_PREFETCH_DEPTH: '0' } });
});
afterAll(async () => {
  await on?.stop();
  await off?.stop();
});
beforeEach(() => {
  on.queries.length = 0;
  off.queries.length = 0;
});

/** Asks both services; expects the same JSON, byte for byte, and returns it. */
async function same(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const [withPrefetch, without] = await Promise.all([on.gql<Record<string, unknown>>(query, variables), off.gql<Record<string, unknown>>(query, variables)]);
  expect(JSON.stringify(withPrefetch)).toBe(JSON.stringify(without));
  return withPrefetch;
}

const isPrefetch = (cypher: string) => cypher.startsWith('UNWIND $ids AS id\nMATCH (v0:');

it("answers the benchmark's nested node query with exactly 1 Cypher query (7 without the prefetch), the same JSON", async () => {
  const data = await same(BENCH.query, { id: PLACE });
  expect(BENCH.rows(data)).toBeGreaterThan(5);
  expect(on.queries).toHaveLength(1);
  expect(isPrefetch(on.queries[0].cypher)).toBe(true);
  expect(on.queries[0].params).toEqual({ ids: [PLACE] });
  expect(off.queries).toHaveLength(7);
});

it('shares one query between aliases asking the same shape, as the loaders did; another shape is another query', async () => {
  const field = 'node(id: $id)';
  const selection = BENCH.query.slice(BENCH.query.indexOf(field) + field.length, BENCH.query.lastIndexOf('}'));
  await same(`query($a: ID!, $b: ID!) { a: node(id: $a) ${selection} b: node(id: $b) ${selection} }`, { a: PLACE, b: 'place:4302' });
  expect(on.queries).toHaveLength(1);
  expect(on.queries[0].params).toEqual({ ids: [PLACE, 'place:4302'] });
  on.queries.length = 0;
  await same(`query($a: ID!, $b: ID!) { a: node(id: $a) ${selection} b: node(id: $b) { id ... on Place { parent { id } } } }`, { a: PLACE, b: 'place:430211' });
  expect(on.queries).toHaveLength(2);
  expect(on.queries.every((q) => isPrefetch(q.cypher))).toBe(true);
});

it('leaves what it does not cover to the loaders: a field with other arguments, under @include, below the depth', async () => {
  const query = `query($yes: Boolean!) { node(id: "place:4302") { id ... on Place {
    children { id children { id children { id children { id name } } } }
    within: programmes(includeSubplaces: true) { id name }
    ancestors @include(if: $yes) { id name }
  } } }`;
  await same(query, { yes: true });
  expect(on.queries.map((q) => (isPrefetch(q.cypher) ? 'prefetch' : q.cypher)).sort()).toEqual(
    [ANCESTORS_OF_PLACES, CHILDREN_OF_PLACES, PROGRAMMES_HELD_WITHIN, 'prefetch'].sort(),
  );
});

it('answers every field it knows, two levels deep, on nodes of every kind, as the loaders do, in fewer queries', async () => {
  const { records } = await on.driver.executeQuery(
    // Per kind, the four nodes with the most relationships.
    'MATCH (n:Entity) WITH labels(n) AS kind, n ORDER BY COUNT { (n)--() } DESC, n.id WITH kind, collect(n.id)[..4] AS ids UNWIND ids AS id RETURN id',
    {},
    { database: on.config.neo4j.database },
  );
  const ids = records.map((record) => record.get('id') as string);
  expect(ids.length).toBeGreaterThanOrEqual(12);
  const query = `query($id: ID!) { node(id: $id) { ${everythingSelection(2)} } }`;
  for (const id of ids) {
    on.queries.length = 0;
    off.queries.length = 0;
    await same(query, { id });
    // More lists than GRAPHQL_PREFETCH_MAX_LISTS: the first 16 come in the one query, the rest by loader.
    expect(on.queries.filter((q) => isPrefetch(q.cypher))).toHaveLength(1);
    expect(on.queries.length).toBeLessThan(off.queries.length);
  }
});

it('answers story(id) with its mentions (and lists below them) and credits in one query', async () => {
  const { records } = await on.driver.executeQuery('MATCH (s:Story)-[:MENTIONS]->(:Place) RETURN DISTINCT s.id AS id ORDER BY id LIMIT 3', {}, { database: on.config.neo4j.database });
  for (const record of records) {
    on.queries.length = 0;
    await same('query($id: ID!) { story(id: $id) { id headline credits { role person { name } } mentions { __typename id name ... on Place { parent { name } children { name } } } } }', {
      id: record.get('id'),
    });
    expect(on.queries).toHaveLength(1);
  }
});

it('answers a node that does not exist with null, in the one query', async () => {
  expect((await same(BENCH.query, { id: 'place:nowhere' })).node).toBeNull();
  expect(on.queries).toHaveLength(1);
});

describe('the row budget', () => {
  let rows: number;
  beforeAll(async () => {
    // What the one query reads, charged as the service charges it.
    const budget = createRowBudget(1_000_000);
    const reader = createReader({ driver: on.driver, database: on.config.neo4j.database, timeoutMs: 30_000, budget });
    const branches = planPrefetch(selectionInfo(BENCH.query, { id: PLACE }), { depth: 3, maxLists: 16 });
    await readPrefetch(reader, prefetchStatement('Entity', branches), [PLACE]);
    rows = budget.used;
  });

  it('charges the one prefetch query every nested item it read, not one row', async () => {
    const answer = await on.gql<Record<string, unknown>>(BENCH.query, { id: PLACE });
    expect(rows).toBeGreaterThanOrEqual(countListItems(answer));
    expect(countListItems(answer)).toBeGreaterThan(20);
  });

  it('ends the request with QUERY_TOO_COSTLY one row short of it, and answers at exactly it', async () => {
    const short = await startFixtureServer({ load: false, env: { GRAPHQL_MAX_ROWS: String(rows - 1) } });
    const enough = await startFixtureServer({ load: false, env: { GRAPHQL_MAX_ROWS: String(rows) } });
    try {
      const refused = await short.post(BENCH.query, { id: PLACE });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
      expect(short.queries).toHaveLength(1);
      const answered = await enough.post(BENCH.query, { id: PLACE });
      expect(answered.body.errors).toBeUndefined();
      expect(enough.queries).toHaveLength(1);
    } finally {
      await short.stop();
      await enough.stop();
    }
  });
});
