/**
 * Cursor pagination: argument checks against the configured limits, and the opaque cursors.
 * A cursor is base64url of `o:<offset>` (see repositories/list.repository.ts for why offsets).
 */
import { GraphQLError } from 'graphql';
import type { ApiLimits } from './context';
import type { PageResult, PageWindow } from './repositories/list.repository';
import type { ConnectionValue } from './types/connection.type';

/** A client mistake: reported with BAD_USER_INPUT and this message, never masked. */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

/** The `first` argument of a relationship list (Place.programmes, Entity.stories …), kept in Cypher. */
export const LIST_FIRST = 'At most this many (default GRAPHQL_DEFAULT_PAGE_SIZE, at most GRAPHQL_MAX_PAGE_SIZE).';

/** Validates `first` (1 … maxPageSize, default defaultPageSize) and returns it. */
export function pageSize(first: number | null | undefined, limits: ApiLimits, argument = 'first'): number {
  if (first === null || first === undefined) return limits.defaultPageSize;
  if (!Number.isInteger(first) || first < 0) throw badInput(`${argument} must be a whole number from 0 to ${limits.maxPageSize}, got ${first}`, argument);
  if (first > limits.maxPageSize) {
    throw badInput(`${argument} must be at most ${limits.maxPageSize} (GRAPHQL_MAX_PAGE_SIZE), got ${first}; page with \`after\` instead`, argument);
  }
  return first;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

/** The offset a cursor points at, or a BAD_USER_INPUT error for a cursor this API did not issue. */
export function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput(`after: "${cursor.slice(0, 40)}" is not a cursor this API issued; pass an edge's cursor or endCursor`, 'after');
  return Number(match[1]);
}

/** The page window for (first, after). */
export function pageWindow(args: { first?: number | null; after?: string | null }, limits: ApiLimits): PageWindow {
  const limit = pageSize(args.first, limits);
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { offset, limit };
}

/** Shapes a repository page as a Relay connection. */
export function toConnection<T, N>(page: PageResult<T>, window: PageWindow, toNode: (item: T) => N): ConnectionValue<N> {
  const edges = page.items.map((item, index) => ({ node: toNode(item), cursor: encodeCursor(window.offset + index) }));
  return {
    edges,
    totalCount: page.total,
    pageInfo: {
      hasNextPage: window.offset + page.items.length < page.total,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
