/**
 * Export benchmark: time and memory of each export format on the graph in Neo4j.
 *
 *   npx tsc -p tsconfig.build.json && node dist/scripts/export-benchmark.js [--ingest-seeds] [--synthetic-pages N]
 *
 * Uses NEO4J_URI, or the embedded database (set NEO4J_PORT and NEO4J_DATA_DIR to keep it away
 * from your own data). --ingest-seeds loads seeds/ first; --synthetic-pages adds N generated
 * pages (10 stories, 40 entities each) through the real loader, to see how the streaming
 * exports scale. Prints one line per format: nodes, relationships, size, seconds, and the
 * largest RSS and heap sampled while that export ran.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../src/config';
import { exportToPath, EXPORT_FORMATS } from '../src/export/export-files';
import { NO_FILTER, parseExportFilter } from '../src/export/filter';
import { GraphReader } from '../src/export/graph-reader';
import type { GraphBatch } from '../src/ingest/batch';
import { entityId } from '../src/ingest/ids';
import { loadBatch } from '../src/ingest/load';
import { ingestPaths } from '../src/ingest/run';
import { openDatabase } from '../src/neo4j/database';

const log = (message: string) => process.stderr.write(`${message}\n`);

/** A generated page: stories that mention shared places and organisations and their own programmes. */
function syntheticPage(page: number): GraphBatch {
  const hash = `bench${String(page).padStart(11, '0')}`;
  const document = { id: `doc:${hash}`, source: `bench-${page}.txt` };
  const batch: GraphBatch = { document, stories: [], entities: [], relationships: [], warnings: [] };
  const district = entityId('Place', `bench-district-${page % 20}`);
  batch.entities.push({ label: 'Place', id: district, name: `测试区${page % 20}`, aliases: [], level: 'DISTRICT', code: null });
  for (let s = 0; s < 10; s++) {
    const story = `story:${hash}:${s}`;
    batch.stories.push({ id: story, headline: `第${page}版第${s}条`, kicker: null, subtitle: null, section: null, date: '2023-01-01', body: '正文。'.repeat(200), position: s });
    batch.relationships.push({ type: 'CONTAINS', from: document.id, to: story });
    const org = entityId('Organisation', `bench-org-${(page * 10 + s) % 500}`);
    const programme = entityId('Programme', `bench-programme-${page}-${s}`);
    const person = entityId('Person', `bench-person-${page}-${s}`);
    const community = entityId('Place', `bench-community-${page}-${s}`);
    batch.entities.push(
      { label: 'Organisation', id: org, name: `测试局${(page * 10 + s) % 500}`, aliases: [], type: 'GOVERNMENT' },
      { label: 'Programme', id: programme, name: `测试计划${page}-${s}`, aliases: [], kind: 'EMPLOYMENT', targets: ['求职者'] },
      { label: 'Person', id: person, name: `测试人${page}-${s}`, aliases: [] },
      { label: 'Place', id: community, name: `测试社区${page}-${s}`, aliases: [], level: 'COMMUNITY', code: null },
    );
    batch.relationships.push(
      { type: 'REPORTED', from: person, to: story, story, role: '记者' },
      ...[org, programme, community, district].map((to) => ({ type: 'MENTIONS' as const, from: story, to, story, count: 1 })),
      { type: 'RUNS', from: org, to: programme, story, evidence: '测试局举办测试计划。' },
      { type: 'HELD_IN', from: programme, to: community, story, evidence: '测试计划在测试社区举行。' },
      { type: 'PART_OF', from: community, to: district },
    );
  }
  // An organisation recurs on a page when (page*10+s) % 500 repeats: keep one record per id.
  const seen = new Set<string>();
  batch.entities = batch.entities.filter((entity) => !seen.has(entity.id) && seen.add(entity.id) !== undefined);
  return batch;
}

async function main(): Promise<void> {
  const program = new Command()
    .option('--ingest-seeds', 'ingest seeds/ first')
    .option('--synthetic-pages <n>', 'also load this many generated pages', '0')
    .option('--place <name>', 'also time a --place export of this place')
    .parse(process.argv);
  const opts = program.opts<{ ingestSeeds?: boolean; syntheticPages: string; place?: string }>();
  const config = loadConfig();
  const database = await openDatabase({ config, log });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhuzhou-export-bench-'));
  try {
    if (opts.ingestSeeds) {
      await ingestPaths({ paths: [config.ingest.seedsDir], driver: database.driver, database: database.database, maxFileBytes: config.ingest.maxFileBytes, timeoutMs: 60_000, log: () => {} });
    }
    for (let page = 0; page < Number(opts.syntheticPages); page++) {
      await loadBatch(database.driver, syntheticPage(page), { database: database.database, timeoutMs: 60_000 });
    }
    const filters = [{ name: 'whole graph', filter: NO_FILTER }];
    if (opts.place) filters.push({ name: `--place ${opts.place}`, filter: parseExportFilter({ place: opts.place }) });
    for (const { name, filter } of filters) {
      for (const format of EXPORT_FORMATS) {
        global.gc?.();
        let rss = 0;
        let heap = 0;
        const sample = () => {
          const usage = process.memoryUsage();
          rss = Math.max(rss, usage.rss);
          heap = Math.max(heap, usage.heapUsed);
        };
        const timer = setInterval(sample, 5);
        const started = process.hrtime.bigint();
        const reader = await GraphReader.open({ driver: database.driver, database: database.database, filter, timeoutMs: 60_000 });
        const result = await exportToPath({ reader, format, out: path.join(dir, `${format}-${filters.indexOf(filters.find((f) => f.name === name)!)}`) });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        clearInterval(timer);
        sample();
        const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
        console.log(
          `${name.padEnd(20)} ${format.padEnd(8)} ${String(result.nodes).padStart(7)} nodes ${String(result.edges).padStart(7)} rels ` +
            `${mb(result.bytes).padStart(7)} MiB ${seconds.toFixed(2).padStart(6)} s   peak RSS ${mb(rss)} MiB, heap ${mb(heap)} MiB`,
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}

main().catch((error: unknown) => {
  log(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
