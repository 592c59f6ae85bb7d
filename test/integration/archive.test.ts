/**
 * A synthetic archive (scripts/synth-archive.ts: `YYYY/MM-DD/NN.txt`, the same file names every
 * day) through the real ingest run, worker threads included, into the tests' Neo4j: every page
 * kept, dated by its folder, re-runs idempotent and cheap, a day added, moves and copies, graphs
 * from before pages had paths, and a run killed mid-way.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ROOT_DIR } from '../../src/config';
import { loadBatch } from '../../src/ingest/load';
import { extractPage } from '../../src/ingest/pipeline';
import { ingestPaths, type IngestOptions, type IngestSummary } from '../../src/ingest/run';
import { migrate } from '../../src/neo4j/migrate';
import { loadSeeds, synthArchive } from '../../scripts/synth-archive';
import { resetDatabase, testConfig, testDriver } from './harness';

const config = testConfig();
const database = config.neo4j.database;
const HOOK = path.join(__dirname, 'export-ts-hook.js');
const WORKERS: Pick<IngestOptions, 'workers' | 'workerOptions'> = {
  workers: 2,
  workerOptions: { script: path.join(ROOT_DIR, 'src', 'ingest', 'extract-worker.ts'), execArgv: ['-r', HOOK] },
};

function writeArchive(dir: string, pages: number, start = '2023-01-01'): Array<{ path: string; date: string }> {
  const written: Array<{ path: string; date: string }> = [];
  for (const page of synthArchive(loadSeeds(path.join(ROOT_DIR, 'seeds')), { pages, start, perDay: 8 })) {
    const file = path.join(dir, page.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, page.text);
    written.push({ path: page.path, date: page.date });
  }
  return written;
}

async function rows(driver: Driver, cypher: string): Promise<Array<Record<string, unknown>>> {
  return (await driver.executeQuery(cypher, {}, { database })).records.map((r) => r.toObject());
}

/** The whole graph as one hash: every node's labels and properties (but the clock's), every relationship. */
async function digest(driver: Driver): Promise<string> {
  const nodes = await rows(driver, 'MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p ORDER BY id');
  const rels = await rows(driver, 'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY a, t, b, r.story, r.role, r.title');
  const plain = nodes.map((n) => {
    const { ingestedAt: _clock, ...p } = n.p as Record<string, unknown>;
    return [n.id, [...(n.labels as string[])].sort(), Object.entries(p).sort().map(([k, v]) => [k, String(v)])];
  });
  return createHash('sha256').update(JSON.stringify([plain, rels.map((r) => [r.a, r.t, r.b, Object.entries(r.p as object).sort()])])).digest('hex');
}

