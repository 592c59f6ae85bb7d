/**
 * Reads a by-id root field's selection (node(id), story(id)) and plans what the prefetch reads
 * below it: for every field of RELATION_FIELDS the selection reaches, the branch that reads its
 * items, and below them what their own selection reaches, down to `depth` levels.
 *
 * Fields are collected as graphql-js executes them, per concrete type: inline fragments and named
 * fragments apply when their type condition is that type or an interface it implements (an
 * abstract level plans each of Person, Organisation, Place, Programme and guards each branch by
 * the labels that asked for it). Aliases are ignored (two aliases of one field read one list) and
 * never reach Cypher. A bounded list (its loader keyed by id and limit) is planned with the limit
 * its resolver will ask for, pageSize(first) — default GRAPHQL_DEFAULT_PAGE_SIZE, the same range
 * check — and fields asking one loader with different limits (aliases with different `first`)
 * read one list each. Left to the resolvers, unplanned: a `first` pageSize rejects (its resolver
 * reports it), anything under @include or @skip (or any
 * other directive), fields whose arguments the table does not accept, fields of types the table
 * does not know, everything below `depth`, and the lists beyond the first `maxLists` (counted
 * level by level): Neo4j plans a statement in time linear in its subqueries (~15 ms each here, a
 * second for 66), and a client could ask a new shape on every request.
 */
import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApiLimits } from '../context';
import type { Loaders } from '../loaders/loaders';
import { pageSize } from '../pagination';
import type { PrefetchBranch } from '../repositories/prefetch.repository';
import { oneNodeReads } from '../repositories/relations.repository';
import { RELATION_FIELDS, type RelationField } from './relation-fields';

/** What the planner needs of the root field's GraphQLResolveInfo. */
export type SelectionInfo = Pick<GraphQLResolveInfo, 'schema' | 'fieldNodes' | 'fragments' | 'variableValues' | 'returnType'>;

/** A planned branch: its key is the loader its items prime. */
export type PlannedBranch = PrefetchBranch<keyof Loaders>;

interface Walk {
  schema: GraphQLSchema;
  fragments: SelectionInfo['fragments'];
  variables: SelectionInfo['variableValues'];
  pages: ApiLimits;
}

export interface PlanLimits {
  /** Levels of nested lists (GRAPHQL_PREFETCH_DEPTH). */
  depth: number;
  /** Lists in one plan, all levels together (GRAPHQL_PREFETCH_MAX_LISTS). */
  maxLists: number;
  /** The page sizes the bounded lists' resolvers give `first` (GRAPHQL_DEFAULT_PAGE_SIZE, GRAPHQL_MAX_PAGE_SIZE). */
  pages: ApiLimits;
}

/** The branches to read below the root field, sorted by key at every level; [] when there is nothing to prefetch. */
export function planPrefetch(info: SelectionInfo, limits: PlanLimits): PlannedBranch[] {
  const type = getNamedType(info.returnType);
  if (!isCompositeType(type)) return [];
  const sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const planned = branches({ schema: info.schema, fragments: info.fragments, variables: info.variableValues, pages: limits.pages }, type, sets, limits.depth);
  return keepFirst(planned, limits.maxLists);
}

/** The first `max` branches breadth-first (shallow lists save the most round trips), with their parents. */
function keepFirst(planned: readonly PlannedBranch[], max: number): PlannedBranch[] {
  const kept = new Set<PlannedBranch>();
  let level: readonly PlannedBranch[] = planned;
  while (level.length > 0 && kept.size < max) {
    for (const branch of level.slice(0, max - kept.size)) kept.add(branch);
    level = level.flatMap((branch) => (kept.has(branch) ? branch.next : []));
  }
  const rebuild = (list: readonly PlannedBranch[]): PlannedBranch[] => list.filter((branch) => kept.has(branch)).map((branch) => ({ ...branch, next: rebuild(branch.next) }));
  return rebuild(planned);
}

