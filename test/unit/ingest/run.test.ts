import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../../../src/config';
import { collectFiles } from '../../../src/ingest/files';
import { contractProblems } from '../../../src/ingest/load';
import { extractPage } from '../../../src/ingest/pipeline';
import { ingestPaths } from '../../../src/ingest/run';
import { formatSummary } from '../../../src/ingest/summary';

const SEEDS = path.join(ROOT_DIR, 'seeds');

describe('collectFiles', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'collect-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('takes .txt files from folders recursively in name order, and named files as given', () => {
    fs.mkdirSync(path.join(tmp, 'b'));
    fs.writeFileSync(path.join(tmp, 'b', '2.txt'), 'x');
    fs.writeFileSync(path.join(tmp, '1.TXT'), 'x');
    fs.writeFileSync(path.join(tmp, 'notes.md'), 'x');
    fs.writeFileSync(path.join(tmp, 'page.dat'), 'x');
    const { files, problems } = collectFiles([tmp, path.join(tmp, 'page.dat'), path.join(tmp, '1.TXT')]);
    expect(files.map((f) => path.relative(tmp, f))).toEqual(['1.TXT', path.join('b', '2.txt'), 'page.dat']);
    expect(problems).toEqual([]);
  });

  it('names a missing path and a folder without pages', () => {
    fs.mkdirSync(path.join(tmp, 'empty'));
    const { files, problems } = collectFiles([path.join(tmp, 'empty'), path.join(tmp, 'nope.txt')]);
    expect(files).toEqual([]);
    expect(problems).toEqual([
      { file: path.join(tmp, 'empty'), message: 'folder has no .txt files' },
      { file: path.join(tmp, 'nope.txt'), message: 'no such file or folder' },
    ]);
  });
});

describe('a dry run over the seed pages (no database)', () => {
  it('extracts every page and counts what would be written', async () => {
    const batches: string[] = [];
    const summary = await ingestPaths({
      paths: [SEEDS],
      database: 'neo4j',
      maxFileBytes: 1024 * 1024,
      timeoutMs: 1000,
      onBatch: (batch) => batches.push(batch.document.source),
    });
    expect(summary.dryRun).toBe(true);
    expect(summary.errors).toEqual([]);
    expect(summary.pages.extracted).toBe(5);
    expect(batches).toHaveLength(5);
    expect(summary.stories).toBeGreaterThanOrEqual(25);
    expect(summary.entities.Place).toBeGreaterThan(0);
    expect(summary.relationships.CONTAINS).toBe(summary.stories);
    const table = formatSummary(summary);
    expect(table).toMatch(/^Dry run \(nothing written\):/);
    expect(table).toMatch(/pages extracted\s+5/);
    expect(table).not.toMatch(/pages new/);
  });
});

describe('contractProblems', () => {
  it('passes every seed page batch', () => {
    for (const file of fs.readdirSync(SEEDS)) {
      const batch = extractPage({ text: fs.readFileSync(path.join(SEEDS, file), 'utf8'), source: file });
      expect(contractProblems(batch)).toEqual([]);
    }
  });

  it('names dangling ends, duplicate ids, and story-scoped edges without a story', () => {
    const problems = contractProblems({
      document: { id: 'doc:1', source: 'p.txt' },
      stories: [{ id: 's', headline: 'h', kicker: null, subtitle: null, section: null, date: null, body: '', position: 0 }],
      entities: [
        { label: 'Person', id: 'person:a', name: 'a', aliases: [] },
        { label: 'Person', id: 'person:a', name: 'a', aliases: [] },
      ],
      relationships: [
        { type: 'MENTIONS', from: 's', to: 'person:b', story: 's', count: 1 },
        { type: 'RUNS', from: 'person:a', to: 'person:a' },
      ],
      warnings: [],
    });
    expect(problems).toEqual([
      'duplicate id person:a',
      'MENTIONS s → person:b names a node not in the batch',
      'RUNS person:a → person:a has no story',
    ]);
  });
});
