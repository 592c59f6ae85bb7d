/**
 * Finding the evaluator's inputs on disk: the gold files named on the command line (files or
 * folders of `.json`) and the page text each gold file is about. Every failure is an
 * EvalInputError whose message names the paths involved, so the CLI can print it and exit 2.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Bad input (a missing file, an empty folder): the user must fix the command or the files. */
export class EvalInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalInputError';
  }
}

/**
 * The gold files named by `paths`: a file is taken as is, a folder contributes its `*.json`
 * files (not recursively), in name order. Duplicates are dropped. Throws on a missing path or a
 * folder with no `.json` file.
 */
export function findGoldFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const resolved = path.resolve(given);
    if (!existsSync(resolved)) throw new EvalInputError(`gold path not found: ${given}`);
    if (statSync(resolved).isDirectory()) {
      const found = readdirSync(resolved)
        .filter((name) => name.toLowerCase().endsWith('.json'))
        .sort()
        .map((name) => path.join(resolved, name));
      if (found.length === 0) throw new EvalInputError(`no .json gold files in folder ${given}`);
      files.push(...found);
    } else {
      files.push(resolved);
    }
  }
  return [...new Set(files)];
}

/** The path of the page a gold file describes: its `document` inside the seeds folder. */
export function pagePath(input: { goldFile: string; document: string; seedsDir: string }): string {
  const page = path.join(input.seedsDir, input.document);
  if (!existsSync(page)) {
    throw new EvalInputError(`page for gold file ${input.goldFile} not found: expected ${page}`);
  }
  return page;
}

/**
 * Reads a page as text. The seeds are UTF-8, but OCR pages from elsewhere may be GBK, so bytes that
 * are not valid UTF-8 are decoded as GB18030 (a superset of GBK) instead of becoming U+FFFD.
 */
export function readPage(file: string): string {
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** The repository root (the nearest folder above `start` holding package.json), for default paths. */
export function findRepoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
