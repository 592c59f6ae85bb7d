/**
 * The API's limits and error boundary over HTTP: depth and cost limits, the maximum page size,
 * masked internal errors, CSRF prevention, and introspection / Sandbox switched by configuration.
 */
import { startFixtureServer, type FixtureServer } from '../unit/api/fixture-server';

jest.setTimeout(60_000);

describe('limits and errors (default configuration)', () => {
  let f: FixtureServer;
  beforeAll(async () => {
    f = await startFixtureServer({ env: { GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COST: '5000', GRAPHQL_MAX_PAGE_SIZE: '50' } });
  });
  afterAll(async () => {
    await f.stop();
  });

  it('refuses a query deeper than GRAPHQL_MAX_DEPTH with QUERY_TOO_DEEP before touching the database', async () => {
    f.queries.length = 0;
    const { status, body } = await f.post('{ node(id: "place:430203") { stories { credits { person { credits { story { headline } } } } } } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(body.errors?.[0]?.message).toMatch(/depth 7 exceeds the maximum of 6/);
    expect(f.queries).toHaveLength(0);
  });

  it('counts depth through fragments', async () => {
    const { body } = await f.post(`
      fragment Deep on Story { credits { person { credits { story { headline } } } } }
      { node(id: "x") { stories { ...Deep } } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses a query whose estimated cost exceeds GRAPHQL_MAX_COST with QUERY_TOO_COSTLY', async () => {
    const { status, body } = await f.post('{ programmes(first: 50) { edges { node { stories(first: 50) { mentions { name } } } } } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(body.errors?.[0]?.message).toMatch(/exceeds the maximum of 5000 \(GRAPHQL_MAX_COST\)/);
  });

  it('allows the Sandbox introspection query however deep its type references go', async () => {
    const { body } = await f.post('{ __schema { types { name fields { name type { ofType { ofType { ofType { ofType { name } } } } } } } } }');
    expect(body.errors).toBeUndefined();
  });

  it('rejects first above GRAPHQL_MAX_PAGE_SIZE (and negative) with BAD_USER_INPUT and says what to do', async () => {
    for (const query of ['{ stories(first: 51) { totalCount } }', '{ search(text: "x", first: 51) { id } }', '{ programmeRuns(first: 51) { agency { id } } }']) {
      const { body } = await f.post(query);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/first must be at most 50 \(GRAPHQL_MAX_PAGE_SIZE\), got 51/);
    }
    const { body } = await f.post('{ people(first: -1) { totalCount } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a cursor it did not issue with BAD_USER_INPUT', async () => {
    const { body } = await f.post('{ places(after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/not a cursor this API issued/);
  });

  it('rejects an empty programmeRuns place rather than matching everything', async () => {
    const { body } = await f.post('{ programmeRuns(where: {place: "  "}) { agency { id } } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps CSRF prevention on: a GET without a preflight-forcing header is refused', async () => {
    const response = await fetch(`${f.server.url}?query=${encodeURIComponent('{ stats { stories } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('serves introspection and the Sandbox by default', async () => {
    const { body } = await f.post<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
    expect(body.data?.__schema.queryType.name).toBe('Query');
    const page = await fetch(f.server.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toMatch(/embeddable-sandbox|apollo/i);
  });
});

describe('internal errors are masked', () => {
  let f: FixtureServer;
  const logged: string[] = [];
  let spy: jest.SpyInstance;
  beforeAll(async () => {
    spy = jest.spyOn(console, 'error').mockImplementation((message: string) => void logged.push(String(message)));
    // A database that does not exist: every Cypher query fails inside the driver.
    f = await startFixtureServer({ load: false, database: 'nosuchdatabase' });
  });
  afterAll(async () => {
    spy.mockRestore();
    await f.stop();
  });

  it('answers INTERNAL_SERVER_ERROR with no driver message, Cypher or stack, and logs the detail on the server', async () => {
    const { body } = await f.post('{ programmeRuns(where: {place: "芦淞区"}) { agency { name } } }');
    expect(body.errors?.[0]).toEqual({
      message: 'Internal server error',
      locations: [{ line: 1, column: 3 }],
      path: ['programmeRuns'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(body)).not.toMatch(/nosuchdatabase|MATCH|Neo4j|stacktrace/i);
    expect(logged.join('\n')).toMatch(/programmeRuns/);
  });
});

describe('GRAPHQL_INTROSPECTION=false', () => {
  let f: FixtureServer;
  beforeAll(async () => {
    f = await startFixtureServer({ load: false, env: { GRAPHQL_INTROSPECTION: 'false' } });
  });
  afterAll(async () => {
    await f.stop();
  });

  it('turns off both introspection and the Sandbox landing page', async () => {
    const { body } = await f.post('{ __schema { queryType { name } } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    const page = await fetch(f.server.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/embeddable-sandbox/i);
    const { body: ok } = await f.post<{ stats: { stories: number } }>('{ stats { stories } }');
    expect(ok.errors).toBeUndefined();
  });
});
