/**
 * Per-request context: a fresh reader and fresh DataLoaders for every request, so that no cache
 * outlives the request that filled it, plus the configured limits resolvers validate against.
 */
import type { Driver } from 'neo4j-driver';
import type { ApiConfig } from '../config';
import { createRowBudget } from './budget';
import { createLoaders, type Loaders } from './loaders/loaders';
import { createPrefetcher, type Prefetcher } from './prefetch/prefetcher';
import type { PlanLimits } from './prefetch/selection-plan';
import { createReader, type Neo4jReader } from './repositories/reader';

/** The limits resolvers check arguments against (a subset of ApiConfig). */
export type ApiLimits = Pick<ApiConfig, 'maxPageSize' | 'defaultPageSize'>;

export interface Context {
  reader: Neo4jReader;
  loaders: Loaders;
  /** Reads a by-id root field's nested lists ahead, into `loaders`. */
  prefetch: Prefetcher;
  limits: ApiLimits;
}

export interface ContextFactoryOptions {
  driver: Driver;
  database: string;
  timeoutMs: number;
  limits: ApiLimits;
  /** Rows one request may read (GRAPHQL_MAX_ROWS). */
  maxRows: number;
  /** Levels of nested lists read ahead and lists per prefetch query (GRAPHQL_PREFETCH_DEPTH, GRAPHQL_PREFETCH_MAX_LISTS). */
  prefetch: Omit<PlanLimits, 'pages'>;
  /** Newest stories of an entity that `related` counts over (GRAPHQL_RELATED_STORIES). */
  relatedStories: number;
  onQuery?: (cypher: string, params: Record<string, unknown>) => void;
}

/** Builds the function Apollo calls once per request. */
export function makeContextFactory(options: ContextFactoryOptions): () => Promise<Context> {
  return async () => {
    const reader = createReader({ ...options, budget: createRowBudget(options.maxRows) });
    const loaders = createLoaders(reader, { relatedStories: options.relatedStories });
    return { reader, loaders, prefetch: createPrefetcher({ reader, loaders, limits: { ...options.prefetch, pages: options.limits } }), limits: options.limits };
  };
}
