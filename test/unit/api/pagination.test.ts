import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, pageSize, pageWindow, toConnection } from '../../../src/api/pagination';

const limits = { maxPageSize: 100, defaultPageSize: 20 };

describe('pagination', () => {
  it('round-trips cursors and rejects foreign ones with BAD_USER_INPUT', () => {
    expect(decodeCursor(encodeCursor(41))).toBe(41);
    expect(() => decodeCursor('garbage')).toThrow(GraphQLError);
    try {
      decodeCursor(Buffer.from('o:-1').toString('base64url'));
    } catch (error) {
      expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('validates first against the configured maximum', () => {
    expect(pageSize(undefined, limits)).toBe(20);
    expect(pageSize(100, limits)).toBe(100);
    expect(() => pageSize(101, limits)).toThrow('first must be at most 100 (GRAPHQL_MAX_PAGE_SIZE), got 101');
    expect(() => pageSize(-1, limits)).toThrow(/from 0 to 100/);
  });

  it('continues after the cursor and reports the page boundaries', () => {
    const window = pageWindow({ first: 2, after: encodeCursor(1) }, limits);
    expect(window).toEqual({ offset: 2, limit: 2 });
    const connection = toConnection({ total: 5, items: ['c', 'd'] }, window, (item) => item);
    expect(connection.edges.map((edge) => [edge.node, decodeCursor(edge.cursor)])).toEqual([
      ['c', 2],
      ['d', 3],
    ]);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(2), endCursor: encodeCursor(3) });
    expect(connection.totalCount).toBe(5);
  });
});
