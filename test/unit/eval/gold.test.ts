import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { GoldFormatError, loadGoldFile, parseGold } from '../../../src/eval/gold';
import { temporaryDirectories } from '../temporary-directories';

const temporaryDirectory = temporaryDirectories();

function tempFile(name: string, content: string): string {
  const file = path.join(temporaryDirectory('gold-'), name);
  writeFileSync(file, content);
  return file;
}

describe('gold loader', () => {
  it('rejects a file without stories, naming the file and the problem', () => {
    const file = tempFile('bad.json', JSON.stringify({ document: 'x.txt' }));
    expect(() => loadGoldFile(file)).toThrow(GoldFormatError);
    expect(() => loadGoldFile(file)).toThrow(`${file}: invalid gold file: stories: missing`);
  });

  it('reports every problem with its JSON path: a story without headline, an entity without name', () => {
    const json = {
      document: 'x.txt',
      stories: [{ key: 'S1', organisations: [{ aliases: [] }], people: 'nobody' }],
    };
    try {
      parseGold(json, 'page.json');
      throw new Error('expected a GoldFormatError');
    } catch (error) {
      expect(error).toBeInstanceOf(GoldFormatError);
      const message = (error as Error).message;
      expect(message).toContain('page.json');
      expect(message).toContain('stories[0].headline: missing');
      expect(message).toContain('stories[0].organisations[0].name: missing');
      expect(message).toContain('stories[0].people: expected an array');
    }
  });

  it('rejects invalid JSON with the file name', () => {
    const file = tempFile('broken.json', '{"document": ');
    expect(() => loadGoldFile(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid gold file: not valid JSON`));
  });

  it('reads a well-formed page, defaulting missing lists and optional flags', () => {
    const page = parseGold(
      {
        document: 'x.txt',
        stories: [
          {
            key: 'S1',
            headline: '小平台助力居民“轻淞”就业',
            credits: [{ name: '杨凌凌', role: '全媒体记者' }],
            programmes: [{ name: '轻淞就业', aliases: ['“轻淞就业”服务品牌'], kind: 'EMPLOYMENT', targets: [], optional: true }],
          },
        ],
      },
      'x.json',
    );
    expect(page.stories[0].credits).toEqual([{ name: '杨凌凌', role: '全媒体记者', optional: false, note: null }]);
    expect(page.stories[0].programmes[0].optional).toBe(true);
    expect(page.stories[0].runs).toEqual([]);
    expect(page.stories[0].positions).toEqual([]);
  });
});
