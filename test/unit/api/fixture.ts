/**
 * A hand-made two-page GraphBatch fixture for the API's integration tests: small enough to
 * assert exact answers, shaped like the real pages (株洲日报 bylines, 芦淞区 ⊃ 董家塅街道 (printed
 * 董家墩街道) ⊃ 沿河三村社区, 市人社局 running employment programmes there, a district acting as a
 * body, a person holding a post at a place). Loaded through the real loader (loadBatch).
 */
import type { EntityRecord, GraphBatch, RelationshipRecord, StoryRecord } from '../../../src/ingest/batch';
import { entityId } from '../../../src/ingest/ids';

export const IDS = {
  hunan: entityId('Place', '43'),
  zhuzhou: entityId('Place', '4302'),
  lusong: entityId('Place', '430203'),
  dongjiaduan: entityId('Place', '430203004'),
  yanhe: entityId('Place', '430203004003'),
  tianyuan: entityId('Place', '430211'),
  renshe: entityId('Organisation', '株洲市人力资源和社会保障局'),
  hut: entityId('Organisation', '湖南工业大学'),
  nanyang: entityId('Organisation', '株洲市南洋职业技术学校'),
  platform: entityId('Programme', '共享生活管家零工服务平台'),
  aidMonth: entityId('Programme', '就业援助月'),
  secondStart: entityId('Programme', '服饰城从业人员二次创业攻坚行动'),
  internship: entityId('Programme', '大学生就业见习'),
  cooking: entityId('Programme', '湘菜烹饪培训班'),
  yang: entityId('Person', '杨凌凌'),
  luo: entityId('Person', '罗金鹏'),
  xie: entityId('Person', '谢恩'),
  liu: entityId('Person', '刘敏'),
  yangru: entityId('Person', '杨如'),
  docA: 'doc:00000000000000aa',
  docB: 'doc:00000000000000bb',
  a0: 'story:00000000000000aa:0',
  a1: 'story:00000000000000aa:1',
  b0: 'story:00000000000000bb:0',
} as const;

export const SENTENCES = {
  platformRun: '市人社局在董家墩街道设立“共享生活管家”零工服务平台站点，帮助下岗职工再就业。',
  platformHeld: '目前，董家墩街道已设立“共享生活管家”零工服务平台站点。',
  aidRun: '市人社局在沿河三村社区开展就业援助月活动。',
  secondStart: '今年以来，芦淞区扎实开展服饰城从业人员二次创业攻坚行动。',
  internshipRun: '湖南工业大学组织大学生就业见习。',
  internshipHeld: '大学生就业见习活动在天元区举行。',
  cookingRun: '株洲市南洋职业技术学校开办湘菜烹饪培训班。',
  liu: '董家墩街道党工委书记刘敏介绍。',
  xie: '湘菜大师谢恩在南洋技校担任烹饪教师。',
  basedIn: '株洲市人力资源和社会保障局位于株洲市。',
};

function place(id: string, name: string, level: 'PROVINCE' | 'CITY' | 'DISTRICT' | 'SUBDISTRICT' | 'COMMUNITY', code: string, aliases: string[] = []): EntityRecord {
  return { label: 'Place', id, name, level, code, aliases };
}
const hunan = place(IDS.hunan, '湖南省', 'PROVINCE', '43', ['湖南']);
const zhuzhou = place(IDS.zhuzhou, '株洲市', 'CITY', '4302', ['株洲']);
const lusong = place(IDS.lusong, '芦淞区', 'DISTRICT', '430203');
const dongjiaduan = place(IDS.dongjiaduan, '董家塅街道', 'SUBDISTRICT', '430203004', ['董家墩街道']);
const yanhe = place(IDS.yanhe, '沿河三村社区', 'COMMUNITY', '430203004003');
const tianyuan = place(IDS.tianyuan, '天元区', 'DISTRICT', '430211');
const renshe: EntityRecord = { label: 'Organisation', id: IDS.renshe, name: '株洲市人力资源和社会保障局', type: 'GOVERNMENT', aliases: ['市人社局'] };

const gazetteer = (from: string, to: string): RelationshipRecord => ({ type: 'PART_OF', from, to });
const mention = (story: string, to: string, count = 1): RelationshipRecord => ({ type: 'MENTIONS', from: story, to, story, count });
const fact = (type: RelationshipRecord['type'], from: string, to: string, story: string, evidence: string, extra: Partial<RelationshipRecord> = {}): RelationshipRecord => ({
  type,
  from,
  to,
  story,
  evidence,
  ...extra,
});

