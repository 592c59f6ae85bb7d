/**
 * One read query without retries. The driver's executeQuery / executeRead retry "transient"
 * failures for up to 30 s (maxTransactionRetryTime): a read that timed out, ran out of memory or
 * found the database gone was run again and again, so a request waited far beyond
 * CYPHER_TIMEOUT_MS. A read here is one auto-commit transaction: it ends at the server's
 * transaction timeout and fails at once when no database answers.
 */
import type { Driver, RecordShape } from 'neo4j-driver';

export interface ReadOptions {
  database: string;
  /** Server-side transaction timeout (CYPHER_TIMEOUT_MS). */
  timeoutMs: number;
}

/** Runs `cypher` once in a READ session and returns its records as plain objects. */
export async function readOnce<T = RecordShape>(driver: Driver, cypher: string, params: Record<string, unknown>, options: ReadOptions): Promise<T[]> {
  const session = driver.session({ database: options.database, defaultAccessMode: 'READ' });
  try {
    const result = await session.run(cypher, params, { timeout: options.timeoutMs });
    return result.records.map((record) => record.toObject() as T);
  } finally {
    await session.close().catch(() => undefined);
  }
}
