/**
 * An ingest run: files → decode → extract (pure) → load (one transaction per page). A file that
 * cannot be read or decoded is reported with its name and skipped; the others still load.
 * Without a driver it is a dry run: everything but the writes.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ENTITY_LABELS, RELATIONSHIP_TYPES, type EntityLabel, type RelationshipType } from '../model';
import type { GraphBatch } from './batch';
import { readPageFile } from './read-page';
import { collectFiles } from './files';
import { loadBatch, type LoadResult } from './load';
import { extractPage } from './pipeline';
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
  /** Called with each page's batch (for --json); the run waits for a returned promise (backpressure). */
  onBatch?: (batch: GraphBatch) => unknown;
  /** Stops the run between pages (Ctrl-C): the page being written is finished, no new one starts. */
  signal?: AbortSignal;
}

export interface FileProblem {
  file: string;
  message: string;
}

export interface IngestSummary {
  files: number;
  pages: { new: number; replaced: number; unchanged: number; extracted: number; failed: number };
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
    pages: { new: 0, replaced: 0, unchanged: 0, extracted: 0, failed: 0 },
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

export async function ingestPaths(options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const summary = emptySummary(options.driver === undefined);
  const { files, problems } = collectFiles(options.paths);
  summary.errors.push(...problems);
  summary.files = files.length;

  let connectionFailures = 0;
  for (const [index, file] of files.entries()) {
    // A dry run never waits on I/O; yield once per page so that a signal (Ctrl-C) is heard.
    if (options.signal) await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) {
      summary.stopped = `${String(options.signal.reason ?? 'interrupted')}; ${files.length - index} of ${files.length} files not attempted`;
      break;
    }
    const name = path.basename(file);
    let ok = false;
    try {
      const page = readPageFile({ file, maxBytes: options.maxFileBytes });
      const batch = extractPage({ text: page.text, source: name });
      // A batch's warnings name their page (the batch travels alone in --json); the summary names it once.
      const own = (message: string) => (message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message);
      summary.warnings.push(...[...page.warnings, ...batch.warnings].map((message) => ({ file: name, message: own(message) })));
      await options.onBatch?.(batch);
      if (options.driver) {
        const result = await loadBatch(options.driver, batch, { database: options.database, timeoutMs: options.timeoutMs });
        summary.pages[result.status] += 1;
        addCounts(summary, result);
      } else {
        summary.pages.extracted += 1;
        addCounts(summary, countsOf(batch));
      }
      ok = true;
      connectionFailures = 0;
    } catch (error) {
      summary.pages.failed += 1;
      const message = error instanceof Error ? error.message : String(error);
      summary.errors.push({ file: name, message });
      connectionFailures = databaseFailure(error) === 'UNAVAILABLE' ? connectionFailures + 1 : 0;
    }
    options.onFile?.({ file: name, index, total: files.length, ok });
    if (connectionFailures >= MAX_CONSECUTIVE_CONNECTION_FAILURES) {
      const left = files.length - index - 1;
      summary.stopped = `stopped: ${connectionFailures} pages in a row could not reach the database (is Neo4j running?); ${left} of ${files.length} files not attempted`;
      break;
    }
  }
  summary.durationMs = Date.now() - started;
  return summary;
}

