/**
 * The ingest and export commands as processes (issue 11 items 5, 6, 7): `ingest --json` read
 * slowly through a pipe keeps every byte, Ctrl-C prints the summary so far, a killed `npm run`
 * wrapper stops the worker, and `export --out` to a path that cannot be written is a message
 * and exit code 2 before any database is opened. None of these needs a database (dry runs, or a
 * refusal first), so no Neo4j is touched, except `npm run neo4j`'s own, in a folder of its own.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { ROOT_DIR } from '../../src/config';
import { freePort } from '../../src/neo4j/free-port';
import { SEEDS_DIR } from './harness';

jest.setTimeout(120_000);

const HOOK = path.join(__dirname, 'export-ts-hook.js');
const INGEST = path.join(ROOT_DIR, 'src', 'ingest', 'cli.ts');
const EXPORT = path.join(ROOT_DIR, 'src', 'export', 'cli.ts');

let many: string;
beforeAll(() => {
  // Enough pages that a dry run takes a few seconds: 60 copies of each seed page.
  many = fs.mkdtempSync(path.join(os.tmpdir(), 'zhuzhou-many-'));
  const seeds = fs.readdirSync(SEEDS_DIR).filter((file) => file.endsWith('.txt'));
  for (let copy = 0; copy < 60; copy++) {
    const folder = path.join(many, String(copy).padStart(3, '0'));
    fs.mkdirSync(folder);
    for (const seed of seeds) fs.copyFileSync(path.join(SEEDS_DIR, seed), path.join(folder, seed));
  }
});
afterAll(() => fs.rmSync(many, { recursive: true, force: true }));

function collect(stream: NodeJS.ReadableStream): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

function exited(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.once('close', (code) => resolve(code)));
}

describe('ingest as a process', () => {
  it('--json read slowly through a pipe: every byte arrives', async () => {
    const expected = spawnSync(process.execPath, ['-r', HOOK, INGEST, '--json', SEEDS_DIR], { maxBuffer: 64 * 1024 * 1024 }).stdout.length;
    // The reproducer: a reader that reads nothing for a while (the pipe fills), then all.
    const run = spawnSync('sh', ['-c', `"${process.execPath}" -r "${HOOK}" "${INGEST}" --json "${SEEDS_DIR}" 2>/dev/null | (sleep 1.5; wc -c)`], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const bytes = Number(run.stdout.trim());
    expect(expected).toBeGreaterThan(100_000);
    expect(bytes).toBe(expected);
  });

  it('Ctrl-C prints the summary so far and exits 130', async () => {
    const child = spawn(process.execPath, ['-r', HOOK, INGEST, '--dry-run', many], { stdio: ['ignore', 'ignore', 'pipe'] });
    const stderr = collect(child.stderr!);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (/\[\d+\/300\]/.test(stderr())) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    child.kill('SIGINT');
    expect(await exited(child)).toBe(130);
    expect(stderr()).toMatch(/Dry run \(nothing written\):/);
    expect(stderr()).toMatch(/NOT COMPLETE: interrupted by SIGINT; \d+ of 300 files not attempted/);
  });

  it('stops when the wrapper that started it is killed with SIGKILL', async () => {
    // A shell stands in for `npm run`: it starts the worker and waits for it.
    const pidFile = path.join(many, 'worker.pid');
    const wrapper = spawn('sh', ['-c', `"${process.execPath}" -r "${HOOK}" "${INGEST}" --dry-run "${many}" 2>"${pidFile}.log" & echo $! > "${pidFile}"; wait`], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const deadline = Date.now() + 30_000;
    while (!/\[\d+\/300\]/.test(fs.existsSync(`${pidFile}.log`) ? fs.readFileSync(`${pidFile}.log`, 'utf8') : '') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const worker = Number(fs.readFileSync(pidFile, 'utf8').trim());
    wrapper.kill('SIGKILL');
    const alive = () => {
      try {
        process.kill(worker, 0);
        return true;
      } catch {
        return false;
      }
    };
    const stopBy = Date.now() + 10_000;
    while (alive() && Date.now() < stopBy) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive()).toBe(false);
    expect(fs.readFileSync(`${pidFile}.log`, 'utf8')).toMatch(/the parent process \(pid \d+\) is gone[\s\S]*NOT COMPLETE/);
  });
});

describe('export --out that cannot be written', () => {
  it('is a clear message and exit code 2, with no stack trace and no database opened', () => {
    const file = path.join(many, 'a-file.txt');
    fs.writeFileSync(file, 'x');
    for (const [args, message] of [
      [['--format', 'json', '--out', path.join(file, 'graph.json')], /cannot be written \(ENOTDIR/],
      [['--format', 'json', '--out', many], /is a folder; json writes one file/],
      [['--format', 'csv', '--out', file], /is a file; csv writes a folder/],
    ] as const) {
      // NEO4J_PORT points nowhere: had the command gone on to open a database, it would say so.
      const run = spawnSync(process.execPath, ['-r', HOOK, EXPORT, ...args], { encoding: 'utf8', env: { ...process.env, NEO4J_URI: '', NEO4J_PORT: '1' } });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at |Neo4j/);
    }
  });
});

describe('npm run neo4j (the embedded database alone)', () => {
  const NEO4J_CLI = path.join(ROOT_DIR, 'src', 'neo4j', 'cli.ts');

  it('refuses with exit code 2 when NEO4J_URI names a server of its own', () => {
    const run = spawnSync(process.execPath, ['-r', HOOK, NEO4J_CLI], { encoding: 'utf8', env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/NEO4J_URI is set \(bolt:\/\/127\.0\.0\.1:1\)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('starts the database with the schema applied, answers Bolt, and stops on SIGINT', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhuzhou-neo4j-cli-'));
    try {
      const port = await freePort();
      const child = spawn(process.execPath, ['-r', HOOK, NEO4J_CLI], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NEO4J_URI: '', NEO4J_PORT: String(port), NEO4J_DATA_DIR: dataDir } });
      const stderr = collect(child.stderr!);
      const closed = exited(child);
      await new Promise<void>((resolve, reject) => {
        const poll = setInterval(() => {
          if (/Neo4j ready at bolt:\/\/127\.0\.0\.1:\d+/.test(stderr())) (clearInterval(poll), resolve());
          else if (child.exitCode !== null) (clearInterval(poll), reject(new Error(`exited early: ${stderr()}`)));
        }, 100);
      });
      const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', fs.readFileSync(path.join(dataDir, 'neo4j-password'), 'utf8').trim()));
      try {
        const indexes = await driver.executeQuery('SHOW INDEXES YIELD name RETURN collect(name) AS names');
        expect(indexes.records[0].get('names')).toEqual(expect.arrayContaining(['story_date', 'programme_name']));
      } finally {
        await driver.close();
      }
      child.kill('SIGINT');
      expect(await closed).toBe(0);
      expect(fs.existsSync(path.join(dataDir, 'neo4j-running.json'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
