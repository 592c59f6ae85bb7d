/**
 * The one boundary where errors are masked: clients see a stable `extensions.code` and a safe
 * message; internal errors (driver failures, Cypher, bugs) become INTERNAL_SERVER_ERROR with no
 * stack trace or query text, and are logged on the server with the detail.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { databaseFailure, type DatabaseFailure } from '../neo4j/errors';

/** Codes whose messages are written for clients and pass through unchanged. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'NOT_FOUND',
  'QUERY_TIMEOUT',
  'DATABASE_UNAVAILABLE',
]);

/** What a client is told when the database, not the query's text, is why it failed. */
const DATABASE_ERRORS: Record<DatabaseFailure, { code: string; message: string }> = {
  UNAVAILABLE: { code: 'DATABASE_UNAVAILABLE', message: 'The database is not answering; try again shortly (see /readyz)' },
  TIMEOUT: {
    code: 'QUERY_TIMEOUT',
    message: 'The query took longer than the database time limit (CYPHER_TIMEOUT_MS); ask for less (a narrower filter, smaller pages, no evidence)',
  },
  MEMORY: {
    code: 'QUERY_TOO_COSTLY',
    message: 'The query needed more memory than the database allows for one transaction; ask for less (a narrower filter, smaller pages, no evidence)',
  },
};

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string) => void = (message) => console.error(message),
): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
  if (CLIENT_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = unwrapResolverError(error);
  const failure = databaseFailure(original);
  if (failure) {
    // Known and actionable: no stack trace in the server log either, one line is enough.
    log(`GraphQL ${DATABASE_ERRORS[failure].code} at ${formatted.path?.join('.') ?? '(no path)'}: ${original instanceof Error ? original.message.split('\n')[0] : String(original)}`);
    return { message: DATABASE_ERRORS[failure].message, locations: formatted.locations, path: formatted.path, extensions: { code: DATABASE_ERRORS[failure].code } };
  }
  log(`GraphQL internal error at ${formatted.path?.join('.') ?? '(no path)'}: ${original instanceof Error ? original.stack : String(original)}`);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
