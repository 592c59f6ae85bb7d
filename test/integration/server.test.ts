import type { Driver } from 'neo4j-driver';
import { startServer, type RunningServer } from '../../src/api/server';
import { postGraphQL, resetDatabase, testConfig, testDriver } from './harness';

describe('GraphQL over HTTP', () => {
  const config = testConfig();
  let driver: Driver;
  let server: RunningServer;

  beforeAll(async () => {
    driver = testDriver(config);
    await resetDatabase(driver, config);
    await driver.executeQuery(
      "CREATE (:Document {id: 'doc:t', source: 't.txt'})-[:CONTAINS]->(:Story {id: 'story:t:0', headline: '测试'})",
      {},
      { database: config.neo4j.database },
    );
    server = await startServer({ api: config.api, driver, database: config.neo4j.database, transactionTimeoutMs: 5_000 });
  });
  afterAll(async () => {
    await server.stop();
    await driver.close();
  });

  it('answers { stats { stories } } from Neo4j', async () => {
    const { status, body } = await postGraphQL<{ stats: { stories: number; documents: number } }>(
      server.url,
      '{ stats { stories documents } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.stats).toEqual({ stories: 1, documents: 1 });
  });

  it('serves the Apollo Sandbox landing page to a browser', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/embeddable-sandbox|apollo/i);
  });

  it('refuses a simple GET mutation-less request without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ stats { stories } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('masks a malformed query with a stable code and no stack trace', async () => {
    const { body } = await postGraphQL(server.url, '{ stats { nope } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at \w+ \(/);
  });
});
