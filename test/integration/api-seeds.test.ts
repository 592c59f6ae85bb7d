/**
 * Every query on the seed graph (seeds/ ingested by the real pipeline and loader). Extraction
 * keeps improving, so these check shapes and invariants — roll-up, pagination, search by 芦淞 and
 * lusong — never exact counts of extracted things.
 */
import { ingestPaths } from '../../src/ingest/run';
import { SEEDS_DIR } from './harness';
import { startFixtureServer, type FixtureServer } from '../unit/api/fixture-server';
import { resetDatabase } from './harness';

jest.setTimeout(120_000);

let f: FixtureServer;
beforeAll(async () => {
  f = await startFixtureServer({ load: false });
  await resetDatabase(f.driver, f.config);
  const summary = await ingestPaths({
    paths: [SEEDS_DIR],
    driver: f.driver,
    database: f.config.neo4j.database,
    maxFileBytes: f.config.ingest.maxFileBytes,
    timeoutMs: 60_000,
  });
  if (summary.errors.length > 0) throw new Error(`seed ingest failed: ${JSON.stringify(summary.errors)}`);
});
afterAll(async () => {
  await f.stop();
});

type Named = { id: string; name: string };

it('has stories, entities and relationships', async () => {
  const { stats } = await f.gql<{ stats: Record<string, number> }>('{ stats { documents stories people organisations places programmes relationships } }');
  expect(stats.documents).toBe(5);
  for (const key of ['stories', 'people', 'organisations', 'places', 'relationships']) expect(stats[key]).toBeGreaterThan(0);
});

it('finds 芦淞区 by Chinese, pinyin, toned pinyin and English', async () => {
  for (const text of ['芦淞区', '芦淞', 'lusong', 'lúsōng', 'Lusong District']) {
    const { search } = await f.gql<{ search: Array<Named & { __typename: string }> }>('query($t: String!) { search(text: $t, kinds: [PLACE], first: 5) { __typename id name } }', { t: text });
    expect(search[0]).toMatchObject({ __typename: 'Place', name: '芦淞区' });
  }
});

it('answers programmeRuns for 芦淞区 with runs held inside it (roll-up), each with evidence in a real story', async () => {
  const { programmeRuns } = await f.gql<{ programmeRuns: Array<{ agency: Named; programme: Named & { kind: string }; places: Array<Named & { ancestors: Named[] }>; evidence: Array<{ sentence: string; story: { id: string; body: string } }> }> }>(`{
    programmeRuns(where: {place: "芦淞区"}) {
      agency { id name } programme { id name kind }
      places { id name ancestors { name } }
      evidence { sentence story { id body } }
    } }`);
  expect(programmeRuns.length).toBeGreaterThan(0);
  for (const run of programmeRuns) {
    expect(run.evidence.length).toBeGreaterThan(0);
    for (const evidence of run.evidence) expect(evidence.story.body.replace(/\s/g, '')).toContain(evidence.sentence.replace(/\s/g, '').slice(0, 10));
    for (const place of run.places) expect([place.name, ...place.ancestors.map((a) => a.name)]).toContain('芦淞区');
  }
  // Every run under 芦淞区 is also a run under 株洲市 (roll-up is transitive).
  const { programmeRuns: city } = await f.gql<{ programmeRuns: Array<{ agency: Named; programme: Named }> }>('{ programmeRuns(where: {place: "株洲市"}) { agency { id } programme { id } } }');
  const key = (run: { agency: { id: string }; programme: { id: string } }) => `${run.agency.id}>${run.programme.id}`;
  const cityKeys = new Set(city.map(key));
  for (const run of programmeRuns) if (run.places.length > 0) expect(cityKeys.has(key(run))).toBe(true);
});

it('pages through every story exactly once', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (let guard = 0; guard < 100; guard++) {
    const { stories }: { stories: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string } }> } } = await f.gql(
      'query($after: String) { stories(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
      { after },
    );
    total = stories.totalCount;
    seen.push(...stories.edges.map((edge) => edge.node.id));
    if (!stories.pageInfo.hasNextPage) break;
    after = stories.pageInfo.endCursor;
  }
  expect(seen).toHaveLength(total);
  expect(new Set(seen).size).toBe(total);
});

it('lists stories that mention 芦淞区, with bylines and the page they are on', async () => {
  const { stories } = await f.gql<{ stories: { totalCount: number; edges: Array<{ node: { headline: string; document: { source: string }; credits: Array<{ role: string; person: Named }> } }> } }>(
    '{ stories(where: {place: "芦淞区"}, first: 50) { totalCount edges { node { headline document { source } credits { role person { id name } } } } } }',
  );
  expect(stories.totalCount).toBeGreaterThan(0);
  expect(stories.edges.every((edge) => edge.node.headline.length > 0 && edge.node.document.source.endsWith('.txt'))).toBe(true);
  expect(stories.edges.some((edge) => edge.node.credits.length > 0)).toBe(true);
});

it('answers every list, node, story and path query with consistent shapes', async () => {
  const data = await f.gql<Record<string, { totalCount: number; edges: Array<{ node: Named & Record<string, unknown> }> }>>(`{
    people(first: 5, orderBy: MENTIONS_DESC) { totalCount edges { node { id name credits { role } positions { title at { name } } stories(first: 2) { id } } } }
    organisations(first: 5) { totalCount edges { node { id name type programmes { name } places { name } people { title } related(first: 3) { stories entity { name } } } } }
    places(first: 5, where: {within: "芦淞区"}) { totalCount edges { node { id name level parent { name } children { name } programmes(includeSubplaces: true) { name } organisations { name } } } }
    programmes(first: 5) { totalCount edges { node { id name kind targets runBy { name } places { name } stories(first: 1) { headline } } } }
  }`);
  for (const key of ['people', 'organisations', 'programmes']) {
    expect(data[key].totalCount).toBeGreaterThan(0);
    expect(data[key].edges.length).toBe(Math.min(5, data[key].totalCount));
  }
  for (const edge of data.places.edges) expect(edge.node.parent).not.toBeNull();

  const lusong = await f.gql<{ search: Named[] }>('{ search(text: "芦淞区", kinds: [PLACE], first: 1) { id name } }');
  const { node } = await f.gql<{ node: Named & { ancestors: Named[]; children: Named[] } }>('query($id: ID!) { node(id: $id) { id name ... on Place { ancestors { name } children { name } } } }', {
    id: lusong.search[0].id,
  });
  expect(node.ancestors.map((a) => a.name)).toContain('株洲市');

  const person = data.people.edges[0].node;
  const org = data.organisations.edges[0].node;
  const { path } = await f.gql<{ path: null | { length: number; nodes: Array<{ id: string }>; edges: unknown[] } }>(
    'query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) { length nodes { id } edges { type } } }',
    { a: person.id, b: org.id },
  );
  if (path) {
    expect(path.nodes[0].id).toBe(person.id);
    expect(path.nodes.at(-1)?.id).toBe(org.id);
    expect(path.edges).toHaveLength(path.length);
    expect(path.nodes).toHaveLength(path.length + 1);
  }
  const storyId = (await f.gql<{ stories: { edges: Array<{ node: { id: string } }> } }>('{ stories(first: 1) { edges { node { id } } } }')).stories.edges[0].node.id;
  const { story } = await f.gql<{ story: { id: string; mentions: unknown[]; document: { id: string } } }>('query($id: ID!) { story(id: $id) { id mentions { name } document { id } } }', { id: storyId });
  expect(story.id).toBe(storyId);
});
