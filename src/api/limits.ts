/**
 * Request limits enforced before any resolver runs: query depth and estimated cost. Both are
 * checked in one Apollo plugin hook (didResolveOperation) rather than as validation rules,
 * because Apollo rewrites every validation error's code to GRAPHQL_VALIDATION_FAILED and clients
 * should be able to tell "too deep" and "too costly" apart (QUERY_TOO_DEEP, QUERY_TOO_COSTLY).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

/** Items assumed for a list field whose size the query does not state (`first`). */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Cost of a list field: its children once per item it may return (`first`, or an assumed size).
 * Used as the type-graphql `complexity` of connection and relationship-list fields.
 */
export function listCost({ args, childComplexity }: Pick<ComplexityEstimatorArgs, 'args' | 'childComplexity'>): number {
  const first = typeof args.first === 'number' && args.first >= 0 ? args.first : ASSUMED_LIST_SIZE;
  return 1 + childComplexity * Math.max(first, 1);
}

/**
 * Selection depth of an operation: `{ a { b } }` is 2. Introspection fields (`__schema`,
 * `__type`) are not counted, so Apollo Sandbox's deep introspection query stays allowed.
 * Fragment cycles are rejected by validation before this runs; `seen` guards anyway.
 */
export function operationDepth(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  const depthOf = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, seen));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || seen.has(name)) continue;
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}

export interface LimitCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  maxDepth: number;
  maxCost: number;
}

/** Throws QUERY_TOO_DEEP or QUERY_TOO_COSTLY (HTTP 400) when a limit is exceeded; returns the cost. */
export function checkLimits(check: LimitCheck): number {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of check.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const depth = operationDepth(check.operation, fragments);
  if (depth > check.maxDepth) {
    throw new GraphQLError(`Query depth ${depth} exceeds the maximum of ${check.maxDepth} (GRAPHQL_MAX_DEPTH); ask for fewer nested levels`, {
      extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth: check.maxDepth, http: { status: 400 } },
    });
  }
  const cost = getComplexity({
    schema: check.schema,
    query: check.document,
    operationName: check.operation.name?.value,
    variables: check.variables,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
  if (cost > check.maxCost) {
    throw new GraphQLError(
      `Query cost ${cost} exceeds the maximum of ${check.maxCost} (GRAPHQL_MAX_COST); ask for smaller pages (first) or fewer nested lists`,
      { extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost: check.maxCost, http: { status: 400 } } },
    );
  }
  return cost;
}

/** Variable sets remembered per document; a client looping over ids should not grow this unbounded. */
const PASSED_PER_DOCUMENT = 64;

/**
 * The Apollo plugin that applies checkLimits to every operation. Apollo keeps one parsed document
 * per query text, so an operation that passed with the same variables passes again without
 * walking the query (a measurable share of a small request); failures are checked every time.
 */
export function limitsPlugin(limits: { maxDepth: number; maxCost: number }): ApolloServerPlugin {
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // Apollo resolves the operation before this hook; without one it has already answered.
          if (!operation) return;
          const variables = request.variables ?? {};
          const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(variables)}`;
          const known = passed.get(document) ?? new Set<string>();
          if (known.has(key)) return;
          checkLimits({ schema, document, operation, variables, ...limits });
          if (known.size < PASSED_PER_DOCUMENT) known.add(key);
          passed.set(document, known);
        },
      };
    },
  };
}
