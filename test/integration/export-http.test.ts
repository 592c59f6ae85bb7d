/**
 * The exports over HTTP, on the routers the service mounts (apiRouters): content types,
 * download names, the CSV index, counts equal to the database's, and 400s for bad parameters.
 */
import type { Driver } from 'neo4j-driver';
import { apiRouters } from '../../src/api/routers';
import { startServer, type RunningServer } from '../../src/api/server';
import { NODE_LABELS } from '../../src/model';
import { databaseCounts, IDS, loadExportFixture } from './export-fixture';
import { parseCsv, parseGraphml, type NodeLinkDocument } from './export-read-back';
import { resetDatabase, testConfig, testDriver } from './harness';

jest.setTimeout(60_000);

describe('exports over HTTP', () => {
  const config = testConfig();
  let driver: Driver;
  let server: RunningServer;
  let base: string;
  let counts: Awaited<ReturnType<typeof databaseCounts>>;

  beforeAll(async () => {
    driver = testDriver(config);
    await resetDatabase(driver, config);
    await loadExportFixture(driver, config.neo4j.database);
    counts = await databaseCounts(driver, config.neo4j.database);
    server = await startServer({
      api: config.api,
      driver,
      database: config.neo4j.database,
      transactionTimeoutMs: 10_000,
      routers: apiRouters({ driver, database: config.neo4j.database, config }),
    });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server.stop();
    await driver.close();
  });

  const get = (path: string) => fetch(`${base}${path}`);

  it('GET /export/graph.graphml streams GraphML as a download', async () => {
    const response = await get('/export/graph.graphml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="zhuzhou-graph.graphml"');
    const doc = parseGraphml(await response.text());
    expect(doc.nodes).toHaveLength(counts.nodes);
    expect(doc.edges).toHaveLength(counts.relationships);
  });

  it('GET /export/graph.graphml?place=芦淞区 names the place in the UTF-8 file name and narrows the graph', async () => {
    const response = await get(`/export/graph.graphml?place=${encodeURIComponent('芦淞区')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="zhuzhou-graph.graphml"; filename*=UTF-8''${encodeURIComponent('zhuzhou-graph-芦淞区.graphml')}`,
    );
    const doc = parseGraphml(await response.text());
    const ids = doc.nodes.map((node) => node.id);
    expect(ids).toContain(IDS.dongjiadun);
    expect(ids).not.toContain(IDS.hetang);
    expect(doc.nodes.length).toBeLessThan(counts.nodes);
    expect(doc.graphData.g_place).toBe(`芦淞区 (${IDS.lusong})`);
  });

  it('GET /export/graph.json streams node-link JSON', async () => {
    const response = await get('/export/graph.json?kinds=Story,Place');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="zhuzhou-graph.json"');
    const data = (await response.json()) as NodeLinkDocument;
    expect(data.directed).toBe(true);
    expect(data.nodes).toHaveLength(counts.byLabel.Story! + counts.byLabel.Place!);
    expect(new Set(data.links.map((link) => link.type))).toEqual(new Set(['MENTIONS', 'PART_OF']));
  });

  it('GET /export/csv lists the tables; each one downloads as CSV with its neo4j-admin header', async () => {
    const response = await get('/export/csv');
    expect(response.status).toBe(200);
    const index = (await response.json()) as { files: Array<{ name: string; kind: string; url: string }>; importCommand: string };
    expect(index.files.map((file) => file.name)).toEqual([
      ...NODE_LABELS.map((label) => `${label}.csv`),
      ...['CONTAINS', 'REPORTED', 'MENTIONS', 'RUNS', 'HELD_IN', 'HOLDS_POSITION', 'BASED_IN', 'PART_OF'].map((type) => `${type}.csv`),
    ]);
    expect(index.importCommand).toMatch(/^neo4j-admin database import full/);
    for (const file of index.files) {
      const table = await get(file.url);
      expect(table.status).toBe(200);
      expect(table.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(table.headers.get('content-disposition')).toBe(`attachment; filename="${file.name}"`);
      const rows = parseCsv(await table.text());
      const name = file.name.replace(/\.csv$/, '');
      expect(rows[0]![0]).toBe(file.kind === 'nodes' ? 'id:ID' : ':START_ID');
      expect(rows.length - 1).toBe(file.kind === 'nodes' ? counts.byLabel[name] : counts.byType[name]);
    }
  });

  it('the CSV index keeps the filter in every URL and lists only the tables of the kinds', async () => {
    const response = await get(`/export/csv?kinds=Place&place=${encodeURIComponent('芦淞区')}`);
    const index = (await response.json()) as { files: Array<{ name: string; url: string }> };
    expect(index.files.map((file) => file.name)).toEqual(['Place.csv', 'PART_OF.csv']);
    const places = parseCsv(await (await get(index.files[0]!.url)).text());
    expect(places.slice(1).map((row) => row[0]).sort()).toEqual([IDS.dongjiadun, IDS.hunan, IDS.lusong, IDS.zhuzhou].sort());
  });

  it.each([
    ['/export/graph.json?place=%E7%81%AB%E6%98%9F%E5%8C%BA', /place: no place has the id, name or alias "火星区"/],
    ['/export/graph.graphml?from=2023-13-01', /from: expected a date YYYY-MM-DD/],
    ['/export/graph.json?kinds=Planet', /kinds: unknown kind "Planet"/],
    ['/export/graph.json?colour=red', /unknown parameter "colour"/],
    ['/export/graph.json?place=a&place=b', /place: give it once/],
    ['/export/csv/Nope.csv', /unknown CSV table "Nope.csv"/],
    ['/export/csv/Person.csv?kinds=Place', /Person.csv is not part of an export of kinds Place/],
    ['/export/csv?from=yesterday', /from: expected a date/],
  ])('GET %s is a 400 that names the problem', async (path, message) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(message);
  });

  it('GET /export describes the formats and parameters', async () => {
    const response = await get('/export?kinds=Place');
    const body = (await response.json()) as { formats: Record<string, string> };
    expect(body.formats.graphml).toBe('/export/graph.graphml?kinds=Place');
  });
});
