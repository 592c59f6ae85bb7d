/**
 * A fingerprint of the extractor itself: the code and data files of src/ingest (compiled or
 * not) and the graph model they use. A page whose file and extractor fingerprint are the same as
 * when it was loaded is unchanged without being read again beyond a hash; after an upgrade of
 * the rules every page is extracted again (and written only where the extraction differs).
 * Dependencies (jieba, pinyin-pro) are not part of it: after upgrading them, run ingest with
 * `--force`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const CODE = /\.(ts|js|json)$/;
const NOT_CODE = /\.(test|spec)\.(ts|js)$|\.d\.ts$/;
/** The run's own machinery (loading, walking, workers): changing it does not change what a page yields. */
const MACHINERY = new Set(['load', 'run', 'cli', 'files', 'summary', 'extract-pool', 'extract-worker', 'extractor-version', 'plan']);

function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    else if (CODE.test(entry.name) && !NOT_CODE.test(entry.name) && !MACHINERY.has(entry.name.replace(CODE, ''))) found.push(full);
  }
  return found;
}

let memo: string | null = null;

/** 16 hex digits over the extractor's files, read once per process. */
export function extractorVersion(): string {
  if (memo !== null) return memo;
  const hash = createHash('sha256');
  const model = ['model.js', 'model.ts'].map((f) => path.join(__dirname, '..', f)).filter((f) => fs.existsSync(f));
  for (const file of [...filesUnder(__dirname), ...model].sort()) {
    hash.update(path.relative(path.join(__dirname, '..'), file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  memo = hash.digest('hex').slice(0, 16);
  return memo;
}
