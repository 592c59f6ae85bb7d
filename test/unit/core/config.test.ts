import path from 'node:path';
import { ConfigError, loadConfig, loadTestDatabaseConfig, ROOT_DIR } from '../../../src/config';

describe('loadConfig', () => {
  it('has defaults for everything: embedded Neo4j, port 4000, seeds/ ingested on start', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeNull();
    expect(config.neo4j.embeddedPort).toBe(7687);
    expect(config.neo4j.embeddedDataDir).toBe(path.join(ROOT_DIR, 'data', 'neo4j'));
    expect(config.api.port).toBe(4000);
    expect(config.api.introspection).toBe(true);
    expect(config.ingest.seedsDir).toBe(path.join(ROOT_DIR, 'seeds'));
    expect(config.ingest.ingestOnStart).toBe(true);
  });

  it('reads a server URI and switches introspection off', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', GRAPHQL_INTROSPECTION: 'false' });
    expect(config.neo4j.uri).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(config.api.introspection).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number from 0 to 65535, got "eighty"/],
    [{ NEO4J_URI: 'http://localhost:7474' }, /NEO4J_URI must start with bolt:\/\/ or neo4j:\/\//],
    [{ GRAPHQL_INTROSPECTION: 'maybe' }, /GRAPHQL_INTROSPECTION must be true or false/],
    [{ NEO4J_HEAP: 'lots' }, /NEO4J_HEAP must be a size like 512m/],
    [{ GRAPHQL_MAX_PAGE_SIZE: '0' }, /GRAPHQL_MAX_PAGE_SIZE must be a whole number from 1/],
    [{ GRAPHQL_MAX_ROWS: '-5' }, /GRAPHQL_MAX_ROWS must be a whole number from 1/],
    [{ GRAPHQL_PREFETCH_DEPTH: '9' }, /GRAPHQL_PREFETCH_DEPTH must be a whole number from 0 to 5/],
    [{ GRAPHQL_RELATED_STORIES: '0' }, /GRAPHQL_RELATED_STORIES must be a whole number from 1/],
    [{ CORS_ORIGINS: 'example.org' }, /CORS_ORIGINS must be a comma-separated list of origins/],
    [{ CORS_ORIGINS: 'https://example.org/path' }, /CORS_ORIGINS must be a comma-separated list of origins/],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('allows localhost and Apollo Sandbox by default, and reads CORS_ORIGINS and ALLOWED_HOSTS', () => {
    expect(loadConfig({}).api.corsOrigins).toEqual(['http://localhost', 'http://127.0.0.1', 'http://[::1]', 'https://studio.apollographql.com']);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://b.example:8080' }).api.corsOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(loadConfig({ ALLOWED_HOSTS: 'Graph.Example,proxy' }).api.allowedHosts).toEqual(['graph.example', 'proxy']);
    expect(loadConfig({}).api.maxRows).toBe(20_000);
    expect(loadConfig({}).api.relatedStories).toBe(200);
  });

  it('reads ahead three levels of at most 16 nested lists by default; 0 turns it off', () => {
    expect(loadConfig({}).api).toMatchObject({ prefetchDepth: 3, prefetchMaxLists: 16 });
    expect(loadConfig({ GRAPHQL_PREFETCH_DEPTH: '0' }).api.prefetchDepth).toBe(0);
  });

  it('never lets the default page size exceed the maximum', () => {
    expect(loadConfig({ GRAPHQL_MAX_PAGE_SIZE: '10', GRAPHQL_DEFAULT_PAGE_SIZE: '50' }).api.defaultPageSize).toBe(10);
  });

  it('gives the tests a free port of their own unless NEO4J_TEST_PORT or NEO4J_TEST_URI is set', () => {
    expect(loadTestDatabaseConfig({})).toMatchObject({ uri: null, port: null });
    expect(loadTestDatabaseConfig({ NEO4J_TEST_PORT: '17687' }).port).toBe(17687);
    expect(loadTestDatabaseConfig({ NEO4J_TEST_URI: 'bolt://db:7687' }).uri).toBe('bolt://db:7687');
  });
});
