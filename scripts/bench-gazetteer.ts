/**
 * Start-up cost of the place gazetteer: the time to load gazetteer.json and build its indexes
 * (the first scan pays it), and the heap those indexes keep.
 *
 * Run (each run is a fresh process, so the numbers are first-use costs; give it --expose-gc for
 * the heap figure):
 *   npx tsc -p tsconfig.build.json && node --expose-gc dist/scripts/bench-gazetteer.js [runs]
 *
 * Prints the median of the runs (default 5), each run in a child process of its own.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

interface Sample {
  loadMs: number;
  indexMs: number;
  heapMB: number;
}

function measureOnce(): Sample {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const gazetteer = require('../src/ingest/lexicon/gazetteer') as typeof import('../src/ingest/lexicon/gazetteer');
  const t1 = performance.now();
  gazetteer.scanPlaces('株洲市芦淞区董家墩街道');
  const t2 = performance.now();
  gc?.();
  return { loadMs: t1 - t0, indexMs: t2 - t1, heapMB: (process.memoryUsage().heapUsed - heap0) / 1048576 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (process.argv[2] === '--child') {
  process.stdout.write(JSON.stringify(measureOnce()));
} else {
  const runs = Number(process.argv[2] ?? 5);
  const samples: Sample[] = [];
  for (let k = 0; k < runs; k++) {
    const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--child'], { encoding: 'utf8' });
    samples.push(JSON.parse(out) as Sample);
  }
  const fmt = (xs: number[], unit: string): string => `median ${median(xs).toFixed(1)} ${unit} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
  console.log(`gazetteer over ${runs} fresh processes:`);
  console.log(`  load gazetteer.json  ${fmt(samples.map((s) => s.loadMs), 'ms')}`);
  console.log(`  build indexes        ${fmt(samples.map((s) => s.indexMs), 'ms')}`);
  console.log(`  heap kept            ${fmt(samples.map((s) => s.heapMB), 'MB')}`);
}
