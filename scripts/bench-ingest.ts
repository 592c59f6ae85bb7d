/**
 * Benchmark: ingest into a running Neo4j, against the dry run of the same pages.
 *
 *   npm run bench:ingest -- [--pages N] [--rounds R] [--keep DIR]
 *
 * With `--pages N`: writes a synthetic archive of N pages (scripts/synth-archive.ts,
 * `YYYY/MM-DD/NN.txt`, 8 a day) and measures, in one run against one empty database:
 *   1. the dry run of the N pages (extraction in INGEST_WORKERS threads, no database) — the baseline;
 *   2. the first load (pages/s, stories/s, and the time of every 1,000 pages as the graph grows);
 *   3. the dry run again (the machine is shared: the ratio uses the mean of both dry runs);
 *   4. the re-run with nothing changed, and adding one day of 8 pages;
 *   5. the store's size on disk and Neo4j's heap in use.
 * Without `--pages`: the seeds/ folder, R rounds (first load into an empty database, re-run,
 * dry run), medians, as before.
 *
 * Uses NEO4J_URI when set (and empties it!), otherwise starts a throw-away embedded Neo4j on a
 * free port with NEO4J_HEAP / NEO4J_PAGECACHE.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { loadConfig, ROOT_DIR } from '../src/config';
import { createDriver } from '../src/neo4j/driver';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { migrate } from '../src/neo4j/migrate';
import { ingestPaths, type IngestSummary } from '../src/ingest/run';
import { loadSeeds, synthArchive } from './synth-archive';
import { freePort } from '../src/neo4j/free-port';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function emptyDatabase(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

/** Heap in use in the Neo4j JVM, through JMX (null when the procedure is not there). */
async function neo4jHeapUsed(driver: Driver, database: string): Promise<number | null> {
  try {
    const { records } = await driver.executeQuery(
      "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties.used AS used",
      {},
      { database },
    );
    return Number(records[0]?.get('used'));
  } catch {
    return null;
  }
}

interface Timed {
  ms: number;
  summary: IngestSummary;
  /** Time of each successive 1,000 pages, for the first load. */
  perThousand: number[];
}

async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .option('--pages <n>', 'a synthetic archive of N pages instead of seeds/', (v) => Number.parseInt(v, 10))
    .option('--rounds <n>', 'rounds over seeds/ (without --pages)', (v) => Number.parseInt(v, 10), 7)
    .option('--keep <dir>', 'write the synthetic archive here and keep it')
    .option('--store <dir>', 'with NEO4J_URI: the server\'s data folder, to measure the store size');
  program.parse(argv);
  const opts = program.opts<{ pages?: number; rounds: number; keep?: string; store?: string }>();
  const config = loadConfig();
  const database = config.neo4j.database;
  const workers = config.ingest.workers;

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
  await migrate(driver, { database, schemaFile: path.join(ROOT_DIR, 'schema', 'neo4j.cypher') });

  const timed = async (paths: string[], withDriver: boolean): Promise<Timed> => {
    const perThousand: number[] = [];
    let mark = process.hrtime.bigint();
    const t = process.hrtime.bigint();
    const summary = await ingestPaths({
      paths,
      driver: withDriver ? driver : undefined,
      database,
      maxFileBytes: config.ingest.maxFileBytes,
      timeoutMs: 60_000,
      workers,
      onFile: ({ index }) => {
        if ((index + 1) % 1000 === 0) {
          const now = process.hrtime.bigint();
          perThousand.push(Number(now - mark) / 1e6);
          mark = now;
        }
      },
    });
    if (summary.errors.length) throw new Error(JSON.stringify(summary.errors.slice(0, 5)));
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, summary, perThousand };
  };

  try {
    if (opts.pages === undefined) await seedRounds({ rounds: opts.rounds, uri, run: timed, driver, database });
    else await archiveRun({ pages: opts.pages, keep: opts.keep, uri, run: timed, driver, database, workers, dataDir: dataDir ?? opts.store ?? null });
  } finally {
    await driver.close();
    await stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}


