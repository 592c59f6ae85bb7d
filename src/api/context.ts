/**
 * Per-request context: a fresh reader (and, with it, fresh DataLoaders) for every request, so
 * that no cache outlives the request that filled it.
 */
import type { Driver } from 'neo4j-driver';
import { createReader, type Neo4jReader } from './repositories/reader';

export interface Context {
  reader: Neo4jReader;
}

export interface ContextFactoryOptions {
  driver: Driver;
  database: string;
  timeoutMs: number;
  onQuery?: (cypher: string, params: Record<string, unknown>) => void;
}

export function makeContextFactory(options: ContextFactoryOptions): () => Promise<Context> {
  return async () => ({ reader: createReader(options) });
}
