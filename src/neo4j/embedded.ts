/**
 * The embedded default database: builds (first run) and starts the Maven launcher in
 * scripts/neo4j, waits until Bolt answers, and stops it cleanly.
 *
 * Order matters: check Java and Maven first (clear message if missing), then make sure the
 * launcher and its jars are present (Maven downloads them from Maven Central once), then spawn
 * `java` directly — not through Maven — so startup costs one JVM, and stop it with SIGTERM so
 * the launcher's shutdown hook closes the store.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createDriver, waitForConnectivity } from './driver';

export interface EmbeddedOptions {
  /** The launcher's Maven project (scripts/neo4j). */
  launcherDir: string;
  port: number;
  dataDir: string;
  heap: string;
  pageCache: string;
  timeoutMs: number;
  /** Progress messages for a person watching. */
  log?: (message: string) => void;
}

export interface EmbeddedExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  logFile: string;
  /** Bolt credentials: user neo4j and the password kept in the data folder. */
  user: string;
  password: string;
  /** Settles when the process ends; `expected` is true when stop() ended it. */
  exited: Promise<EmbeddedExit & { expected: boolean }>;
  stop(): Promise<void>;
}

/** The embedded user; its password lives in the data folder (see ensurePassword). */
export const EMBEDDED_USER = 'neo4j';

/** The data folder's password file (mode 0600), written on first start. */
export function passwordFile(dataDir: string): string {
  return path.join(dataDir, 'neo4j-password');
}

/**
 * The password of the embedded database: generated at random on first start and kept in the
 * data folder, readable by its owner only. Bolt on 127.0.0.1 is reachable by every local user,
 * so without one anybody on the machine could run any Cypher.
 */
export function ensurePassword(dataDir: string): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = passwordFile(dataDir);
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Kept private even if someone loosened it; the owner can always read it.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, 'utf8').trim();
}

/** The data folder's record of the embedded Neo4j running on it (removed when it stops). */
export interface RunningMarker {
  pid: number;
  port: number;
  dataDir: string;
  startedAt: string;
}

export function markerFile(dataDir: string): string {
  return path.join(dataDir, 'neo4j-running.json');
}

/**
 * The marker of a live embedded Neo4j on this data folder, or null (none, unreadable, or its
 * process is gone: a kill -9 leaves the file behind).
 */
export function readRunningMarker(dataDir: string): RunningMarker | null {
  let marker: RunningMarker;
  try {
    marker = JSON.parse(fs.readFileSync(markerFile(dataDir), 'utf8')) as RunningMarker;
  } catch {
    return null;
  }
  if (!Number.isInteger(marker.pid) || !Number.isInteger(marker.port)) return null;
  try {
    process.kill(marker.pid, 0);
  } catch {
    // ESRCH: gone. EPERM: another user's process, which cannot be ours on our data folder.
    return null;
  }
  return marker;
}

export class EmbeddedNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedNeo4jError';
  }
}

