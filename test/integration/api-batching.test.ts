/**
 * Batching by design: however many items a list returns, each nested relationship field costs
 * one Cypher query (DataLoaders batch the parents of one level into one `UNWIND $ids` query), and
 * under node(id) none at all: its look-ahead prefetch reads the nested lists in its one query.
 */
import { loadBatch } from '../../src/ingest/load';
import { manyProgrammesPage } from '../unit/api/fixture';
import { startFixtureServer, type FixtureServer } from '../unit/api/fixture-server';

jest.setTimeout(60_000);

describe('GraphQL batching (50 programmes)', () => {
  let f: FixtureServer;
  beforeAll(async () => {
    f = await startFixtureServer();
    await loadBatch(f.driver, manyProgrammesPage(50), { database: f.config.neo4j.database, timeoutMs: 30_000 });
  });
  afterAll(async () => {
    await f.stop();
  });
  beforeEach(() => {
    f.queries.length = 0;
  });

  it('lists 50 programme runs with agencies, places and evidence stories in 1 query', async () => {
    const data = await f.gql<{ programmeRuns: Array<{ places: unknown[]; evidence: Array<{ story: { headline: string } }> }> }>(`{
      programmeRuns(where: {place: "芦淞区", kind: EMPLOYMENT}, first: 100) {
        agency { name } programme { name kind } places { name }
        evidence { sentence story { headline date } }
      }
    }`);
    expect(data.programmeRuns.length).toBeGreaterThanOrEqual(52);
    expect(data.programmeRuns.every((run) => run.places.length > 0 && run.evidence.length > 0)).toBe(true);
    // Agency, programme, places, sentences and story headers all come back in the programmeRuns query.
    expect(f.queries).toHaveLength(1);
  });

  it('pages 50 programmes with five nested relationship fields in 6 queries, not 250', async () => {
    const data = await f.gql<{ programmes: { edges: Array<{ node: { runBy: unknown[]; places: Array<{ parent: { name: string } }>; stories: Array<{ credits: unknown[] }> } }> } }>(`{
      programmes(first: 50, where: {nameContains: "就业帮扶"}) {
        totalCount
        edges { node {
          name
          runBy { name ... on Organisation { type } }
          places { name parent { name } }
          stories { headline credits { role person { name } } }
        } }
      }
    }`);
    const nodes = data.programmes.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(50);
    expect(nodes.every((node) => node.runBy.length === 1 && node.places[0]?.parent.name === '芦淞区' && node.stories[0]?.credits.length === 1)).toBe(true);
    // programmes page, runBy, places, parent, stories, credits: one query per level.
    expect(f.queries).toHaveLength(6);
    expect(f.queries.slice(1).every((query) => query.cypher.trimStart().startsWith('UNWIND $ids AS id'))).toBe(true);
  });

  it('reads the fields lists leave out (aliases, code, targets) in one more batched query per level asking for them', async () => {
    const data = await f.gql<{ programmes: { edges: Array<{ node: { id: string; aliases: string[]; targets: string[]; places: Array<{ id: string; code: string | null }> } }> } }>(`{
      programmes(first: 50, where: {nameContains: "就业帮扶"}) { edges { node { id aliases targets places { id code } } } }
    }`);
    const nodes = data.programmes.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(50);
    // The page, the places, and one entity batch for each level: the programmes', the places'.
    expect(f.queries).toHaveLength(4);
    expect(f.queries.map((query) => query.cypher.includes('MATCH (n:Entity {id: id})'))).toEqual([false, true, false, true]);
    const { records } = await f.driver.executeQuery(
      'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, coalesce(n.aliases, []) AS aliases, coalesce(n.targets, []) AS targets, n.code AS code',
      { ids: [...nodes.map((node) => node.id), ...nodes.flatMap((node) => node.places.map((place) => place.id))] },
      { database: f.config.neo4j.database },
    );
    const stored = new Map(records.map((record) => [record.get('id') as string, record.toObject()]));
    for (const node of nodes) {
      expect({ id: node.id, aliases: node.aliases, targets: node.targets }).toEqual({ id: node.id, aliases: stored.get(node.id)!.aliases, targets: stored.get(node.id)!.targets });
      for (const place of node.places) expect(place.code).toBe(stored.get(place.id)!.code);
    }
    expect(nodes.some((node) => node.targets.length > 0) || nodes.some((node) => node.places.some((place) => place.code !== null))).toBe(true);
  });

  it('answers node(id) with three levels of nested lists (50 communities, their programmes and agencies) in 1 query', async () => {
    const data = await f.gql<{ node: { children: Array<{ name: string; programmes: Array<{ runBy: Array<{ name: string }> }> }> } }>(`{
      node(id: "place:430203") { name ... on Place { parent { name } children(first: 60) { name programmes(first: 2) { name runBy(first: 2) { name ... on Organisation { type } } } } } }
    }`);
    // The 50 communities of the page, and 董家塅街道 of the two fixture pages (children is capped:
    // GRAPHQL_DEFAULT_PAGE_SIZE without `first`).
    const communities = data.node.children.filter((child) => /^第\d\d社区$/.test(child.name));
    expect(communities).toHaveLength(50);
    expect(communities.every((child) => child.programmes.length === 1 && child.programmes[0].runBy.length === 1)).toBe(true);
    expect(f.queries).toHaveLength(1);
  });

  it('creates loaders per request: a second identical request queries again (no cross-request cache)', async () => {
    const query = '{ node(id: "place:430203") { name } }';
    await f.gql(query);
    await f.gql(query);
    expect(f.queries).toHaveLength(2);
  });

  it('answers the same node asked for twice in one request from one query (per-request cache)', async () => {
    await f.gql('{ a: node(id: "place:430203") { name } b: node(id: "place:430203") { id } c: node(id: "place:4302") { name } }');
    expect(f.queries).toHaveLength(1);
    expect(f.queries[0].params).toEqual({ ids: ['place:430203', 'place:4302'] });
  });
});

describe('GraphQL batching (50 programme runs asking for story bodies)', () => {
  let f: FixtureServer;
  beforeAll(async () => {
    f = await startFixtureServer();
    await loadBatch(f.driver, manyProgrammesPage(50), { database: f.config.neo4j.database, timeoutMs: 30_000 });
  });
  afterAll(async () => {
    await f.stop();
  });

  it('fetches every body of the page in one more batched query', async () => {
    f.queries.length = 0;
    const data = await f.gql<{ programmeRuns: Array<{ evidence: Array<{ story: { body: string; credits: unknown[] } }> }> }>(
      '{ programmeRuns(where: {place: "芦淞区"}, first: 100) { evidence { story { body credits { role } } } } }',
    );
    expect(data.programmeRuns.every((run) => run.evidence.every((evidence) => evidence.story.body.length > 0 && evidence.story.credits.length > 0))).toBe(true);
    // programmeRuns, then bodies and credits (one batched query each, at the same level).
    expect(f.queries).toHaveLength(3);
  });
});
