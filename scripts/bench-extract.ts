/**
 * Throughput of the pure extraction pipeline (page text → GraphBatch) on one core.
 *
 * Run:
 *   npx tsc -p tsconfig.build.json && node dist/scripts/bench-extract.js [rounds] [seeds-folder]
 *
 * Each round runs extractPage over every page of the folder (default: the repo's seeds/, 20
 * rounds after 3 warm-up rounds that also load lazily built indexes such as the segmenter
 * dictionary). Prints the median and 95th-percentile round throughput in KB/s of page text
 * (UTF-8 bytes). The target is at least 200 KB/s; the exit code is 1 below it so that CI can
 * watch for regressions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractPage } from '../src/ingest/pipeline';

const TARGET_KB_PER_S = 200;
const WARM_UP_ROUNDS = 3;

interface Page {
  source: string;
  text: string;
  bytes: number;
}

function loadPages(folder: string): Page[] {
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((source) => {
      const text = fs.readFileSync(path.join(folder, source), 'utf8');
      return { source, text, bytes: Buffer.byteLength(text, 'utf8') };
    });
}

/** The value at quantile q of sorted values (nearest rank). */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function main(): void {
  const rounds = Number(process.argv[2] ?? 20);
  const folder = path.resolve(process.argv[3] ?? path.join(__dirname, '..', '..', 'seeds'));
  const pages = loadPages(folder);
  if (pages.length === 0) throw new Error(`no .txt pages in ${folder}`);
  const totalKb = pages.reduce((n, p) => n + p.bytes, 0) / 1024;

  for (let i = 0; i < WARM_UP_ROUNDS; i += 1) for (const page of pages) extractPage(page);

  const rates: number[] = [];
  let stories = 0;
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    stories = 0;
    for (const page of pages) stories += extractPage(page).stories.length;
    const seconds = (performance.now() - start) / 1000;
    rates.push(totalKb / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = quantile(rates, 0.5);
  // p95 of throughput is the slow tail: the rate that 95% of rounds beat.
  const p95 = quantile(rates, 0.05);
  console.log(`${pages.length} pages, ${totalKb.toFixed(1)} KB, ${stories} stories per round; ${rounds} rounds after ${WARM_UP_ROUNDS} warm-up`);
  console.log(`median ${median.toFixed(0)} KB/s   p95 (slowest 5%) ${p95.toFixed(0)} KB/s   target ≥ ${TARGET_KB_PER_S} KB/s`);
  if (median < TARGET_KB_PER_S) process.exitCode = 1;
}

main();
