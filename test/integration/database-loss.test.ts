/**
 * A lost database, seen at once (issue 11 items 3, 4, 8): an embedded Neo4j of this test's own
 * (free port, throw-away data folder) is opened the way `npm start` opens it, then killed with
 * SIGKILL. Requests fail within 2 s with DATABASE_UNAVAILABLE, /readyz says 503, ingest stops
 * after a few pages, and the supervisor starts the database again. Along the way: the password
 * it generated (mode 0600, required by Bolt) and the refusal to use a database that answers on
 * NEO4J_PORT for another data folder.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { apiRouters } from '../../src/api/routers';
import { startServer, type RunningServer } from '../../src/api/server';
import { openDatabase, DatabaseMismatchError, type Database } from '../../src/neo4j/database';
import { markerFile, passwordFile, readRunningMarker } from '../../src/neo4j/embedded';
import { ingestPaths, MAX_CONSECUTIVE_CONNECTION_FAILURES } from '../../src/ingest/run';
import { createDriver, MAX_TRANSACTION_RETRY_MS } from '../../src/neo4j/driver';
import { formatSummary } from '../../src/ingest/summary';
import { SEEDS_DIR, resetDatabase, testConfig, testDriver } from './harness';
import { freePort } from '../../src/neo4j/free-port';

jest.setTimeout(240_000);

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not within ${timeoutMs} ms`);
}

describe('the embedded database dies under a running service', () => {
  let dataDir: string;
  let port: number;
  let database: Database;
  let server: RunningServer;
  const logged: string[] = [];
  const lost: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhuzhou-loss-'));
    port = await freePort();
    const config = loadConfig({ NEO4J_PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_HEAP: '384m', NEO4J_PAGECACHE: '32m', PORT: '0' });
    database = await openDatabase({ config, log: (m) => logged.push(m), supervise: { restart: true, onLost: (reason) => lost.push(reason) } });
    server = await startServer({
      api: config.api,
      driver: database.driver,
      database: database.database,
      transactionTimeoutMs: 10_000,
      routers: apiRouters({ driver: database.driver, database: database.database, config }),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const base = () => server.url.replace(/\/graphql$/, '');
  const stats = () =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { stories } }' }) }).then(
      async (response) => (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> },
    );

  it('keeps a random password, readable by its owner only, that Bolt requires', async () => {
    const file = passwordFile(dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const password = fs.readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(24);
    const anonymous = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', 'neo4j'));
    await expect(anonymous.executeQuery('RETURN 1')).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    await anonymous.close();
    expect((await stats()).errors).toBeUndefined();
  });

  it('refuses to use the database on NEO4J_PORT for another data folder', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'zhuzhou-other-'));
    const config = loadConfig({ NEO4J_PORT: String(port), NEO4J_DATA_DIR: other });
    await expect(openDatabase({ config })).rejects.toThrow(DatabaseMismatchError);
    await expect(openDatabase({ config })).rejects.toThrow(/not the embedded Neo4j of NEO4J_DATA_DIR/);
    fs.rmSync(other, { recursive: true, force: true });
  });

  it('after kill -9: requests fail within 2 s with DATABASE_UNAVAILABLE, /readyz is 503, and the database comes back', async () => {
    const marker = readRunningMarker(dataDir);
    expect(marker?.port).toBe(port);
    process.kill(marker!.pid, 'SIGKILL');
    await waitFor(async () => !fs.existsSync(markerFile(dataDir)) || readRunningMarker(dataDir)?.pid !== marker!.pid, 10_000);

    let started = Date.now();
    const answer = await stats();
    expect(answer.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2_000);

    started = Date.now();
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);

    started = Date.now();
    const exported = await fetch(`${base()}/export/graph.json`);
    expect(exported.status).toBe(503);
    expect(((await exported.json()) as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2_000);

    expect(logged.join('\n')).toMatch(/The embedded Neo4j \(pid \d+\) died \(killed by SIGKILL\)/);
    await waitFor(async () => (await fetch(`${base()}/readyz`)).status === 200, 180_000);
    expect(logged.join('\n')).toMatch(/The embedded Neo4j is back/);
    expect((await stats()).errors).toBeUndefined();
    expect(lost).toEqual([]);
  });
});

/**
 * A TCP relay to the test database that can be cut: the connection is real until `cut()`, then
 * refused, as after kill -9 of the database under a running ingest.
 */
async function cuttableRelay(target: URL): Promise<{ uri: string; cut: () => void; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as net.AddressInfo;
  let cut = false;
  const cutNow = () => {
    if (cut) return;
    cut = true;
    relay.close();
    for (const socket of sockets) socket.destroy();
  };
  return { uri: `bolt://127.0.0.1:${port}`, cut: cutNow, close: async () => cutNow() };
}

describe('ingest without a database', () => {
  it('ends before any page, with the reason, when the database is not there at the start', async () => {
    // Nothing listens on this port: every connection is refused.
    const driver = createDriver({ uri: `bolt://127.0.0.1:${await freePort()}`, user: 'neo4j', password: 'unused-password' });
    const started = Date.now();
    const summary = await ingestPaths({ paths: [SEEDS_DIR], driver, database: 'neo4j', maxFileBytes: 2 * 1024 * 1024, timeoutMs: 5_000 });
    await driver.close();
    expect(summary.pages).toMatchObject({ new: 0, failed: 0 });
    expect(summary.stopped).toMatch(/the database could not be reached.*5 of 5 files not attempted/);
    expect(formatSummary(summary)).toMatch(/NOT COMPLETE: stopped: the database could not be reached/);
    expect(Date.now() - started).toBeLessThan(2 * MAX_TRANSACTION_RETRY_MS);
  });

  it('stops after a few pages in a row cannot reach it, with a summary of what it did', async () => {
    const config = testConfig();
    // An empty graph, so that every page is new and needs the database (unchanged pages would not).
    const setup = testDriver(config);
    await resetDatabase(setup, config);
    await setup.close();
    const relay = await cuttableRelay(new URL(config.neo4j.uri!.replace(/^neo4j/, 'bolt')));
    const driver = createDriver({ uri: relay.uri, user: config.neo4j.user, password: config.neo4j.password });
    try {
      const started = Date.now();
      // The first page loads; then the database goes away under the run.
      const summary = await ingestPaths({
        paths: [SEEDS_DIR],
        driver,
        database: config.neo4j.database,
        maxFileBytes: 2 * 1024 * 1024,
        timeoutMs: 5_000,
        onFile: ({ index }) => {
          if (index === 0) relay.cut();
        },
      });
      expect(summary.pages.new + summary.pages.replaced + summary.pages.unchanged).toBe(1);
      expect(summary.pages.failed).toBe(MAX_CONSECUTIVE_CONNECTION_FAILURES);
      expect(summary.stopped).toMatch(/3 pages in a row could not reach the database.*1 of 5 files not attempted/);
      expect(formatSummary(summary)).toMatch(/NOT COMPLETE: stopped: 3 pages in a row/);
      // Each page gives up after the driver's bounded retry (MAX_TRANSACTION_RETRY_MS plus its back-off), not 30 s.
      expect(Date.now() - started).toBeLessThan(MAX_CONSECUTIVE_CONNECTION_FAILURES * 2 * MAX_TRANSACTION_RETRY_MS + 10_000);
    } finally {
      await driver.close();
      await relay.close();
      const cleanup = testDriver(config);
      await resetDatabase(cleanup, config);
      await cleanup.close();
    }
  });
});
