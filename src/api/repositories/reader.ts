/**
 * Read access for the API: every Cypher query a request runs goes through one Neo4jReader,
 * which applies the transaction timeout and counts queries (tests assert the batching bound
 * with that count).
 */
import type { Driver } from 'neo4j-driver';
import { readOnce } from '../../neo4j/read';
import type { RowBudget } from '../budget';

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
  /** The request's row budget (GRAPHQL_MAX_ROWS); every query's records are charged to it. */
  budget?: RowBudget;
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
      options.budget?.assertOpen();
      // Not executeQuery: it retries timeouts, memory errors and a lost database for 30 s.
      const records = await readOnce<T>(options.driver, cypher, params, { database: options.database, timeoutMs: options.timeoutMs });
      options.budget?.charge(records);
      return records;
    },
  };
}
