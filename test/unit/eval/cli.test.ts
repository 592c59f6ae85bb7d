import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../../src/eval/cli';
import { BatchBuilder } from './builders';
import { temporaryDirectories } from '../temporary-directories';

const temporaryDirectory = temporaryDirectories();

/** Runs the CLI with captured output. */
function runCli(argv: string[], extract = () => new BatchBuilder('page.txt').build()) {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = main(argv, extract);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

function workspace() {
  const root = temporaryDirectory('eval-cli-');
  const gold = path.join(root, 'gold');
  const seeds = path.join(root, 'seeds');
  mkdirSync(gold);
  mkdirSync(seeds);
  const goldJson = {
    document: 'page.txt',
    stories: [{ key: 'S1', headline: '云田镇全域卫生大清扫', people: [{ name: '李丹' }] }],
  };
  writeFileSync(path.join(gold, 'page.json'), JSON.stringify(goldJson));
  writeFileSync(path.join(seeds, 'page.txt'), '云田镇全域卫生大清扫\n');
  return { root, gold, seeds };
}

describe('eval CLI', () => {
  it('prints the table and exits 0, whatever the scores', () => {
    const { gold, seeds } = workspace();
    const extract = () => {
      const batch = new BatchBuilder('page.txt');
      batch.mention(batch.story('云田镇全域卫生大清扫'), { label: 'Person', name: '王五' });
      return batch.build();
    };
    const result = runCli([gold, '--seeds', seeds], extract);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^kind\s+gold\s+predicted\s+matched\s+P\s+R\s+F1$/m);
    expect(result.stdout).toMatch(/^stories\s+1\s+1\s+1\s+1\.000\s+1\.000\s+1\.000$/m);
    expect(result.stdout).toMatch(/^people\s+1\s+1\s+0\s+0\.000\s+0\.000\s+0\.000$/m);
  });

  it('prints F1 per page, and per source site when a SOURCES.tsv lies beside the gold', () => {
    const { gold, seeds } = workspace();
    const extract = () => {
      const batch = new BatchBuilder('page.txt');
      batch.mention(batch.story('云田镇全域卫生大清扫'), { label: 'Person', name: '李丹' });
      return batch.build();
    };
    const plain = runCli([gold, '--seeds', seeds], extract);
    // page, stories, credits (none either way), people, … , all
    expect(plain.stdout).toMatch(/^page\s+stories\s+credits\s+people\s+organisations\s+places\s+programmes\s+runs\s+held_in\s+positions\s+all$/m);
    expect(plain.stdout).toMatch(/^page\.txt\s+1\.000\s+-\s+1\.000\s+-\s+-\s+-\s+-\s+-\s+-\s+1\.000$/m);
    expect(plain.stdout).not.toContain('per source site');

    writeFileSync(path.join(gold, 'SOURCES.tsv'), 'document\tsource URL\theadline\npage\thttps://www.example-news.cn/a/1.html\t云田镇\n');
    const withSources = runCli([gold, '--seeds', seeds], extract);
    expect(withSources.stdout).toContain('per source site');
    expect(withSources.stdout).toMatch(/^example-news\.cn\s+1\s+1\.000\s+-\s+1\.000/m);
    const json = JSON.parse(runCli([gold, '--seeds', seeds, '--json'], extract).stdout);
    expect(json.sites).toEqual([expect.objectContaining({ site: 'example-news.cn', documents: ['page.txt'] })]);
  });

  it('lists misses and false positives with --verbose, and prints JSON with --json', () => {
    const { gold, seeds } = workspace();
    const extract = () => {
      const batch = new BatchBuilder('page.txt');
      batch.mention(batch.story('云田镇全域卫生大清扫'), { label: 'Person', name: '王五' });
      return batch.build();
    };
    const verbose = runCli([gold, '--seeds', seeds, '--verbose'], extract);
    expect(verbose.stdout).toContain('missed: 李丹');
    expect(verbose.stdout).toContain('false positive: 王五');
    const json = JSON.parse(runCli([gold, '--seeds', seeds, '--json'], extract).stdout);
    expect(json.totals.people).toEqual({ gold: 1, predicted: 1, matched: 0, precision: 0, recall: 0, f1: 0 });
    expect(json.pages[0].kinds.people.misses).toEqual(['李丹']);
  });

  it('names the gold file and the expected page when the page is missing, and exits 2', () => {
    const { gold, root } = workspace();
    const elsewhere = path.join(root, 'no-seeds');
    const result = runCli([path.join(gold, 'page.json'), '--seeds', elsewhere]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(path.join(gold, 'page.json'));
    expect(result.stderr).toContain(path.join(elsewhere, 'page.txt'));
  });

  it('says so when a folder holds no .json file, and exits 2', () => {
    const { seeds } = workspace();
    const result = runCli([seeds, '--seeds', seeds]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no .json gold files in folder ${seeds}`);
  });

  it('exits 2 on a malformed gold file, naming it', () => {
    const { gold, seeds } = workspace();
    const bad = path.join(gold, 'bad.json');
    writeFileSync(bad, JSON.stringify({ document: 'page.txt', stories: [{ key: 'S1' }] }));
    const result = runCli([bad, '--seeds', seeds]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}: invalid gold file: stories[0].headline: missing`);
  });

  it('exits 2 on bad usage', () => {
    expect(runCli([]).code).toBe(2);
    expect(runCli(['--no-such-option', 'x.json']).code).toBe(2);
  });

  it('exits 1 and names the page when the extractor throws', () => {
    const { gold, seeds } = workspace();
    const result = runCli([gold, '--seeds', seeds], () => {
      throw new Error('boom');
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`extractPage failed on ${path.join(seeds, 'page.txt')}`);
  });
});
