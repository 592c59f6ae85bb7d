/**
 * Benchmark: the whole seeds/ folder ingested into a running Neo4j.
 *
 *   npx tsc -p tsconfig.build.json && node dist/scripts/bench-ingest.js [rounds]
 *
 * Uses NEO4J_URI when set, otherwise starts a throw-away embedded Neo4j on a free port. Each
 * round empties the database and ingests seeds/ (first load), then ingests it again (the
 * idempotent re-run). Prints the median and spread of both, and the extraction-only time of the
 * same pages (a dry run) as the baseline that the database part adds to.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, ROOT_DIR } from '../src/config';
import { createDriver } from '../src/neo4j/driver';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { migrate } from '../src/neo4j/migrate';
import { ingestPaths } from '../src/ingest/run';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 7);
  const config = loadConfig();
  const seeds = path.join(ROOT_DIR, 'seeds');
  let uri = config.neo4j.uri;
  let credentials = { user: config.neo4j.user, password: config.neo4j.password };
  let stop = async () => {};
  let dataDir: string | null = null;
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-'));
    const neo4j = await startEmbeddedNeo4j({
      launcherDir: path.join(ROOT_DIR, 'scripts', 'neo4j'),
      port: await freePort(),
      dataDir,
      heap: config.neo4j.embeddedHeap,
      pageCache: config.neo4j.embeddedPageCache,
      timeoutMs: config.neo4j.startTimeoutMs,
    });
    uri = neo4j.uri;
    credentials = { user: neo4j.user, password: neo4j.password };
    stop = () => neo4j.stop();
  }
  const driver = createDriver({ uri, ...credentials });
  const database = config.neo4j.database;
  await migrate(driver, { database, schemaFile: path.join(ROOT_DIR, 'schema', 'neo4j.cypher') });
  const run = (withDriver: boolean) =>
    ingestPaths({ paths: [seeds], driver: withDriver ? driver : undefined, database, maxFileBytes: config.ingest.maxFileBytes, timeoutMs: 60_000 });

  const bytes = fs.readdirSync(seeds).reduce((sum, f) => sum + fs.statSync(path.join(seeds, f)).size, 0);
  const first: number[] = [];
  const again: number[] = [];
  const dry: number[] = [];
  // One warm-up round (JIT, query plans), not counted.
  for (let round = -1; round < rounds; round++) {
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
    let t = process.hrtime.bigint();
    const summary = await run(true);
    const firstMs = Number(process.hrtime.bigint() - t) / 1e6;
    if (summary.errors.length) throw new Error(JSON.stringify(summary.errors));
    t = process.hrtime.bigint();
    await run(true);
    const againMs = Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    await run(false);
    const dryMs = Number(process.hrtime.bigint() - t) / 1e6;
    if (round >= 0) {
      first.push(firstMs);
      again.push(againMs);
      dry.push(dryMs);
    }
  }
  const fmt = (values: number[]) => `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
  console.log(`seeds/: ${fs.readdirSync(seeds).length} pages, ${(bytes / 1024).toFixed(1)} KB; ${rounds} rounds against ${uri}`);
  console.log(`  ingest into an empty database : ${fmt(first)}`);
  console.log(`  re-ingest (unchanged pages)   : ${fmt(again)}`);
  console.log(`  extraction only (dry run)     : ${fmt(dry)}`);
  console.log(`  database share of first load  : ${(median(first) / median(dry)).toFixed(1)}x the extraction-only time`);
  await driver.close();
  await stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
