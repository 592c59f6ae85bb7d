import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { listCost, operationDepth } from '../../../src/api/limits';

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
