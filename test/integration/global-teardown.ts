import fs from 'node:fs';

/** Stops the tests' Neo4j and removes its data folder; runs whether the tests passed or not. */
export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__TEST_NEO4J__;
  if (!started) return;
  await started.neo4j.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
  globalThis.__TEST_NEO4J__ = undefined;
}
