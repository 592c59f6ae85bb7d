/**
 * The hardening probes over HTTP (issue 11): a query that fans out through fragments, cost that
 * follows real work, a per-request row budget, client mistakes answered in the GraphQL error
 * shape, allowed origins and Host names, /readyz, and a read that ends at its time limit
 * without being retried. The same probes, against a running service, are `npm run bench:abuse`.
 */
import http from 'node:http';
import { readOnce } from '../../src/neo4j/read';
import { databaseFailure } from '../../src/neo4j/errors';
import { formatError } from '../../src/api/errors';
import type { Driver } from 'neo4j-driver';
import { apiRouters } from '../../src/api/routers';
import { startServer, type RunningServer } from '../../src/api/server';
import { startFixtureServer, type FixtureServer } from '../unit/api/fixture-server';
import { testConfig, testDriver } from './harness';

jest.setTimeout(60_000);

const FLAGSHIP = 'programmeRuns(where: {place: "芦淞区"}) { agency { name } programme { name } places { name } evidence { sentence story { headline } } }';

function fanOut(n: number): string {
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Place { ...F${i + 1} ...F${i + 1} }`).join(' ');
  return `${fragments} fragment F${n} on Place { name } { node(id: "place:430203") { ...F0 } }`;
}

interface Answer {
  status: number;
  headers: Headers;
  body: { errors?: Array<{ message: string; extensions?: { code?: string } }>; data?: unknown; status?: string };
}

describe('hardening probes (default limits)', () => {
  let f: FixtureServer;
  let base: string;
  beforeAll(async () => {
    f = await startFixtureServer();
    base = f.server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await f.stop();
  });

  async function request(path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as Answer['body'] };
  }
  const post = (body: string, headers: Record<string, string> = {}) =>
    request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('refuses 30 fragments that each spread the next twice at once with QUERY_TOO_COSTLY, and stays responsive', async () => {
    const started = performance.now();
    const [fan, health] = await Promise.all([post(JSON.stringify({ query: fanOut(30) })), request('/healthz')]);
    expect(fan.status).toBe(400);
    expect(fan.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(health.body.status).toBe('ok');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('costs aliases of the flagship with evidence at the rows they return: 495 of them are refused before any Cypher runs', async () => {
    f.queries.length = 0;
    const aliases = Array.from({ length: 495 }, (_, i) => `a${i}: ${FLAGSHIP}`).join(' ');
    const { status, body } = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(f.queries).toHaveLength(0);
    // The flagship itself still answers.
    const one = await post(JSON.stringify({ query: `{ ${FLAGSHIP} }` }));
    expect(one.body.errors).toBeUndefined();
  });

  it('costs each name of a mentions list: 70 000 names are refused with QUERY_TOO_COSTLY', async () => {
    const names = Array.from({ length: 70_000 }, (_, i) => `名字${i}`);
    const { status, body } = await post(JSON.stringify({ query: 'query Q($n: [String!]) { stories(first: 5, where: {mentions: $n}) { totalCount } }', variables: { n: names } }));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('answers malformed JSON and a body over the limit with GraphQL-shaped JSON errors, not HTML', async () => {
    const malformed = await post('{"query": "{ stats { stories } }"');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/application\/json/);
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const large = await post(JSON.stringify({ query: `{ stats { stories } } # ${'x'.repeat(1_100_000)}` }));
    expect(large.status).toBe(413);
    expect(large.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const missing = await request('/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses variables nested 10 000 deep with BAD_USER_INPUT, not a 500', async () => {
    const nested = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
    const { status, body } = await post(`{"query":"{ stats { stories } }","variables":{"v":${nested}}}`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('allows its own origin, localhost and Apollo Sandbox, and refuses other origins', async () => {
    const query = JSON.stringify({ query: '{ stats { stories } }' });
    const evil = await post(query, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    for (const origin of ['https://studio.apollographql.com', 'http://localhost:8888', new URL(base).origin]) {
      const allowed = await post(query, { origin });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('refuses a Host header that is not a local name on a loopback bind (DNS rebinding)', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(base);
        const req = http.request({ host: '127.0.0.1', port: url.port, path: '/graphql', method: 'POST', headers: { host, 'content-type': 'application/json' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(JSON.stringify({ query: '{ stats { stories } }' }));
      });
    expect(await status('rebound.evil.example')).toBe(403);
    expect(await status(`localhost:${new URL(base).port}`)).toBe(200);
    expect(await status(`127.0.0.1:${new URL(base).port}`)).toBe(200);
  });

  it('reports readiness on /readyz beside the liveness /healthz', async () => {
    const ready = await request('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
  });

  it('ends a read at its time limit with QUERY_TIMEOUT, once, without the driver retrying it', async () => {
    const started = Date.now();
    let caught: unknown;
    try {
      await readOnce(f.driver, 'UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n', {}, { database: f.config.neo4j.database, timeoutMs: 300 });
    } catch (error) {
      caught = error;
    }
    expect(databaseFailure(caught)).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
    const formatted = formatError({ message: 'x', path: ['stories'] }, caught, () => undefined);
    expect(formatted.extensions?.code).toBe('QUERY_TIMEOUT');
  });
});

describe('the per-request row budget (GRAPHQL_MAX_ROWS)', () => {
  let f: FixtureServer;
  beforeAll(async () => {
    f = await startFixtureServer({ env: { GRAPHQL_MAX_ROWS: '5' } });
  });
  afterAll(async () => {
    await f.stop();
  });

  it('ends an answer that reads more rows than the budget with QUERY_TOO_COSTLY, and a small one still answers', async () => {
    const { body } = await f.post(`{ ${FLAGSHIP} }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(body.errors?.[0]?.message).toMatch(/more than 5 rows from the database \(GRAPHQL_MAX_ROWS\)/);
    const small = await f.post('{ stats { stories } }');
    expect(small.body.errors).toBeUndefined();
  });
});

describe('the export routes', () => {
  let running: RunningServer;
  let driver: Driver;
  let base: string;
  beforeAll(async () => {
    const config = testConfig();
    driver = testDriver(config);
    running = await startServer({
      api: config.api,
      driver,
      database: config.neo4j.database,
      transactionTimeoutMs: 10_000,
      routers: apiRouters({ driver, database: config.neo4j.database, config }),
    });
    base = running.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await running.stop();
    await driver.close();
  });

  async function fetchJson(url: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(url);
    return { status: response.status, body: await response.json() };
  }

  it('answers /export?format=unknown with 400, and a known format with a redirect to its URL', async () => {
    const unknown = await fetchJson(`${base}/export?format=unknown`);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(/graphml, json, csv/);
    const known = await fetch(`${base}/export?format=json&kinds=Place`, { redirect: 'manual' });
    expect(known.status).toBe(302);
    expect(known.headers.get('location')).toBe('/export/graph.json?kinds=Place');
    expect((await fetchJson(`${base}/export?bogus=1`)).status).toBe(400);
  });

});