interface RunArgs {
  uri: string;
  driver: Driver;
  database: string;
  run: (paths: string[], withDriver: boolean) => Promise<Timed>;
}

async function archiveRun(args: RunArgs & { pages: number; keep?: string; workers: number; dataDir: string | null }): Promise<void> {
  const root = args.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-archive-'));
  const archive = path.join(root, 'archive');
  const seeds = loadSeeds(path.join(ROOT_DIR, 'seeds'));
  // One day more than asked for, held back and added after the first load.
  const pages = [...synthArchive(seeds, { pages: args.pages + 8, start: '2023-01-01', perDay: 8 })];
  for (const page of pages) {
    const file = path.join(archive, page.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, page.text);
  }
  const extraDay = path.join(archive, path.dirname(pages[args.pages]!.path));
  const held = path.join(root, 'held-day');
  fs.rmSync(held, { recursive: true, force: true });
  fs.renameSync(extraDay, held);
  try {
    await emptyDatabase(args.driver, args.database);
    const dry1 = await args.run([archive], false);
    const load = await args.run([archive], true);
    const dry2 = await args.run([archive], false);
    const again = await args.run([archive], true);
    fs.renameSync(held, extraDay);
    const added = await args.run([archive], true);
    const heap = await neo4jHeapUsed(args.driver, args.database);
    const store = args.dataDir ? folderBytes(args.dataDir) : null;

    const dry = (dry1.ms + dry2.ms) / 2;
    const s = load.summary;
    console.log(`synthetic archive: ${args.pages} pages (${s.stories} stories), INGEST_WORKERS=${args.workers}, against ${args.uri}`);
    console.log(`  dry run (baseline)          : ${seconds(dry1.ms)} s before, ${seconds(dry2.ms)} s after the load (mean ${seconds(dry)} s)`);
    console.log(`  first load                  : ${seconds(load.ms)} s = ${((args.pages * 1000) / load.ms).toFixed(1)} pages/s, ${((s.stories * 1000) / load.ms).toFixed(0)} stories/s`);
    console.log(`  ratio to the dry run        : ${(load.ms / dry).toFixed(2)}x`);
    if (load.perThousand.length > 0) console.log(`  each 1,000 pages (s)        : ${load.perThousand.map((ms) => seconds(ms)).join(', ')}`);
    console.log(`  re-run, nothing changed     : ${seconds(again.ms)} s (${again.summary.pages.unchanged} unchanged)`);
    console.log(`  one day (8 pages) added     : ${seconds(added.ms)} s (${added.summary.pages.new} new, ${added.summary.pages.unchanged} unchanged)`);
    console.log(`  store on disk               : ${store === null ? 'n/a (NEO4J_URI)' : mib(store)}; Neo4j heap in use: ${heap === null ? 'n/a' : mib(heap)}`);
  } finally {
    if (!args.keep) fs.rmSync(root, { recursive: true, force: true });
  }
}

async function seedRounds(args: RunArgs & { rounds: number }): Promise<void> {
  const seeds = path.join(ROOT_DIR, 'seeds');
  const first: number[] = [];
  const again: number[] = [];
  const dry: number[] = [];
  // One warm-up round (JIT, query plans), not counted.
  for (let round = -1; round < args.rounds; round++) {
    await emptyDatabase(args.driver, args.database);
    const a = await args.run([seeds], true);
    const b = await args.run([seeds], true);
    const c = await args.run([seeds], false);
    if (round >= 0) {
      first.push(a.ms);
      again.push(b.ms);
      dry.push(c.ms);
    }
  }
  const fmt = (values: number[]) => `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
  console.log(`seeds/: ${fs.readdirSync(seeds).length} pages; ${args.rounds} rounds against ${args.uri}`);
  console.log(`  ingest into an empty database : ${fmt(first)}`);
  console.log(`  re-ingest (unchanged pages)   : ${fmt(again)}`);
  console.log(`  extraction only (dry run)     : ${fmt(dry)}`);
  console.log(`  database share of first load  : ${(median(first) / median(dry)).toFixed(1)}x the extraction-only time`);
}

main(process.argv).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
