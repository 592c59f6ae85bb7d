/**
 * Typed configuration, read from the environment once and validated. This is the only module
 * that reads process.env; everything else receives a Config. Every variable is listed, with its
 * default, in .env.example and the README.
 */
import os from 'node:os';
import path from 'node:path';

export interface Neo4jConfig {
  /** Bolt URI of a running server; null means "start the embedded Neo4j". */
  uri: string | null;
  user: string;
  password: string;
  database: string;
  /** Embedded only: Bolt port on 127.0.0.1. */
  embeddedPort: number;
  /** Embedded only: data folder (git-ignored). */
  embeddedDataDir: string;
  /** Embedded only: JVM heap (-Xmx) and page cache sizes, e.g. 512m. */
  embeddedHeap: string;
  embeddedPageCache: string;
  /** How long to wait for Bolt to answer before giving up. */
  startTimeoutMs: number;
  /** Server-side timeout applied to every Cypher transaction the service runs. */
  transactionTimeoutMs: number;
}

export interface ApiConfig {
  host: string;
  port: number;
  /** Introspection and the Apollo Sandbox landing page (public data, so on by default). */
  introspection: boolean;
  maxDepth: number;
  maxCost: number;
  maxPageSize: number;
  defaultPageSize: number;
  /** Rows (records and the items of lists in them) one request may read from the database. */
  maxRows: number;
  /** Levels of nested lists node(id) and story(id) read ahead in their one query; 0 turns it off. */
  prefetchDepth: number;
  /** Nested lists one such query reads at most (each costs Neo4j planning time); the rest load per level. */
  prefetchMaxLists: number;
  /** How many of an entity's newest stories `related` ranks co-mentions over: its cost, whatever the archive's size. */
  relatedStories: number;
  /** Origins allowed to call the API from a browser, besides the service's own origin. */
  corsOrigins: string[];
  /** Host names accepted in the Host header when bound to a loopback address (DNS rebinding). */
  allowedHosts: string[];
}

export interface IngestConfig {
  seedsDir: string;
  /** Whether `npm start` ingests seedsDir before serving. */
  ingestOnStart: boolean;
  /** Pages larger than this are rejected with a clear error. */
  maxFileBytes: number;
  /** Worker threads that extract pages while the loader writes; 0 extracts on the main thread. */
  workers: number;
}

export interface Config {
  rootDir: string;
  neo4j: Neo4jConfig;
  api: ApiConfig;
  ingest: IngestConfig;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** The repository root (where package.json is), whether running from src/ or dist/src/. */
export const ROOT_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

function int(env: Env, name: string, fallback: number, range: { min: number; max: number }): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new ConfigError(`${name} must be a whole number from ${range.min} to ${range.max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function str(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
}

function size(env: Env, name: string, fallback: string): string {
  const value = str(env, name, fallback);
  if (!/^\d+[kmg]$/i.test(value)) throw new ConfigError(`${name} must be a size like 512m or 1g, got "${value}"`);
  return value;
}

function list(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * Browser origins allowed by default: any port on localhost (a notebook or a dev server) and
 * Apollo Studio's Sandbox. The service's own origin is always allowed (see api/security.ts).
 */
export const DEFAULT_CORS_ORIGINS = ['http://localhost', 'http://127.0.0.1', 'http://[::1]', 'https://studio.apollographql.com'];

function origins(env: Env, name: string, fallback: string[]): string[] {
  const values = list(env, name, fallback);
  for (const value of values) {
    if (value === '*') continue;
    if (!/^https?:\/\/[^/\s]+$/.test(value)) {
      throw new ConfigError(`${name} must be a comma-separated list of origins like https://example.org or http://localhost (a port is optional; * allows any), got "${value}"`);
    }
  }
  return values;
}

function dir(env: Env, name: string, fallback: string, rootDir: string): string {
  return path.resolve(rootDir, str(env, name, fallback));
}

