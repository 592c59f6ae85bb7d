/**
 * API benchmark: `programmeRuns(where: {place: "芦淞区"})` with agency, programme, places and
 * evidence (with story headlines) over GraphQL, driven by autocannon, against the same answer
 * fetched with ONE hand-written Cypher query through the driver (the floor a resolver stack can
 * approach). Both run at the same concurrency for the same time, in several rounds; the script
 * prints p50, p95 and req/s of each (medians over rounds) and the ratio. Target: GraphQL within 2x.
 *
 * Run from the repository root:
 *
 *   npm run build && node dist/scripts/bench-api.js [--rounds 5] [--seconds 5] [--connections 10] [--warmup 15]
 *   npm run build && node dist/scripts/bench-api.js --url http://localhost:4000/graphql   # a running server
 *
 * Without --url it opens the database as `npm start` does (NEO4J_URI, or the embedded Neo4j),
 * ingests seeds/ and serves on a free loopback port. The raw baseline always needs the database,
 * so with --url it still connects (same NEO4J_* settings as the server). Traffic stays on 127.0.0.1.
 * The GraphQL load comes from a child process (scripts/bench-api-load.ts), as a real client's would;
 * the baseline's queries run in this process, on the same driver the server uses.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { openDatabase, type Database } from '../src/neo4j/database';
import { ingestPaths } from '../src/ingest/run';
import { startServer, type RunningServer } from '../src/api/server';
import type { LoadReport, LoadRequest } from './bench-api-load';

const QUERY = `query Runs($place: String!) {
  programmeRuns(where: {place: $place}) {
    agency { id name }
    programme { id name kind }
    places { id name }
    evidence { sentence story { id headline } }
  }
}`;

// The same answer in one hand-written query: the baseline (a script's Cypher, not the service's).
const RAW_CYPHER = `
OPTIONAL MATCH (target:Place) WHERE target.id = $place OR target.name = $place OR $place IN coalesce(target.aliases, [])
OPTIONAL MATCH (inside:Place)-[:PART_OF*0..8]->(target)
WITH collect(DISTINCT inside.id) AS insideIds
MATCH (agency:Entity)-[run:RUNS]->(p:Programme)
WITH insideIds, agency, p, collect(run) AS runs
OPTIONAL MATCH (p)-[held:HELD_IN]->(pl:Place)
WITH insideIds, agency, p, runs, collect(CASE WHEN pl IS NULL THEN null ELSE {place: pl, held: held} END) AS helds
WITH agency, p, runs, size(helds) AS heldCount, [h IN helds WHERE h.place.id IN insideIds] AS within,
     agency:Place AND agency.id IN insideIds AS agencyInside
WHERE size(within) > 0 OR (heldCount = 0 AND agencyInside)
WITH agency, p, runs, within ORDER BY p.name, agency.name
RETURN {id: agency.id, name: agency.name} AS agency,
       {id: p.id, name: p.name, kind: p.kind} AS programme,
       [h IN within | {id: h.place.id, name: h.place.name}] AS places,
       [e IN [r IN runs | {story: r.story, sentence: r.evidence}] + [h IN within | {story: h.held.story, sentence: h.held.evidence}]
          WHERE e.sentence IS NOT NULL |
          {sentence: e.sentence, story: head(COLLECT { MATCH (s:Story {id: e.story}) RETURN {id: s.id, headline: s.headline} })}] AS evidence`;

interface Measure {
  p50: number;
  p95: number;
  rps: number;
  requests: number;
  errors: number;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function summarise(latencies: number[], seconds: number, errors: number): Measure {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), rps: latencies.length / seconds, requests: latencies.length, errors };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  place: string;
}

/**
 * autocannon against the GraphQL endpoint, from a child process (bench-api-load) so that the
 * client does not share the server's event loop; latencies taken per response for an exact p95.
 */
