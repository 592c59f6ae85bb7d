/**
 * Pure parts of the HTTP guards and the error boundary: which browser origins may call the API,
 * which driver errors mean "database gone", "too slow" or "out of memory", and what a client is
 * told for each.
 */
import type { Request } from 'express';
import { Neo4jError } from 'neo4j-driver';
import { formatError } from '../../../src/api/errors';
import { originAllowed } from '../../../src/api/http-guards';
import { countListItems } from '../../../src/api/list-items';
import { nestingDepth } from '../../../src/api/limits';
import { DEFAULT_CORS_ORIGINS } from '../../../src/config';
import { databaseFailure } from '../../../src/neo4j/errors';

const request = (host: string) => ({ headers: { host } }) as unknown as Request;

describe('originAllowed', () => {
  it('allows the own origin, localhost on any port and Apollo Sandbox by default; nothing else', () => {
    const req = request('localhost:4000');
    expect(originAllowed('http://localhost:4000', req, DEFAULT_CORS_ORIGINS)).toBe(true);
    expect(originAllowed('http://localhost:8888', req, DEFAULT_CORS_ORIGINS)).toBe(true);
    expect(originAllowed('https://studio.apollographql.com', req, DEFAULT_CORS_ORIGINS)).toBe(true);
    expect(originAllowed('https://evil.example', req, DEFAULT_CORS_ORIGINS)).toBe(false);
    expect(originAllowed('https://localhost.evil.example', req, DEFAULT_CORS_ORIGINS)).toBe(false);
    expect(originAllowed('null', req, DEFAULT_CORS_ORIGINS)).toBe(false);
    expect(originAllowed('http://graph.example', request('graph.example'), [])).toBe(true);
    expect(originAllowed('https://a.example:8443', req, ['https://a.example:8443'])).toBe(true);
    expect(originAllowed('https://a.example:9443', req, ['https://a.example:8443'])).toBe(false);
  });
});

describe('database errors at the boundary', () => {
  it.each([
    ['ServiceUnavailable', 'UNAVAILABLE', 'DATABASE_UNAVAILABLE'],
    ['SessionExpired', 'UNAVAILABLE', 'DATABASE_UNAVAILABLE'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'TIMEOUT', 'QUERY_TIMEOUT'],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'TIMEOUT', 'QUERY_TIMEOUT'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'MEMORY', 'QUERY_TOO_COSTLY'],
    ['Neo.TransientError.General.TransactionMemoryLimit', 'MEMORY', 'QUERY_TOO_COSTLY'],
    ['Neo.ClientError.Statement.SyntaxError', null, 'INTERNAL_SERVER_ERROR'],
  ])('%s is %s and answered as %s, without the driver message', (code, failure, answered) => {
    const error = new Neo4jError('detail with MATCH (n) in it', code, 'gql', 'description');
    expect(databaseFailure(error)).toBe(failure);
    const formatted = formatError({ message: error.message, path: ['stats'] }, error, () => undefined);
    expect(formatted.extensions?.code).toBe(answered);
    expect(formatted.message).not.toMatch(/MATCH/);
  });

  it('reads a refused connection as the database being gone', () => {
    expect(databaseFailure(new Error('Failed to connect to server. Caused by: connect ECONNREFUSED 127.0.0.1:7687'))).toBe('UNAVAILABLE');
    expect(databaseFailure(new Error('something else'))).toBeNull();
  });
});

describe('walking deep values without recursion', () => {
  it('measures 100 000 levels of nesting and counts list items', () => {
    let value: unknown = 'x';
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(nestingDepth(value)).toBe(100_000);
    expect(countListItems(value)).toBe(100_000);
    expect(countListItems({ a: [1, 2, { b: [3] }], c: 'd' })).toBe(4);
  });
});
