/**
 * The Relay connection shape, generated once per node type (type-graphql's generic-type
 * pattern): `XEdge { node cursor }` and `XConnection { edges pageInfo totalCount }`.
 */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.type';

export interface ConnectionValue<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares the edge and connection object types for `nodeType`, named after `name`. */
export function connectionOf<T extends object>(name: string, nodeType: ClassType<T> | Function): ClassType<ConnectionValue<T>> {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => nodeType) node!: T;
    @Field({ description: 'Opaque; pass it as `after` to get the items that follow.' }) cursor!: string;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} values.` })
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'All matches, across pages.' }) totalCount!: number;
  }
  return Connection as ClassType<ConnectionValue<T>>;
}
