/**
 * API benchmark, side by side on one Neo4j: for each question in scripts/bench/cases.ts
 * (programmeRuns by place with and without evidence, by agency, search, path, stories in a date
 * range and by text, a node with nested relations) it measures
 * - ours: the service's GraphQL over HTTP (autocannon from a child process, as a client would);
 * - raw: one hand-written Cypher query through the driver, in this process (the floor);
 * - peer: @neo4j/graphql over HTTP (autocannon), on scripts/bench/neo4j-graphql.typedefs.graphql;
 * at the same concurrency for the same time, in rounds that rotate which side goes first, and
 * prints medians over rounds of p50, p95 and req/s, the ratios (ours/peer throughput, ours/raw
 * p50), and each side's row count. Response caches are off on both GraphQL servers.
 *
 *   npm run bench:api -- [--rounds 3] [--seconds 3] [--connections 10] [--warmup 2]
 *                        [--no-ingest] [--derive-published-on] [--only NAME] [--path-from ID] [--json FILE] [--label seed]
 *
 * It opens the database as `npm start` does (NEO4J_URI, or the embedded Neo4j with NEO4J_PORT
 * and NEO4J_DATA_DIR: keep it away from your own data) and ingests seeds/ unless --no-ingest
 * (for a data folder already loaded with a synthetic archive, see scripts/synth-archive.ts).
 * --ours-url http://127.0.0.1:PORT/graphql measures a server already running on the same database
 * as "ours" (e.g. an earlier version of the service, for before/after figures); questions it
 * cannot answer (fields it lacks) are skipped for that side.
 * --before-url http://127.0.0.1:PORT/graphql adds a fourth side in the same rounds: an earlier
 * version of the service serving the same database, for before/after figures measured together.
 * --derive-published-on sets Story.publishedOn from a page's file name (YYYY-MM-DD-NN.txt) where
 * the loader has not stored it (a bench-only step for archives loaded before the loader did).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { openDatabase, type Database } from '../src/neo4j/database';
import { ingestPaths } from '../src/ingest/run';
import { startServer, type RunningServer } from '../src/api/server';
import { loadFromChild } from './bench/child-load';
import { rawLoops } from './bench/raw-load';
import { benchCases, DEFAULT_INPUTS, type BenchCase, type GraphQLAsk, type RawAsk } from './bench/cases';
import { startPeerServer, type PeerServer } from './bench/peer-server';

interface Measure {
  p50: number;
  p95: number;
  rps: number;
  errors: number;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function summarise(latencies: number[], seconds: number, errors: number): Measure {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), rps: latencies.length / seconds, errors };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Where the path question starts: the given person when the graph has them, else (a synthetic
 * archive renames people) the first reporter, by id, of a story that names the organisation, so
 * that every graph asks a path that exists, three hops long.
 */
async function pathStart(driver: Driver, database: string, wanted: string, to: string): Promise<string> {
  const found = await driver.executeQuery(
    `OPTIONAL MATCH (wanted:Person {id: $wanted})
     CALL (wanted) {
       WITH wanted WHERE wanted IS NULL
       MATCH (:Organisation {id: $to})<-[:MENTIONS]-(:Story)<-[:REPORTED]-(p:Person)
       RETURN p.id AS id ORDER BY id LIMIT 1
       UNION
       WITH wanted WHERE wanted IS NOT NULL
       RETURN wanted.id AS id
     }
     RETURN id`,
    { wanted, to },
    { database },
  );
  return (found.records[0]?.get('id') as string | undefined) ?? wanted;
}

interface Load {
  connections: number;
  seconds: number;
}

/** autocannon against a GraphQL endpoint, from a child process; latencies per response for an exact p95. */
async function graphqlRound(url: string, ask: GraphQLAsk, load: Load): Promise<Measure> {
  const report = await loadFromChild({ url, connections: load.connections, seconds: load.seconds, body: JSON.stringify({ query: ask.query, variables: ask.variables }) });
  return summarise(report.latencies, load.seconds, report.errors);
}

/** The same concurrency of sequential loops, each running the raw query until time is up. */
async function rawRound(driver: Driver, database: string, ask: RawAsk, load: Load): Promise<Measure> {
  const report = await rawLoops(driver, database, ask, load);
  return summarise(report.latencies, load.seconds, report.errors);
}

/**
 * Ends whatever transactions a round left running: a client that gave up (autocannon's 10 s
 * timeout) does not stop Neo4j, and a side whose queries run for seconds would otherwise slow
 * the next side down and use its transaction memory.
 */
async function settle(driver: Driver, database: string): Promise<void> {
  const shown = await driver.executeQuery('SHOW TRANSACTIONS YIELD transactionId, currentQuery', {}, { database });
  const ids = shown.records
    .filter((record) => !String(record.get('currentQuery')).startsWith('SHOW TRANSACTIONS'))
    .map((record) => String(record.get('transactionId')));
  if (ids.length > 0) await driver.executeQuery('TERMINATE TRANSACTIONS $ids', { ids }, { database });
}

async function askGraphQL(url: string, ask: GraphQLAsk): Promise<number> {
  return ask.rows(await graphqlData(url, ask));
}

