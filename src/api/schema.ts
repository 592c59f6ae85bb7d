import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { StatsResolver } from './resolvers/stats.resolver';

/** All resolvers of the public API; the emitted SDL is committed as schema/schema.graphql. */
export const RESOLVERS = [StatsResolver] as const;

export async function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...RESOLVERS], validate: false });
}
