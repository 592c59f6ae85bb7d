/**
 * Profiles the bench questions (scripts/bench/cases.ts) on the current database: for each, the
 * Cypher statements our service runs for its GraphQL question, with PROFILE db hits and rows, next
 * to the hand-written raw query's. A tool for finding where ours does more work than raw.
 *
 *   NEO4J_PORT=… NEO4J_DATA_DIR=… node dist/scripts/profile-cases.js [--only NAME] [--plan] [--http-only]
 *
 * Prints, per question, sequential p50s (PROFILE_N requests each, default 60): ours over HTTP,
 * ours' statements through the driver (executeQuery and the service's readOnce), a trivial
 * GraphQL request, and raw; then each statement's PROFILE db hits (--plan: the operator tree).
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/neo4j/database';
import { startServer } from '../src/api/server';
import { benchCases, DEFAULT_INPUTS } from './bench/cases';
import { readOnce } from '../src/neo4j/read';

interface ProfiledPlan { operatorType: string; dbHits?: number; rows?: number; arguments: Record<string, unknown>; children: ProfiledPlan[] }
const tree = (p: ProfiledPlan, depth = 0): string[] => [`${'  '.repeat(depth)}${p.operatorType.replace(/@.*$/, '')} hits=${p.dbHits ?? 0} rows=${p.rows ?? 0} ${String(p.arguments.Details ?? '').slice(0, 110)}`, ...p.children.flatMap((c) => tree(c, depth + 1))];
const hits = (p: ProfiledPlan): number => (p.dbHits ?? 0) + p.children.reduce((n, c) => n + hits(c), 0);

async function main(): Promise<void> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
  const database = await openDatabase({ config, log: (m) => process.stderr.write(`${m}\n`) });
  const seen: Array<{ cypher: string; params: Record<string, unknown> }> = [];
  const server = await startServer({ api: config.api, driver: database.driver, database: database.database, transactionTimeoutMs: 60_000, onQuery: (cypher, params) => seen.push({ cypher, params }) });
  const profile = async (cypher: string, params: Record<string, unknown>) => {
    const result = await database.driver.executeQuery(`PROFILE ${cypher}`, params, { database: database.database });
    const plan = result.summary.profile as unknown as ProfiledPlan;
    if (process.argv.includes('--plan')) console.log(tree(plan).join('\n'));
    return { hits: hits(plan), ms: Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter), records: result.records.length };
  };
  try {
    const cases = benchCases(DEFAULT_INPUTS).filter((c) => !only || c.name.includes(only));
    for (const c of cases) {
      for (let warm = 0; warm < 3; warm++) {
        seen.length = 0;
        const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: c.ours.query, variables: c.ours.variables }) });
        await response.text();
      }
      const ours = [...seen];
      const timed = async (run: () => Promise<unknown>) => {
        const ms: number[] = [];
        for (let i = 0; i < Number(process.env.PROFILE_N ?? 60); i++) {
          const t = performance.now();
          await run();
          ms.push(performance.now() - t);
        }
        return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)].toFixed(2);
      };
      const graphqlMs = await timed(async () => (await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: c.ours.query, variables: c.ours.variables }) })).text());
      if (process.argv.includes('--http-only')) {
        console.log(`\n## ${c.name}: sequential p50 ms over HTTP ${graphqlMs}`);
        continue;
      }
      const oursCypherMs = await timed(() => Promise.all(ours.map((s) => database.driver.executeQuery(s.cypher, s.params, { database: database.database }))));
      const readOnceMs = await timed(() => Promise.all(ours.map((s) => readOnce(database.driver, s.cypher, s.params, { database: database.database, timeoutMs: 15_000 }))));
      const trivialMs = await timed(async () => (await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) })).text());
      const graphqlAgainMs = await timed(async () => (await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: c.ours.query, variables: c.ours.variables }) })).text());
      console.log(`   readOnce ${readOnceMs}, trivial HTTP ${trivialMs}, ours over HTTP again ${graphqlAgainMs}`);
      const rawMs = await timed(() => database.driver.executeQuery(c.raw.cypher, c.raw.params, { database: database.database }));
      console.log(`\n## ${c.name}: sequential p50 ms: ours over HTTP ${graphqlMs}, ours' Cypher alone ${oursCypherMs}, raw ${rawMs}`);
      const raw = await profile(c.raw.cypher, c.raw.params);
      console.log(`\n## ${c.name}: ours ${ours.length} statements; raw ${raw.hits} db hits, ${raw.ms} ms`);
      for (const s of ours) {
        const p = await profile(s.cypher, s.params);
        console.log(`  ${String(p.hits).padStart(8)} hits ${String(p.ms).padStart(4)} ms ${String(p.records).padStart(4)} rec  ${s.cypher.trim().split('\n')[0].slice(0, 90)}`);
      }
    }
  } finally {
    await server.stop();
    await database.close();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
