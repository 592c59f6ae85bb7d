/**
 * The only writer: puts one page's GraphBatch into Neo4j in one transaction.
 *
 * A page is identified by its file name. Loading replaces whatever an earlier version of the
 * same file (or the same text under another name) wrote — its document, stories, story-scoped
 * edges and the entities nothing else refers to — and then merges the new batch. Re-loading the
 * same page therefore leaves identical counts, and other pages are never touched.
 */
import { createHash } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABELS, RELATIONSHIP_TYPES, type EntityLabel, type RelationshipType } from '../model';
import type { EntityRecord, GraphBatch, RelationshipRecord } from './batch';
import { searchKeys } from './search-keys';
import * as Q from '../neo4j/write-queries';

export interface LoadOptions {
  database: string;
  /** Server-side transaction timeout. */
  timeoutMs: number;
  /** Clock for ingestedAt, injectable for tests. */
  now?: () => Date;
}

export interface LoadResult {
  documentId: string;
  source: string;
  /**
   * `new`: first time; `replaced`: an earlier version was removed (other text, or the same text
   * extracted differently); `unchanged`: same text and same extraction, nothing written.
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

function entityRow(entity: EntityRecord, existingAliases: readonly string[]): Record<string, unknown> {
  const aliases = unionAliases(entity.name, existingAliases, entity.aliases);
  const keys = searchKeys(entity.name, aliases);
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

interface PreviousVersion {
  documentIds: string[];
  storyIds: string[];
  ingestedAt: string | null;
  /** What the extractor made of the page last time (see extractionHash). */
  extractionHash: string | null;
}

/**
 * A fingerprint of what the extractor made of a page. The same text under the same name with the
 * same fingerprint needs no write at all; the same text with a new fingerprint (the rules changed
 * since) is rewritten, so a re-run after an upgrade still brings the graph up to date.
 */
export function extractionHash(batch: GraphBatch): string {
  const content = JSON.stringify([batch.stories, batch.entities, batch.relationships]);
  return createHash('sha256').update(content).digest('hex').slice(0, 32);
}

async function findPreviousVersion(tx: ManagedTransaction, batch: GraphBatch): Promise<PreviousVersion> {
  const result = await tx.run(Q.FIND_PREVIOUS_VERSION, { source: batch.document.source, id: batch.document.id });
  const previous: PreviousVersion = { documentIds: [], storyIds: [], ingestedAt: null, extractionHash: null };
  for (const record of result.records) {
    const id = record.get('id') as string;
    previous.documentIds.push(id);
    previous.storyIds.push(...(record.get('storyIds') as string[]));
    if (id === batch.document.id) {
      previous.ingestedAt = record.get('ingestedAt') as string | null;
      previous.extractionHash = record.get('extractionHash') as string | null;
    }
  }
  return previous;
}

/** Removes what the previous version wrote; returns the entities to check for orphans afterwards. */
async function removePreviousVersion(tx: ManagedTransaction, previous: PreviousVersion): Promise<string[]> {
  const { storyIds } = previous;
  const touched = await tx.run(Q.ENTITIES_OF_STORIES, { storyIds });
  const candidates = (touched.records[0]?.get('ids') as string[] | undefined) ?? [];
  for (const statement of Object.values(Q.DELETE_EDGES_OF_STORIES)) await tx.run(statement, { storyIds });
  await tx.run(Q.DELETE_STORIES, { storyIds });
  await tx.run(Q.DELETE_DOCUMENTS, { ids: previous.documentIds });
  return candidates;
}

async function deleteOrphans(tx: ManagedTransaction, candidates: string[]): Promise<void> {
  // Each pass can free the next level up (village → town → district); the hierarchy is shallow.
  for (let pass = 0; pass < 8 && candidates.length > 0; pass++) {
    const result = await tx.run(Q.DELETE_ORPHANS, { ids: candidates });
    if (Number(result.records[0]?.get('deleted') ?? 0) === 0) break;
  }
}

async function writeBatch(tx: ManagedTransaction, batch: GraphBatch, ingestedAt: string, hash: string): Promise<void> {
  await tx.run(Q.MERGE_DOCUMENT, { id: batch.document.id, source: batch.document.source, ingestedAt, extractionHash: hash });
  await tx.run(Q.MERGE_STORIES, { rows: batch.stories, documentId: batch.document.id });

  const existing = await tx.run(Q.READ_ALIASES, { ids: batch.entities.map((entity) => entity.id) });
  const aliasesById = new Map(existing.records.map((r) => [r.get('id') as string, (r.get('aliases') as string[] | null) ?? []]));
  for (const label of ENTITY_LABELS) {
    const rows = batch.entities.filter((e) => e.label === label).map((e) => entityRow(e, aliasesById.get(e.id) ?? []));
    if (rows.length > 0) await tx.run(Q.MERGE_ENTITIES[label], { rows });
  }

  for (const type of RELATIONSHIP_TYPES) {
    const rels = batch.relationships.filter((rel) => rel.type === type);
    const fromText = rels.filter((rel) => type !== 'PART_OF' || rel.story !== undefined).map(relationshipRow);
    if (fromText.length > 0) await tx.run(Q.MERGE_RELATIONSHIPS[type], { rows: fromText });
    if (type === 'PART_OF') {
      const gazetteer = rels.filter((rel) => rel.story === undefined).map(relationshipRow);
      if (gazetteer.length > 0) await tx.run(Q.MERGE_GAZETTEER_PART_OF, { rows: gazetteer });
    }
  }
}

/**
 * Loads one page's batch in one write transaction. The transaction function has no side
 * effects outside the database, because the driver may run it more than once.
 */
export async function loadBatch(driver: Driver, batch: GraphBatch, options: LoadOptions): Promise<LoadResult> {
  const problems = contractProblems(batch);
  if (problems.length > 0) throw new BatchContractError(batch.document.source, problems);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const hash = extractionHash(batch);
  const session = driver.session({ database: options.database });
  try {
    const status = await session.executeWrite(
      async (tx) => {
        const previous = await findPreviousVersion(tx, batch);
        const unchanged = previous.documentIds.length === 1 && previous.documentIds[0] === batch.document.id;
        if (unchanged && previous.extractionHash === hash) return 'unchanged';
        const candidates = previous.documentIds.length > 0 ? await removePreviousVersion(tx, previous) : [];
        await writeBatch(tx, batch, previous.ingestedAt ?? now, hash);
        await deleteOrphans(tx, candidates);
        // The same text extracted differently (the rules changed since) was rewritten: replaced.
        return previous.documentIds.length > 0 ? 'replaced' : 'new';
      },
      { timeout: options.timeoutMs },
    );
    return {
      documentId: batch.document.id,
      source: batch.document.source,
      status,
      stories: batch.stories.length,
      entities: countBy(ENTITY_LABELS, batch.entities.map((entity) => entity.label)),
      relationships: countBy(RELATIONSHIP_TYPES, batch.relationships.map((rel) => rel.type)),
    };
  } finally {
    await session.close();
  }
}