function story(id: string, position: number, fields: Partial<StoryRecord> & { headline: string; body: string }): StoryRecord {
  return { id, position, kicker: null, subtitle: null, section: null, date: null, ...fields };
}

/** Page A: 芦淞区 employment news (two stories). */
export const PAGE_A: GraphBatch = {
  document: { id: IDS.docA, source: 'fixture-a.txt' },
  stories: [
    story(IDS.a0, 0, {
      headline: '“共享生活管家”帮下岗职工家门口就业',
      kicker: '盘存量、扩增量',
      section: '就业·创业',
      date: '2022-12-12',
      body: [SENTENCES.platformRun, SENTENCES.platformHeld, SENTENCES.aidRun, SENTENCES.secondStart, SENTENCES.liu, SENTENCES.basedIn].join(''),
    }),
    story(IDS.a1, 1, {
      headline: '湘菜大师谢恩：退役创业带徒弟',
      section: '就业·创业',
      date: '2022-12-12',
      body: `${SENTENCES.xie}${SENTENCES.cookingRun}株洲市人力资源和社会保障局将其列为创业服务专家。`,
    }),
  ],
  entities: [
    hunan,
    zhuzhou,
    lusong,
    dongjiaduan,
    yanhe,
    renshe,
    { label: 'Organisation', id: IDS.nanyang, name: '株洲市南洋职业技术学校', type: 'EDUCATION', aliases: ['南洋技校'] },
    { label: 'Programme', id: IDS.platform, name: '共享生活管家零工服务平台', kind: 'EMPLOYMENT', targets: ['下岗职工'], aliases: [] },
    { label: 'Programme', id: IDS.aidMonth, name: '就业援助月', kind: 'EMPLOYMENT', targets: ['就业困难人员'], aliases: [] },
    { label: 'Programme', id: IDS.secondStart, name: '服饰城从业人员二次创业攻坚行动', kind: 'ENTREPRENEURSHIP', targets: ['服饰城从业人员'], aliases: [] },
    { label: 'Programme', id: IDS.cooking, name: '湘菜烹饪培训班', kind: 'TRAINING', targets: [], aliases: [] },
    { label: 'Person', id: IDS.yang, name: '杨凌凌', aliases: [] },
    { label: 'Person', id: IDS.luo, name: '罗金鹏', aliases: [] },
    { label: 'Person', id: IDS.xie, name: '谢恩', aliases: [] },
    { label: 'Person', id: IDS.liu, name: '刘敏', aliases: [] },
  ],
  relationships: [
    { type: 'CONTAINS', from: IDS.docA, to: IDS.a0 },
    { type: 'CONTAINS', from: IDS.docA, to: IDS.a1 },
    gazetteer(IDS.yanhe, IDS.dongjiaduan),
    gazetteer(IDS.dongjiaduan, IDS.lusong),
    gazetteer(IDS.lusong, IDS.zhuzhou),
    gazetteer(IDS.zhuzhou, IDS.hunan),
    { type: 'REPORTED', from: IDS.yang, to: IDS.a0, story: IDS.a0, role: '全媒体记者' },
    { type: 'REPORTED', from: IDS.luo, to: IDS.a0, story: IDS.a0, role: '通讯员' },
    { type: 'REPORTED', from: IDS.yang, to: IDS.a1, story: IDS.a1, role: '全媒体记者' },
    mention(IDS.a0, IDS.lusong, 2),
    mention(IDS.a0, IDS.dongjiaduan, 3),
    mention(IDS.a0, IDS.yanhe),
    mention(IDS.a0, IDS.zhuzhou),
    mention(IDS.a0, IDS.renshe, 3),
    mention(IDS.a0, IDS.platform, 2),
    mention(IDS.a0, IDS.aidMonth),
    mention(IDS.a0, IDS.secondStart),
    mention(IDS.a0, IDS.liu),
    mention(IDS.a1, IDS.xie, 2),
    mention(IDS.a1, IDS.nanyang),
    mention(IDS.a1, IDS.renshe),
    mention(IDS.a1, IDS.cooking),
    fact('RUNS', IDS.renshe, IDS.platform, IDS.a0, SENTENCES.platformRun),
    fact('HELD_IN', IDS.platform, IDS.dongjiaduan, IDS.a0, SENTENCES.platformHeld),
    fact('RUNS', IDS.renshe, IDS.aidMonth, IDS.a0, SENTENCES.aidRun),
    fact('HELD_IN', IDS.aidMonth, IDS.yanhe, IDS.a0, SENTENCES.aidRun),
    fact('RUNS', IDS.lusong, IDS.secondStart, IDS.a0, SENTENCES.secondStart),
    fact('HOLDS_POSITION', IDS.liu, IDS.dongjiaduan, IDS.a0, SENTENCES.liu, { title: '党工委书记' }),
    fact('BASED_IN', IDS.renshe, IDS.zhuzhou, IDS.a0, SENTENCES.basedIn),
    fact('HOLDS_POSITION', IDS.xie, IDS.nanyang, IDS.a1, SENTENCES.xie, { title: '烹饪教师' }),
    fact('RUNS', IDS.nanyang, IDS.cooking, IDS.a1, SENTENCES.cookingRun),
  ],
  warnings: [],
};