interface Group {
  relation: RelationField;
  limit: number | null;
  labels: Set<string>;
  sets: SelectionSetNode[];
  itemType: GraphQLCompositeType | null;
}

function branches(walk: Walk, type: GraphQLCompositeType, sets: readonly SelectionSetNode[], depth: number): PlannedBranch[] {
  if (depth <= 0 || sets.length === 0) return [];
  const objects: readonly GraphQLObjectType[] = isAbstractType(type) ? walk.schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  // Keyed by loader and limit: fields of different types that read one loader (Place.runs and
  // Organisation.programmes) with one limit read one list, with their selections below merged.
  const groups = new Map<string, Group>();
  for (const object of objects) {
    const relations = RELATION_FIELDS[object.name];
    if (!relations) continue;
    for (const node of collectFields(walk, object, sets)) {
      const relation = relations[node.name.value];
      const definition = object.getFields()[node.name.value];
      const limit = relation && definition ? plannedLimit(walk, relation, definition, node) : undefined;
      if (!relation || !definition || limit === undefined) continue;
      const id = `${relation.loader}\u0000${limit ?? ''}`;
      let group = groups.get(id);
      if (!group) {
        const itemType = getNamedType(definition.type);
        group = { relation, limit, labels: new Set(), sets: [], itemType: isCompositeType(itemType) ? itemType : null };
        groups.set(id, group);
      }
      group.labels.add(object.name);
      if (node.selectionSet) group.sets.push(node.selectionSet);
    }
  }
  return [...groups.values()]
    .sort((a, b) => compare(a.relation.loader, b.relation.loader) || (a.limit ?? 0) - (b.limit ?? 0))
    .map((group) => ({
      key: group.relation.loader,
      read: group.relation.read,
      limit: group.limit,
      // A guard only where some possible type of this level did not ask for the list.
      labels: group.labels.size === objects.length ? null : [...group.labels].sort(),
      next: group.itemType ? branches(walk, group.itemType, group.sets, depth - 1) : [],
    }));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The limit to read the field's list with: pageSize(first) for a bounded read, null for another;
 * undefined when the field is not planned (arguments the table does not accept, or that its
 * resolver rejects and reports). Without `accepts` a field may take no argument but a bounded
 * read's `first`.
 */
function plannedLimit(walk: Walk, relation: RelationField, definition: GraphQLField<unknown, unknown>, node: FieldNode): number | null | undefined {
  const { bounded } = oneNodeReads[relation.read];
  if (!relation.accepts && definition.args.some((arg) => !(bounded && arg.name === 'first'))) return undefined;
  try {
    const args = getArgumentValues(definition, node, walk.variables);
    if (relation.accepts && !relation.accepts(args)) return undefined;
    return bounded ? pageSize(args.first as number | null | undefined, walk.pages) : null;
  } catch {
    // An argument graphql-js or pageSize would reject: its resolver reports it.
    return undefined;
  }
}

/** The fields `sets` select on `object`, through the fragments that apply to it. */
function collectFields(walk: Walk, object: GraphQLObjectType, sets: readonly SelectionSetNode[]): FieldNode[] {
  const fields: FieldNode[] = [];
  const spread = new Set<string>();
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.directives && selection.directives.length > 0) continue;
      if (selection.kind === Kind.FIELD) {
        fields.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(walk.schema, selection.typeCondition, object)) visit(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = walk.fragments[name];
        if (!fragment || spread.has(name)) continue;
        spread.add(name);
        if (applies(walk.schema, fragment.typeCondition, object)) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

function applies(schema: GraphQLSchema, condition: NamedTypeNode | undefined, object: GraphQLObjectType): boolean {
  if (!condition) return true;
  const type = schema.getType(condition.name.value);
  return type === object || (type !== undefined && isAbstractType(type) && schema.isSubType(type, object));
}
