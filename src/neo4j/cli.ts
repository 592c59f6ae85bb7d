/**
 * `npm run neo4j`: the embedded database alone, with the schema applied, until Ctrl-C: for
 * cypher-shell by hand, and for ingesting, exporting or benchmarking against one long-lived
 * database (the commands reuse it: see "Embedded" in the README) instead of starting a JVM each.
 */
import { ConfigError, loadConfig } from '../config';
import { openDatabase, type Database } from './database';

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.neo4j.uri !== null) {
    throw new ConfigError(`NEO4J_URI is set (${config.neo4j.uri}): that server is already running; npm run neo4j only starts the embedded database`);
  }
  let database: Database | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal} received: stopping the database…`);
    await database?.close().catch((error: unknown) => log(`database stop failed: ${String(error)}`));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  database = await openDatabase({ config, log, supervise: { restart: true, onLost: (reason) => { log(`${reason}; exiting (code 1).`); process.exit(1); } } });
  if (!database.embedded) {
    // Another process's embedded database answers on this port for this folder: nothing to run.
    log(`The embedded Neo4j for ${config.neo4j.embeddedDataDir} is already running at ${database.uri}; not starting another.`);
    await database.close();
    return;
  }
  log(`Neo4j ready at ${database.uri} (data: ${config.neo4j.embeddedDataDir}; password in neo4j-password there); Ctrl-C stops it.`);
}

main().catch((error: unknown) => {
  log(error instanceof ConfigError ? `Configuration error: ${error.message}` : `npm run neo4j failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
