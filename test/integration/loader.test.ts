import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ROOT_DIR } from '../../src/config';
import { migrate } from '../../src/neo4j/migrate';
import type { GraphBatch } from '../../src/ingest/batch';
import { entityId, storyId } from '../../src/ingest/ids';
import { BatchContractError, extractionHash, loadBatch } from '../../src/ingest/load';
import { PAIR_EDGE_TYPES, type PairedType } from '../../src/model';
import { resetDatabase, testConfig, testDriver } from './harness';

const ANY_PAIR = Object.values(PAIR_EDGE_TYPES).join('|');

const config = testConfig();
const LUSONG = entityId('Place', '430203');
const ZHUZHOU = entityId('Place', '4302');
const HUNAN = entityId('Place', '43');
const BUREAU = entityId('Organisation', '芦淞区人力资源和社会保障局');

/** A page with one story: a bureau in 芦淞区 runs a job fair held there; a reporter credits it. */
function pageBatch(opts: { source: string; hash: string; programme: string; extraPerson?: string }): GraphBatch {
  const doc = `doc:${opts.hash}`;
  const story = storyId(opts.hash, 0);
  const programme = entityId('Programme', opts.programme);
  const reporter = entityId('Person', '王娜');
  const batch: GraphBatch = {
    document: { id: doc, source: opts.source },
    stories: [{ id: story, headline: `${opts.programme}开幕`, kicker: null, subtitle: null, section: '就业·创业', date: '--03-08', body: '正文', position: 0 }],
    entities: [
      { label: 'Person', id: reporter, name: '王娜', aliases: [] },
      { label: 'Organisation', id: BUREAU, name: '芦淞区人力资源和社会保障局', aliases: ['芦淞区人社局'], type: 'GOVERNMENT' },
      { label: 'Place', id: LUSONG, name: '芦淞区', aliases: [], level: 'DISTRICT', code: '430203' },
      { label: 'Place', id: ZHUZHOU, name: '株洲市', aliases: [], level: 'CITY', code: '4302' },
      { label: 'Place', id: HUNAN, name: '湖南省', aliases: [], level: 'PROVINCE', code: '43' },
      { label: 'Programme', id: programme, name: opts.programme, aliases: [], kind: 'EMPLOYMENT', targets: ['高校毕业生'] },
    ],
    relationships: [
      { type: 'CONTAINS', from: doc, to: story },
      { type: 'REPORTED', from: reporter, to: story, story, role: '全媒体记者' },
      { type: 'MENTIONS', from: story, to: BUREAU, story, count: 2 },
      { type: 'MENTIONS', from: story, to: LUSONG, story, count: 1 },
      { type: 'MENTIONS', from: story, to: programme, story, count: 1 },
      { type: 'RUNS', from: BUREAU, to: programme, story, evidence: `芦淞区人社局举办${opts.programme}` },
      { type: 'HELD_IN', from: programme, to: LUSONG, story, evidence: `在芦淞区举办${opts.programme}` },
      { type: 'BASED_IN', from: BUREAU, to: LUSONG, story, evidence: '芦淞区人社局' },
      { type: 'PART_OF', from: LUSONG, to: ZHUZHOU },
      { type: 'PART_OF', from: ZHUZHOU, to: HUNAN },
    ],
    warnings: [],
  };
  if (opts.extraPerson) {
    const id = entityId('Person', opts.extraPerson);
    batch.entities.push({ label: 'Person', id, name: opts.extraPerson, aliases: [] });
    batch.relationships.push({ type: 'MENTIONS', from: story, to: id, story, count: 1 });
  }
  return batch;
}

/** What the loader wrote: every label (but the migrations' marker) and relationship type, counted. */
async function snapshot(driver: Driver): Promise<{ nodes: Record<string, number>; rels: Record<string, number> }> {
  const db = { database: config.neo4j.database };
  const nodes = await driver.executeQuery("MATCH (n) WHERE NOT n:Migration UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l", {}, db);
  const rels = await driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t', {}, db);
  return {
    nodes: Object.fromEntries(nodes.records.map((r) => [r.get('l'), r.get('c')])),
    rels: Object.fromEntries(rels.records.map((r) => [r.get('t'), r.get('c')])),
  };
}

