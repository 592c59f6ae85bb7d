/**
 * Which files an ingest run reads: the files named, and the .txt files inside named folders
 * (recursively, in name order so runs are reproducible). Problems are reported per path, so
 * that one bad argument — or one unreadable subfolder deep in an archive — does not stop the
 * others. Symbolic links are followed (an archive may link its pages from elsewhere); a link
 * back into a folder being walked is a loop and is reported, not followed. A file reached by
 * two paths is read once: its real path identifies it.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface PageFileRef {
  /** Absolute path as found (through any links), whose folder names may date the page. */
  file: string;
  /** Absolute real path (links resolved): what identifies the page. */
  realPath: string;
  /** Path relative to the folder given to ingest (for a file given by name: its name). */
  relPath: string;
}

export interface CollectedFiles {
  /** Absolute paths as found, in walk order (kept for callers that only need names). */
  files: string[];
  pages: PageFileRef[];
  problems: Array<{ file: string; message: string }>;
}

const reason = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder (a broken link?)';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
};

/** The one file-system call that tests need to make fail (root reads every folder, whatever its mode). */
export interface WalkIo {
  readdir(dir: string): fs.Dirent[];
}

const NODE_IO: WalkIo = { readdir: (dir) => fs.readdirSync(dir, { withFileTypes: true }) };

interface Walk {
  root: string;
  result: CollectedFiles;
  seen: Set<string>;
  io: WalkIo;
}

function addFile(walk: Walk, file: string, realPath: string): void {
  if (walk.seen.has(realPath)) return;
  walk.seen.add(realPath);
  walk.result.pages.push({ file, realPath, relPath: path.relative(walk.root, file) || path.basename(file) });
  walk.result.files.push(file);
}

/** Walks `dir` (real path `realDir`); `ancestors` are the real paths of the folders above it, for loop detection. */
function walkFolder(walk: Walk, dir: string, realDir: string, ancestors: ReadonlySet<string>): number {
  let entries: fs.Dirent[];
  try {
    entries = walk.io.readdir(dir);
  } catch (error) {
    walk.result.problems.push({ file: dir, message: `cannot read folder: ${reason(error)}; its pages were not loaded` });
    return 0;
  }
  const inside = new Set(ancestors).add(realDir);
  let found = 0;
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let real = full;
    if (entry.isSymbolicLink()) {
      try {
        real = fs.realpathSync(full);
        const stat = fs.statSync(real);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      } catch (error) {
        walk.result.problems.push({ file: full, message: `cannot follow symbolic link: ${reason(error)}` });
        continue;
      }
      if (isDir && inside.has(real)) {
        walk.result.problems.push({ file: full, message: `symbolic link loops back to ${real}; not followed` });
        continue;
      }
    } else {
      real = path.join(realDir, entry.name);
    }
    if (isDir) found += walkFolder(walk, full, real, inside);
    else if (isFile && entry.name.toLowerCase().endsWith('.txt')) {
      addFile(walk, full, real);
      found += 1;
    }
  }
  return found;
}

export function collectFiles(paths: readonly string[], io: WalkIo = NODE_IO): CollectedFiles {
  const result: CollectedFiles = { files: [], pages: [], problems: [] };
  const seen = new Set<string>();
  for (const given of paths) {
    const full = path.resolve(given);
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(full);
      stat = fs.statSync(real);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      result.problems.push({ file: given, message: code === 'ENOENT' ? 'no such file or folder' : reason(error) });
      continue;
    }
    if (stat.isDirectory()) {
      const found = walkFolder({ root: full, result, seen, io }, full, real, new Set());
      if (found === 0 && !result.problems.some((p) => p.file.startsWith(full))) {
        result.problems.push({ file: given, message: 'folder has no .txt files' });
      }
    } else {
      addFile({ root: path.dirname(full), result, seen, io }, full, real);
    }
  }
  return result;
}
