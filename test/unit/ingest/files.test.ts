import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectFiles, type WalkIo } from '../../../src/ingest/files';

describe('collectFiles over an archive', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'walk-')));
    for (const day of ['03-08', '03-09']) {
      fs.mkdirSync(path.join(tmp, 'archive', '2023', day), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'archive', '2023', day, '01.txt'), day);
    }
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('keeps pages with the same file name apart, each with its path relative to the folder given', () => {
    const { pages, problems } = collectFiles([path.join(tmp, 'archive')]);
    expect(problems).toEqual([]);
    expect(pages.map((p) => p.relPath)).toEqual([path.join('2023', '03-08', '01.txt'), path.join('2023', '03-09', '01.txt')]);
    expect(pages[0]!.realPath).toBe(path.join(tmp, 'archive', '2023', '03-08', '01.txt'));
  });

  it('reports a folder it cannot read and still collects the rest', () => {
    const unreadable = path.join(tmp, 'archive', '2023', '03-08');
    const io: WalkIo = {
      readdir: (dir) => {
        if (dir === unreadable) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fs.readdirSync(dir, { withFileTypes: true });
      },
    };
    const { pages, problems } = collectFiles([path.join(tmp, 'archive')], io);
    expect(pages.map((p) => p.relPath)).toEqual([path.join('2023', '03-09', '01.txt')]);
    expect(problems).toEqual([{ file: unreadable, message: 'cannot read folder: permission denied; its pages were not loaded' }]);
  });

  it('follows symbolic links to pages and folders, reads a file reached twice once, and reports loops and broken links', () => {
    const archive = path.join(tmp, 'archive');
    fs.mkdirSync(path.join(tmp, 'store'));
    fs.writeFileSync(path.join(tmp, 'store', 'page.txt'), 'linked');
    fs.mkdirSync(path.join(archive, '2023', '03-10'));
    fs.symlinkSync(path.join(tmp, 'store', 'page.txt'), path.join(archive, '2023', '03-10', '01.txt'));
    fs.symlinkSync(path.join(archive, '2023', '03-08'), path.join(archive, 'latest'));
    fs.symlinkSync(archive, path.join(archive, '2023', 'loop'));
    fs.symlinkSync(path.join(tmp, 'nowhere.txt'), path.join(archive, 'broken.txt'));

    const { pages, problems } = collectFiles([archive]);
    expect(pages.map((p) => p.relPath)).toEqual([
      path.join('2023', '03-08', '01.txt'),
      path.join('2023', '03-09', '01.txt'),
      path.join('2023', '03-10', '01.txt'),
    ]);
    // Found through its link (whose folders date it), known by its real path.
    expect(pages[2]!.file).toBe(path.join(archive, '2023', '03-10', '01.txt'));
    expect(pages[2]!.realPath).toBe(path.join(tmp, 'store', 'page.txt'));
    expect(problems).toEqual([
      { file: path.join(archive, '2023', 'loop'), message: `symbolic link loops back to ${archive}; not followed` },
      { file: path.join(archive, 'broken.txt'), message: 'cannot follow symbolic link: no such file or folder (a broken link?)' },
    ]);
  });

  it('the same file given by name and inside its folder is one page', () => {
    const file = path.join(tmp, 'archive', '2023', '03-08', '01.txt');
    const { pages } = collectFiles([file, path.join(tmp, 'archive')]);
    expect(pages.map((p) => p.realPath)).toEqual([file, path.join(tmp, 'archive', '2023', '03-09', '01.txt')]);
    expect(pages[0]!.relPath).toBe('01.txt');
  });
});