describe('loadBatch (the only writer) against Neo4j', () => {
  let driver: Driver;
  const load = (batch: GraphBatch) => loadBatch(driver, batch, { database: config.neo4j.database, timeoutMs: 10_000 });

  beforeAll(() => {
    driver = testDriver(config);
  });
  beforeEach(async () => resetDatabase(driver, config));
  afterAll(async () => driver.close());

  it('writes the page: nodes with both labels, story-scoped edges with evidence, gazetteer PART_OF', async () => {
    const result = await load(pageBatch({ source: 'a.txt', hash: 'aaaa', programme: '春风行动招聘会' }));
    expect(result.status).toBe('new');
    const state = await snapshot(driver);
    expect(state.nodes).toMatchObject({ Document: 1, Story: 1, Entity: 6, Person: 1, Organisation: 1, Place: 3, Programme: 1 });
    expect(state.rels).toEqual({
      BASED_IN: 1, CONTAINS: 1, HELD_IN: 1, MENTIONS: 3, PART_OF: 2, REPORTED: 1, RUNS: 1,
      BASED_IN_PAIR: 1, HELD_IN_PAIR: 1, PART_OF_PAIR: 2, RUNS_PAIR: 1,
    });
    const { records } = await driver.executeQuery(
      'MATCH (o:Organisation)-[r:RUNS]->(p:Programme) RETURN o.aliases AS aliases, o.pinyin AS pinyin, r.story AS story, r.evidence AS evidence',
      {},
      { database: config.neo4j.database },
    );
    expect(records[0]?.get('aliases')).toEqual(['芦淞区人社局']);
    expect(records[0]?.get('pinyin')).toContain('lusongqu');
    expect(records[0]?.get('story')).toBe(storyId('aaaa', 0));
    expect(records[0]?.get('evidence')).toBe('芦淞区人社局举办春风行动招聘会');
  });

  it('writes a credit printed without a role as a REPORTED edge with no role, once, next to a roled one', async () => {
    const story = storyId('aaaa', 0);
    const author = entityId('Person', '韩梅');
    const withAuthor = (extraPerson?: string): GraphBatch => {
      const batch = pageBatch({ source: 'a.txt', hash: 'aaaa', programme: '春风行动招聘会', extraPerson });
      batch.entities.push({ label: 'Person', id: author, name: '韩梅', aliases: [] });
      batch.relationships.push({ type: 'REPORTED', from: author, to: story, story });
      return batch;
    };
    await load(withAuthor());
    const query = 'MATCH (p:Person)-[r:REPORTED]->(:Story) RETURN p.name AS name, r.role AS role, r.story AS story ORDER BY name';
    const first = await driver.executeQuery(query, {}, { database: config.neo4j.database });
    expect(first.records.map((r) => [r.get('name'), r.get('role'), r.get('story')])).toEqual([
      ['王娜', '全媒体记者', story],
      ['韩梅', null, story],
    ]);
    // A changed extraction rewrites the page: the MERGE finds the role-less edge instead of adding one.
    expect((await load(withAuthor('李雷'))).status).not.toBe('unchanged');
    const again = await driver.executeQuery(query, {}, { database: config.neo4j.database });
    expect(again.records).toHaveLength(2);
  });

  it('is idempotent: loading the same page again leaves identical counts and keeps ingestedAt', async () => {
    const batch = pageBatch({ source: 'a.txt', hash: 'aaaa', programme: '春风行动招聘会' });
    await loadBatch(driver, batch, { database: config.neo4j.database, timeoutMs: 10_000, now: () => new Date('2026-01-01T00:00:00Z') });
    const before = await snapshot(driver);
    const again = await loadBatch(driver, batch, { database: config.neo4j.database, timeoutMs: 10_000, now: () => new Date('2026-02-02T00:00:00Z') });
    expect(again.status).toBe('unchanged');
    expect(await snapshot(driver)).toEqual(before);
    const { records } = await driver.executeQuery('MATCH (d:Document) RETURN d.ingestedAt AS at', {}, { database: config.neo4j.database });
    expect(records[0]?.get('at')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('skips an unchanged page without writing, but rewrites the same text when its extraction changed', async () => {
    const batch = pageBatch({ source: 'a.txt', hash: 'aaaa', programme: '春风行动招聘会' });
    await load(batch);
    const db = { database: config.neo4j.database };
    const again = await load(batch);
    expect(again.status).toBe('unchanged');

    // Same text (same document id), new rules: the graph follows the new extraction.
    const reextracted = pageBatch({ source: 'a.txt', hash: 'aaaa', programme: '就业援助月' });
    const result = await load(reextracted);
    expect(result.status).toBe('replaced');
    const programmes = await driver.executeQuery('MATCH (p:Programme) RETURN p.name AS n ORDER BY n', {}, db);
    expect(programmes.records.map((r) => r.get('n'))).toEqual(['就业援助月']);
    const docs = await driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n, collect(d.extractionHash) AS h', {}, db);
    expect(Number(docs.records[0]?.get('n'))).toBe(1);
    expect(docs.records[0]?.get('h')).toEqual([extractionHash(reextracted)]);
  });

  it('replaces a changed page without touching another page', async () => {
    await load(pageBatch({ source: 'a.txt', hash: 'aaaa', programme: '春风行动招聘会', extraPerson: '李玉龙' }));
    await load(pageBatch({ source: 'b.txt', hash: 'bbbb', programme: '宝妈计划' }));
    const result = await load(pageBatch({ source: 'a.txt', hash: 'cccc', programme: '就业援助月' }));
    expect(result.status).toBe('replaced');

    const db = { database: config.neo4j.database };
    const docs = await driver.executeQuery('MATCH (d:Document) RETURN d.source AS s, d.id AS id ORDER BY s', {}, db);
    expect(docs.records.map((r) => [r.get('s'), r.get('id')])).toEqual([
      ['a.txt', 'doc:cccc'],
      ['b.txt', 'doc:bbbb'],
    ]);
    const programmes = await driver.executeQuery('MATCH (p:Programme) RETURN p.name AS n ORDER BY n', {}, db);
    // The old version's programme and the person only it named are gone; page b is intact.
    expect(programmes.records.map((r) => r.get('n'))).toEqual(['宝妈计划', '就业援助月']);
    const people = await driver.executeQuery('MATCH (p:Person) RETURN p.name AS n', {}, db);
    expect(people.records.map((r) => r.get('n'))).toEqual(['王娜']);
    const runs = await driver.executeQuery('MATCH ()-[r:RUNS]->(p) RETURN p.name AS n, r.story AS s ORDER BY n', {}, db);
    expect(runs.records.map((r) => [r.get('n'), r.get('s')])).toEqual([
      ['宝妈计划', storyId('bbbb', 0)],
      ['就业援助月', storyId('cccc', 0)],
    ]);
    // The shared district and its gazetteer ancestors stay, once.
    const state = await snapshot(driver);
    expect(state.nodes.Place).toBe(3);
    expect(state.rels.PART_OF).toBe(2);
    expect(state.rels.BASED_IN).toBe(2);
  });

  it('keeps one pair edge per pair that fact edges join, through loads, rewrites and removals', async () => {
    const db = { database: config.neo4j.database };
    // The pairs that edges of `edgeType(type)` join, per paired type, as sorted "type from→to" lines.
    const pairs = async (edgeType: (type: PairedType) => string) => {
      const lines: string[] = [];
      for (const type of Object.keys(PAIR_EDGE_TYPES) as PairedType[]) {
        const { records } = await driver.executeQuery(`MATCH (a)-[:${edgeType(type)}]->(b) RETURN DISTINCT a.id AS a, b.id AS b`, {}, db);
        lines.push(...records.map((r) => `${type} ${String(r.get('a'))}→${String(r.get('b'))}`));
      }
      return lines.sort();
    };
    const facts = () => pairs((type) => type);
    const paired = () => pairs((type) => PAIR_EDGE_TYPES[type]);
    const onePerPair = async () => {
      const { records } = await driver.executeQuery(
        `MATCH (a)-[r:${ANY_PAIR}]->(b) WITH a, b, type(r) AS t, count(r) AS n WHERE n > 1 RETURN count(*) AS twice`, {}, db);
      return Number(records[0]?.get('twice'));
    };

    // Two pages state the same run and place: two RUNS edges, one pair edge.
    await load(pageBatch({ source: 'a.txt', hash: 'aaaa', programme: '春风行动招聘会' }));
    await load(pageBatch({ source: 'b.txt', hash: 'bbbb', programme: '春风行动招聘会' }));
    const runs = await driver.executeQuery('MATCH (:Organisation)-[r:RUNS]->(:Programme) RETURN count(r) AS n', {}, db);
    expect(Number(runs.records[0]?.get('n'))).toBe(2);
    expect(await paired()).toEqual(await facts());
    // RUNS, HELD_IN and BASED_IN of the bureau and the district, and the district's two PART_OF.
    expect(await paired()).toHaveLength(5);
    expect(await onePerPair()).toBe(0);

    // Page a now states another programme: the shared pairs stay (page b still states them).
    await load(pageBatch({ source: 'a.txt', hash: 'cccc', programme: '就业援助月' }));
    expect(await paired()).toEqual(await facts());
    expect(await paired()).toHaveLength(7);

    // Page b goes: its programme's pairs go with its last fact edges; a reload adds nothing twice.
    await load({ document: { id: 'doc:dddd', source: 'b.txt' }, stories: [], entities: [], relationships: [], warnings: [] });
    await load(pageBatch({ source: 'a.txt', hash: 'eeee', programme: '就业援助月' }));
    expect(await paired()).toEqual(await facts());
    expect((await paired()).filter((line) => line.includes('春风行动'))).toEqual([]);
    expect(await onePerPair()).toBe(0);
  });

  it('gives a graph loaded before pair edges its pair edges once, on the next start (migrations.cypher)', async () => {
    const db = { database: config.neo4j.database };
    await load(pageBatch({ source: 'a.txt', hash: 'aaaa', programme: '春风行动招聘会' }));
    await load(pageBatch({ source: 'b.txt', hash: 'bbbb', programme: '宝妈计划' }));
    const before = await snapshot(driver);
    // As an earlier version left it: fact edges only, no marker.
    await driver.executeQuery(`MATCH ()-[r:${ANY_PAIR}]->() DELETE r`, {}, db);
    await driver.executeQuery('MATCH (m:Migration) DELETE m', {}, db);
    await migrate(driver, { database: config.neo4j.database, schemaFile: path.join(ROOT_DIR, 'schema', 'neo4j.cypher') });
    expect(await snapshot(driver)).toEqual(before);
    const markers = await driver.executeQuery('MATCH (m:Migration) RETURN m.id AS id ORDER BY id', {}, db);
    expect(markers.records.map((r) => r.get('id'))).toEqual(['based-in-pair-edges', 'pair-edges']);
    // With the marker there, a start does not look again (and would add nothing if it did).
    await driver.executeQuery('MATCH ()-[r:RUNS_PAIR]->() DELETE r', {}, db);
    await migrate(driver, { database: config.neo4j.database, schemaFile: path.join(ROOT_DIR, 'schema', 'neo4j.cypher') });
    expect((await snapshot(driver)).rels.RUNS_PAIR).toBeUndefined();
  });

  it('gives a graph migrated before BASED_IN had pair edges its BASED_IN pairs, and only those', async () => {
    const db = { database: config.neo4j.database };
    await load(pageBatch({ source: 'a.txt', hash: 'aaaa', programme: '春风行动招聘会' }));
    const before = await snapshot(driver);
    expect(before.rels.BASED_IN_PAIR).toBe(1);
    // As the previous version left it: the other pair edges and their marker, no BASED_IN pairs.
    await driver.executeQuery('MATCH ()-[r:BASED_IN_PAIR]->() DELETE r', {}, db);
    await driver.executeQuery("MATCH (m:Migration {id: 'based-in-pair-edges'}) DELETE m", {}, db);
    await migrate(driver, { database: config.neo4j.database, schemaFile: path.join(ROOT_DIR, 'schema', 'neo4j.cypher') });
    expect(await snapshot(driver)).toEqual(before);
  });

  it('removes places only the replaced version needed, ancestors included when nothing else uses them', async () => {
    await load(pageBatch({ source: 'a.txt', hash: 'aaaa', programme: '春风行动招聘会' }));
    const empty: GraphBatch = { document: { id: 'doc:dddd', source: 'a.txt' }, stories: [], entities: [], relationships: [], warnings: [] };
    await load(empty);
    const state = await snapshot(driver);
    expect(state.nodes).toEqual({ Document: 1 });
    expect(state.rels).toEqual({});
  });

  it('rejects a batch that breaks the contract before writing anything', async () => {
    const batch = pageBatch({ source: 'a.txt', hash: 'aaaa', programme: '春风行动招聘会' });
    batch.relationships.push({ type: 'RUNS', from: BUREAU, to: 'programme:不存在', story: storyId('aaaa', 0), evidence: 'x' });
    await expect(load(batch)).rejects.toThrow(BatchContractError);
    await expect(load(batch)).rejects.toThrow(/a\.txt: .*RUNS .* names a node not in the batch/);
    expect(await snapshot(driver)).toEqual({ nodes: {}, rels: {} });
  });
});