describe('ingesting a dated archive', () => {
  let driver: Driver;
  let tmp: string;
  const ingest = (paths: string[], extra: Partial<IngestOptions> = {}): Promise<IngestSummary> =>
    ingestPaths({ paths, driver, database, maxFileBytes: 1024 * 1024, timeoutMs: 60_000, ...extra });

  beforeAll(() => {
    driver = testDriver(config);
  });
  beforeEach(async () => {
    await resetDatabase(driver, config);
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-test-')));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  afterAll(async () => driver.close());

  it('loads 168 pages of date folders as 168 documents dated by their folders, and a re-run and an added day are cheap', async () => {
    const archive = path.join(tmp, 'archive');
    const pages = writeArchive(archive, 176);
    // Keep the last day back: it is "added" after the first load.
    const lastDay = path.join(archive, path.dirname(pages[168]!.path));
    const held = path.join(tmp, 'held');
    fs.renameSync(lastDay, held);

    const first = await ingest([archive], WORKERS);
    expect(first.errors).toEqual([]);
    expect(first.pages).toMatchObject({ new: 168, replaced: 0, unchanged: 0, failed: 0 });

    const docs = await rows(driver, 'MATCH (d:Document) RETURN d.path AS path, toString(d.publishedOn) AS on, d.realPath AS real');
    expect(docs).toHaveLength(168);
    const expected = new Map(pages.slice(0, 168).map((p) => [p.path, p.date]));
    for (const doc of docs) {
      expect(doc.on).toBe(expected.get(doc.path as string));
      expect(doc.real).toBe(path.join(archive, doc.path as string));
    }
    const [stories] = await rows(
      driver,
      `MATCH (d:Document)-[:CONTAINS]->(s:Story)
       RETURN count(s) AS all, sum(CASE WHEN s.publishedOn = d.publishedOn THEN 1 ELSE 0 END) AS dated,
              sum(CASE WHEN s.date IS NOT NULL THEN 1 ELSE 0 END) AS withDate,
              sum(CASE WHEN s.date STARTS WITH '--' THEN 1 ELSE 0 END) AS monthDayOnly`,
    );
    expect(stories!.dated).toBe(stories!.all);
    expect(Number(stories!.monthDayOnly)).toBeLessThanOrEqual(0.1 * Number(stories!.withDate));

    const before = await digest(driver);
    const again = await ingest([archive], WORKERS);
    expect(again.pages).toMatchObject({ new: 0, replaced: 0, unchanged: 168, failed: 0 });
    expect(again.stories).toBe(0);
    expect(await digest(driver)).toBe(before);

    fs.renameSync(held, lastDay);
    const added = await ingest([archive], WORKERS);
    expect(added.pages).toMatchObject({ new: 8, unchanged: 168, failed: 0 });
    expect(await rows(driver, 'MATCH (d:Document) RETURN count(d) AS n')).toEqual([{ n: 176 }]);
  }, 900_000);

  it('one page per file: another folder argument, a move, a copy, a change at the same path', async () => {
    const archive = path.join(tmp, 'archive');
    writeArchive(archive, 16);
    await ingest([archive]);
    const count = async () => (await rows(driver, 'MATCH (d:Document) RETURN count(d) AS n'))[0]!.n;
    const before = await digest(driver);

    // The same files through a narrower folder argument: the same pages, nothing written.
    const day = await ingest([path.join(archive, '2023', '01-01')]);
    expect(day.pages).toMatchObject({ unchanged: 8, new: 0 });
    expect(await digest(driver)).toBe(before);

    // Moved within its day (same date): found again by its text, same ids, new path.
    const from = path.join(archive, '2023', '01-02', '08.txt');
    const to = path.join(archive, '2023', '01-02', '09.txt');
    fs.renameSync(from, to);
    const moved = await ingest([archive]);
    expect(moved.pages).toMatchObject({ moved: 1, new: 0, unchanged: 15 });
    expect(await count()).toBe(16);
    const [doc] = await rows(driver, `MATCH (d:Document {realPath: '${to}'}) RETURN d.path AS path`);
    expect(doc!.path).toBe('2023/01-02/09.txt');

    // A copy of a page is the same text: one page, with a warning naming where it is kept.
    fs.copyFileSync(to, path.join(archive, '2023', '01-02', 'copy.txt'));
    const copied = await ingest([archive]);
    expect(copied.pages).toMatchObject({ new: 0, unchanged: 17 });
    expect(copied.warnings.map((w) => w.message)).toContain(`the same text as ${to}: one page, kept there`);
    expect(await count()).toBe(16);

    // A changed file at the same path replaces its earlier version only.
    const changed = path.join(archive, '2023', '01-01', '01.txt');
    fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8').split('\n').slice(0, 12).join('\n'));
    const replaced = await ingest([archive]);
    expect(replaced.pages).toMatchObject({ replaced: 1, new: 0 });
    expect(await count()).toBe(16);
  }, 300_000);

  it('adopts documents loaded before pages had paths by their text (same ids) and removes a superseded one', async () => {
    const archive = path.join(tmp, 'archive');
    const pages = writeArchive(archive, 3);
    // As the old loader left them: known by file name, no path, no dates.
    for (const page of pages.slice(0, 2)) {
      const text = fs.readFileSync(path.join(archive, page.path), 'utf8');
      await loadBatch(driver, extractPage({ text, source: path.basename(page.path) }), { database, timeoutMs: 30_000 });
    }
    // A stale version of 03.txt, whose file has changed since.
    const stale = extractPage({ text: '旧版\n\n株洲日报讯(记者/王娜) 芦淞区举办招聘会。', source: '03.txt' });
    await loadBatch(driver, stale, { database, timeoutMs: 30_000 });
    await rows(driver, 'MATCH (d:Document) REMOVE d.path, d.publishedOn');
    await rows(driver, 'MATCH (s:Story) REMOVE s.publishedOn');
    const legacyIds = (await rows(driver, 'MATCH (d:Document) RETURN d.id AS id ORDER BY id')).map((r) => r.id);

    await migrate(driver, { database, schemaFile: path.join(ROOT_DIR, 'schema', 'neo4j.cypher') });
    expect(await rows(driver, 'MATCH (d:Document) WHERE d.path IS NULL RETURN count(d) AS n')).toEqual([{ n: 0 }]);

    const summary = await ingest([archive]);
    expect(summary.errors).toEqual([]);
    const docs = await rows(driver, 'MATCH (d:Document) RETURN d.id AS id, d.path AS path, toString(d.publishedOn) AS on ORDER BY path');
    expect(docs.map((d) => d.path)).toEqual(pages.map((p) => p.path));
    expect(docs.every((d) => d.on === '2023-01-01')).toBe(true);
    // The two adopted pages kept their ids; the stale 03.txt is gone, the new one is there.
    expect(legacyIds.filter((id) => docs.some((d) => d.id === id))).toHaveLength(2);
    expect(docs.some((d) => d.id === stale.document.id)).toBe(false);
    expect(summary.warnings.some((w) => w.message.startsWith(`removed ${stale.document.id}`))).toBe(true);
  }, 300_000);

  it('a run killed mid-way (kill -9) and run again leaves the same graph as one clean run', async () => {
    const archive = path.join(tmp, 'archive');
    writeArchive(archive, 40);
    await ingest([archive]);
    const clean = await digest(driver);
    await resetDatabase(driver, config);

    const child = spawn(process.execPath, ['-r', HOOK, path.join(ROOT_DIR, 'src', 'ingest', 'cli.ts'), archive], {
      env: { ...process.env, NEO4J_URI: config.neo4j.uri!, NEO4J_USER: config.neo4j.user, NEO4J_PASSWORD: config.neo4j.password, INGEST_WORKERS: '0' },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 120_000;
    let loaded = 0;
    while (loaded < 5 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      loaded = Number((await rows(driver, 'MATCH (d:Document) RETURN count(d) AS n'))[0]!.n);
    }
    child.kill('SIGKILL');
    await exited;
    expect(loaded).toBeGreaterThanOrEqual(5);
    const partial = Number((await rows(driver, 'MATCH (d:Document) RETURN count(d) AS n'))[0]!.n);
    expect(partial).toBeLessThan(40);

    const rerun = await ingest([archive]);
    expect(rerun.pages.unchanged + rerun.pages.new).toBe(40);
    expect(await digest(driver)).toBe(clean);
  }, 600_000);
});
