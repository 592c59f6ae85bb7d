/**
 * "Make sure the database is up": use NEO4J_URI when given, otherwise start the embedded Neo4j.
 * Returns a connected driver and a close() that also stops whatever this process started.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { createDriver, waitForConnectivity } from './driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded';
import { migrate } from './migrate';

export interface Database {
  driver: Driver;
  uri: string;
  database: string;
  /** True when this process started the embedded Neo4j. */
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  config: Config;
  log?: (message: string) => void;
  /** Apply schema/neo4j.cypher after connecting (default true). */
  migrate?: boolean;
}

async function embeddedAlreadyRunning(config: Config): Promise<boolean> {
  const probe = createDriver({ uri: `bolt://127.0.0.1:${config.neo4j.embeddedPort}`, user: config.neo4j.user, password: config.neo4j.password });
  try {
    await probe.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const { config } = options;
  const log = options.log ?? (() => {});
  let embedded: EmbeddedNeo4j | null = null;
  let uri = config.neo4j.uri;
  if (uri === null && (await embeddedAlreadyRunning(config))) {
    // Another process of ours (say `npm start`) runs the embedded database: share it, and leave
    // it running when we finish.
    uri = `bolt://127.0.0.1:${config.neo4j.embeddedPort}`;
    log(`Using the embedded Neo4j already running at ${uri}.`);
  }
  if (uri === null) {
    embedded = await startEmbeddedNeo4j({
      launcherDir: path.join(config.rootDir, 'scripts', 'neo4j'),
      port: config.neo4j.embeddedPort,
      dataDir: config.neo4j.embeddedDataDir,
      heap: config.neo4j.embeddedHeap,
      pageCache: config.neo4j.embeddedPageCache,
      timeoutMs: config.neo4j.startTimeoutMs,
      log,
    });
    uri = embedded.uri;
  }
  const driver = createDriver({ uri, user: config.neo4j.user, password: config.neo4j.password });
  const started = embedded;
  const close = async () => {
    await driver.close();
    await started?.stop();
  };
  try {
    if (!started) {
      log(`Connecting to Neo4j at ${uri}…`);
      await waitForConnectivity(driver, { timeoutMs: config.neo4j.startTimeoutMs });
    }
    if (options.migrate !== false) {
      await migrate(driver, { database: config.neo4j.database, schemaFile: path.join(config.rootDir, 'schema', 'neo4j.cypher') });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { driver, uri, database: config.neo4j.database, embedded: started !== null, close };
}
