/**
 * A small hand-made graph for the export and explorer tests, loaded through the real loader:
 * two pages, three stories (one dated 2022-12-12, one `--12-13` with no year, one 2023-03-01),
 * a PART_OF chain 董家墩街道 → 芦淞区 → 株洲市 → 湖南省 and 荷塘区 beside it, programmes with
 * agencies and places, a byline, a position, and names with characters that CSV and XML must
 * escape (`"`, `;`, `<`, `&`, a newline in a body).
 */
import type { Driver } from 'neo4j-driver';
import type { EntityRecord, GraphBatch, RelationshipRecord } from '../../src/ingest/batch';
import { entityId } from '../../src/ingest/ids';
import { loadBatch } from '../../src/ingest/load';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../src/model';

export const IDS = {
  hunan: entityId('Place', '430000'),
  zhuzhou: entityId('Place', '430200'),
  lusong: entityId('Place', '430203'),
  dongjiadun: entityId('Place', '430203001'),
  hetang: entityId('Place', '430202'),
  rensheju: entityId('Organisation', '株洲市人力资源和社会保障局'),
  lusongRensheju: entityId('Organisation', '芦淞区人力资源和社会保障局'),
  hut: entityId('Organisation', '湖南工业大学'),
  fair: entityId('Programme', '董家墩街道春风行动招聘会'),
  training: entityId('Programme', '湖南工业大学技能培训'),
  startup: entityId('Programme', '芦淞区创业孵化计划'),
  xieen: entityId('Person', '谢恩'),
  chief: entityId('Person', '李明'),
  reporter2: entityId('Person', '王芳'),
} as const;

export const EVIDENCE = {
  fairRun: '12月12日，株洲市人力资源和社会保障局在董家墩街道举办春风行动招聘会。',
  fairHeld: '招聘会在董家墩街道举行，吸引了200余名求职者。',
  trainingRun: '湖南工业大学在荷塘区开展技能培训。',
  startupRun: '芦淞区启动创业孵化计划，帮助"宝妈"创业。',
};

const place = (id: string, name: string, level: 'PROVINCE' | 'CITY' | 'DISTRICT' | 'SUBDISTRICT', code: string, aliases: string[] = []): EntityRecord => ({
  label: 'Place',
  id,
  name,
  aliases,
  level,
  code,
});

const ancestry: RelationshipRecord[] = [
  { type: 'PART_OF', from: IDS.zhuzhou, to: IDS.hunan },
  { type: 'PART_OF', from: IDS.lusong, to: IDS.zhuzhou },
];

function page1(): GraphBatch {
  const doc = 'doc:export0000000001';
  const s0 = 'story:export0000000001:0';
  const s1 = 'story:export0000000001:1';
  return {
    document: { id: doc, source: 'export-page-1.txt' },
    stories: [
      {
        id: s0,
        headline: '董家墩街道举办春风行动招聘会',
        kicker: '就业',
        subtitle: null,
        section: '就业·创业',
        date: '2022-12-12',
        body: `${EVIDENCE.fairRun}\n${EVIDENCE.fairHeld}`,
        position: 0,
      },
      {
        id: s1,
        headline: '湖南工业大学开展技能培训',
        kicker: null,
        subtitle: '校地合作 <助力> 就业 & 创业',
        section: null,
        date: '--12-13',
        body: EVIDENCE.trainingRun,
        position: 1,
      },
    ],
    entities: [
      place(IDS.hunan, '湖南省', 'PROVINCE', '430000'),
      place(IDS.zhuzhou, '株洲市', 'CITY', '430200', ['我市']),
      place(IDS.lusong, '芦淞区', 'DISTRICT', '430203'),
      place(IDS.dongjiadun, '董家墩街道', 'SUBDISTRICT', '430203001', ['董家墩']),
      place(IDS.hetang, '荷塘区', 'DISTRICT', '430202'),
      { label: 'Organisation', id: IDS.rensheju, name: '株洲市人力资源和社会保障局', aliases: ['市人社局'], type: 'GOVERNMENT' },
      { label: 'Organisation', id: IDS.lusongRensheju, name: '芦淞区人力资源和社会保障局', aliases: ['芦淞区人社局'], type: 'GOVERNMENT' },
      // An alias with every character the formats must escape.
      { label: 'Organisation', id: IDS.hut, name: '湖南工业大学', aliases: ['湖工大', 'HUT "Hunan"; <工大> & co'], type: 'EDUCATION' },
      { label: 'Programme', id: IDS.fair, name: '董家墩街道春风行动招聘会', aliases: ['春风行动招聘会'], kind: 'EMPLOYMENT', targets: ['求职者'] },
      { label: 'Programme', id: IDS.training, name: '湖南工业大学技能培训', aliases: [], kind: 'TRAINING', targets: ['高校毕业生', '退役军人'] },
      { label: 'Person', id: IDS.xieen, name: '谢恩', aliases: [] },
      { label: 'Person', id: IDS.chief, name: '李明', aliases: [] },
    ],
    relationships: [
      { type: 'CONTAINS', from: doc, to: s0 },
      { type: 'CONTAINS', from: doc, to: s1 },
      { type: 'REPORTED', from: IDS.xieen, to: s0, story: s0, role: '全媒体记者' },
      { type: 'REPORTED', from: IDS.xieen, to: s1, story: s1, role: '记者' },
      { type: 'MENTIONS', from: s0, to: IDS.dongjiadun, story: s0, count: 2 },
      { type: 'MENTIONS', from: s0, to: IDS.rensheju, story: s0, count: 1 },
      { type: 'MENTIONS', from: s0, to: IDS.fair, story: s0, count: 2 },
      { type: 'MENTIONS', from: s0, to: IDS.chief, story: s0, count: 1 },
      { type: 'MENTIONS', from: s0, to: IDS.lusongRensheju, story: s0, count: 1 },
      { type: 'MENTIONS', from: s1, to: IDS.hut, story: s1, count: 1 },
      { type: 'MENTIONS', from: s1, to: IDS.hetang, story: s1, count: 1 },
      { type: 'MENTIONS', from: s1, to: IDS.training, story: s1, count: 1 },
      { type: 'RUNS', from: IDS.rensheju, to: IDS.fair, story: s0, evidence: EVIDENCE.fairRun },
      { type: 'HELD_IN', from: IDS.fair, to: IDS.dongjiadun, story: s0, evidence: EVIDENCE.fairHeld },
      { type: 'BASED_IN', from: IDS.lusongRensheju, to: IDS.lusong, story: s0, evidence: EVIDENCE.fairRun },
      { type: 'HOLDS_POSITION', from: IDS.chief, to: IDS.lusongRensheju, story: s0, title: '局长', evidence: EVIDENCE.fairRun },
      { type: 'RUNS', from: IDS.hut, to: IDS.training, story: s1, evidence: EVIDENCE.trainingRun },
      { type: 'HELD_IN', from: IDS.training, to: IDS.hetang, story: s1, evidence: EVIDENCE.trainingRun },
      ...ancestry,
      { type: 'PART_OF', from: IDS.dongjiadun, to: IDS.lusong },
      { type: 'PART_OF', from: IDS.hetang, to: IDS.zhuzhou },
    ],
    warnings: [],
  };
}

