/**
 * The DataLoader batch contract, kept in one place: given the keys DataLoader asked for and a Map
 * a repository returned, answer one value per key, in key order. A key the Map lacks gets the
 * `missing` value (null for "no such node", [] for "no related nodes"); when the query itself
 * fails, every key gets that Error, so each field that asked fails with the cause.
 */
import DataLoader from 'dataloader';

export type BatchRead<V> = (keys: readonly string[]) => Promise<Map<string, V>>;

/** Orders a repository's Map by the keys; exported for the contract's unit test. */
export function inKeyOrder<V>(keys: readonly string[], found: Map<string, V>, missing: V): V[] {
  return keys.map((key) => (found.has(key) ? (found.get(key) as V) : missing));
}

/** A per-request loader over one batched read; `missing` answers keys the read did not return. */
export function keyedLoader<V>(read: BatchRead<V>, missing: V): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => {
    let found: Map<string, V>;
    try {
      found = await read(keys);
    } catch (error) {
      const cause = error instanceof Error ? error : new Error(String(error));
      return keys.map(() => cause);
    }
    return inKeyOrder(keys, found, missing);
  });
}

/** A key of a list loader whose read is bounded in Cypher: the node, and how many items to read. */
export interface LimitedKey {
  id: string;
  limit: number;
}

export type LimitedRead<V> = (ids: readonly string[], limit: number) => Promise<Map<string, V>>;

/**
 * A per-request loader over a read that keeps the first `limit` items per node in Cypher. LIMIT
 * takes no per-row value, so the keys of one tick are grouped by limit and each group is one
 * batched read: a level of a query asking for one page size is still one query. Keys are cached
 * by id and limit, and a failed read fails the keys of its group only.
 */
export function limitedLoader<V>(read: LimitedRead<V>, missing: V): DataLoader<LimitedKey, V, string> {
  return new DataLoader<LimitedKey, V, string>(
    async (keys) => {
      const groups = new Map<number, string[]>();
      for (const key of keys) groups.set(key.limit, [...(groups.get(key.limit) ?? []), key.id]);
      const results = new Map<number, Map<string, V> | Error>();
      await Promise.all(
        [...groups].map(async ([limit, ids]) => {
          try {
            results.set(limit, await read(ids, limit));
          } catch (error) {
            results.set(limit, error instanceof Error ? error : new Error(String(error)));
          }
        }),
      );
      return keys.map((key) => {
        const found = results.get(key.limit)!;
        return found instanceof Error ? found : found.has(key.id) ? (found.get(key.id) as V) : missing;
      });
    },
    { cacheKeyFn: (key) => `${key.limit}\u0000${key.id}` },
  );
}