async function graphqlRound(options: LoadOptions): Promise<Measure> {
  const child = fork(path.join(__dirname, 'bench-api-load.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const request: LoadRequest = {
    url: options.url,
    connections: options.connections,
    seconds: options.seconds,
    body: JSON.stringify({ query: QUERY, variables: { place: options.place } }),
  };
  const report = await new Promise<LoadReport>((resolve, reject) => {
    child.once('message', (message) => resolve(message as LoadReport));
    child.once('exit', (code) => reject(new Error(`the load generator exited (${code}) without a report`)));
    child.send(request);
  });
  return summarise(report.latencies, options.seconds, report.errors);
}

interface RawOptions {
  driver: Driver;
  database: string;
  connections: number;
  seconds: number;
  place: string;
}

/** The same concurrency of sequential loops, each running the raw query until time is up. */
async function rawRound(options: RawOptions): Promise<Measure> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const result = await options.driver.executeQuery(RAW_CYPHER, { place: options.place }, { database: options.database, routing: 'READ' });
        // Serialise as the server does, so both sides pay for JSON.
        JSON.stringify(result.records.map((record) => record.toObject()));
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  return summarise(latencies, options.seconds, errors);
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

async function main(): Promise<void> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const rounds = Number(argument('--rounds', '5'));
  const seconds = Number(argument('--seconds', '5'));
  const connections = Number(argument('--connections', '10'));
  const warmup = Number(argument('--warmup', '15'));
  const place = argument('--place', '芦淞区');
  const givenUrl = process.argv.includes('--url') ? argument('--url', '') : null;
  if (givenUrl && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(givenUrl)) throw new Error('--url must be a loopback address (http://localhost:…/graphql)');

  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
  let database: Database | null = null;
  let server: RunningServer | null = null;
  try {
    database = await openDatabase({ config, log });
    if (!givenUrl) {
      await ingestPaths({
        paths: [config.ingest.seedsDir],
        driver: database.driver,
        database: database.database,
        maxFileBytes: config.ingest.maxFileBytes,
        timeoutMs: config.neo4j.transactionTimeoutMs,
      });
      server = await startServer({ api: config.api, driver: database.driver, database: database.database, transactionTimeoutMs: config.neo4j.transactionTimeoutMs });
    }
    const url = givenUrl ?? server!.url;

    // Both answers must agree before timing means anything.
    const check = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: { place } }) });
    const checked = (await check.json()) as { data?: { programmeRuns: unknown[] }; errors?: unknown };
    if (checked.errors) throw new Error(`GraphQL query failed: ${JSON.stringify(checked.errors)}`);
    const raw = await database.driver.executeQuery(RAW_CYPHER, { place }, { database: database.database });
    log(`programmeRuns(place: ${place}): ${checked.data?.programmeRuns.length} runs over GraphQL, ${raw.records.length} rows from raw Cypher`);

    // Neo4j keeps getting faster for a while after its first queries (JIT, plan cache, page cache).
    log(`warming up (${warmup} s each)…`);
    await graphqlRound({ url, connections, seconds: warmup, place });
    await rawRound({ driver: database.driver, database: database.database, connections, seconds: warmup, place });

    const gql: Measure[] = [];
    const base: Measure[] = [];
    for (let round = 1; round <= rounds; round++) {
      // Alternate which side goes first, so that neither always runs on a fresher machine.
      const runGraphql = async () => gql.push(await graphqlRound({ url, connections, seconds, place }));
      const runRaw = async () => base.push(await rawRound({ driver: database!.driver, database: database!.database, connections, seconds, place }));
      if (round % 2 === 1) {
        await runGraphql();
        await runRaw();
      } else {
        await runRaw();
        await runGraphql();
      }
      const g = gql.at(-1)!;
      const b = base.at(-1)!;
      log(`round ${round}: GraphQL p50 ${g.p50.toFixed(1)} ms p95 ${g.p95.toFixed(1)} ms ${g.rps.toFixed(0)} req/s | raw p50 ${b.p50.toFixed(1)} ms p95 ${b.p95.toFixed(1)} ms ${b.rps.toFixed(0)} req/s`);
    }
    const med = (xs: Measure[], key: keyof Measure) => median(xs.map((x) => x[key]));
    const rows = [
      ['GraphQL (autocannon)', med(gql, 'p50'), med(gql, 'p95'), med(gql, 'rps'), gql.reduce((n, x) => n + x.errors, 0)],
      ['raw Cypher (driver)', med(base, 'p50'), med(base, 'p95'), med(base, 'rps'), base.reduce((n, x) => n + x.errors, 0)],
    ] as const;
    const ratioP50 = rows[0][1] / rows[1][1];
    const ratioP95 = rows[0][2] / rows[1][2];
    const ratioRps = rows[1][3] / rows[0][3];
    process.stdout.write(`\nprogrammeRuns(where: {place: "${place}"}), ${connections} concurrent, ${rounds} rounds of ${seconds} s (medians)\n`);
    process.stdout.write(`${'side'.padEnd(22)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'req/s'.padStart(8)} ${'errors'.padStart(7)}\n`);
    for (const [name, p50, p95, rps, errors] of rows) {
      process.stdout.write(`${name.padEnd(22)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${rps.toFixed(0).padStart(8)} ${String(errors).padStart(7)}\n`);
    }
    process.stdout.write(`ratio GraphQL/raw: p50 ${ratioP50.toFixed(2)}x, p95 ${ratioP95.toFixed(2)}x, throughput ${ratioRps.toFixed(2)}x slower (target ≤ 2x)\n`);
  } finally {
    await server?.stop();
    await database?.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-api failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
