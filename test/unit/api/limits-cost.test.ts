/**
 * The depth and cost checks on the real schema: linear in the document's size (fragments that
 * fan out are refused at once, not walked 2^n times), and costs that follow the work a query
 * asks for (aliases, rows without `first`, evidence lists, list arguments).
 */
import 'reflect-metadata';
import { GraphQLError, Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildApiSchema } from '../../../src/api/schema';
import { checkLimits } from '../../../src/api/limits';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildApiSchema();
});

function check(source: string, variables: Record<string, unknown> = {}, defaultListSize?: number): number {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return checkLimits({ schema, document, operation, variables, maxDepth: 10, maxCost: 50_000, assumedListSize: 100, defaultListSize });
}

function codeOf(run: () => unknown): unknown {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : error;
  }
}

/** The reproducer: each fragment spreads the next twice. */
function fanOut(n: number): string {
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Place { ...F${i + 1} ...F${i + 1} }`).join(' ');
  return `${fragments} fragment F${n} on Place { name } { node(id: "place:430203") { ...F0 } }`;
}

describe('checkLimits on the real schema', () => {
  it('refuses 30 fragments that each spread the next twice within 50 ms, as QUERY_TOO_COSTLY', () => {
    const started = performance.now();
    expect(codeOf(() => check(fanOut(30)))).toBe('QUERY_TOO_COSTLY');
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('stays linear when the fan-out also nests fields (depth is remembered per fragment)', () => {
    const n = 200;
    const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Place { parent { ...F${i + 1} } ...F${i + 1} }`).join(' ');
    const started = performance.now();
    expect(codeOf(() => check(`${fragments} fragment F${n} on Place { name } { node(id: "x") { ...F0 } }`))).toBe('QUERY_TOO_DEEP');
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('passes a small fan-out and counts every spread', () => {
    expect(check(fanOut(3))).toBe(1 + 8);
  });

  it('costs programmeRuns without `first` at the rows it returns (GRAPHQL_MAX_PAGE_SIZE), evidence as a list', () => {
    const one = 'programmeRuns(where: {place: "芦淞区"}) { agency { name } programme { name } places { name } evidence { sentence story { headline } } }';
    const cost = check(`{ a0: ${one} }`);
    expect(cost).toBeGreaterThan(1_000);
    expect(cost).toBeLessThan(5_000);
    // The 495 aliases (once just under the limit) are far over it now.
    const aliases = Array.from({ length: 495 }, (_, i) => `a${i}: ${one}`).join(' ');
    expect(codeOf(() => check(`{ ${aliases} }`))).toBe('QUERY_TOO_COSTLY');
  });

  it('costs each item of a list argument: 70 000 names in `mentions` are refused', () => {
    const query = 'query Q($names: [String!]) { stories(first: 1, where: {mentions: $names}) { totalCount } }';
    expect(check(query, { names: ['芦淞区', '市人社局'] })).toBeLessThan(100);
    const names = Array.from({ length: 70_000 }, (_, i) => `name${i}`);
    expect(codeOf(() => check(query, { names }))).toBe('QUERY_TOO_COSTLY');
  });

  it('costs a relationship list without `first` at the page it returns (GRAPHQL_DEFAULT_PAGE_SIZE), with `first` at that', () => {
    const nested = (args: string) => `{ node(id: "place:430203") { ... on Place { programmes${args} { name } stories${args} { headline } ancestors { name } } } }`;
    // node 1, ancestors 1 + 10 × 1 (no `first`: ASSUMED_LIST_SIZE), each bounded list 1 + items × 1.
    expect(check(nested(''), {}, 20)).toBe(1 + (1 + 20) + (1 + 20) + (1 + 10));
    expect(check(nested('(first: 5)'), {}, 20)).toBe(1 + (1 + 5) + (1 + 5) + (1 + 10));
    expect(check('{ stories { edges { node { headline } } } }', {}, 20)).toBe(1 + 20 * 3);
  });

  it('leaves introspection free and a connection\'s edges counted once', () => {
    expect(check('{ __schema { types { name fields { name } } } }')).toBe(0);
    expect(check('{ stories(first: 10) { edges { node { headline } } } }')).toBe(1 + 10 * 3);
  });
});