function commandWorks(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

/** The classpath file written by `mvn package`; present once the jars are in ~/.m2. */
function classpathFile(launcherDir: string): string {
  return path.join(launcherDir, 'target', 'classpath.txt');
}

function isBuilt(launcherDir: string): boolean {
  const cp = classpathFile(launcherDir);
  const cls = path.join(launcherDir, 'target', 'classes', 'zhuzhou', 'neo4j', 'EmbeddedNeo4j.class');
  if (!fs.existsSync(cp) || !fs.existsSync(cls)) return false;
  // Each output against its own input: Maven leaves classpath.txt untouched when the dependencies
  // did not change, so comparing it with the Java source would rebuild on every start.
  const newer = (output: string, input: string): boolean => fs.statSync(output).mtimeMs >= fs.statSync(input).mtimeMs;
  if (!newer(cp, path.join(launcherDir, 'pom.xml'))) return false;
  if (!newer(cls, path.join(launcherDir, 'src/main/java/zhuzhou/neo4j/EmbeddedNeo4j.java'))) return false;
  // The jars may have been removed from ~/.m2 since the last build.
  return fs.readFileSync(cp, 'utf8').split(path.delimiter).every((jar) => jar === '' || fs.existsSync(jar));
}

/**
 * Compiles the launcher and resolves its jars (downloading them on first use). Safe to call
 * every time: it does nothing when the build is current.
 */
export function buildLauncher(launcherDir: string, log: (message: string) => void = () => {}): void {
  if (!commandWorks('java', ['-version'])) {
    throw new EmbeddedNeo4jError(
      'Java 17+ is needed for the embedded Neo4j but `java` was not found. Install a JDK 17+ ' +
        '(e.g. apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to a running Neo4j 5.',
    );
  }
  if (isBuilt(launcherDir)) return;
  if (!commandWorks('mvn', ['-v'])) {
    throw new EmbeddedNeo4jError(
      'Maven is needed once to fetch the embedded Neo4j but `mvn` was not found. Install Maven ' +
        '(e.g. apt-get install maven), or set NEO4J_URI to a running Neo4j 5.',
    );
  }
  log('Preparing the embedded Neo4j (first run: Maven downloads about 150 MB from Maven Central)…');
  const result = spawnSync('mvn', ['-B', '-q', '-f', path.join(launcherDir, 'pom.xml'), 'package'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new EmbeddedNeo4jError(
      `Maven could not build the embedded Neo4j launcher in ${launcherDir} (exit ${result.status}). ` +
        `If this is a download failure, check access to Maven Central and try again.\n${output}`,
    );
  }
}

/** Starts the embedded Neo4j and resolves once Bolt answers. */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => {});
  buildLauncher(options.launcherDir, log);
  const password = ensurePassword(options.dataDir);
  const logFile = path.join(options.dataDir, 'neo4j-launcher.log');
  const out = fs.openSync(logFile, 'a');
  const classpath = [
    path.join(options.launcherDir, 'target', 'classes'),
    fs.readFileSync(classpathFile(options.launcherDir), 'utf8').trim(),
  ].join(path.delimiter);
  const child: ChildProcess = spawn(
    'java',
    [
      `-Xmx${options.heap}`,
      '-XX:+UseSerialGC',
      '-cp',
      classpath,
      'zhuzhou.neo4j.EmbeddedNeo4j',
      '--port',
      String(options.port),
      '--data',
      options.dataDir,
      '--pagecache',
      options.pageCache,
      '--password-file',
      passwordFile(options.dataDir),
    ],
    { stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);

  let exited: EmbeddedExit | null = null;
  let stopping = false;
  const marker = markerFile(options.dataDir);
  const exitPromise = new Promise<EmbeddedExit & { expected: boolean }>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      fs.rmSync(marker, { force: true });
      resolve({ code, signal, expected: stopping });
    });
  });

  const uri = `bolt://127.0.0.1:${options.port}`;
  log(`Starting the embedded Neo4j on ${uri} (data: ${options.dataDir})…`);
  const driver = createDriver({ uri, user: EMBEDDED_USER, password });
  try {
    await waitForConnectivity(driver, {
      timeoutMs: options.timeoutMs,
      shouldAbort: () => (exited ? describeEarlyExit(exited.code, logFile) : null),
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw new EmbeddedNeo4jError(error instanceof Error ? error.message : String(error));
  } finally {
    await driver.close();
  }

  const running: RunningMarker = { pid: child.pid ?? -1, port: options.port, dataDir: path.resolve(options.dataDir), startedAt: new Date().toISOString() };
  fs.writeFileSync(marker, `${JSON.stringify(running)}\n`, { mode: 0o600 });

  return {
    uri,
    pid: child.pid ?? -1,
    logFile,
    user: EMBEDDED_USER,
    password,
    exited: exitPromise,
    async stop() {
      if (exited) return;
      stopping = true;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

function describeEarlyExit(code: number | null, logFile: string): string {
  const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n') : [];
  const reported = lines.reverse().find((line) => line.startsWith('NEO4J_ERROR '));
  const reason = reported ? reported.slice('NEO4J_ERROR '.length) : `see ${logFile}`;
  return `the embedded Neo4j exited during start-up (exit ${code}): ${reason}`;
}
