/**
 * Which files an ingest run reads: the files named, and the .txt files inside named folders
 * (recursively, in name order so runs are reproducible). Problems are reported per path, so
 * that one bad argument does not stop the others.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface CollectedFiles {
  files: string[];
  problems: Array<{ file: string; message: string }>;
}

function txtFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...txtFilesUnder(full));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt')) found.push(full);
  }
  return found;
}

export function collectFiles(paths: readonly string[]): CollectedFiles {
  const result: CollectedFiles = { files: [], problems: [] };
  for (const given of paths) {
    const full = path.resolve(given);
    if (!fs.existsSync(full)) {
      result.problems.push({ file: given, message: 'no such file or folder' });
    } else if (fs.statSync(full).isDirectory()) {
      const files = txtFilesUnder(full);
      if (files.length === 0) result.problems.push({ file: given, message: 'folder has no .txt files' });
      result.files.push(...files);
    } else {
      result.files.push(full);
    }
  }
  result.files = [...new Set(result.files)];
  return result;
}
