/**
 * Read access for the API: every Cypher query a request runs goes through one Neo4jReader,
 * which applies the transaction timeout and counts queries (tests assert the batching bound
 * with that count).
 */
import type { Driver } from 'neo4j-driver';

export interface Neo4jReader {
  /** Runs one read query; returns each record as a plain object keyed by the RETURN names. */
  read<T>(cypher: string, params: Record<string, unknown>): Promise<T[]>;
  /** How many queries this reader has run (per request, since readers are per request). */
  readonly queryCount: number;
}

export interface ReaderOptions {
  driver: Driver;
  database: string;
  timeoutMs: number;
  /** Sees every query; used by tests to pin the Cypher a request produces. */
  onQuery?: (cypher: string, params: Record<string, unknown>) => void;
}

export function createReader(options: ReaderOptions): Neo4jReader {
  let count = 0;
  return {
    get queryCount() {
      return count;
    },
    async read<T>(cypher: string, params: Record<string, unknown>): Promise<T[]> {
      count += 1;
      options.onQuery?.(cypher, params);
      const result = await options.driver.executeQuery(cypher, params, {
        database: options.database,
        routing: 'READ',
        transactionConfig: { timeout: options.timeoutMs },
      });
      return result.records.map((record) => record.toObject() as T);
    },
  };
}
