/**
 * Checks `--out` before anything is read from the database or streamed: a path that cannot be
 * written is a clear message and exit code 2, not a stack trace from a write stream halfway.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat } from './export-files';

/**
 * `mkdir -p` one level at a time: Node's recursive mkdir never returns for a path under /proc
 * (it retries the parent that exists), and an export would then hang before its first byte.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  let current = folder;
  while (!fs.existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const item of missing) fs.mkdirSync(item);
}

/** The problem with writing `out` as `format`, or null when it can be written. */
export function outPathProblem(input: { format: ExportFormat; out: string }): string | null {
  const out = path.resolve(input.out);
  const wantsFolder = input.format === 'csv';
  if (fs.existsSync(out)) {
    const isFolder = fs.statSync(out).isDirectory();
    if (wantsFolder && !isFolder) return `--out ${input.out} is a file; csv writes a folder of files, so give a folder path`;
    if (!wantsFolder && isFolder) return `--out ${input.out} is a folder; ${input.format} writes one file, so give a file path such as ${path.join(input.out, `graph.${input.format}`)}`;
  }
  // Permission bits do not tell (root, read-only mounts, /proc): make the folder the export
  // would make and create a probe file in it.
  const folder = wantsFolder ? out : path.dirname(out);
  const probe = path.join(folder, `.export-probe-${process.pid}`);
  try {
    makeFolders(folder);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
    if (!wantsFolder && fs.existsSync(out)) fs.accessSync(out, fs.constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return `--out ${input.out} cannot be written (${reason} in ${folder}); choose a path in a folder you can write to`;
  }
  return null;
}