async function graphqlData(url: string, ask: GraphQLAsk): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ask.query, variables: ask.variables }) });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${url}: ${JSON.stringify(body.errors).slice(0, 600)}`);
  return body.data;
}

/** JSON with object keys sorted, so that two answers compare equal whatever order their fields came in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

type Side = 'ours' | 'raw' | 'peer' | 'before';

interface CaseResult {
  name: string;
  note?: string;
  rows: Record<Side, number | null>;
  /** Whether ours and raw gave the same answer value by value (null: the case compares rows only). */
  sameAnswer: boolean | null;
  sides: Partial<Record<Side, Measure>>;
}

const DERIVE_PUBLISHED_ON = `
MATCH (d:Document) WHERE d.source =~ '\\\\d{4}-\\\\d{2}-\\\\d{2}-.*' AND d.publishedOn IS NULL
CALL (d) {
  WITH d, date(left(d.source, 10)) AS day
  SET d.publishedOn = day
  WITH d, day MATCH (d)-[:CONTAINS]->(s:Story) SET s.publishedOn = day
} IN TRANSACTIONS OF 500 ROWS`;

async function main(): Promise<void> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const rounds = Number(argument('--rounds', '3'));
  const seconds = Number(argument('--seconds', '3'));
  const connections = Number(argument('--connections', '10'));
  const warmup = Number(argument('--warmup', '2'));
  const only = argument('--only', '');
  const label = argument('--label', 'graph');
  const jsonOut = argument('--json', '');
  const load: Load = { connections, seconds };

  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
  let database: Database | null = null;
  let server: RunningServer | null = null;
  let peer: PeerServer | null = null;
  try {
    database = await openDatabase({ config, log });
    const { driver } = database;
    const db = database.database;
    if (!process.argv.includes('--no-ingest')) {
      await ingestPaths({ paths: [config.ingest.seedsDir], driver, database: db, maxFileBytes: config.ingest.maxFileBytes, timeoutMs: config.neo4j.transactionTimeoutMs });
    }
    if (process.argv.includes('--derive-published-on')) {
      const session = driver.session({ database: db });
      try {
        await session.run(DERIVE_PUBLISHED_ON);
      } finally {
        await session.close();
      }
    }
    const [{ stories, documents }] = (await driver.executeQuery('MATCH (d:Document) WITH count(d) AS documents MATCH (s:Story) RETURN documents, count(s) AS stories', {}, { database: db })).records.map((r) => r.toObject() as { stories: number; documents: number });
    log(`graph "${label}": ${documents} pages, ${stories} stories`);

    const oursUrl = process.argv.includes('--ours-url') ? argument('--ours-url', '') : null;
    if (oursUrl && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(oursUrl)) throw new Error('--ours-url must be a loopback address');
    if (!oursUrl) server = await startServer({ api: config.api, driver, database: db, transactionTimeoutMs: config.neo4j.transactionTimeoutMs });
    const ours = oursUrl ?? server!.url;
    peer = await startPeerServer({ driver, database: db });
    const beforeUrl = process.argv.includes('--before-url') ? argument('--before-url', '') : null;
    if (beforeUrl && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(beforeUrl)) throw new Error('--before-url must be a loopback address');

    const cases = benchCases({
      ...DEFAULT_INPUTS,
      place: argument('--place', DEFAULT_INPUTS.place),
      agency: argument('--agency', DEFAULT_INPUTS.agency),
      pathFrom: await pathStart(driver, db, argument('--path-from', DEFAULT_INPUTS.pathFrom), DEFAULT_INPUTS.pathTo),
    }).filter((c) => !only || c.name.includes(only));

    const results: CaseResult[] = [];
    for (const benchCase of cases) results.push(await runCase(benchCase));

    async function runCase(c: BenchCase): Promise<CaseResult> {
      // The answers first: each side's rows, so that the table shows they agree.
      let oursRows: number | null = null;
      let oursData: Record<string, unknown> | null = null;
      try {
        oursData = await graphqlData(ours, c.ours);
        oursRows = c.ours.rows(oursData);
      } catch (error) {
        if (!oursUrl) throw error;
        log(`${c.name}: ${ours} cannot answer it (${String(error).slice(0, 160)}); skipped for "ours"`);
      }
      const rawRecords = (await driver.executeQuery(c.raw.cypher, c.raw.params, { database: db })).records.map((r) => r.toObject());
      let sameAnswer: boolean | null = null;
      if (c.ours.answer && c.raw.answer && oursData) {
        const [oursAnswer, rawAnswer] = [canonical(c.ours.answer(oursData)), canonical(c.raw.answer(rawRecords))];
        sameAnswer = oursAnswer === rawAnswer;
        if (!sameAnswer) log(`${c.name}: ours and raw answer differently:\n  ours ${oursAnswer.slice(0, 600)}\n  raw  ${rawAnswer.slice(0, 600)}`);
      }
      const rows: Record<Side, number | null> = {
        ours: oursRows,
        raw: c.raw.rows(rawRecords),
        peer: c.peer ? await askGraphQL(peer!.url, c.peer) : null,
        before: null,
      };
      if (beforeUrl) {
        try {
          rows.before = await askGraphQL(beforeUrl, c.ours);
        } catch (error) {
          log(`${c.name}: the earlier version cannot answer it (${String(error).slice(0, 200)})`);
        }
      }
      const sides: Array<[Side, () => Promise<Measure>]> = [
        ...(oursRows !== null ? [['ours', () => graphqlRound(ours, c.ours, load)] as [Side, () => Promise<Measure>]] : []),
        ['raw', () => rawRound(driver, db, c.raw, load)],
        ...(c.peer ? [['peer', () => graphqlRound(peer!.url, c.peer!, load)] as [Side, () => Promise<Measure>]] : []),
        ...(beforeUrl && rows.before !== null ? [['before', () => graphqlRound(beforeUrl, c.ours, load)] as [Side, () => Promise<Measure>]] : []),
      ];
      // Neo4j and V8 get faster for a while (plan cache, JIT): a short warm-up per side.
      for (const [, run] of sides) {
        await graphqlWarm(run);
        await settle(driver, db);
      }
      const measured: Partial<Record<Side, Measure[]>> = {};
      for (let round = 0; round < rounds; round++) {
        // Rotate which side goes first, so that none always runs on a fresher machine.
        for (let i = 0; i < sides.length; i++) {
          const [side, run] = sides[(round + i) % sides.length];
          (measured[side] ??= []).push(await run());
          await settle(driver, db);
        }
      }
      const result: CaseResult = { name: c.name, note: c.note, rows, sameAnswer, sides: {} };
      for (const [side, list] of Object.entries(measured) as Array<[Side, Measure[]]>) {
        result.sides[side] = {
          p50: median(list.map((m) => m.p50)),
          p95: median(list.map((m) => m.p95)),
          rps: median(list.map((m) => m.rps)),
          errors: list.reduce((n, m) => n + m.errors, 0),
        };
      }
      log(`${c.name}: ${(['ours', 'raw', 'peer', 'before'] as const).map((s) => (result.sides[s] ? `${s} p50 ${result.sides[s]!.p50.toFixed(1)} ms ${result.sides[s]!.rps.toFixed(0)} req/s` : `${s} n/a`)).join(' | ')}`);
      return result;
    }

    async function graphqlWarm(run: () => Promise<Measure>): Promise<void> {
      if (warmup <= 0) return;
      const saved = load.seconds;
      load.seconds = warmup;
      try {
        await run();
      } finally {
        load.seconds = saved;
      }
    }

    printTable(label, { documents, stories }, results, { connections, rounds, seconds });
    if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify({ label, documents, stories, connections, rounds, seconds, results }, null, 2)}\n`);
  } finally {
    await peer?.stop();
    await server?.stop();
    await database?.close();
  }
}

