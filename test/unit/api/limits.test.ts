import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { limitsPlugin, listCost, operationDepth } from '../../../src/api/limits';

function depth(source: string): number {
  const document = parse(source);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    if (definition.kind === Kind.OPERATION_DEFINITION) operation = definition;
  }
  return operationDepth(operation!, fragments);
}

describe('operationDepth', () => {
  it('counts nested selections, through inline and named fragments', () => {
    expect(depth('{ stats { stories } }')).toBe(2);
    expect(depth('{ node(id: "x") { ... on Place { parent { parent { name } } } } }')).toBe(4);
    expect(depth('fragment F on Place { parent { name } } { node(id: "x") { ...F } }')).toBe(3);
  });

  it('does not count introspection fields', () => {
    expect(depth('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toBe(0);
  });
});

describe('listCost', () => {
  it('multiplies the children by first, or by an assumed list size', () => {
    expect(listCost({ args: { first: 50 }, childComplexity: 3 })).toBe(151);
    expect(listCost({ args: {}, childComplexity: 3 })).toBe(31);
    expect(listCost({ args: { first: 0 }, childComplexity: 3 })).toBe(4);
  });
});

describe('limitsPlugin', () => {
  // Lists cost their children once per item, as the real schema's fields do (type-graphql's `complexity`).
  const item: GraphQLObjectType = new GraphQLObjectType({
    name: 'Item',
    fields: () => ({
      name: { type: new GraphQLNonNull(GraphQLString) },
      children: { type: new GraphQLList(item), args: { first: { type: GraphQLInt } }, extensions: { complexity: listCost } },
    }),
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { items: { type: new GraphQLList(item), args: { first: { type: GraphQLInt } }, extensions: { complexity: listCost } } },
    }),
  });
  const source = 'query Q($n: Int) { items(first: $n) { name children(first: $n) { name } } }';
  const document = parse(source);
  const operation = document.definitions[0] as OperationDefinitionNode;

  async function check(plugin: ReturnType<typeof limitsPlugin>, variables: Record<string, unknown>): Promise<void> {
    // The slice of Apollo's request context the hook reads.
    const hooks = await plugin.requestDidStart!({} as never);
    await (hooks as { didResolveOperation: (context: unknown) => Promise<void> }).didResolveOperation({ schema, document, operation, request: { variables } });
  }

  it('rejects a costly operation every time, and passes a cheap one again with the same variables', async () => {
    const plugin = limitsPlugin({ maxDepth: 10, maxCost: 500 });
    await expect(check(plugin, { n: 5 })).resolves.toBeUndefined();
    await expect(check(plugin, { n: 5 })).resolves.toBeUndefined();
    // Same document, other variables: checked afresh, and refused each time it is asked.
    await expect(check(plugin, { n: 100 })).rejects.toThrow(/exceeds the maximum of 500/);
    await expect(check(plugin, { n: 100 })).rejects.toThrow(/exceeds the maximum of 500/);
  });
});
