/**
 * Request limits enforced before any resolver runs: query depth and estimated cost. Both are
 * checked in one Apollo plugin hook (didResolveOperation) rather than as validation rules,
 * because Apollo rewrites every validation error's code to GRAPHQL_VALIDATION_FAILED and clients
 * should be able to tell "too deep" and "too costly" apart (QUERY_TOO_DEEP, QUERY_TOO_COSTLY).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  isCompositeType,
  isListType,
  isNonNullType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { countListItems } from './list-items';

/**
 * Items assumed for a nested list field that takes no `first` (an ancestors chain, a story's
 * mentions). A relationship list with `first` returns GRAPHQL_DEFAULT_PAGE_SIZE without it, and
 * is costed so (CostOptions.defaultListSize).
 */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Items assumed for a list field that takes no `first` and has no complexity of its own (a
 * run's `evidence` and `places`): they are short, but they are real work per item.
 */
export const INLINE_LIST_SIZE = 3;

/**
 * Cost of one item in a list argument (`mentions: [70 000 names]`): each one is a lookup the
 * database makes, so a long list costs what it does, not 1.
 */
export const LIST_ARGUMENT_ITEM_COST = 10;

/** What a field's complexity function is given: the query's arguments and its children's cost. */
export interface ListCostArgs {
  args: Record<string, unknown>;
  childComplexity: number;
  /** Items the field returns when `first` is left out (GRAPHQL_MAX_PAGE_SIZE); ASSUMED_LIST_SIZE when unknown. */
  assumedListSize?: number;
}

/**
 * Cost of a list field: its children once per item it may return (`first`, or the number it
 * returns without one). Used as the type-graphql `complexity` of connection and relationship-list fields.
 */
export function listCost(input: ListCostArgs | Pick<ComplexityEstimatorArgs, 'args' | 'childComplexity'>): number {
  const { args, childComplexity } = input;
  const fallback = ('assumedListSize' in input ? input.assumedListSize : undefined) ?? ASSUMED_LIST_SIZE;
  const first = typeof args.first === 'number' && args.first >= 0 ? args.first : fallback;
  return 1 + childComplexity * Math.max(first, 1);
}

type Fragments = Record<string, FragmentDefinitionNode>;

/**
 * Selection depth of an operation: `{ a { b } }` is 2. Introspection fields (`__schema`,
 * `__type`) are not counted, so Apollo Sandbox's deep introspection query stays allowed.
 * Each fragment's depth is computed once and remembered, so the walk is linear in the size of
 * the document even when fragments spread each other twice over (2^n paths otherwise).
 * Fragment cycles are rejected by validation before this runs; a cycle counts 0 here anyway.
 */
export function operationDepth(operation: OperationDefinitionNode, fragments: Fragments): number {
  const memo = new Map<string, number>();
  const depthOf = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet));
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment) continue;
        let depth = memo.get(name);
        if (depth === undefined) {
          memo.set(name, 0); // a cycle reads 0 instead of recursing
          depth = depthOf(fragment.selectionSet);
          memo.set(name, depth);
        }
        deepest = Math.max(deepest, depth);
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet);
}

/** Whether @skip / @include leave a selection out, given the request's variables. */
function skipped(node: SelectionNode, variables: Record<string, unknown>): boolean {
  for (const directive of node.directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const argument = directive.arguments?.find((arg) => arg.name.value === 'if');
    if (!argument) continue;
    const value = argument.value.kind === Kind.VARIABLE ? variables[argument.value.name.value] : argument.value.kind === Kind.BOOLEAN ? argument.value.value : undefined;
    if (typeof value !== 'boolean') continue;
    if (name === 'skip' ? value : !value) return true;
  }
  return false;
}

type Complexity = number | ((args: ListCostArgs & { field: GraphQLField<unknown, unknown>; node: FieldNode }) => number);

export interface CostOptions {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Fragments;
  variables: Record<string, unknown>;
  /** Items a root list field with its own complexity returns when `first` is left out. */
  assumedListSize?: number;
  /** Items a nested list field with a `first` argument returns when it is left out (GRAPHQL_DEFAULT_PAGE_SIZE). */
  defaultListSize?: number;
}

/**
 * Estimated cost of an operation: 1 per field; a list field with a type-graphql `complexity`
 * (listCost) multiplies its children by the items it may return (`first`; without it a full page
 * for a root list such as programmeRuns, the default page for a connection or a relationship list
 * that takes `first` (Place.programmes: its loader keeps that many in Cypher), ASSUMED_LIST_SIZE
 * for any other); a plain list of objects (a
 * run's evidence) by INLINE_LIST_SIZE, except a connection's `edges`, which its connection field
 * has already counted; every item of a list argument costs LIST_ARGUMENT_ITEM_COST.
 *
 * Each fragment's cost is computed once and remembered, so the walk is linear in the document's
 * size, yet every spread counts: fragments that each spread the next twice cost 2^n and are
 * refused at once, rather than walked 2^n times (or trusted to graphql-js's merging). Fragments on narrower types than their parent (`... on Place`,
 * `... on Person`) apply to different objects, so only the most costly one counts.
 */
