/**
 * The export formats, written to files from a real Neo4j and read back as a consumer would:
 * GraphML structure and keys, node-link JSON shape, neo4j-admin CSV headers, counts equal to
 * the database's, and the place, date and kinds filters narrowing the output as documented.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { EDGE_COLUMNS, NODE_COLUMNS } from '../../src/export/columns';
import { edgeHeader, nodeHeader } from '../../src/export/csv';
import { exportToPath, IMPORT_SCRIPT, type ExportFormat } from '../../src/export/export-files';
import { ExportFilterError, parseExportFilter, type ExportFilterInput } from '../../src/export/filter';
import { GraphReader } from '../../src/export/graph-reader';
import { NODE_LABELS } from '../../src/model';
import { databaseCounts, EVIDENCE, IDS, loadExportFixture } from './export-fixture';
import { parseCsv, parseGraphml, type NodeLinkDocument } from './export-read-back';
import { resetDatabase, testConfig, testDriver } from './harness';

jest.setTimeout(60_000);

describe('export files', () => {
  const config = testConfig();
  const database = config.neo4j.database;
  let driver: Driver;
  let dir: string;
  let counts: Awaited<ReturnType<typeof databaseCounts>>;

  beforeAll(async () => {
    driver = testDriver(config);
    await resetDatabase(driver, config);
    await loadExportFixture(driver, database);
    counts = await databaseCounts(driver, database);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhuzhou-export-'));
  });
  afterAll(async () => {
    await driver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function exportAs(input: { format: ExportFormat; filter?: ExportFilterInput; batchSize?: number; name: string }) {
    const reader = await GraphReader.open({
      driver,
      database,
      filter: parseExportFilter(input.filter ?? {}),
      timeoutMs: 10_000,
      batchSize: input.batchSize ?? 2,
    });
    const out = path.join(dir, input.name);
    const result = await exportToPath({ reader, format: input.format, out });
    return { out, result };
  }

  async function nodeLink(filter: ExportFilterInput = {}, batchSize = 2): Promise<NodeLinkDocument> {
    const { out } = await exportAs({ format: 'json', filter, batchSize, name: `graph-${Math.random().toString(36).slice(2)}.json` });
    return JSON.parse(fs.readFileSync(out, 'utf8')) as NodeLinkDocument;
  }

  it('has a fixture with every label and relationship type', () => {
    expect(Object.keys(counts.byLabel).sort()).toEqual([...NODE_LABELS].sort());
    expect(Object.keys(counts.byType).length).toBe(8);
  });

  describe('GraphML', () => {
    let doc: ReturnType<typeof parseGraphml>;
    let xml: string;
    beforeAll(async () => {
      const { out, result } = await exportAs({ format: 'graphml', name: 'graph.graphml' });
      xml = fs.readFileSync(out, 'utf8');
      doc = parseGraphml(xml);
      expect(result).toMatchObject({ nodes: counts.nodes, edges: counts.relationships });
      expect(fs.existsSync(`${out}.partial`)).toBe(false);
    });

    it('has a directed graph with every node and relationship of the database', () => {
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')).toBe(true);
      expect(doc.edgedefault).toBe('directed');
      expect(doc.nodes).toHaveLength(counts.nodes);
      expect(doc.edges).toHaveLength(counts.relationships);
    });

    it('declares a typed key for every data attribute it uses, and only GraphML types', () => {
      const declared = new Map(doc.keys.map((key) => [key.id, key]));
      const used = new Set([...doc.nodes, ...doc.edges].flatMap((element) => Object.keys(element.data)));
      for (const key of Object.keys(doc.graphData)) used.add(key);
      for (const id of used) expect(declared.has(id)).toBe(true);
      for (const key of doc.keys) expect(['boolean', 'int', 'long', 'float', 'double', 'string']).toContain(key.type);
      expect(declared.get('n_count')).toBeUndefined();
      expect(declared.get('e_count')).toMatchObject({ for: 'edge', name: 'count', type: 'int' });
      expect(declared.get('n_position')).toMatchObject({ for: 'node', name: 'position', type: 'int' });
      // Key ids are unique per document.
      expect(declared.size).toBe(doc.keys.length);
    });

    it('has unique edge ids and edges between declared nodes', () => {
      const nodeIds = new Set(doc.nodes.map((node) => node.id));
      expect(nodeIds.size).toBe(doc.nodes.length);
      expect(new Set(doc.edges.map((edge) => edge.id)).size).toBe(doc.edges.length);
      for (const edge of doc.edges) {
        expect(nodeIds.has(edge.source)).toBe(true);
        expect(nodeIds.has(edge.target)).toBe(true);
      }
    });

    it('escapes XML and writes lists as JSON strings', () => {
      const hut = doc.nodes.find((node) => node.id === IDS.hut)!;
      expect(hut.data.n_label).toBe('Organisation');
      expect(JSON.parse(hut.data.n_aliases!)).toEqual(['湖工大', 'HUT "Hunan"; <工大> & co']);
      const training = doc.nodes.find((node) => node.id === IDS.training)!;
      expect(JSON.parse(training.data.n_targets!)).toEqual(['高校毕业生', '退役军人']);
      const run = doc.edges.find((edge) => edge.source === IDS.rensheju && edge.target === IDS.fair)!;
      expect(run.data).toMatchObject({ e_type: 'RUNS', e_evidence: EVIDENCE.fairRun });
      expect(xml).toContain('&lt;工大&gt; &amp; co');
    });
  });

  describe('node-link JSON', () => {
    it('is NetworkX node-link data with every node and link of the database', async () => {
      const data = await nodeLink();
      expect(data).toMatchObject({ directed: true, multigraph: true });
      expect(data.graph).toMatchObject({ name: '株洲日报 news graph', kinds: NODE_LABELS.join(',') });
      expect(data.nodes).toHaveLength(counts.nodes);
      expect(data.links).toHaveLength(counts.relationships);
      const ids = new Set(data.nodes.map((node) => node.id));
      for (const link of data.links) {
        expect(ids.has(link.source)).toBe(true);
        expect(ids.has(link.target)).toBe(true);
      }
      const labels = new Map<string, number>();
      for (const node of data.nodes) labels.set(node.label, (labels.get(node.label) ?? 0) + 1);
      expect(Object.fromEntries(labels)).toEqual(counts.byLabel);
    });

    it('carries all properties, with name, label and type first-class', async () => {
      const data = await nodeLink();
      expect(data.nodes.find((node) => node.id === IDS.lusong)).toMatchObject({ label: 'Place', name: '芦淞区', level: 'DISTRICT', code: '430203', aliases: [] });
      expect(data.nodes.find((node) => node.id === IDS.hut)?.aliases).toEqual(['湖工大', 'HUT "Hunan"; <工大> & co']);
      const story = data.nodes.find((node) => node.label === 'Story' && node.date === '--12-13')!;
      expect(story).toMatchObject({ name: '湖南工业大学开展技能培训', headline: '湖南工业大学开展技能培训', position: 1 });
      const mention = data.links.find((link) => link.type === 'MENTIONS' && link.target === IDS.lusong)!;
      expect(mention).toMatchObject({ count: 3 });
      expect(typeof mention.key).toBe('string');
    });

    it('gives the same output whatever the page size', async () => {
      const small = await nodeLink({}, 1);
      const large = await nodeLink({}, 1000);
      expect(small.nodes).toEqual(large.nodes);
      expect(small.links).toEqual(large.links);
    });
  });

  describe('CSV for neo4j-admin', () => {
    let out: string;
    beforeAll(async () => {
      ({ out } = await exportAs({ format: 'csv', name: 'csv' }));
    });

    it('writes one file per label and per relationship type, and the import command', () => {
      const files = fs.readdirSync(out).sort();
      expect(files).toEqual(
        [...NODE_LABELS.map((l) => `${l}.csv`), ...Object.keys(EDGE_COLUMNS).map((t) => `${t}.csv`), IMPORT_SCRIPT].sort(),
      );
      const script = fs.readFileSync(path.join(out, IMPORT_SCRIPT), 'utf8');
      expect(script).toContain('neo4j-admin database import full');
      expect(script).toContain('--nodes=Person.csv');
      expect(script).toContain('--relationships=MENTIONS.csv');
      expect(script).toContain('--multiline-fields=true');
    });

    it('has headers neo4j-admin accepts: a global id space, labels, typed columns, start/end/type', () => {
      const header = (file: string) => fs.readFileSync(path.join(out, file), 'utf8').split('\n')[0];
      expect(header('Person.csv')).toBe('id:ID,:LABEL,name:string,aliases:string[],aliasText:string,pinyin:string');
      expect(header('Story.csv')).toBe('id:ID,:LABEL,headline:string,kicker:string,subtitle:string,section:string,date:string,body:string,position:int,document:string,publishedOn:date');
      expect(header('MENTIONS.csv')).toBe(':START_ID,:END_ID,:TYPE,story:string,count:int');
      expect(header('CONTAINS.csv')).toBe(':START_ID,:END_ID,:TYPE');
      for (const label of NODE_LABELS) {
        expect(header(`${label}.csv`)).toBe(nodeHeader(label));
        expect(nodeHeader(label).split(',')).toHaveLength(2 + NODE_COLUMNS[label].length);
      }
      for (const type of Object.keys(EDGE_COLUMNS) as Array<keyof typeof EDGE_COLUMNS>) expect(header(`${type}.csv`)).toBe(edgeHeader(type));
    });

    it('has one row per node and relationship, with every field in its column', () => {
      for (const [label, count] of Object.entries(counts.byLabel)) {
        const rows = parseCsv(fs.readFileSync(path.join(out, `${label}.csv`), 'utf8'));
        expect(rows.length - 1).toBe(count);
        for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
      }
      for (const [type, count] of Object.entries(counts.byType)) {
        const rows = parseCsv(fs.readFileSync(path.join(out, `${type}.csv`), 'utf8'));
        expect(rows.length - 1).toBe(count);
        for (const row of rows.slice(1)) expect(row[2]).toBe(type);
      }
    });

    it('writes labels and lists with the array delimiter, quotes text and keeps line breaks', () => {
      const organisations = parseCsv(fs.readFileSync(path.join(out, 'Organisation.csv'), 'utf8'));
      const hut = organisations.find((row) => row[0] === IDS.hut)!;
      expect(hut[1]).toBe('Entity;Organisation');
      // `;` is the array delimiter, so one inside an element is written as the full-width `；`.
      expect(hut[3]).toBe('湖工大;HUT "Hunan"； <工大> & co');
      const stories = parseCsv(fs.readFileSync(path.join(out, 'Story.csv'), 'utf8'));
      const fair = stories.find((row) => row[2] === '董家墩街道举办春风行动招聘会')!;
      expect(fair[7]).toBe(`${EVIDENCE.fairRun}\n${EVIDENCE.fairHeld}`);
      expect(fair[8]).toBe('0');
      // An absent property (no subtitle) is an empty field, which the import reads as no property.
      expect(fair[4]).toBe('');
    });
  });

  describe('filters', () => {
    const idsOf = (data: NodeLinkDocument) => data.nodes.map((node) => node.id).sort();

    it('--place: the place, what is PART_OF it, its ancestors, programmes, agencies, stories and people', async () => {
      const data = await nodeLink({ place: '芦淞区' });
      const names = new Set(data.nodes.map((node) => node.name));
      for (const name of ['芦淞区', '董家墩街道', '株洲市', '湖南省', '董家墩街道春风行动招聘会', '芦淞区创业孵化计划',
        '株洲市人力资源和社会保障局', '芦淞区人力资源和社会保障局', '谢恩', '王芳', '李明', '董家墩街道举办春风行动招聘会', '芦淞区启动创业孵化计划']) {
        expect(names).toContain(name);
      }
      for (const name of ['荷塘区', '湖南工业大学', '湖南工业大学技能培训', '湖南工业大学开展技能培训']) expect(names).not.toContain(name);
      expect(data.nodes.filter((node) => node.label === 'Document')).toHaveLength(2);
      // Induced subgraph: every link joins two exported nodes, and e.g. 荷塘区 PART_OF 株洲市 is gone.
      const ids = new Set(idsOf(data));
      for (const link of data.links) expect(ids.has(link.source) && ids.has(link.target)).toBe(true);
      expect(data.links.some((link) => link.source === IDS.hetang)).toBe(false);
      expect(data.links.some((link) => link.type === 'RUNS' && link.source === IDS.rensheju && link.target === IDS.fair)).toBe(true);
      expect(data.graph.place).toBe(`芦淞区 (${IDS.lusong})`);
    });

    it('--place accepts an id or an alias, and a smaller place gives a smaller graph', async () => {
      expect(idsOf(await nodeLink({ place: IDS.lusong }))).toEqual(idsOf(await nodeLink({ place: '芦淞区' })));
      const street = await nodeLink({ place: '董家墩' });
      const names = street.nodes.map((node) => node.name);
      expect(names).toContain('董家墩街道春风行动招聘会');
      expect(names).not.toContain('芦淞区创业孵化计划');
    });

    it('--place with an unknown name is a filter error before anything is written', async () => {
      await expect(
        GraphReader.open({ driver, database, filter: parseExportFilter({ place: '火星区' }), timeoutMs: 10_000 }),
      ).rejects.toThrow(ExportFilterError);
    });

    it('--from/--to: stories in range, a --MM-DD story when its day can fall in range, and what they touch', async () => {
      const december = await nodeLink({ from: '2022-12-01', to: '2022-12-31' });
      const headlines = december.nodes.filter((n) => n.label === 'Story').map((n) => n.headline).sort();
      expect(headlines).toEqual(['湖南工业大学开展技能培训', '董家墩街道举办春风行动招聘会'].sort());

      const spring = await nodeLink({ from: '2023-01-01', to: '2023-06-30' });
      expect(spring.nodes.filter((n) => n.label === 'Story').map((n) => n.headline)).toEqual(['芦淞区启动创业孵化计划']);
      expect(spring.nodes.map((n) => n.name).sort()).toEqual(
        ['芦淞区启动创业孵化计划', '芦淞区', '株洲市', '湖南省', '株洲市人力资源和社会保障局', '芦淞区创业孵化计划', '王芳', 'export-page-2.txt'].sort(),
      );
      // Story-scoped relationships of stories out of range are left out.
      expect(spring.links.every((link) => link.story === undefined || link.story === 'story:export0000000002:0')).toBe(true);
      expect(spring.links.map((link) => link.type).sort()).toEqual(
        ['CONTAINS', 'HELD_IN', 'MENTIONS', 'MENTIONS', 'MENTIONS', 'PART_OF', 'PART_OF', 'REPORTED', 'RUNS'].sort(),
      );

      // An open end: a year-less date could be in any year, so it is included.
      const since = await nodeLink({ from: '2023-01-01' });
      expect(since.nodes.filter((n) => n.label === 'Story').map((n) => n.date).sort()).toEqual(['--12-13', '2023-03-01']);
    });

    it('--kinds: only those labels, and only relationships between them', async () => {
      const data = await nodeLink({ kinds: 'place,Programme' });
      expect(new Set(data.nodes.map((node) => node.label))).toEqual(new Set(['Place', 'Programme']));
      expect(data.nodes).toHaveLength(counts.byLabel.Place! + counts.byLabel.Programme!);
      expect(new Set(data.links.map((link) => link.type))).toEqual(new Set(['RUNS', 'HELD_IN', 'PART_OF']));
      expect(data.links.filter((link) => link.type === 'RUNS').map((link) => link.source)).toEqual([IDS.lusong]);
      expect(data.links.filter((link) => link.type === 'PART_OF')).toHaveLength(counts.byType.PART_OF!);
    });

    it('filters combine: place, dates and kinds together', async () => {
      const data = await nodeLink({ place: '芦淞区', from: '2022-12-01', to: '2022-12-31', kinds: 'Place,Programme,Organisation' });
      expect(data.nodes.map((node) => node.name).sort()).toEqual(
        ['董家墩街道', '芦淞区', '株洲市', '湖南省', '董家墩街道春风行动招聘会', '株洲市人力资源和社会保障局', '芦淞区人力资源和社会保障局'].sort(),
      );
    });

    it('rejects bad filter values with messages that name them', () => {
      expect(() => parseExportFilter({ kinds: 'Person,Planet' })).toThrow(/kinds: unknown kind "Planet"/);
      expect(() => parseExportFilter({ from: '2023-02-30' })).toThrow(/from: expected a date YYYY-MM-DD/);
      expect(() => parseExportFilter({ from: '2023-03-01', to: '2023-01-01' })).toThrow(/after/);
    });
  });

  it('the property catalogue covers every property the database holds', async () => {
    const nodeProps = await driver.executeQuery('CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName RETURN nodeLabels, propertyName', {}, { database });
    for (const record of nodeProps.records) {
      const label = (record.get('nodeLabels') as string[]).find((l) => l !== 'Entity') as keyof typeof NODE_COLUMNS;
      const property = record.get('propertyName') as string | null;
      if (property === null || property === 'id') continue;
      expect(NODE_COLUMNS[label].map((column) => `${label}.${column.name}`)).toContain(`${label}.${property}`);
    }
    const relProps = await driver.executeQuery('CALL db.schema.relTypeProperties() YIELD relType, propertyName RETURN relType, propertyName', {}, { database });
    for (const record of relProps.records) {
      const type = (record.get('relType') as string).replace(/^:`|`$/g, '') as keyof typeof EDGE_COLUMNS;
      const property = record.get('propertyName') as string | null;
      if (property === null) continue;
      expect(EDGE_COLUMNS[type].map((column) => `${type}.${column.name}`)).toContain(`${type}.${property}`);
    }
  });
});
