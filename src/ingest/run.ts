/**
 * An ingest run: files → (workers) read, decode, extract → load, one transaction per page, in
 * file order. A file that cannot be read or decoded is reported with its path and skipped; the
 * others still load. Without a driver it is a dry run: everything but the writes.
 *
 * A page is the file at its real path. The run reads every document's state once; a page whose
 * file hash and extractor fingerprint match its document's is unchanged and costs a stat, a
 * read and a hash. Otherwise, in this order: the document at the same real path is the earlier
 * version; else a document with the same text is the same page, moved (or a duplicate, when the
 * file it came from is still there: identical text is one page); else the page is new.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ENTITY_LABELS, RELATIONSHIP_TYPES, type EntityLabel, type RelationshipType } from '../model';
import type { GraphBatch } from './batch';
import { collectFiles, type PageFileRef } from './files';
import { createExtractPool, type PoolOptions } from './extract-pool';
import { extractorVersion } from './extractor-version';
import {
  loadBatch,
  readAliasCache,
  readDocumentStates,
  removeDocument,
  type AliasCache,
  type DocumentState,
  type LoadResult,
  type PreviousVersion,
} from './load';
import type { PreparedPage } from './prepare-page';
import { pathDate } from './publication-date';
import { readFileHash } from './read-page';
import { databaseFailure } from '../neo4j/errors';

/** Pages in a row that may fail to reach the database before the run stops (it is gone, not flaky). */
export const MAX_CONSECUTIVE_CONNECTION_FAILURES = 3;

export interface IngestOptions {
  paths: readonly string[];
  /** Absent for a dry run. */
  driver?: Driver;
  database: string;
  maxFileBytes: number;
  timeoutMs: number;
  log?: (message: string) => void;
  /** Called after each file, for progress display. */
  onFile?: (event: { file: string; index: number; total: number; ok: boolean }) => void;
  /** Called with each extracted page's batch (for --json); a returned promise is awaited. */
  onBatch?: (batch: GraphBatch) => unknown;
  /** Extraction worker threads (INGEST_WORKERS); 0 or absent: on this thread. */
  workers?: number;
  /** `--date YYYY-MM-DD`: the publication date of pages whose path and text state none. */
  date?: string | null;
  /** `--force`: extract every page again, even those whose file and extractor did not change. */
  force?: boolean;
  /** How to start the workers (tests start the TypeScript worker through a require hook). */
  workerOptions?: PoolOptions;
  /** Stops the run between pages (Ctrl-C): the page being written is finished, no new one starts. */
  signal?: AbortSignal;
}

export interface FileProblem {
  file: string;
  message: string;
}

export interface IngestSummary {
  files: number;
  pages: { new: number; replaced: number; moved: number; unchanged: number; extracted: number; failed: number };
  /** Counts of the pages extracted in this run (unchanged pages are not read again). */
  stories: number;
  entities: Record<EntityLabel, number>;
  relationships: Record<RelationshipType, number>;
  warnings: FileProblem[];
  errors: FileProblem[];
  durationMs: number;
  dryRun: boolean;
  /** Why the run stopped before the last file (interrupted, database gone); absent when it ran to the end. */
  stopped?: string;
}

function emptySummary(dryRun: boolean): IngestSummary {
  return {
    files: 0,
    pages: { new: 0, replaced: 0, moved: 0, unchanged: 0, extracted: 0, failed: 0 },
    stories: 0,
    entities: Object.fromEntries(ENTITY_LABELS.map((label) => [label, 0])) as Record<EntityLabel, number>,
    relationships: Object.fromEntries(RELATIONSHIP_TYPES.map((type) => [type, 0])) as Record<RelationshipType, number>,
    warnings: [],
    errors: [],
    durationMs: 0,
    dryRun,
  };
}

function addCounts(summary: IngestSummary, result: Pick<LoadResult, 'stories' | 'entities' | 'relationships'>): void {
  summary.stories += result.stories;
  for (const label of ENTITY_LABELS) summary.entities[label] += result.entities[label];
  for (const type of RELATIONSHIP_TYPES) summary.relationships[type] += result.relationships[type];
}

function countsOf(batch: GraphBatch): Pick<LoadResult, 'stories' | 'entities' | 'relationships'> {
  const entities = Object.fromEntries(ENTITY_LABELS.map((label) => [label, 0])) as Record<EntityLabel, number>;
  const relationships = Object.fromEntries(RELATIONSHIP_TYPES.map((type) => [type, 0])) as Record<RelationshipType, number>;
  for (const entity of batch.entities) entities[entity.label] += 1;
  for (const rel of batch.relationships) relationships[rel.type] += 1;
  return { stories: batch.stories.length, entities, relationships };
}

