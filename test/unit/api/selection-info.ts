/**
 * The part of a root field's GraphQLResolveInfo the prefetch planner reads, built from query text
 * on the real schema, so that tests (and the plan test's statement list) can plan a selection
 * without running a server.
 */
import 'reflect-metadata';
import { getNamedType, getVariableValues, isObjectType, Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { RELATION_FIELDS } from '../../../src/api/prefetch/relation-fields';
import { RESOLVERS } from '../../../src/api/schema';
import type { SelectionInfo } from '../../../src/api/prefetch/selection-plan';

let schema: GraphQLSchema | null = null;

/** The API's schema, built once (synchronously, for describe.each tables). */
export function apiSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({ resolvers: [...RESOLVERS], validate: false });
  return schema;
}

/** The info of the operation's first root field (node(id) or story(id)), variables coerced as graphql-js does. */
export function selectionInfo(query: string, variables: Record<string, unknown> = {}): SelectionInfo {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation in the query');
  const root = operation.selectionSet.selections[0];
  if (root?.kind !== Kind.FIELD) throw new Error('the first root selection must be a field');
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const coerced = getVariableValues(apiSchema(), operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw new Error(coerced.errors.map((e) => e.message).join('; '));
  const field = apiSchema().getQueryType()!.getFields()[root.name.value];
  if (!field) throw new Error(`no root field ${root.name.value}`);
  return { schema: apiSchema(), fieldNodes: [root], fragments, variableValues: coerced.coerced, returnType: field.type };
}

/**
 * A selection of every entity field the prefetch knows, `levels` lists deep, on `type` (Entity or
 * one of its types): each list's items select the same again one level down; Position and Credit
 * items their own fields.
 */
export function everythingSelection(levels: number, type = 'Entity'): string {
  if (levels === 0) return 'id name';
  const types = type === 'Entity' ? ['Person', 'Organisation', 'Place', 'Programme'] : [type];
  const parts = types.map((name) => {
    const object = apiSchema().getType(name);
    if (!isObjectType(object)) throw new Error(`${name} is not an object type`);
    const lists = Object.keys(RELATION_FIELDS[name] ?? {}).map((field) => {
      const item = getNamedType(object.getFields()[field].type).name;
      if (item === 'Position') return `${field} { title person { id } at { id } evidence { sentence story { id } } }`;
      if (item === 'Credit') return `${field} { role person { id } story { id headline } }`;
      if (item === 'Story') return `${field} { id headline }`;
      return `${field} { ${everythingSelection(levels - 1, item)} }`;
    });
    return `... on ${name} { ${lists.join(' ')} }`;
  });
  return `id name __typename ${parts.join(' ')}`;
}
