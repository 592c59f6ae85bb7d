/**
 * The look-ahead prefetch over HTTP on the seed graph, against the same service with it off
 * (GRAPHQL_PREFETCH_DEPTH=0): the benchmark's nested node query is one Cypher query instead of
 * seven, answers are byte-identical (with `first` given, omitted, and aliased with two values),
 * what the prefetch does not cover still loads through its loader, and the one query's nested rows
 * are all charged to the row budget.
 */
import { countListItems } from '../../src/api/list-items';
import { createRowBudget } from '../../src/api/budget';
import { planPrefetch } from '../../src/api/prefetch/selection-plan';
import { prefetchStatement, readPrefetch } from '../../src/api/repositories/prefetch.repository';
import { createReader } from '../../src/api/repositories/reader';
import { ANCESTORS_OF_PLACES, CHILDREN_OF_PLACES, PROGRAMMES_HELD_WITHIN, RELATED_ENTITIES } from '../../src/api/repositories/relations.repository';
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
/** The benchmark query's five bounded lists, each at the default page (GRAPHQL_DEFAULT_PAGE_SIZE). */
const DEFAULT_LIMITS = { limit_0: 20, limit_1: 20, limit_2: 20, limit_3: 20, limit_4: 20 };

it("answers the benchmark's nested node query with exactly 1 Cypher query (7 without the prefetch), the same JSON", async () => {
  const data = await same(BENCH.query, { id: PLACE });
  expect(BENCH.rows(data)).toBeGreaterThan(5);
  expect(on.queries).toHaveLength(1);
  expect(isPrefetch(on.queries[0].cypher)).toBe(true);
  expect(on.queries[0].params).toEqual({ ids: [PLACE], ...DEFAULT_LIMITS });
  expect(off.queries).toHaveLength(7);
});

describe('with `first` on the bounded lists', () => {
  // The seed's 芦淞区 has more children, organisations and programmes than 1 or 2.
  const query = `query($id: ID!, $c: Int, $p: Int) { node(id: $id) { id name ... on Place {
    children(first: $c) { id name }
    organisations(first: 2) { id name }
    programmes(first: $p) { id name runBy(first: 1) { id name } places { id name } }
    stories(first: 3) { id headline }
    people(first: 1) { title person { id } }
  } } }`;

  it.each([
    [1, 1],
    [2, null],
    [null, 2],
    [100, 100],
  ])('children(first: %p), programmes(first: %p): one query, the same JSON as the loaders, the lists cut', async (c, p) => {
    const data = (await same(query, { id: 'place:4302', c, p })) as { node: Record<string, unknown[]> };
    expect(on.queries).toHaveLength(1);
    expect(isPrefetch(on.queries[0].cypher)).toBe(true);
    expect(data.node.children.length).toBeLessThanOrEqual(c ?? 20);
    expect(data.node.programmes.length).toBeLessThanOrEqual(p ?? 20);
    if (c === 1) expect(data.node.children).toHaveLength(1);
    expect(data.node.organisations.length).toBeLessThanOrEqual(2);
  });

  it('reads one list per limit where aliases ask one list with two `first`, still in the one query', async () => {
    const data = (await same('{ node(id: "place:4302") { ... on Place { a: children(first: 1) { id } b: children(first: 3) { id name } c: children { id } } } }')) as {
      node: Record<string, Array<{ id: string }>>;
    };
    expect(on.queries).toHaveLength(1);
    expect(on.queries[0].params).toEqual({ ids: ['place:4302'], limit_0: 1, limit_1: 3, limit_2: 20 });
    expect(data.node.a).toEqual(data.node.c.slice(0, 1));
    expect(data.node.b.map((child) => child.id)).toEqual(data.node.c.slice(0, 3).map((child) => child.id));
  });

  it('one shape asked with two `first` by two root fields: one query each (the text is shared, the limits are not)', async () => {
    await same('{ a: node(id: "place:4302") { ... on Place { children(first: 1) { id } } } b: node(id: "place:430203") { ... on Place { children(first: 2) { id } } } }');
    expect(on.queries).toHaveLength(2);
    expect(on.queries[0].cypher).toBe(on.queries[1].cypher);
    expect(on.queries.map((q) => q.params).sort((x, y) => Number(x.limit_0) - Number(y.limit_0))).toEqual([
      { ids: ['place:4302'], limit_0: 1 },
      { ids: ['place:430203'], limit_0: 2 },
    ]);
  });

  it('leaves a `first` over GRAPHQL_MAX_PAGE_SIZE to its resolver, which refuses it as without the prefetch', async () => {
    const refused = '{ node(id: "place:4302") { ... on Place { parent { id } children(first: 101) { id } } } }';
    const [withPrefetch, without] = await Promise.all([on.post(refused), off.post(refused)]);
    expect(JSON.stringify(withPrefetch.body)).toBe(JSON.stringify(without.body));
    expect(withPrefetch.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});

it('shares one query between aliases asking the same shape, as the loaders did; another shape is another query', async () => {
  const field = 'node(id: $id)';
  const selection = BENCH.query.slice(BENCH.query.indexOf(field) + field.length, BENCH.query.lastIndexOf('}'));
  await same(`query($a: ID!, $b: ID!) { a: node(id: $a) ${selection} b: node(id: $b) ${selection} }`, { a: PLACE, b: 'place:4302' });
  expect(on.queries).toHaveLength(1);
  expect(on.queries[0].params).toEqual({ ids: [PLACE, 'place:4302'], ...DEFAULT_LIMITS });
  on.queries.length = 0;
  await same(`query($a: ID!, $b: ID!) { a: node(id: $a) ${selection} b: node(id: $b) { id ... on Place { parent { id } } } }`, { a: PLACE, b: 'place:430211' });
  expect(on.queries).toHaveLength(2);
  expect(on.queries.every((q) => isPrefetch(q.cypher))).toBe(true);
});

it('leaves what it does not cover to the loaders: related, a field with other arguments, under @include, below the depth', async () => {
  const query = `query($yes: Boolean!) { node(id: "place:4302") { id ... on Place {
    children(first: 3) { id children { id children { id children(first: 2) { id name } } } }
    within: programmes(includeSubplaces: true, first: 2) { id name }
    ancestors @include(if: $yes) { id name }
    related(first: 2) { stories entity { id } }
  } } }`;
  await same(query, { yes: true });
  expect(on.queries.map((q) => (isPrefetch(q.cypher) ? 'prefetch' : q.cypher)).sort()).toEqual(
    [ANCESTORS_OF_PLACES, CHILDREN_OF_PLACES, PROGRAMMES_HELD_WITHIN, RELATED_ENTITIES, 'prefetch'].sort(),
  );
  // The fourth level's children through their loader, with their own limit.
  expect(on.queries.find((q) => q.cypher === CHILDREN_OF_PLACES)?.params).toMatchObject({ limit: 2 });
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
    const branches = planPrefetch(selectionInfo(BENCH.query, { id: PLACE }), { depth: 3, maxLists: 16, pages: on.config.api });
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
