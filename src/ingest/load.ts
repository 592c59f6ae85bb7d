/**
 * The only writer: puts one page's GraphBatch into Neo4j in one transaction.
 *
 * Loading replaces whatever an earlier version of the page wrote — its document, stories,
 * story-scoped edges and the entities nothing else refers to — and then merges the new batch in
 * one statement (WRITE_PAGE). Re-loading the same page therefore leaves identical counts, and
 * other pages are never touched. Which document is the earlier version is the caller's to say
 * (an ingest run knows it from one read of all documents: same real path, or same content);
 * without it, the loader looks it up as fixtures expect: the same file name or the same text.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABELS, RELATIONSHIP_TYPES, type EntityLabel, type RelationshipType } from '../model';
import type { EntityRecord, GraphBatch, RelationshipRecord } from './batch';
import { extractionHash } from './fingerprint';
import { searchKeys, type SearchKeys } from './search-keys';
import * as Q from '../neo4j/write-queries';

export { extractionHash };

/** Where the page's file is and what it was, stored on its Document so that a re-run can skip it. */
export interface PageFacts {
  realPath: string;
  fileHash: string;
  /** The extractor fingerprint and inputs the page was extracted with (see run.ts). */
  extractorKey: string;
}

/** The documents an earlier version of this page left, as the caller found them. */
export interface PreviousVersion {
  documentIds: string[];
  /** The first load's time, kept across rewrites. */
  ingestedAt: string | null;
  /** The previous extraction's fingerprint when one of documentIds is this batch's document. */
  extractionHash: string | null;
}

/**
 * Aliases the graph holds per entity id, kept by the caller across pages (the loader is the
 * only writer, so it knows what it wrote): saves a read per page. Updated after each commit.
 */
export type AliasCache = Map<string, string[]>;

export interface LoadOptions {
  database: string;
  /** Server-side transaction timeout. */
  timeoutMs: number;
  /** Clock for ingestedAt, injectable for tests. */
  now?: () => Date;
  /** The file the page came from; absent for hand-made batches. */
  page?: PageFacts;
  /** The earlier version, when the caller knows it; otherwise looked up in the transaction. */
  previous?: PreviousVersion;
  /** Known aliases; without it they are read in the transaction. */
  aliases?: AliasCache;
  /** Search keys computed off-thread from each entity's batch name and aliases. */
  searchKeys?: Record<string, SearchKeys>;
  /** The batch's extraction fingerprint, when computed off-thread. */
  extractionHash?: string;
}

export interface LoadResult {
  documentId: string;
  source: string;
  /**
   * `new`: first time; `replaced`: an earlier version was removed (other text, or the same text
   * extracted differently); `unchanged`: same text and same extraction, nothing written but the
   * page's file facts (where it is now, its fingerprints).
   */
  status: 'new' | 'replaced' | 'unchanged';
  stories: number;
  entities: Record<EntityLabel, number>;
  relationships: Record<RelationshipType, number>;
}

