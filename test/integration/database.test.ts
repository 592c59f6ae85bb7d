import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ROOT_DIR } from '../../src/config';
import { migrate, parseCypherScript } from '../../src/neo4j/migrate';
import { waitForConnectivity } from '../../src/neo4j/driver';
import { resetDatabase, testConfig, testDriver } from './harness';
import fs from 'node:fs';

const SCHEMA_FILE = path.join(ROOT_DIR, 'schema', 'neo4j.cypher');

describe('Neo4j connectivity and migrations', () => {
  let driver: Driver;
  const config = testConfig();

  beforeAll(async () => {
    driver = testDriver(config);
    await resetDatabase(driver, config);
  });
  afterAll(async () => driver.close());

  it('answers a Bolt handshake and a query', async () => {
    await waitForConnectivity(driver, { timeoutMs: 5_000 });
    const { records } = await driver.executeQuery('RETURN 1 + 1 AS two', {}, { database: config.neo4j.database });
    expect(records[0]?.get('two')).toBe(2);
  });

  it('creates a uniqueness constraint on the id of every label', async () => {
    const { records } = await driver.executeQuery(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties AS props",
      {},
      { database: config.neo4j.database },
    );
    const unique = new Map(records.map((r) => [r.get('label') as string, r.get('props') as string[]]));
    for (const label of ['Document', 'Story', 'Person', 'Organisation', 'Place', 'Programme', 'Entity']) {
      expect(unique.get(label)).toEqual(['id']);
    }
  });

  it('creates the CJK fulltext index over names, aliases and pinyin, online', async () => {
    const { records } = await driver.executeQuery(
      "SHOW INDEXES YIELD name, type, state, properties, options WHERE name = 'entity_search' RETURN type, state, properties, options",
      {},
      { database: config.neo4j.database },
    );
    expect(records).toHaveLength(1);
    expect(records[0]?.get('type')).toBe('FULLTEXT');
    expect(records[0]?.get('state')).toBe('ONLINE');
    expect(records[0]?.get('properties')).toEqual(['name', 'aliasText', 'pinyin']);
    expect(records[0]?.get('options').indexConfig['fulltext.analyzer']).toBe('cjk');
  });

  it('is idempotent: applying the schema again changes nothing', async () => {
    const count = async () =>
      (await driver.executeQuery('SHOW INDEXES YIELD name RETURN count(*) AS n', {}, { database: config.neo4j.database })).records[0]?.get('n');
    const before = await count();
    const applied = await migrate(driver, { database: config.neo4j.database, schemaFile: SCHEMA_FILE });
    expect(applied).toBe(parseCypherScript(fs.readFileSync(SCHEMA_FILE, 'utf8')).length);
    expect(await count()).toBe(before);
  });
});
