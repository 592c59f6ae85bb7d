/**
 * Where a bench question's time goes under load: CPU milliseconds per request on each side of
 * the wire, for ours (the service in this process, autocannon in a child process) and for the
 * raw query (the driver in this process), at the same concurrency. On a 2-core machine a p50
 * under load is CPU per request times the queue, so these are the numbers to move.
 *
 *   NEO4J_PORT=… NEO4J_DATA_DIR=… node dist/scripts/cpu-per-request.js [--only NAME] [--seconds 5] [--connections 10] [--sides ours|raw]
 *
 * Node's side is process.cpuUsage() of this process (the server, or the raw driver loops); the
 * database's is the Neo4j JVM's utime+stime from /proc (the embedded Neo4j of NEO4J_DATA_DIR, or
 * the java process named by --neo4j-pid), with the part of it spent collecting garbage (jstat's
 * GCT). Each side runs once to warm up, then once measured.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/neo4j/database';
import { startServer } from '../src/api/server';
import { benchCases, DEFAULT_INPUTS } from './bench/cases';
import { loadFromChild } from './bench/child-load';
import { rawLoops } from './bench/raw-load';

const argument = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const CLOCK_TICKS_PER_MS = 100 / 1000;

/** The java process whose command line names the data folder (the embedded Neo4j). */
function neo4jPid(dataDir: string): number {
  const given = argument('--neo4j-pid', '');
  if (given) return Number(given);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('java') && cmdline.includes(path.resolve(dataDir))) return Number(entry);
    } catch {
      // A process that ended while being listed.
    }
  }
  throw new Error(`no java process names ${dataDir}; pass --neo4j-pid`);
}

/** The process's user+system CPU in ms (fields 14 and 15 of /proc/PID/stat, in clock ticks). */
function jvmCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_MS;
}

/** The JVM's total garbage-collection time in ms so far (jstat's GCT column), or NaN without jstat. */
function jvmGcMs(pid: number): number {
  const shown = spawnSync('jstat', ['-gc', String(pid)], { encoding: 'utf8' });
  const [header, values] = (shown.stdout ?? '').trim().split('\n').map((line) => line.trim().split(/\s+/));
  const column = header?.indexOf('GCT') ?? -1;
  return column >= 0 && values ? Number(values[column]) * 1000 : NaN;
}

const nodeCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function load(url: string, body: string, connections: number, seconds: number): Promise<number> {
  return (await loadFromChild({ url, connections, seconds, body })).latencies.length;
}

async function main(): Promise<void> {
  const only = argument('--only', '');
  const seconds = Number(argument('--seconds', '5'));
  const connections = Number(argument('--connections', '10'));
  // --sides ours (or raw) measures one side only: for a CPU profile (node --cpu-prof) of that side alone.
  const sides = argument('--sides', 'ours,raw').split(',');
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
  const database = await openDatabase({ config, log: (m) => process.stderr.write(`${m}\n`) });
  const pid = neo4jPid(config.neo4j.embeddedDataDir);
  const server = await startServer({ api: config.api, driver: database.driver, database: database.database, transactionTimeoutMs: config.neo4j.transactionTimeoutMs });
  const measure = async (run: () => Promise<number>) => {
    await run();
    const node = nodeCpuMs();
    const jvm = jvmCpuMs(pid);
    const gc = jvmGcMs(pid);
    const requests = await run();
    return { requests, node: (nodeCpuMs() - node) / requests, jvm: (jvmCpuMs(pid) - jvm) / requests, gc: (jvmGcMs(pid) - gc) / requests };
  };
  try {
    const cases = benchCases(DEFAULT_INPUTS).filter((c) => !only || c.name.includes(only));
    console.log('| question | ours req | ours Node ms/req | ours Neo4j ms/req (of it GC) | raw req | raw Node ms/req | raw Neo4j ms/req (of it GC) |');
    console.log('|---|---|---|---|---|---|---|');
    for (const c of cases) {
      const body = JSON.stringify({ query: c.ours.query, variables: c.ours.variables });
      // One request alone first: ten first requests at once all plan the same statement.
      await (await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
      await database.driver.executeQuery(c.raw.cypher, c.raw.params, { database: database.database });
      const none = { requests: 0, node: NaN, jvm: NaN, gc: NaN };
      const ours = sides.includes('ours') ? await measure(() => load(server.url, body, connections, seconds)) : none;
      const raw = !sides.includes('raw') ? none : await measure(async () => (await rawLoops(database.driver, database.database, c.raw, { connections, seconds })).latencies.length);
      console.log(`| ${c.name} | ${ours.requests} | ${ours.node.toFixed(2)} | ${ours.jvm.toFixed(2)} (${ours.gc.toFixed(2)}) | ${raw.requests} | ${raw.node.toFixed(2)} | ${raw.jvm.toFixed(2)} (${raw.gc.toFixed(2)}) |`);
    }
  } finally {
    await server.stop();
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
