/**
 * `npm run export` as a user runs it: the CLI in a child process against the tests' Neo4j
 * (NEO4J_URI), writing a file, a filtered file and a CSV folder, and exit code 2 with a clear
 * message for a bad flag.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ROOT_DIR } from '../../src/config';
import { databaseCounts, loadExportFixture } from './export-fixture';
import type { NodeLinkDocument } from './export-read-back';
import { resetDatabase, testConfig, testDriver } from './harness';

jest.setTimeout(120_000);

describe('npm run export (the CLI)', () => {
  const config = testConfig();
  let driver: Driver;
  let dir: string;

  beforeAll(async () => {
    driver = testDriver(config);
    await resetDatabase(driver, config);
    await loadExportFixture(driver, config.neo4j.database);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhuzhou-export-cli-'));
  });
  afterAll(async () => {
    await driver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function cli(args: string[]) {
    return spawnSync(process.execPath, ['-r', path.join(__dirname, 'export-ts-hook.js'), path.join(ROOT_DIR, 'src', 'export', 'cli.ts'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: config.neo4j.uri!, NEO4J_USER: config.neo4j.user, NEO4J_PASSWORD: config.neo4j.password },
    });
  }

  it('writes node-link JSON with every node and relationship, and reports counts, time and memory', async () => {
    const out = path.join(dir, 'graph.json');
    const run = cli(['--format', 'json', '--out', out]);
    expect(run.stderr).toMatch(/Exported \d+ nodes and \d+ relationships as json .* in [\d.]+ s; peak RSS \d+ MiB/);
    expect(run.status).toBe(0);
    const counts = await databaseCounts(driver, config.neo4j.database);
    const data = JSON.parse(fs.readFileSync(out, 'utf8')) as NodeLinkDocument;
    expect(data.nodes).toHaveLength(counts.nodes);
    expect(data.links).toHaveLength(counts.relationships);
  });

  it('applies --place, --kinds, --from and --to', () => {
    const out = path.join(dir, 'lusong.json');
    const run = cli(['--format', 'json', '--out', out, '--place', '芦淞区', '--kinds', 'Place,Programme', '--from', '2023-01-01', '--to', '2023-12-31']);
    expect(run.status).toBe(0);
    const data = JSON.parse(fs.readFileSync(out, 'utf8')) as NodeLinkDocument;
    expect(data.nodes.map((node) => node.name).sort()).toEqual(['株洲市', '湖南省', '芦淞区', '芦淞区创业孵化计划'].sort());
  });

  it('writes a CSV folder and GraphML', () => {
    expect(cli(['--format', 'csv', '--out', path.join(dir, 'csv')]).status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'csv'))).toContain('MENTIONS.csv');
    expect(cli(['--format', 'graphml', '--out', path.join(dir, 'g.graphml')]).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'g.graphml'), 'utf8')).toMatch(/<\/graphml>\n$/);
  });

  it.each([
    [['--format', 'xml', '--out', 'x'], /Allowed choices are graphml, json, csv/],
    [['--format', 'json'], /required option '--out <path>' not specified/],
    [['--format', 'json', '--out', 'x', '--from', '2023-02-30'], /from: expected a date YYYY-MM-DD/],
    [['--format', 'json', '--out', 'x', '--place', '火星区'], /place: no place has the id, name or alias "火星区"/],
  ])('exits 2 on %j with a message', (args, message) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
