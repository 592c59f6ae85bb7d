/**
 * Integration set-up shared by test/integration/api-*.test.ts: the tests' Neo4j emptied, the
 * fixture pages loaded through the real loader, and a GraphQL server on a free port that records
 * every Cypher query it runs.
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../../../src/config';
import { startServer, type RunningServer } from '../../../src/api/server';
import { loadBatch } from '../../../src/ingest/load';
import { postGraphQL, resetDatabase, testConfig, testDriver, type GraphQLResponse } from '../../integration/harness';
import { PAGE_A, PAGE_B } from './fixture';

export interface RecordedQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export interface FixtureServer {
  config: Config;
  driver: Driver;
  server: RunningServer;
  /** Every query the server ran, in order; clear it with `queries.length = 0`. */
  queries: RecordedQuery[];
  /** POSTs a query and fails the test on GraphQL errors. */
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** POSTs a query and returns the raw response. */
  post<T>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse<T> }>;
  stop(): Promise<void>;
}

export interface FixtureServerOptions {
  env?: Record<string, string>;
  /** Load the fixture pages (default true). */
  load?: boolean;
  /** Serve a database other than the configured one (to provoke driver errors). */
  database?: string;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const config = testConfig(options.env ?? {});
  const driver = testDriver(config);
  const database = config.neo4j.database;
  if (options.load !== false) {
    await resetDatabase(driver, config);
    for (const page of [PAGE_A, PAGE_B]) await loadBatch(driver, page, { database, timeoutMs: 30_000 });
  }
  const queries: RecordedQuery[] = [];
  const server = await startServer({
    api: config.api,
    driver,
    database: options.database ?? database,
    transactionTimeoutMs: 10_000,
    onQuery: (cypher, params) => queries.push({ cypher, params }),
  });
  const post = <T>(query: string, variables: Record<string, unknown> = {}) => postGraphQL<T>(server.url, query, variables);
  return {
    config,
    driver,
    server,
    queries,
    post,
    async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const { body } = await post<T>(query, variables);
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data as T;
    },
    async stop() {
      await server.stop();
      await driver.close();
    },
  };
}
