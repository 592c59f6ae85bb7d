/**
 * Starts the integration tests' own Neo4j (embedded, on NEO4J_TEST_PORT with a throw-away data
 * folder) unless NEO4J_TEST_URI points at a running server. Test files reach it through
 * NEO4J_TEST_URI, which workers inherit. Never the user's database or data folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTestDatabaseConfig, ROOT_DIR } from '../../src/config';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import type { EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { freePort } from '../../src/neo4j/free-port';

declare global {
  // eslint-disable-next-line no-var
  var __TEST_NEO4J__: { neo4j: EmbeddedNeo4j; dataDir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const config = loadTestDatabaseConfig();
  if (config.uri) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhuzhou-graph-test-'));
  const started = Date.now();
  const neo4j = await startEmbeddedNeo4j({
    launcherDir: path.join(ROOT_DIR, 'scripts', 'neo4j'),
    port: config.port ?? (await freePort()),
    dataDir,
    heap: '768m',
    pageCache: '64m',
    timeoutMs: 180_000,
    log: (message) => process.stderr.write(`[test neo4j] ${message}\n`),
  });
  process.stderr.write(`[test neo4j] ready at ${neo4j.uri} in ${Date.now() - started} ms\n`);
  globalThis.__TEST_NEO4J__ = { neo4j, dataDir };
  process.env.NEO4J_TEST_URI = neo4j.uri;
  // The embedded database requires the password it generated in its (throw-away) data folder.
  process.env.NEO4J_TEST_USER = neo4j.user;
  process.env.NEO4J_TEST_PASSWORD = neo4j.password;
}
