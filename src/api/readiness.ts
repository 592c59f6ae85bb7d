/**
 * `/readyz`: readiness, unlike `/healthz` (liveness: the process answers). Ready means a real
 * query reached the database within READY_TIMEOUT_MS; otherwise 503, so that a load balancer
 * or a supervisor sees a lost database at once.
 */
import type { RequestHandler } from 'express';
import type { Driver } from 'neo4j-driver';
import { readOnce } from '../neo4j/read';

export const READY_TIMEOUT_MS = 1_000;

export function readinessHandler(options: { driver: Driver; database: string }): RequestHandler {
  return async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    });
    const started = Date.now();
    try {
      await Promise.race([readOnce(options.driver, 'RETURN 1 AS ok', {}, { database: options.database, timeoutMs: READY_TIMEOUT_MS }), timeout]);
      res.json({ status: 'ready', database: 'up', ms: Date.now() - started });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', database: 'down', reason: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    } finally {
      clearTimeout(timer);
    }
  };
}