/** The graph's documents by real path and by id, kept up to date as the run writes. */
class KnownDocuments {
  readonly byPath = new Map<string, DocumentState>();
  readonly byId = new Map<string, DocumentState>();

  constructor(states: readonly DocumentState[]) {
    for (const state of states) this.add(state);
  }

  add(state: DocumentState): void {
    this.byId.set(state.id, state);
    if (state.realPath) this.byPath.set(state.realPath, state);
  }

  remove(id: string): void {
    const state = this.byId.get(id);
    if (!state) return;
    this.byId.delete(id);
    if (state.realPath && this.byPath.get(state.realPath)?.id === id) this.byPath.delete(state.realPath);
  }
}

type Identity =
  | { kind: 'load'; previous: PreviousVersion; moved: boolean }
  | { kind: 'duplicate'; of: string };

/** Which earlier document this page is, if any (see the module comment for the order). */
function identify(known: KnownDocuments, realPath: string, documentId: string): Identity {
  const atPath = known.byPath.get(realPath);
  const holder = known.byId.get(documentId);
  if (atPath && atPath.id === documentId) {
    return { kind: 'load', moved: false, previous: { documentIds: [documentId], ingestedAt: atPath.ingestedAt, extractionHash: atPath.extractionHash } };
  }
  if (atPath) {
    // The file changed. If its new text is another page's, that document moves here (one page per text).
    const documentIds = holder ? [atPath.id, holder.id] : [atPath.id];
    return { kind: 'load', moved: false, previous: { documentIds, ingestedAt: null, extractionHash: null } };
  }
  if (holder) {
    if (holder.realPath && holder.realPath !== realPath && fs.existsSync(holder.realPath)) return { kind: 'duplicate', of: holder.realPath };
    // Moved (its old file is gone), or loaded before pages had paths: the same page, found by its
    // text. The latter is rewritten whatever its fingerprint: it has no publication dates yet.
    const legacy = holder.realPath === null;
    return { kind: 'load', moved: !legacy, previous: { documentIds: [documentId], ingestedAt: holder.ingestedAt, extractionHash: legacy ? null : holder.extractionHash } };
  }
  return { kind: 'load', moved: false, previous: { documentIds: [], ingestedAt: null, extractionHash: null } };
}

/** What a page was extracted with, beyond its file: the extractor, and `--date` when its path gives none. */
function extractorKeyOf(ref: PageFileRef, date: string | null): string {
  return pathDate(ref.file) ? extractorVersion() : `${extractorVersion()}|date=${date ?? ''}`;
}