export class BatchContractError extends Error {
  constructor(source: string, problems: string[]) {
    super(`${source}: the extracted batch breaks the GraphBatch contract: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'BatchContractError';
  }
}

const STORY_SCOPED: ReadonlySet<RelationshipType> = new Set(['REPORTED', 'MENTIONS', 'RUNS', 'HELD_IN', 'HOLDS_POSITION', 'BASED_IN']);

/** Checks what the Cypher relies on, so that a bad batch fails before anything is written. */
export function contractProblems(batch: GraphBatch): string[] {
  const problems: string[] = [];
  const ids = new Set<string>([batch.document.id]);
  for (const node of [...batch.stories, ...batch.entities]) {
    if (ids.has(node.id)) problems.push(`duplicate id ${node.id}`);
    ids.add(node.id);
  }
  for (const rel of batch.relationships) {
    if (!ids.has(rel.from) || !ids.has(rel.to)) problems.push(`${rel.type} ${rel.from} → ${rel.to} names a node not in the batch`);
    if (STORY_SCOPED.has(rel.type) && !rel.story) problems.push(`${rel.type} ${rel.from} → ${rel.to} has no story`);
    if (rel.type === 'HOLDS_POSITION' && !rel.title) problems.push(`HOLDS_POSITION ${rel.from} → ${rel.to} has no title`);
  }
  return problems;
}

function unionAliases(name: string, existing: readonly string[], added: readonly string[]): string[] {
  const aliases: string[] = [];
  for (const alias of [...existing, ...added]) if (alias !== name && !aliases.includes(alias)) aliases.push(alias);
  return aliases;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function entityRow(entity: EntityRecord, aliases: string[], precomputed: SearchKeys | undefined): Record<string, unknown> {
  // Keys computed off-thread are for the batch's own aliases; a union with more needs its own.
  const keys = precomputed && sameList(aliases, entity.aliases) ? precomputed : searchKeys(entity.name, aliases);
  const row: Record<string, unknown> = { id: entity.id, name: entity.name, aliases, ...keys };
  if (entity.label === 'Organisation') row.type = entity.type;
  if (entity.label === 'Place') Object.assign(row, { level: entity.level, code: entity.code });
  if (entity.label === 'Programme') Object.assign(row, { kind: entity.kind, targets: entity.targets });
  return row;
}

function relationshipRow(rel: RelationshipRecord): Record<string, unknown> {
  return {
    from: rel.from,
    to: rel.to,
    story: rel.story ?? null,
    evidence: rel.evidence ?? null,
    role: rel.role ?? null,
    count: rel.count ?? null,
    title: rel.title ?? null,
  };
}

function countBy<K extends string>(keys: readonly K[], items: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const item of items) counts[item] += 1;
  return counts;
}

async function findPreviousVersion(tx: ManagedTransaction, batch: GraphBatch): Promise<PreviousVersion> {
  const result = await tx.run(Q.FIND_PREVIOUS_VERSION, { source: batch.document.source, id: batch.document.id });
  const previous: PreviousVersion = { documentIds: [], ingestedAt: null, extractionHash: null };
  for (const record of result.records) {
    const id = record.get('id') as string;
    previous.documentIds.push(id);
    if (id === batch.document.id) {
      previous.ingestedAt = record.get('ingestedAt') as string | null;
      previous.extractionHash = record.get('extractionHash') as string | null;
    }
  }
  return previous;
}

/** Removes what the previous version wrote; returns the entities to check for orphans afterwards. */
async function removePreviousVersion(tx: ManagedTransaction, documentIds: string[]): Promise<string[]> {
  const stories = await tx.run(Q.STORIES_OF_DOCUMENTS, { ids: documentIds });
  const storyIds = (stories.records[0]?.get('storyIds') as string[] | undefined) ?? [];
  const touched = await tx.run(Q.ENTITIES_OF_STORIES, { storyIds });
  const candidates = (touched.records[0]?.get('ids') as string[] | undefined) ?? [];
  for (const statement of Object.values(Q.DELETE_EDGES_OF_STORIES)) await tx.run(statement, { storyIds });
  await tx.run(Q.DELETE_STORIES, { storyIds });
  await tx.run(Q.DELETE_DOCUMENTS, { ids: documentIds });
  return candidates;
}

/** Deletes candidates nothing refers to any more; returns their ids. */
async function deleteOrphans(tx: ManagedTransaction, candidates: string[]): Promise<string[]> {
  const deleted: string[] = [];
  // Each pass can free the next level up (village → town → district); the hierarchy is shallow.
  for (let pass = 0; pass < 8 && candidates.length > 0; pass++) {
    const result = await tx.run(Q.DELETE_ORPHANS, { ids: candidates });
    const ids = (result.records[0]?.get('deleted') as string[] | undefined) ?? [];
    if (ids.length === 0) break;
    deleted.push(...ids);
  }
  return deleted;
}

interface Written {
  status: LoadResult['status'];
  aliases: Map<string, string[]>;
  deleted: string[];
}

/** Entity aliases as they will be after this page: what the graph has, plus the batch's. */
async function aliasesAfter(tx: ManagedTransaction, batch: GraphBatch, cache: AliasCache | undefined): Promise<Map<string, string[]>> {
  let known: (id: string) => readonly string[];
  if (cache) {
    known = (id) => cache.get(id) ?? [];
  } else {
    const existing = await tx.run(Q.READ_ALIASES, { ids: batch.entities.map((entity) => entity.id) });
    const byId = new Map(existing.records.map((r) => [r.get('id') as string, (r.get('aliases') as string[] | null) ?? []]));
    known = (id) => byId.get(id) ?? [];
  }
  return new Map(batch.entities.map((e) => [e.id, unionAliases(e.name, known(e.id), e.aliases)]));
}

function writeParameters(batch: GraphBatch, options: LoadOptions, meta: { ingestedAt: string; hash: string; aliases: Map<string, string[]> }) {
  const entities = Object.fromEntries(
    ENTITY_LABELS.map((label) => [
      label,
      batch.entities.filter((e) => e.label === label).map((e) => entityRow(e, meta.aliases.get(e.id) ?? [], options.searchKeys?.[e.id])),
    ]),
  );
  const relationships = Object.fromEntries(
    RELATIONSHIP_TYPES.map((type) => [
      type,
      batch.relationships.filter((rel) => rel.type === type && (type !== 'PART_OF' || rel.story !== undefined)).map(relationshipRow),
    ]),
  );
  const gazetteerPartOf = batch.relationships.filter((rel) => rel.type === 'PART_OF' && rel.story === undefined).map(relationshipRow);
  const document = {
    id: batch.document.id,
    source: batch.document.source,
    path: batch.document.path ?? batch.document.source,
    realPath: options.page?.realPath ?? null,
    fileHash: options.page?.fileHash ?? null,
    extractorKey: options.page?.extractorKey ?? null,
    publishedOn: batch.document.publishedOn ?? null,
    ingestedAt: meta.ingestedAt,
    extractionHash: meta.hash,
  };
  const stories = batch.stories.map((story) => ({ ...story, publishedOn: story.publishedOn ?? null }));
  return { document, stories, entities, relationships, gazetteerPartOf };
}

/**
 * Loads one page's batch in one write transaction. The transaction function has no side
 * effects outside the database, because the driver may run it more than once; the alias cache
 * is updated only after the commit.
 */
export async function loadBatch(driver: Driver, batch: GraphBatch, options: LoadOptions): Promise<LoadResult> {
  const problems = contractProblems(batch);
  if (problems.length > 0) throw new BatchContractError(batch.document.source, problems);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const hash = options.extractionHash ?? extractionHash(batch);
  const session = driver.session({ database: options.database });
  try {
    const written = await session.executeWrite(
      async (tx): Promise<Written> => {
        const previous = options.previous ?? (await findPreviousVersion(tx, batch));
        const same = previous.documentIds.length === 1 && previous.documentIds[0] === batch.document.id;
        if (same && previous.extractionHash === hash) {
          if (options.page) {
            const { page } = options;
            await tx.run(Q.UPDATE_DOCUMENT_FACTS, {
              id: batch.document.id,
              source: batch.document.source,
              path: batch.document.path ?? batch.document.source,
              realPath: page.realPath,
              fileHash: page.fileHash,
              extractorKey: page.extractorKey,
            });
          }
          return { status: 'unchanged', aliases: new Map(), deleted: [] };
        }
        const candidates = previous.documentIds.length > 0 ? await removePreviousVersion(tx, previous.documentIds) : [];
        const aliases = await aliasesAfter(tx, batch, options.aliases);
        await tx.run(Q.WRITE_PAGE, writeParameters(batch, options, { ingestedAt: previous.ingestedAt ?? now, hash, aliases }));
        const deleted = await deleteOrphans(tx, candidates);
        // The same text extracted differently (the rules changed since) was rewritten: replaced.
        return { status: previous.documentIds.length > 0 ? 'replaced' : 'new', aliases, deleted };
      },
      { timeout: options.timeoutMs },
    );
    if (options.aliases) {
      for (const [id, aliases] of written.aliases) if (aliases.length > 0) options.aliases.set(id, aliases);
      for (const id of written.deleted) options.aliases.delete(id);
    }
    return {
      documentId: batch.document.id,
      source: batch.document.source,
      status: written.status,
      stories: batch.stories.length,
      entities: countBy(ENTITY_LABELS, batch.entities.map((entity) => entity.label)),
      relationships: countBy(RELATIONSHIP_TYPES, batch.relationships.map((rel) => rel.type)),
    };
  } finally {
    await session.close();
  }
}

/**
 * Removes one document and what only it held (a page whose file is gone, or a document from
 * before pages had paths that a newer file of its name replaces), in one transaction.
 */
export async function removeDocument(driver: Driver, documentId: string, options: Pick<LoadOptions, 'database' | 'timeoutMs' | 'aliases'>): Promise<void> {
  const session = driver.session({ database: options.database });
  try {
    const deleted = await session.executeWrite(
      async (tx) => deleteOrphans(tx, await removePreviousVersion(tx, [documentId])),
      { timeout: options.timeoutMs },
    );
    for (const id of deleted) options.aliases?.delete(id);
  } finally {
    await session.close();
  }
}

/** The alias cache of an ingest run: one read of every entity that has aliases. */
export async function readAliasCache(driver: Driver, database: string): Promise<AliasCache> {
  const { records } = await driver.executeQuery(Q.READ_ALIASED_ENTITIES, {}, { database, routing: 'READ' });
  return new Map(records.map((r) => [r.get('id') as string, r.get('aliases') as string[]]));
}

/** What the graph knows of a document, from the one read at the start of a run. */
export interface DocumentState {
  id: string;
  realPath: string | null;
  source: string | null;
  fileHash: string | null;
  extractorKey: string | null;
  extractionHash: string | null;
  ingestedAt: string | null;
}

/** Every document's state, in one read. */
export async function readDocumentStates(driver: Driver, database: string): Promise<DocumentState[]> {
  const { records } = await driver.executeQuery(Q.READ_DOCUMENT_STATES, {}, { database, routing: 'READ' });
  return records.map((r) => r.toObject() as DocumentState);
}
