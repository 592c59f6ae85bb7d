/**
 * "Make sure the database is up": use NEO4J_URI when given, otherwise start the embedded Neo4j.
 * Returns a connected driver and a close() that also stops whatever this process started.
 */
import net from 'node:net';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { createDriver, waitForConnectivity } from './driver';
import { EMBEDDED_USER, ensurePassword, readRunningMarker, startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded';
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
  /**
   * What to do when the embedded Neo4j this process started dies (kill -9, out of memory):
   * `restart` it (npm start), or only report it (the default, for short-lived commands, which
   * then fail on their next query). `onLost` hears when it could not be restarted.
   */
  supervise?: { restart: boolean; onLost?: (reason: string) => void };
}

/** Restarts allowed in a row before the supervisor gives up (a crash loop is not hidden). */
export const MAX_EMBEDDED_RESTARTS = 3;
/** A database that ran this long before dying starts a new count of restarts. */
const STABLE_MS = 10 * 60_000;

/** Whether anything accepts TCP connections on 127.0.0.1:port (answering within 1 s). */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export class DatabaseMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseMismatchError';
  }
}

/**
 * The embedded Neo4j for the configured data folder that another process of ours (say `npm
 * start`) already runs, or null when none runs. Something else answering on NEO4J_PORT (a
 * database on another data folder, someone's own Neo4j) is refused: writing to it would put
 * this project's pages into the wrong graph.
 */
async function runningEmbedded(config: Config): Promise<{ uri: string; password: string } | null> {
  const { embeddedPort: port, embeddedDataDir: dataDir } = config.neo4j;
  const marker = readRunningMarker(dataDir);
  const answers = await portAnswers(port);
  if (marker && marker.port === port && answers) {
    return { uri: `bolt://127.0.0.1:${port}`, password: ensurePassword(dataDir) };
  }
  if (answers) {
    const why = marker ? `it runs on port ${marker.port} (pid ${marker.pid})` : 'no embedded Neo4j is running on it';
    throw new DatabaseMismatchError(
      `Something already answers on 127.0.0.1:${port} (NEO4J_PORT), but it is not the embedded Neo4j of NEO4J_DATA_DIR=${dataDir}: ${why}. ` +
        'Stop that process, set NEO4J_PORT to a free port, or set NEO4J_URI (and NEO4J_PASSWORD) to use that server on purpose.',
    );
  }
  return null;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const { config } = options;
  const log = options.log ?? (() => {});
  let embedded: EmbeddedNeo4j | null = null;
  let uri = config.neo4j.uri;
  let credentials = { user: config.neo4j.user, password: config.neo4j.password };
  if (uri === null) {
    const shared = await runningEmbedded(config);
    if (shared) {
      // Another process of ours runs the embedded database: share it, and leave it running.
      uri = shared.uri;
      credentials = { user: EMBEDDED_USER, password: shared.password };
      log(`Using the embedded Neo4j already running at ${uri} (data: ${config.neo4j.embeddedDataDir}).`);
    }
  }
  const start = () =>
    startEmbeddedNeo4j({
      launcherDir: path.join(config.rootDir, 'scripts', 'neo4j'),
      port: config.neo4j.embeddedPort,
      dataDir: config.neo4j.embeddedDataDir,
      heap: config.neo4j.embeddedHeap,
      pageCache: config.neo4j.embeddedPageCache,
      timeoutMs: config.neo4j.startTimeoutMs,
      log,
    });
  if (uri === null) {
    embedded = await start();
    uri = embedded.uri;
    credentials = { user: embedded.user, password: embedded.password };
  }
  const driver = createDriver({ uri, ...credentials });
  let current = embedded;
  let restarting: Promise<EmbeddedNeo4j> | null = null;
  let closing = false;
  const close = async () => {
    closing = true;
    await driver.close();
    // A restart in progress would leave its JVM behind once this process exits.
    if (restarting) await restarting.then((next) => next.stop()).catch(() => undefined);
    await current?.stop();
  };
  // Watches the embedded process: a death is reported at once, and under `npm start` the
  // database is started again on the same port and folder (the driver reconnects by itself).
  const watch = (child: EmbeddedNeo4j, previousRestarts: number): void => {
    const since = Date.now();
    void child.exited.then(async ({ code, signal, expected }) => {
      if (expected || closing) return;
      // Deaths count as "in a row" while the database dies within STABLE_MS of starting.
      const restarts = Date.now() - since > STABLE_MS ? 0 : previousRestarts;
      const how = signal ? `killed by ${signal}` : `exit code ${code}`;
      log(`The embedded Neo4j (pid ${child.pid}) died (${how}); see ${child.logFile}.`);
      if (!options.supervise?.restart || restarts >= MAX_EMBEDDED_RESTARTS) {
        const reason = options.supervise?.restart ? `it died ${restarts + 1} times in a row` : 'it is not restarted by this command';
        options.supervise?.onLost?.(`The embedded Neo4j is gone: ${reason}`);
        return;
      }
      log(`Restarting the embedded Neo4j (attempt ${restarts + 1} of ${MAX_EMBEDDED_RESTARTS})…`);
      try {
        restarting = start();
        const next = await restarting.finally(() => (restarting = null));
        if (closing) return void (await next.stop());
        current = next;
        log(`The embedded Neo4j is back at ${next.uri} (pid ${next.pid}).`);
        watch(next, restarts + 1);
      } catch (error) {
        options.supervise?.onLost?.(`The embedded Neo4j could not be restarted: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };
  if (embedded) watch(embedded, 0);
  const started = embedded;
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
