/**
 * `npm start`: make sure the database is up (NEO4J_URI, or the embedded Neo4j), migrate,
 * ingest seeds/, serve GraphQL, and on Ctrl-C stop the server and the database cleanly.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { openDatabase, type Database } from './neo4j/database';
import { startServer, type RunningServer } from './api/server';
import { ingestPaths } from './ingest/run';
import { printSummary } from './ingest/summary';
import { apiRouters } from './api/routers';

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  let database: Database | null = null;
  let server: RunningServer | null = null;
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal} received: stopping the server and the database…`);
    const t0 = Date.now();
    await server?.stop().catch((error: unknown) => log(`server stop failed: ${String(error)}`));
    const t1 = Date.now();
    await database?.close().catch((error: unknown) => log(`database stop failed: ${String(error)}`));
    log(`Stopped (server ${t1 - t0} ms, database ${Date.now() - t1} ms).`);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // A dead embedded database is restarted (up to MAX_EMBEDDED_RESTARTS in a row); when it cannot
  // be, the service exits non-zero rather than answer every request with DATABASE_UNAVAILABLE.
  const onLost = (reason: string) => {
    log(`${reason}; stopping the service (exit code 1).`);
    void (async () => {
      stopping = true;
      await server?.stop().catch(() => undefined);
      await database?.close().catch(() => undefined);
      process.exit(1);
    })();
  };
  database = await openDatabase({ config, log, supervise: { restart: true, onLost } });
  if (stopping) return;
  log(`Neo4j ready at ${database.uri}${database.embedded ? ' (embedded)' : ''}; schema applied.`);

  if (config.ingest.ingestOnStart) {
    const summary = await ingestPaths({
      paths: [config.ingest.seedsDir],
      driver: database.driver,
      database: database.database,
      maxFileBytes: config.ingest.maxFileBytes,
      timeoutMs: config.neo4j.transactionTimeoutMs,
      workers: config.ingest.workers,
      log,
    });
    printSummary(summary, log);
  }

  server = await startServer({
    api: config.api,
    driver: database.driver,
    database: database.database,
    transactionTimeoutMs: config.neo4j.transactionTimeoutMs,
    routers: apiRouters({ driver: database.driver, database: database.database, config }),
  });
  log(`GraphQL ready at ${server.url} (Apollo Sandbox in a browser) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) log(`Configuration error: ${error.message}`);
  else log(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
