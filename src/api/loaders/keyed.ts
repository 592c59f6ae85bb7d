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