export async function ingestPaths(options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const { driver } = options;
  const summary = emptySummary(driver === undefined);
  const { pages, problems } = collectFiles(options.paths);
  summary.errors.push(...problems);
  summary.files = pages.length;
  const date = options.date ?? null;
  let states: DocumentState[] = [];
  try {
    if (driver) states = await readDocumentStates(driver, options.database);
  } catch (error) {
    // The run's one read of what the graph holds: without it no page can be placed, so a
    // database that is not there ends the run before any page, with the reason.
    if (databaseFailure(error) !== 'UNAVAILABLE') throw error;
    summary.stopped = `stopped: the database could not be reached (is Neo4j running?); ${pages.length} of ${pages.length} files not attempted`;
    summary.errors.push({ file: '(database)', message: error instanceof Error ? error.message : String(error) });
    summary.durationMs = Date.now() - started;
    return summary;
  }
  const known = new KnownDocuments(states);
  let aliases: AliasCache | null = null;
  let done = 0;
  const finished = (ref: PageFileRef, ok: boolean) => options.onFile?.({ file: ref.relPath, index: done++, total: pages.length, ok });
  let connectionFailures = 0;
  const fail = (ref: PageFileRef, error: unknown) => {
    connectionFailures = databaseFailure(error) === 'UNAVAILABLE' ? connectionFailures + 1 : 0;
    summary.pages.failed += 1;
    summary.errors.push({ file: ref.relPath, message: withoutName(ref, error instanceof Error ? error.message : String(error)) });
    finished(ref, false);
  };

  // 1. Unchanged pages: a stat, a read and a hash each, no extraction and no database.
  const work: PageFileRef[] = [];
  for (const ref of pages) {
    const before = known.byPath.get(ref.realPath);
    if (driver && !options.force && before && before.extractorKey === extractorKeyOf(ref, date)) {
      try {
        if (readFileHash({ file: ref.file, maxBytes: options.maxFileBytes }) === before.fileHash) {
          summary.pages.unchanged += 1;
          finished(ref, true);
          continue;
        }
      } catch (error) {
        fail(ref, error);
        continue;
      }
    }
    work.push(ref);
  }

  // 2. The rest: extracted ahead in workers, loaded one at a time in file order.
  // No more threads than pages: a re-run with nothing new starts none.
  const pool = createExtractPool(Math.min(options.workers ?? 0, work.length), options.workerOptions);
  const ahead = Math.max(2, pool.size * 2);
  const inFlight: Array<Promise<PreparedPage>> = [];
  let next = 0;
  const refill = () => {
    while (next < work.length && inFlight.length < ahead) {
      const ref = work[next++]!;
      inFlight.push(pool.run({ file: ref.file, relPath: ref.relPath, maxBytes: options.maxFileBytes, givenDate: date }));
    }
  };
  try {
    refill();
    for (const [index, ref] of work.entries()) {
      // A dry run never waits on I/O; yield once per page so that a signal (Ctrl-C) is heard.
      if (options.signal) await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) {
        summary.stopped = `${String(options.signal.reason ?? 'interrupted')}; ${work.length - index} of ${pages.length} files not attempted`;
        break;
      }
      if (connectionFailures >= MAX_CONSECUTIVE_CONNECTION_FAILURES) {
        summary.stopped = `stopped: ${connectionFailures} pages in a row could not reach the database (is Neo4j running?); ${work.length - index} of ${pages.length} files not attempted`;
        break;
      }
      const prepared = await inFlight.shift()!;
      refill();
      if (!prepared.ok) {
        fail(ref, new Error(prepared.message));
        continue;
      }
      const { batch } = prepared;
      const label = (message: string) => ({ file: ref.relPath, message: withoutName(ref, message) });
      summary.warnings.push(...[...prepared.readWarnings, ...batch.warnings].map(label));
      try {
        await options.onBatch?.(batch);
        if (!driver) {
          summary.pages.extracted += 1;
          addCounts(summary, countsOf(batch));
          finished(ref, true);
          continue;
        }
        const identity = identify(known, ref.realPath, batch.document.id);
        if (identity.kind === 'duplicate') {
          summary.pages.unchanged += 1;
          summary.warnings.push(label(`the same text as ${identity.of}: one page, kept there`));
          finished(ref, true);
          continue;
        }
        aliases ??= await readAliasCache(driver, options.database);
        const extractorKey = extractorKeyOf(ref, date);
        const result = await loadBatch(driver, batch, {
          database: options.database,
          timeoutMs: options.timeoutMs,
          page: { realPath: ref.realPath, fileHash: prepared.fileHash, extractorKey },
          previous: identity.previous,
          aliases,
          searchKeys: prepared.searchKeys,
          extractionHash: prepared.extractionHash,
        });
        for (const id of identity.previous.documentIds) known.remove(id);
        known.add({
          id: batch.document.id,
          realPath: ref.realPath,
          source: batch.document.source,
          fileHash: prepared.fileHash,
          extractorKey,
          extractionHash: prepared.extractionHash,
          ingestedAt: identity.previous.ingestedAt ?? new Date().toISOString(),
        });
        summary.pages[identity.moved ? 'moved' : result.status] += 1;
        addCounts(summary, result);
        connectionFailures = 0;
        finished(ref, true);
      } catch (error) {
        fail(ref, error);
      }
    }
  } finally {
    await pool.close();
  }

  if (driver && summary.stopped === undefined) await removeSupersededLegacy({ driver, options, known, pages, summary, aliases });
  summary.durationMs = Date.now() - started;
  return summary;
}

/** Messages from the reader and the extractor start with the file name; the summary names the path once. */
function withoutName(ref: PageFileRef, message: string): string {
  const name = `${path.basename(ref.file)}: `;
  return message.startsWith(name) ? message.slice(name.length) : message;
}

/**
 * Documents loaded before pages had paths (no realPath) were known by file name: the one that
 * no file of this run claimed by its text, but whose name a file of this run has, is an earlier
 * version of that file, as the old rule had it, and is removed (one transaction each).
 */
async function removeSupersededLegacy(args: {
  driver: Driver;
  options: IngestOptions;
  known: KnownDocuments;
  pages: readonly PageFileRef[];
  summary: IngestSummary;
  aliases: AliasCache | null;
}): Promise<void> {
  const names = new Set(args.pages.map((ref) => path.basename(ref.file)));
  const legacy = [...args.known.byId.values()].filter((state) => state.realPath === null && state.source !== null && names.has(state.source));
  for (const state of legacy) {
    try {
      await removeDocument(args.driver, state.id, { database: args.options.database, timeoutMs: args.options.timeoutMs, aliases: args.aliases ?? undefined });
      args.known.remove(state.id);
      args.summary.pages.replaced += 1;
      args.summary.warnings.push({ file: state.source!, message: `removed ${state.id}, loaded by name before pages had paths: no file has its text now` });
    } catch (error) {
      args.summary.errors.push({ file: state.source!, message: `could not remove ${state.id}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}