function printTable(label: string, size: { documents: number; stories: number }, results: CaseResult[], run: { connections: number; rounds: number; seconds: number }): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const f = (value: number | undefined, digits = 1) => (value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));
  out(`\n${label}: ${size.documents} pages, ${size.stories} stories; ${run.connections} connections, ${run.rounds} rounds of ${run.seconds} s per side (medians)`);
  const withBefore = results.some((r) => r.rows.before !== null || r.sides.before);
  out(`| query | ours p50 / p95 ms | ours req/s | raw p50 / p95 ms | raw req/s | peer p50 / p95 ms | peer req/s | ours/peer req/s | ours/raw p50 | rows ours / raw / peer |${withBefore ? ' before p50 / p95 ms | before req/s |' : ''}`);
  out(`|---|---|---|---|---|---|---|---|---|---|${withBefore ? '---|---|' : ''}`);
  for (const r of results) {
    const { ours, raw, peer } = r.sides;
    const { before } = r.sides;
    const errors = (['ours', 'raw', 'peer', 'before'] as const).map((s) => r.sides[s]?.errors ?? 0).reduce((a, b) => a + b, 0);
    out(
      `| ${r.name} | ${f(ours?.p50)} / ${f(ours?.p95)} | ${f(ours?.rps, 0)} | ${f(raw?.p50)} / ${f(raw?.p95)} | ${f(raw?.rps, 0)} | ${peer ? `${f(peer.p50)} / ${f(peer.p95)}` : 'n/a'} | ${peer ? f(peer.rps, 0) : 'n/a'} | ` +
        `${peer && ours ? `${(ours.rps / peer.rps).toFixed(2)}×` : 'n/a'} | ${ours && raw ? `${(ours.p50 / raw.p50).toFixed(2)}×` : '—'} | ${r.rows.ours ?? 'n/a'} / ${r.rows.raw} / ${r.rows.peer ?? 'n/a'}${r.sameAnswer === null ? '' : r.sameAnswer ? ' (ours = raw)' : ' (**ours ≠ raw**)'}${errors ? ` (${errors} errors)` : ''} |` +
        (withBefore ? ` ${before ? `${f(before.p50)} / ${f(before.p95)}` : 'failed'} | ${before ? f(before.rps, 0) : '—'} |` : ''),
    );
  }
  for (const r of results) if (r.note) out(`- ${r.name}: ${r.note}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-api failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
