/**
 * Look-ahead prefetch, per request: before node(id) or story(id) returns, one query reads the node
 * and the lists its selection nests (planPrefetch, prefetchStatement) and primes the request's
 * DataLoaders with them (primesOf). The field resolvers stay as they are and find their values in
 * the loaders' cache, so a node with three levels of nested lists is one query, not one per level
 * and field; whatever the plan leaves out, its resolver loads as before.
 *
 * Root fields asking the same shape in one tick (aliases) share one query (a DataLoader per
 * statement), as they shared the loaders' queries before.
 */
import DataLoader from 'dataloader';
import type { Loaders } from '../loaders/loaders';
import { prefetchStatement, readPrefetch, type PrefetchRoot, type PrefetchStatement } from '../repositories/prefetch.repository';
import type { Neo4jReader } from '../repositories/reader';
import { primesOf } from './prime';
import { planPrefetch, type PlanLimits, type PlannedBranch, type SelectionInfo } from './selection-plan';

export interface Prefetcher {
  /**
   * Reads the entity `id` and what `info`'s selection nests below it into the loaders; resolves
   * once they are primed. Does nothing when the selection nests no list it can read.
   */
  entity(id: string, info: SelectionInfo): Promise<void>;
  /** The same for story(id). */
  story(id: string, info: SelectionInfo): Promise<void>;
}

export interface PrefetcherOptions {
  reader: Neo4jReader;
  loaders: Loaders;
  /**
   * Levels of nested lists read ahead (GRAPHQL_PREFETCH_DEPTH; 0 turns the prefetch off), lists
   * per query, and the page sizes the bounded lists' resolvers apply to `first`.
   */
  limits: PlanLimits;
}

/** A fresh prefetcher over one request's reader and loaders. */
export function createPrefetcher(options: PrefetcherOptions): Prefetcher {
  const batches = new Map<string, DataLoader<string, true>>();

  const batchFor = (root: PrefetchRoot, statement: PrefetchStatement, branches: readonly PlannedBranch[]): DataLoader<string, true> => {
    // By text and limits: one shape asked with two `first` values is two reads.
    const id = `${statement.cypher}\u0000${JSON.stringify(statement.params)}`;
    let batch = batches.get(id);
    if (!batch) {
      batch = new DataLoader<string, true>(async (ids) => {
        const found = await readPrefetch(options.reader, statement, ids);
        for (const prime of primesOf(root, branches, ids, found)) {
          (options.loaders[prime.loader] as DataLoader<unknown, unknown, unknown>).prime(prime.key, prime.value);
        }
        return ids.map(() => true as const);
      });
      batches.set(id, batch);
    }
    return batch;
  };

  const prefetch = async (root: PrefetchRoot, id: string, info: SelectionInfo): Promise<void> => {
    if (options.limits.depth <= 0 || options.limits.maxLists <= 0) return;
    const branches = planPrefetch(info, options.limits);
    if (branches.length === 0) return;
    await batchFor(root, prefetchStatement(root, branches), branches).load(id);
  };

  return {
    entity: (id, info) => prefetch('Entity', id, info),
    story: (id, info) => prefetch('Story', id, info),
  };
}
