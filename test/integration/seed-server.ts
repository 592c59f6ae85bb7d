/** The API over the seed graph: seeds/ ingested by the real pipeline and loader into the tests' Neo4j. */
import { ingestPaths } from '../../src/ingest/run';
import { startFixtureServer, type FixtureServer } from '../unit/api/fixture-server';
import { resetDatabase, SEEDS_DIR } from './harness';

export async function startSeedServer(): Promise<FixtureServer> {
  const f = await startFixtureServer({ load: false });
  await resetDatabase(f.driver, f.config);
  const summary = await ingestPaths({ paths: [SEEDS_DIR], driver: f.driver, database: f.config.neo4j.database, maxFileBytes: f.config.ingest.maxFileBytes, timeoutMs: 60_000 });
  if (summary.errors.length > 0) throw new Error(`seed ingest failed: ${JSON.stringify(summary.errors)}`);
  return f;
}
