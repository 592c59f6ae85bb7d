/**
 * What a driver or server error means for the caller, decided in one place: the database is
 * gone (retry later), the query ran out of time, or it ran out of memory. Everything else is
 * `null`: a bug or a bad query, masked as INTERNAL_SERVER_ERROR at the API boundary.
 */
import { Neo4jError } from 'neo4j-driver';

export type DatabaseFailure = 'UNAVAILABLE' | 'TIMEOUT' | 'MEMORY';

/** Codes (and socket errors) that mean no database answered. */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
const SOCKET_ERRORS = /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|socket hang up|Connection acquisition timed out|Failed to connect|connection was closed|Pool is closed/i;

/** Classifies an error thrown by the driver; null when it is none of the three. */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  if (!(error instanceof Error)) return null;
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  if (/TransactionTimedOut|Transaction\.Terminated|TransactionTerminated/.test(code)) return 'TIMEOUT';
  if (/OutOfMemory|MemoryLimit|MemoryPool/i.test(code)) return 'MEMORY';
  if (UNAVAILABLE_CODES.has(code)) return 'UNAVAILABLE';
  if (error instanceof Neo4jError && code.startsWith('Neo.')) return null;
  return SOCKET_ERRORS.test(error.message) ? 'UNAVAILABLE' : null;
}