/** Reads and validates the configuration; throws ConfigError naming the variable that is wrong. */
export function loadConfig(env: Env = process.env): Config {
  const rootDir = ROOT_DIR;
  const uri = env.NEO4J_URI?.trim() || null;
  if (uri !== null && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw new ConfigError(`NEO4J_URI must start with bolt:// or neo4j:// (optionally +s/+ssc), got "${uri}"`);
  }
  const maxPageSize = int(env, 'GRAPHQL_MAX_PAGE_SIZE', 100, { min: 1, max: 10_000 });
  return {
    rootDir,
    neo4j: {
      uri,
      user: str(env, 'NEO4J_USER', 'neo4j'),
      password: str(env, 'NEO4J_PASSWORD', 'neo4j'),
      database: str(env, 'NEO4J_DATABASE', 'neo4j'),
      embeddedPort: int(env, 'NEO4J_PORT', 7687, { min: 1, max: 65_535 }),
      embeddedDataDir: dir(env, 'NEO4J_DATA_DIR', 'data/neo4j', rootDir),
      embeddedHeap: size(env, 'NEO4J_HEAP', '512m'),
      embeddedPageCache: size(env, 'NEO4J_PAGECACHE', '128m'),
      startTimeoutMs: int(env, 'NEO4J_START_TIMEOUT_MS', 180_000, { min: 1_000, max: 3_600_000 }),
      transactionTimeoutMs: int(env, 'CYPHER_TIMEOUT_MS', 15_000, { min: 100, max: 3_600_000 }),
    },
    api: {
      host: str(env, 'HOST', '127.0.0.1'),
      port: int(env, 'PORT', 4000, { min: 0, max: 65_535 }),
      introspection: bool(env, 'GRAPHQL_INTROSPECTION', true),
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10, { min: 1, max: 100 }),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 50_000, { min: 1, max: 10_000_000 }),
      maxPageSize,
      defaultPageSize: Math.min(int(env, 'GRAPHQL_DEFAULT_PAGE_SIZE', 20, { min: 1, max: 10_000 }), maxPageSize),
      maxRows: int(env, 'GRAPHQL_MAX_ROWS', 20_000, { min: 1, max: 100_000_000 }),
      prefetchDepth: int(env, 'GRAPHQL_PREFETCH_DEPTH', 3, { min: 0, max: 5 }),
      prefetchMaxLists: int(env, 'GRAPHQL_PREFETCH_MAX_LISTS', 16, { min: 0, max: 200 }),
      relatedStories: int(env, 'GRAPHQL_RELATED_STORIES', 200, { min: 1, max: 100_000 }),
      corsOrigins: origins(env, 'CORS_ORIGINS', DEFAULT_CORS_ORIGINS),
      allowedHosts: list(env, 'ALLOWED_HOSTS', []).map((host) => host.toLowerCase()),
    },
    ingest: {
      seedsDir: dir(env, 'SEEDS_DIR', 'seeds', rootDir),
      ingestOnStart: bool(env, 'INGEST_ON_START', true),
      maxFileBytes: int(env, 'INGEST_MAX_FILE_BYTES', 2 * 1024 * 1024, { min: 1, max: 1024 * 1024 * 1024 }),
      // One per core: the loader's thread mostly waits on Neo4j, so the cores are the workers'.
      workers: int(env, 'INGEST_WORKERS', os.availableParallelism(), { min: 0, max: 64 }),
    },
  };
}

export interface TestDatabaseConfig {
  /** A running server for the integration tests; null means the tests start their own embedded Neo4j. */
  uri: string | null;
  user: string;
  password: string;
  /** Bolt port of the tests' own embedded Neo4j (never the user's); null picks a free port per run. */
  port: number | null;
}

/** Settings of the integration tests' database (NEO4J_TEST_URI, NEO4J_TEST_PORT …). */
export function loadTestDatabaseConfig(env: Env = process.env): TestDatabaseConfig {
  return {
    uri: env.NEO4J_TEST_URI?.trim() || null,
    user: str(env, 'NEO4J_TEST_USER', 'neo4j'),
    password: str(env, 'NEO4J_TEST_PASSWORD', 'neo4j'),
    port: env.NEO4J_TEST_PORT?.trim() ? int(env, 'NEO4J_TEST_PORT', 0, { min: 1, max: 65_535 }) : null,
  };
}
