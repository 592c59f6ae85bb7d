/**
 * Driver lifecycle: create a driver for a configured server and wait until it answers.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
}

/** How long opening one connection may take: a database that is gone is seen within this. */
export const CONNECTION_TIMEOUT_MS = 2_000;

/**
 * How long the driver retries a write transaction function (deadlocks, a lost connection).
 * The default (30 s) made ingest fail one page every 30 s once the database had died.
 */
export const MAX_TRANSACTION_RETRY_MS = 5_000;

/** A driver with sane pool limits for a 2-core service. */
export function createDriver(options: DriverOptions): Driver {
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    maxTransactionRetryTime: MAX_TRANSACTION_RETRY_MS,
    disableLosslessIntegers: true,
  });
}

export interface WaitOptions {
  /** Give up after this long. */
  timeoutMs: number;
  /** Pause between attempts; grows to at most 1 s. */
  initialDelayMs?: number;
  /** Called before each retry, e.g. to stop early when a child process has died. */
  shouldAbort?: () => string | null;
}

/**
 * Retries `verifyConnectivity` until the server answers or the deadline passes. Readiness is
 * decided by a real Bolt handshake, never by a fixed sleep.
 */
export async function waitForConnectivity(driver: Driver, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let delay = options.initialDelayMs ?? 100;
  let lastError: unknown;
  for (;;) {
    const abort = options.shouldAbort?.();
    if (abort) throw new Error(abort);
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() + delay > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 1_000);
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`Neo4j did not answer within ${options.timeoutMs} ms: ${reason}`);
}
