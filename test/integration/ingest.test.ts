import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Driver } from 'neo4j-driver';
import { ingestPaths, type IngestSummary } from '../../src/ingest/run';
import { resetDatabase, SEEDS_DIR, testConfig, testDriver } from './harness';

const config = testConfig();

async function counts(driver: Driver): Promise<Record<string, number>> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
     CALL () { MATCH (s:Story) RETURN count(s) AS stories }
     RETURN nodes, rels, stories`,
    {},
    { database: config.neo4j.database },
  );
  return records[0]!.toObject() as Record<string, number>;
}

describe('ingesting page files into Neo4j', () => {
  let driver: Driver;
  let tmp: string;
  const ingest = (paths: string[]): Promise<IngestSummary> =>
    ingestPaths({ paths, driver, database: config.neo4j.database, maxFileBytes: 64 * 1024, timeoutMs: 30_000 });

  beforeAll(() => {
    driver = testDriver(config);
  });
  beforeEach(async () => {
    await resetDatabase(driver, config);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-test-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  afterAll(async () => driver.close());

  it('loads every seed page, and a second run changes nothing', async () => {
    const first = await ingest([SEEDS_DIR]);
    expect(first.errors).toEqual([]);
    expect(first.files).toBe(5);
    expect(first.pages.new).toBe(5);
    const after = await counts(driver);
    expect(after.stories).toBe(first.stories);
    expect(after.stories).toBeGreaterThanOrEqual(5);

    const second = await ingest([SEEDS_DIR]);
    expect(second.pages.unchanged).toBe(5);
    expect(await counts(driver)).toEqual(after);
  });

  it('replaces a changed page and leaves the other pages as they were', async () => {
    const [a, b] = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
    fs.copyFileSync(path.join(SEEDS_DIR, a!), path.join(tmp, 'page-a.txt'));
    fs.copyFileSync(path.join(SEEDS_DIR, b!), path.join(tmp, 'page-b.txt'));
    await ingest([tmp]);
    const storiesOfB = async () =>
      (
        await driver.executeQuery(
          "MATCH (:Document {source: 'page-b.txt'})-[:CONTAINS]->(s:Story) RETURN s.id AS id, s.headline AS h ORDER BY id",
          {},
          { database: config.neo4j.database },
        )
      ).records.map((r) => r.toObject());
    const before = await storiesOfB();

    // A new version of page a: its first half only.
    const text = fs.readFileSync(path.join(tmp, 'page-a.txt'), 'utf8');
    fs.writeFileSync(path.join(tmp, 'page-a.txt'), text.slice(0, Math.floor(text.length / 2)));
    const summary = await ingest([path.join(tmp, 'page-a.txt')]);
    expect(summary.pages.replaced).toBe(1);

    const docs = await driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n', {}, { database: config.neo4j.database });
    expect(docs.records[0]?.get('n')).toBe(2);
    expect(await storiesOfB()).toEqual(before);
  });

  it('reports bad files by name with the problem, decodes GBK, and still loads the good ones', async () => {
    const seed = fs.readFileSync(path.join(SEEDS_DIR, fs.readdirSync(SEEDS_DIR).sort()[2]!), 'utf8');
    fs.writeFileSync(path.join(tmp, 'good.txt'), seed);
    fs.writeFileSync(path.join(tmp, 'empty.txt'), '  \n');
    fs.writeFileSync(path.join(tmp, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0]));
    fs.writeFileSync(path.join(tmp, 'huge.txt'), 'x'.repeat(65 * 1024));
    fs.writeFileSync(path.join(tmp, 'gbk.txt'), iconv.encode('株洲日报讯 市人社局在芦淞区举办招聘会。\n\n'.repeat(3) + seed.slice(0, 2000), 'gbk'));
    fs.writeFileSync(path.join(tmp, 'nostory.txt'), '今天天气很好');
    const emptyDir = path.join(tmp, 'no-pages');
    fs.mkdirSync(emptyDir);
    fs.writeFileSync(path.join(emptyDir, 'notes.md'), 'not a page');

    const summary = await ingest([tmp, emptyDir, path.join(tmp, 'missing.txt')]);
    const errorFor = (file: string) => summary.errors.find((e) => e.file.endsWith(file))?.message ?? '';
    expect(errorFor('empty.txt')).toMatch(/empty/);
    expect(errorFor('binary.txt')).toMatch(/binary/);
    expect(errorFor('huge.txt')).toMatch(/over the 65536-byte limit/);
    expect(errorFor('no-pages')).toMatch(/no \.txt files/);
    expect(errorFor('missing.txt')).toMatch(/no such file/);
    expect(summary.warnings.some((w) => w.file === 'gbk.txt' && /GBK|GB18030/i.test(w.message))).toBe(true);
    expect(summary.pages.new).toBe(3);

    const { records } = await driver.executeQuery(
      'MATCH (d:Document)-[:CONTAINS]->(s:Story) RETURN d.source AS source, count(s) AS stories ORDER BY source',
      {},
      { database: config.neo4j.database },
    );
    const stories = Object.fromEntries(records.map((r) => [r.get('source'), r.get('stories')]));
    expect(Object.keys(stories).sort()).toEqual(['gbk.txt', 'good.txt', 'nostory.txt']);
    // A page with no recognisable story is kept as one untitled story, not dropped.
    expect(stories['nostory.txt']).toBe(1);
  });
});
