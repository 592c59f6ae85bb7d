/**
 * Per-request context: a fresh reader and fresh DataLoaders for every request, so that no cache
 * outlives the request that filled it, plus the configured limits resolvers validate against.
 */
import type { Driver } from 'neo4j-driver';
import type { ApiConfig } from '../config';
import { createRowBudget } from './budget';
import { createLoaders, type Loaders } from './loaders/loaders';
import { createReader, type Neo4jReader } from './repositories/reader';

/** The limits resolvers check arguments against (a subset of ApiConfig). */
export type ApiLimits = Pick<ApiConfig, 'maxPageSize' | 'defaultPageSize'>;

export interface Context {
  reader: Neo4jReader;
  loaders: Loaders;
  limits: ApiLimits;
}

export interface ContextFactoryOptions {
  driver: Driver;
  database: string;
  timeoutMs: number;
  limits: ApiLimits;
  /** Rows one request may read (GRAPHQL_MAX_ROWS). */
  maxRows: number;
  /** Newest stories of an entity that `related` counts over (GRAPHQL_RELATED_STORIES). */
  relatedStories: number;
  onQuery?: (cypher: string, params: Record<string, unknown>) => void;
}

/** Builds the function Apollo calls once per request. */
export function makeContextFactory(options: ContextFactoryOptions): () => Promise<Context> {
  return async () => {
    const reader = createReader({ ...options, budget: createRowBudget(options.maxRows) });
    return { reader, loaders: createLoaders(reader, { relatedStories: options.relatedStories }), limits: options.limits };
  };
}
