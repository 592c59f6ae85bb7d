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

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
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
  fs.mkdirSync(options.dataDir, { recursive: true });
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
    ],
    { stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);

  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });

  const uri = `bolt://127.0.0.1:${options.port}`;
  log(`Starting the embedded Neo4j on ${uri} (data: ${options.dataDir})…`);
  const driver = createDriver({ uri, user: 'neo4j', password: 'neo4j' });
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

  return {
    uri,
    pid: child.pid ?? -1,
    logFile,
    async stop() {
      if (exited) return;
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