export function operationCost(options: CostOptions): number {
  const { schema, fragments, variables } = options;
  const root = schema.getRootType(options.operation.operation);
  const memo = new Map<string, number>();

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType): number => {
    if (node.name.value.startsWith('__') || isUnionType(parent)) return 0;
    const field = parent.getFields()[node.name.value];
    if (!field) return 0;
    const named = getNamedType(field.type);
    const childComplexity = node.selectionSet && isCompositeType(named) ? setCost(node.selectionSet, named) : 0;
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(field, node, variables);
    } catch {
      // Invalid arguments fail in execution with their own message; cost them as given.
    }
    const argumentCost = LIST_ARGUMENT_ITEM_COST * countListItems(args);
    const complexity = field.extensions?.complexity as Complexity | undefined;
    if (typeof complexity === 'number') return complexity + childComplexity + argumentCost;
    const nullable = isNonNullType(field.type) ? field.type.ofType : field.type;
    if (typeof complexity === 'function') {
      // A root list (programmeRuns, search) returns up to a full page without `first`; a
      // connection or a relationship list with `first` (Place.programmes) its default page; other
      // nested lists (a story's mentions, a place's ancestors) are short: ASSUMED_LIST_SIZE.
      const takesFirst = field.args.some((arg) => arg.name === 'first');
      const assumedListSize = parent === root && isListType(nullable) ? options.assumedListSize : takesFirst ? options.defaultListSize : undefined;
      return complexity({ args, childComplexity, assumedListSize, field, node }) + argumentCost;
    }
    const inlineList = isListType(nullable) && childComplexity > 0 && !parent.name.endsWith('Connection');
    return 1 + childComplexity * (inlineList ? INLINE_LIST_SIZE : 1) + argumentCost;
  };

  const fragmentCost = (fragment: FragmentDefinitionNode): number => {
    const name = fragment.name.value;
    const known = memo.get(name);
    if (known !== undefined) return known;
    memo.set(name, 0); // a cycle (refused by validation anyway) reads 0 instead of recursing
    const type = schema.getType(fragment.typeCondition.name.value);
    const cost = type && isCompositeType(type) ? setCost(fragment.selectionSet, type) : 0;
    memo.set(name, cost);
    return cost;
  };

  function setCost(set: SelectionSetNode, parent: GraphQLCompositeType): number {
    let own = 0;
    // Cost of fragments on a narrower type, by that type: only one of them applies to an object.
    const narrower = new Map<string, number>();
    const add = (typeName: string | undefined, cost: number) => {
      if (typeName === undefined || typeName === parent.name) own += cost;
      else narrower.set(typeName, (narrower.get(typeName) ?? 0) + cost);
    };
    for (const selection of set.selections) {
      if (skipped(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        own += fieldCost(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        if (type && isCompositeType(type)) add(typeName, setCost(selection.selectionSet, type));
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment) continue;
        add(fragment.typeCondition.name.value, fragmentCost(fragment));
      }
    }
    return own + Math.max(0, ...narrower.values());
  }

  return root ? setCost(options.operation.selectionSet, root) : 0;
}

export interface LimitCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  maxDepth: number;
  maxCost: number;
  /** Items a list field returns when `first` is left out (GRAPHQL_MAX_PAGE_SIZE). */
  assumedListSize?: number;
  /** Items a nested relationship list returns when `first` is left out (GRAPHQL_DEFAULT_PAGE_SIZE). */
  defaultListSize?: number;
}

/** Throws QUERY_TOO_DEEP or QUERY_TOO_COSTLY (HTTP 400) when a limit is exceeded; returns the cost. */
export function checkLimits(check: LimitCheck): number {
  const fragments: Fragments = {};
  for (const definition of check.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const depth = operationDepth(check.operation, fragments);
  if (depth > check.maxDepth) {
    throw new GraphQLError(`Query depth ${depth} exceeds the maximum of ${check.maxDepth} (GRAPHQL_MAX_DEPTH); ask for fewer nested levels`, {
      extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth: check.maxDepth, http: { status: 400 } },
    });
  }
  const estimated = operationCost({ ...check, fragments });
  // Beyond 2^53 the sum is no longer a whole number: report it as such rather than as 1e+300.
  const cost = Number.isSafeInteger(estimated) ? estimated : Number.MAX_SAFE_INTEGER;
  if (cost > check.maxCost) {
    throw new GraphQLError(
      `Query cost ${cost} exceeds the maximum of ${check.maxCost} (GRAPHQL_MAX_COST); ask for smaller pages (first), fewer aliases or nested lists, or shorter list arguments`,
      { extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost: check.maxCost, http: { status: 400 } } },
    );
  }
  return cost;
}

/** Deepest nesting of lists and objects accepted in a request's variables; the schema's inputs need 3. */
export const MAX_VARIABLE_NESTING = 32;

/** How deep lists and objects nest in a value, measured with a stack (10 000 levels cannot overflow it). */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [next, depth] = stack.pop()!;
    if (next === null || typeof next !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const item of Array.isArray(next) ? next : Object.values(next)) stack.push([item, depth + 1]);
  }
  return deepest;
}

/** Throws BAD_USER_INPUT (HTTP 400) for variables nested deeper than MAX_VARIABLE_NESTING. */
export function checkVariables(variables: Record<string, unknown>): void {
  const depth = nestingDepth(variables);
  if (depth > MAX_VARIABLE_NESTING) {
    throw new GraphQLError(`Variables nest ${depth} levels deep; at most ${MAX_VARIABLE_NESTING} are accepted`, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
}

/** Variable sets remembered per document; a client looping over ids should not grow this unbounded. */
const PASSED_PER_DOCUMENT = 64;

/**
 * The Apollo plugin that applies checkLimits to every operation. Apollo keeps one parsed document
 * per query text, so an operation that passed with the same variables passes again without
 * walking the query (a measurable share of a small request); failures are checked every time.
 */
export function limitsPlugin(limits: { maxDepth: number; maxCost: number; assumedListSize?: number; defaultListSize?: number }): ApolloServerPlugin {
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // Apollo resolves the operation before this hook; without one it has already answered.
          if (!operation) return;
          const variables = request.variables ?? {};
          // Before anything walks them recursively (JSON.stringify below, coercion in execution).
          checkVariables(variables);
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
