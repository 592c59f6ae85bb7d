/**
 * One page from file to loadable batch, everything a worker thread can do without the database:
 * read and decode the file, date it (path, printed line, given date), extract (pure), and compute
 * what the loader would otherwise compute on its one thread (search keys, the extraction
 * fingerprint). Runs in a worker (extract-worker.ts) or in-process; plain data in and out, so
 * that it crosses a thread boundary by structured clone.
 */
import path from 'node:path';
import type { GraphBatch } from './batch';
import { extractionHash } from './fingerprint';
import { extractPage } from './pipeline';
import { pathDate } from './publication-date';
import { readPageFile } from './read-page';
import { searchKeys, type SearchKeys } from './search-keys';

export interface PageTask {
  /** Absolute path as found (its folder names may date the page). */
  file: string;
  /** Path relative to the folder given to ingest. */
  relPath: string;
  maxBytes: number;
  /** `--date`: for pages whose path and text state none. */
  givenDate: string | null;
}

export type PreparedPage =
  | {
      ok: true;
      batch: GraphBatch;
      /** Warnings from reading the file (decoded from GBK …); the batch has its own. */
      readWarnings: string[];
      fileHash: string;
      extractionHash: string;
      /** Search keys of each entity from the batch's own name and aliases (what the loader writes unless the graph knows more aliases). */
      searchKeys: Record<string, SearchKeys>;
    }
  | { ok: false; message: string };

export function preparePage(task: PageTask): PreparedPage {
  try {
    const page = readPageFile({ file: task.file, maxBytes: task.maxBytes });
    const batch = extractPage({
      text: page.text,
      source: path.basename(task.file),
      path: task.relPath.split(path.sep).join('/'),
      publication: { fromPath: pathDate(task.file), given: task.givenDate },
    });
    const keys: Record<string, SearchKeys> = {};
    for (const entity of batch.entities) keys[entity.id] = searchKeys(entity.name, entity.aliases);
    return { ok: true, batch, readWarnings: page.warnings, fileHash: page.fileHash, extractionHash: extractionHash(batch), searchKeys: keys };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
