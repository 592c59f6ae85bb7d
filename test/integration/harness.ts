/**
 * Shared set-up for integration tests: a driver to the tests' Neo4j (see global-setup.ts), a
 * migrated and emptied database, and helpers to load pages and run GraphQL over HTTP.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig, loadTestDatabaseConfig, ROOT_DIR, type Config } from '../../src/config';
import { createDriver } from '../../src/neo4j/driver';
import { migrate } from '../../src/neo4j/migrate';

export const SEEDS_DIR = path.join(ROOT_DIR, 'seeds');

export function testConfig(overrides: Record<string, string> = {}): Config {
  const db = loadTestDatabaseConfig();
  if (!db.uri) throw new Error('NEO4J_TEST_URI is not set: run integration tests through jest (globalSetup starts Neo4j)');
  return loadConfig({ NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password, PORT: '0', ...overrides });
}

export function testDriver(config: Config = testConfig()): Driver {
  return createDriver({ uri: config.neo4j.uri!, user: config.neo4j.user, password: config.neo4j.password });
}

/** Removes all data (not the schema) and applies the migrations. */
export async function resetDatabase(driver: Driver, config: Config = testConfig()): Promise<void> {
  // CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
  const session = driver.session({ database: config.neo4j.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
  await migrate(driver, { database: config.neo4j.database, schemaFile: path.join(ROOT_DIR, 'schema', 'neo4j.cypher') });
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** POSTs a GraphQL operation the way a client does. */
export async function postGraphQL<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}