/** Page B: 天元区, where 湖南工业大学 and 市人社局 appear together. */
export const PAGE_B: GraphBatch = {
  document: { id: IDS.docB, source: 'fixture-b.txt' },
  stories: [
    story(IDS.b0, 0, {
      headline: '天元区：大学生就业见习基地揭牌',
      date: '2022-11-19',
      body: `${SENTENCES.internshipRun}${SENTENCES.internshipHeld}市人社局有关负责人出席。`,
    }),
  ],
  entities: [
    hunan,
    zhuzhou,
    tianyuan,
    renshe,
    { label: 'Organisation', id: IDS.hut, name: '湖南工业大学', type: 'EDUCATION', aliases: [] },
    { label: 'Programme', id: IDS.internship, name: '大学生就业见习', kind: 'EMPLOYMENT', targets: ['高校毕业生'], aliases: [] },
    { label: 'Person', id: IDS.yangru, name: '杨如', aliases: [] },
  ],
  relationships: [
    { type: 'CONTAINS', from: IDS.docB, to: IDS.b0 },
    gazetteer(IDS.tianyuan, IDS.zhuzhou),
    gazetteer(IDS.zhuzhou, IDS.hunan),
    { type: 'REPORTED', from: IDS.yangru, to: IDS.b0, story: IDS.b0, role: '全媒体记者' },
    mention(IDS.b0, IDS.tianyuan),
    mention(IDS.b0, IDS.hut),
    mention(IDS.b0, IDS.renshe),
    mention(IDS.b0, IDS.internship),
    fact('RUNS', IDS.hut, IDS.internship, IDS.b0, SENTENCES.internshipRun),
    fact('HELD_IN', IDS.internship, IDS.tianyuan, IDS.b0, SENTENCES.internshipHeld),
  ],
  warnings: [],
};

/**
 * A synthetic page with `count` programmes, each run by its own bureau and held in its own
 * community under 芦淞区, each in its own story with a byline: the batching tests list them all.
 */
export function manyProgrammesPage(count: number): GraphBatch {
  const docId = 'doc:00000000000000cc';
  const batch: GraphBatch = {
    document: { id: docId, source: 'fixture-many.txt' },
    stories: [],
    entities: [hunan, zhuzhou, lusong, { label: 'Person', id: entityId('Person', '周记者'), name: '周记者', aliases: [] }],
    relationships: [gazetteer(IDS.lusong, IDS.zhuzhou), gazetteer(IDS.zhuzhou, IDS.hunan)],
    warnings: [],
  };
  for (let k = 0; k < count; k++) {
    const n = String(k).padStart(2, '0');
    const sid = `story:00000000000000cc:${k}`;
    const agency = entityId('Organisation', `第${n}就业服务中心`);
    const programme = entityId('Programme', `第${n}期就业帮扶行动`);
    const community = entityId('Place', `4302030990${n}`);
    const sentence = `第${n}就业服务中心在第${n}社区开展第${n}期就业帮扶行动。`;
    batch.stories.push(story(sid, k, { headline: `第${n}期就业帮扶行动启动`, date: '2022-12-01', body: sentence }));
    batch.entities.push(
      { label: 'Organisation', id: agency, name: `第${n}就业服务中心`, type: 'GOVERNMENT', aliases: [] },
      { label: 'Programme', id: programme, name: `第${n}期就业帮扶行动`, kind: 'EMPLOYMENT', targets: [], aliases: [] },
      place(community, `第${n}社区`, 'COMMUNITY', `4302030990${n}`),
    );
    batch.relationships.push(
      { type: 'CONTAINS', from: docId, to: sid },
      gazetteer(community, IDS.lusong),
      { type: 'REPORTED', from: entityId('Person', '周记者'), to: sid, story: sid, role: '记者' },
      mention(sid, agency),
      mention(sid, programme),
      mention(sid, community),
      fact('RUNS', agency, programme, sid, sentence),
      fact('HELD_IN', programme, community, sid, sentence),
    );
  }
  return batch;
}
