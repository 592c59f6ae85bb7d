/**
 * The analytics tools themselves read the exports: scripts/export_networkx.py loads the GraphML
 * and the node-link JSON with NetworkX, scripts/export_pandas.py reads the CSV folder with
 * pandas (both quoted in the README), and their counts must equal the GraphQL `stats`. Skipped,
 * with the reason printed, when Debian's /usr/bin/python3 lacks networkx or pandas.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ROOT_DIR } from '../../src/config';
import { apiRouters } from '../../src/api/routers';
import { startServer, type RunningServer } from '../../src/api/server';
import { exportToPath, type ExportFormat } from '../../src/export/export-files';
import { NO_FILTER } from '../../src/export/filter';
import { GraphReader } from '../../src/export/graph-reader';
import { loadExportFixture } from './export-fixture';
import { postGraphQL, resetDatabase, testConfig, testDriver } from './harness';

jest.setTimeout(120_000);

const PYTHON = '/usr/bin/python3';

function missingModule(module: string): string | null {
  try {
    execFileSync(PYTHON, ['-c', `import ${module}`], { stdio: 'pipe' });
    return null;
  } catch {
    return `${PYTHON} has no ${module} (apt-get install python3-${module})`;
  }
}

function runScript<T>(script: string, args: string[]): T {
  const output = execFileSync(PYTHON, [path.join(ROOT_DIR, 'scripts', script), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(output) as T;
}

interface Stats {
  documents: number;
  stories: number;
  people: number;
  organisations: number;
  places: number;
  programmes: number;
  relationships: number;
}

const noNetworkx = missingModule('networkx');
const noPandas = missingModule('pandas');
if (noNetworkx) process.stderr.write(`export-python: skipping the NetworkX test: ${noNetworkx}\n`);
if (noPandas) process.stderr.write(`export-python: skipping the pandas test: ${noPandas}\n`);

describe('exports in NetworkX and pandas', () => {
  const config = testConfig();
  let driver: Driver;
  let server: RunningServer;
  let dir: string;
  let stats: Stats;

  beforeAll(async () => {
    driver = testDriver(config);
    await resetDatabase(driver, config);
    await loadExportFixture(driver, config.neo4j.database);
    server = await startServer({
      api: config.api,
      driver,
      database: config.neo4j.database,
      transactionTimeoutMs: 10_000,
      routers: apiRouters({ driver, database: config.neo4j.database, config }),
    });
    const { body } = await postGraphQL<{ stats: Stats }>(server.url, '{ stats { documents stories people organisations places programmes relationships } }');
    stats = body.data!.stats;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhuzhou-export-py-'));
  });
  afterAll(async () => {
    await server.stop();
    await driver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const nodesInStats = () => stats.documents + stats.stories + stats.people + stats.organisations + stats.places + stats.programmes;

  async function exportAs(format: ExportFormat, name: string): Promise<string> {
    const reader = await GraphReader.open({ driver, database: config.neo4j.database, filter: NO_FILTER, timeoutMs: 10_000 });
    const out = path.join(dir, name);
    await exportToPath({ reader, format, out });
    return out;
  }

  (noNetworkx ? it.skip : it)('networkx.read_graphml and node_link_graph load every node and relationship', async () => {
    const graphml = await exportAs('graphml', 'graph.graphml');
    const json = await exportAs('json', 'graph.json');
    const result = runScript<{ graphml: { nodes: number; edges: number }; json: { nodes: number; edges: number }; runs: string[][]; runs_graphml: string[][] }>(
      'export_networkx.py',
      [graphml, json],
    );
    expect(result.graphml).toEqual({ nodes: nodesInStats(), edges: stats.relationships });
    expect(result.json).toEqual({ nodes: nodesInStats(), edges: stats.relationships });
    expect(result.runs).toEqual([
      ['株洲市人力资源和社会保障局', '董家墩街道春风行动招聘会'],
      ['湖南工业大学', '湖南工业大学技能培训'],
      ['芦淞区', '芦淞区创业孵化计划'],
    ]);
    expect(result.runs_graphml).toEqual(result.runs);
  });

  (noPandas ? it.skip : it)('pandas reads every CSV table and joins agencies, programmes and places', async () => {
    const folder = await exportAs('csv', 'csv');
    const result = runScript<{ rows: Record<string, number>; programmes_by_place: string[][] }>('export_pandas.py', [folder]);
    expect(result.rows.Story).toBe(stats.stories);
    expect(result.rows.Place).toBe(stats.places);
    const edgeRows = ['CONTAINS', 'REPORTED', 'MENTIONS', 'RUNS', 'HELD_IN', 'HOLDS_POSITION', 'BASED_IN', 'PART_OF'].reduce((sum, type) => sum + result.rows[type]!, 0);
    expect(edgeRows).toBe(stats.relationships);
    expect(result.programmes_by_place).toEqual([
      ['株洲市人力资源和社会保障局', '董家墩街道春风行动招聘会', '董家墩街道'],
      ['湖南工业大学', '湖南工业大学技能培训', '荷塘区'],
      ['芦淞区', '芦淞区创业孵化计划', '芦淞区'],
    ]);
  });

  it('the README quotes the scripts the tests run, verbatim', () => {
    const readme = fs.readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8');
    const region = readme.slice(readme.indexOf('<!-- export:start -->'), readme.indexOf('<!-- export:end -->'));
    const snippets = [...region.matchAll(/```python\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(snippets.length).toBeGreaterThanOrEqual(4);
    const scripts = ['export_networkx.py', 'export_pandas.py'].map((file) => fs.readFileSync(path.join(ROOT_DIR, 'scripts', file), 'utf8')).join('\n');
    for (const snippet of snippets) expect(scripts).toContain(snippet);
  });
});
