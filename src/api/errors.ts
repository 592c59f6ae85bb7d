/**
 * The one boundary where errors are masked: clients see a stable `extensions.code` and a safe
 * message; internal errors (driver failures, Cypher, bugs) become INTERNAL_SERVER_ERROR with no
 * stack trace or query text, and are logged on the server with the detail.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

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
]);

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
  log(`GraphQL internal error at ${formatted.path?.join('.') ?? '(no path)'}: ${original instanceof Error ? original.stack : String(original)}`);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