function page2(): GraphBatch {
  const doc = 'doc:export0000000002';
  const s0 = 'story:export0000000002:0';
  return {
    document: { id: doc, source: 'export-page-2.txt' },
    stories: [
      {
        id: s0,
        headline: '芦淞区启动创业孵化计划',
        kicker: null,
        subtitle: null,
        section: '就业·创业',
        date: '2023-03-01',
        body: EVIDENCE.startupRun,
        position: 0,
      },
    ],
    entities: [
      place(IDS.hunan, '湖南省', 'PROVINCE', '430000'),
      place(IDS.zhuzhou, '株洲市', 'CITY', '430200'),
      place(IDS.lusong, '芦淞区', 'DISTRICT', '430203'),
      { label: 'Organisation', id: IDS.rensheju, name: '株洲市人力资源和社会保障局', aliases: ['市人社局'], type: 'GOVERNMENT' },
      { label: 'Programme', id: IDS.startup, name: '芦淞区创业孵化计划', aliases: [], kind: 'ENTREPRENEURSHIP', targets: ['宝妈'] },
      { label: 'Person', id: IDS.reporter2, name: '王芳', aliases: [] },
    ],
    relationships: [
      { type: 'CONTAINS', from: doc, to: s0 },
      { type: 'REPORTED', from: IDS.reporter2, to: s0, story: s0, role: '通讯员' },
      { type: 'MENTIONS', from: s0, to: IDS.lusong, story: s0, count: 3 },
      { type: 'MENTIONS', from: s0, to: IDS.rensheju, story: s0, count: 1 },
      { type: 'MENTIONS', from: s0, to: IDS.startup, story: s0, count: 1 },
      { type: 'RUNS', from: IDS.lusong, to: IDS.startup, story: s0, evidence: EVIDENCE.startupRun },
      { type: 'HELD_IN', from: IDS.startup, to: IDS.lusong, story: s0, evidence: EVIDENCE.startupRun },
      ...ancestry,
    ],
    warnings: [],
  };
}

/** Loads both pages (the database should be empty; see resetDatabase). */
export async function loadExportFixture(driver: Driver, database: string): Promise<void> {
  for (const batch of [page1(), page2()]) await loadBatch(driver, batch, { database, timeoutMs: 30_000 });
}

/**
 * Node and relationship counts of the graph model's labels and types straight from the database,
 * to compare exports against (the loader's pair edges and the migrations' marker are not exported).
 */
export async function databaseCounts(driver: Driver, database: string): Promise<{ nodes: number; relationships: number; byLabel: Record<string, number>; byType: Record<string, number> }> {
  const nodes = await driver.executeQuery(
    "MATCH (n) WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS label WHERE label IN $labels RETURN label, count(*) AS count",
    { labels: NODE_LABELS },
    { database },
  );
  const rels = await driver.executeQuery('MATCH ()-[r]->() WHERE type(r) IN $types RETURN type(r) AS type, count(*) AS count', { types: RELATIONSHIP_TYPES }, { database });
  const byLabel = Object.fromEntries(nodes.records.map((r) => [r.get('label') as string, r.get('count') as number]));
  const byType = Object.fromEntries(rels.records.map((r) => [r.get('type') as string, r.get('count') as number]));
  const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
  return { nodes: sum(byLabel), relationships: sum(byType), byLabel, byType };
}
