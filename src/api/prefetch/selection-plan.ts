/**
 * Reads a by-id root field's selection (node(id), story(id)) and plans what the prefetch reads
 * below it: for every field of RELATION_FIELDS the selection reaches, the branch that reads its
 * items, and below them what their own selection reaches, down to `depth` levels.
 *
 * Fields are collected as graphql-js executes them, per concrete type: inline fragments and named
 * fragments apply when their type condition is that type or an interface it implements (an
 * abstract level plans each of Person, Organisation, Place, Programme and guards each branch by
 * the labels that asked for it). Aliases are ignored (two aliases of one field read one list) and
 * never reach Cypher. Left to the resolvers, unplanned: anything under @include or @skip (or any
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
import type { Loaders } from '../loaders/loaders';
import type { PrefetchBranch } from '../repositories/prefetch.repository';
import { RELATION_FIELDS, type RelationField } from './relation-fields';

/** What the planner needs of the root field's GraphQLResolveInfo. */
export type SelectionInfo = Pick<GraphQLResolveInfo, 'schema' | 'fieldNodes' | 'fragments' | 'variableValues' | 'returnType'>;

/** A planned branch: its key is the loader its items prime. */
export type PlannedBranch = PrefetchBranch<keyof Loaders>;

interface Walk {
  schema: GraphQLSchema;
  fragments: SelectionInfo['fragments'];
  variables: SelectionInfo['variableValues'];
}

export interface PlanLimits {
  /** Levels of nested lists (GRAPHQL_PREFETCH_DEPTH). */
  depth: number;
  /** Lists in one plan, all levels together (GRAPHQL_PREFETCH_MAX_LISTS). */
  maxLists: number;
}

/** The branches to read below the root field, sorted by key at every level; [] when there is nothing to prefetch. */
export function planPrefetch(info: SelectionInfo, limits: PlanLimits): PlannedBranch[] {
  const type = getNamedType(info.returnType);
  if (!isCompositeType(type)) return [];
  const sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const planned = branches({ schema: info.schema, fragments: info.fragments, variables: info.variableValues }, type, sets, limits.depth);
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
  labels: Set<string>;
  sets: SelectionSetNode[];
  itemType: GraphQLCompositeType | null;
}

function branches(walk: Walk, type: GraphQLCompositeType, sets: readonly SelectionSetNode[], depth: number): PlannedBranch[] {
  if (depth <= 0 || sets.length === 0) return [];
  const objects: readonly GraphQLObjectType[] = isAbstractType(type) ? walk.schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  // Keyed by loader: fields of different types that read one loader (Place.runs and
  // Organisation.programmes) read one list, with their selections below merged.
  const groups = new Map<keyof Loaders, Group>();
  for (const object of objects) {
    const relations = RELATION_FIELDS[object.name];
    if (!relations) continue;
    for (const node of collectFields(walk, object, sets)) {
      const relation = relations[node.name.value];
      const definition = object.getFields()[node.name.value];
      if (!relation || !definition || !accepted(walk, relation, definition, node)) continue;
      let group = groups.get(relation.loader);
      if (!group) {
        const itemType = getNamedType(definition.type);
        group = { relation, labels: new Set(), sets: [], itemType: isCompositeType(itemType) ? itemType : null };
        groups.set(relation.loader, group);
      }
      group.labels.add(object.name);
      if (node.selectionSet) group.sets.push(node.selectionSet);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({
      key,
      read: group.relation.read,
      // A guard only where some possible type of this level did not ask for the list.
      labels: group.labels.size === objects.length ? null : [...group.labels].sort(),
      next: group.itemType ? branches(walk, group.itemType, group.sets, depth - 1) : [],
    }));
}

function accepted(walk: Walk, relation: RelationField, definition: GraphQLField<unknown, unknown>, node: FieldNode): boolean {
  if (!relation.accepts) return definition.args.length === 0;
  try {
    return relation.accepts(getArgumentValues(definition, node, walk.variables));
  } catch {
    // An argument graphql-js would reject: its resolver reports it.
    return false;
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
