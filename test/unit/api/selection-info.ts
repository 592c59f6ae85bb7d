/**
 * The part of a root field's GraphQLResolveInfo the prefetch planner reads, built from query text
 * on the real schema, so that tests (and the plan test's statement list) can plan a selection
 * without running a server.
 */
import 'reflect-metadata';
import { getVariableValues, Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
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
