import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DocumentResolver } from './resolvers/document.resolver';
import { EntityResolver } from './resolvers/entity.resolver';
import { EvidenceResolver } from './resolvers/evidence.resolver';
import { OrganisationResolver } from './resolvers/organisation.resolver';
import { PathResolver } from './resolvers/path.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { PlaceResolver } from './resolvers/place.resolver';
import { ProgrammeRunResolver } from './resolvers/programme-run.resolver';
import { ProgrammeStatsResolver } from './resolvers/programme-stats.resolver';
import { ProgrammeResolver } from './resolvers/programme.resolver';
import { SearchResolver } from './resolvers/search.resolver';
import { StatsResolver } from './resolvers/stats.resolver';
import { StoryResolver } from './resolvers/story.resolver';

/** All resolvers of the public API; the emitted SDL is committed as schema/schema.graphql. */
export const RESOLVERS = [
  EntityResolver,
  PersonResolver,
  OrganisationResolver,
  PlaceResolver,
  ProgrammeResolver,
  StoryResolver,
  DocumentResolver,
  EvidenceResolver,
  ProgrammeRunResolver,
  ProgrammeStatsResolver,
  SearchResolver,
  PathResolver,
  StatsResolver,
] as const;

/**
 * Builds the executable schema from the type-graphql classes. Every object type is declared with
 * `simpleResolvers: true`: with no middlewares or auth checks, type-graphql's wrapper around each
 * plain field did nothing but allocate, once per field of every item of every list.
 */
export async function buildApiSchema(): Promise<GraphQLSchema> {
  // Arguments are validated by hand in the resolvers (limits come from the request context).
  return buildSchema({ resolvers: [...RESOLVERS], validate: false });
}

/** The SDL committed as schema/schema.graphql: sorted, so that the file only changes when the API does. */
export async function printApiSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildApiSchema()))}\n`;
}
