/**
 * A per-request budget of rows read from the database. The cost estimate bounds what a query
 * may ask for before it runs; this bounds what it actually gets, so one answer larger than
 * expected (an archive where a run has 50 sentences of evidence) ends with QUERY_TOO_COSTLY
 * instead of growing the process until other users' requests fail.
 *
 * A "row" is a record or an item of any list inside one (a run, each of its places and
 * sentences): what Node holds in memory and serialises grows with that count.
 */
import { GraphQLError } from 'graphql';
import { countListItems } from './list-items';

export interface RowBudget {
  /** Counts the rows of a query's records; throws once the request has read more than the budget. */
  charge(records: readonly unknown[]): void;
  /** Throws when the budget is already spent, so that no further query starts. */
  assertOpen(): void;
  readonly used: number;
}

function spent(maxRows: number): GraphQLError {
  return new GraphQLError(
    `This request read more than ${maxRows} rows from the database (GRAPHQL_MAX_ROWS); ask for smaller pages (first), fewer aliases or fewer nested lists`,
    { extensions: { code: 'QUERY_TOO_COSTLY', maxRows, http: { status: 400 } } },
  );
}

/** A fresh budget for one request. */
export function createRowBudget(maxRows: number): RowBudget {
  let used = 0;
  return {
    get used() {
      return used;
    },
    assertOpen() {
      if (used > maxRows) throw spent(maxRows);
    },
    charge(records) {
      used += countListItems(records);
      if (used > maxRows) throw spent(maxRows);
    },
  };
}
