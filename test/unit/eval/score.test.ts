import type { GraphBatch } from '../../../src/ingest/batch';
import type { GoldPage } from '../../../src/eval/gold';
import { predictPage } from '../../../src/eval/predict';
import { scorePage, scorePages, type PageScore } from '../../../src/eval/score';
import { BatchBuilder, goldPage, oracleBatch } from './builders';

function score(gold: GoldPage, batch: GraphBatch): PageScore {
  return scorePage({ gold, predicted: predictPage(batch) });
}

function counts(page: PageScore, kind: keyof PageScore['kinds']) {
  const { gold, predicted, matched } = page.kinds[kind];
  return { gold, predicted, matched };
}

const entity = (name: string, aliases: string[] = []) => ({ name, aliases });

describe('stories', () => {
  const gold = goldPage([
    { headline: '小平台助力居民“轻淞”就业' },
    { headline: '激发居民自治力量 老旧小区破解停车难题' },
    { headline: '云田镇全域卫生大清扫' },
  ]);

  it('match by containment of normalised headlines, or by bigram Dice ≥ 0.8', () => {
    const batch = new BatchBuilder();
    batch.story('助力居民轻淞就业'); // contained in S1 (8 characters)
    batch.story('激发居民自治力量老旧小区破解停车难越'); // one OCR slip: no containment, Dice 32/34
    batch.story('云田'); // contained in S3 but shorter than 4 characters
    const page = score(gold, batch.build());
    expect(counts(page, 'stories')).toEqual({ gold: 3, predicted: 3, matched: 2 });
    expect(page.kinds.stories.misses).toEqual(['S3 云田镇全域卫生大清扫']);
    expect(page.kinds.stories.falsePositives).toEqual(['云田']);
  });

  it('ignore an optional gold story both ways (a boxed sidebar with no byline)', () => {
    const withSidebar = goldPage([{ headline: '云田镇全域卫生大清扫' }, { headline: '【农村改厕】农村改厕助力乡村振兴', optional: true }]);
    const split = new BatchBuilder();
    split.story('云田镇全域卫生大清扫');
    split.story('农村改厕助力乡村振兴');
    expect(counts(score(withSidebar, split.build()), 'stories')).toEqual({ gold: 1, predicted: 1, matched: 1 });
    const merged = new BatchBuilder();
    merged.story('云田镇全域卫生大清扫');
    expect(counts(score(withSidebar, merged.build()), 'stories')).toEqual({ gold: 1, predicted: 1, matched: 1 });
  });

  it('do not match a different headline sharing a few words', () => {
    const batch = new BatchBuilder();
    batch.story('老旧小区加装电梯');
    expect(counts(score(gold, batch.build()), 'stories').matched).toBe(0);
  });
});

describe('entities', () => {
  it('match exactly on any of name and aliases', () => {
    const gold = goldPage([{ organisations: [{ ...entity('芦淞区人力资源和社会保障局', ['芦淞区人社局']), type: 'GOVERNMENT' }] }]);
    const batch = new BatchBuilder();
    batch.mention(batch.story('标题1'), { label: 'Organisation', name: '芦淞区人社局' });
    const page = score(gold, batch.build());
    expect(counts(page, 'organisations')).toEqual({ gold: 1, predicted: 1, matched: 1 });
    expect(page.kinds.organisations.partial).toEqual([]);
  });

  it('match organisations and programmes by containment (shorter ≥ 4), but never people or places', () => {
    const gold = goldPage([
      {
        people: [entity('欧阳文华')],
        places: [entity('董家墩街道')],
        organisations: [entity('株洲市人力资源和社会保障局'), entity('市残联')],
        programmes: [entity('轻淞就业')],
      },
    ]);
    const batch = new BatchBuilder();
    const s = batch.story('标题1');
    batch.mention(s, { label: 'Person', name: '欧阳文华同志' });
    batch.mention(s, { label: 'Place', name: '芦淞区董家墩街道' });
    batch.mention(s, { label: 'Organisation', name: '市人力资源和社会保障局' });
    batch.mention(s, { label: 'Organisation', name: '株洲市残联' }); // contains 市残联, but 3 < 4
    batch.mention(s, { label: 'Programme', name: '“轻淞就业”服务品牌' });
    const page = score(gold, batch.build());
    expect(counts(page, 'people').matched).toBe(0);
    expect(counts(page, 'places').matched).toBe(0);
    expect(counts(page, 'organisations')).toEqual({ gold: 2, predicted: 2, matched: 1 });
    expect(page.kinds.organisations.partial).toEqual(['株洲市人力资源和社会保障局 ≈ 市人力资源和社会保障局']);
    expect(page.kinds.organisations.misses).toEqual(['市残联']);
    expect(counts(page, 'programmes').matched).toBe(1);
  });

  it('ignore optional gold items both ways', () => {
    const gold = goldPage([
      {
        programmes: [
          { ...entity('轻淞就业'), optional: false },
          { ...entity('创业培训班'), optional: true },
          { ...entity('法律援助活动'), optional: true },
        ],
      },
    ]);
    const batch = new BatchBuilder();
    const s = batch.story('标题1');
    batch.mention(s, { label: 'Programme', name: '轻淞就业' });
    batch.mention(s, { label: 'Programme', name: '创业培训班' }); // matches an optional item: not a false positive
    // 法律援助活动 is not predicted: not a miss.
    const page = score(gold, batch.build());
    expect(counts(page, 'programmes')).toEqual({ gold: 1, predicted: 1, matched: 1 });
    expect(page.kinds.programmes.precision).toBe(1);
    expect(page.kinds.programmes.recall).toBe(1);
    expect(page.kinds.programmes.ignored).toEqual(['创业培训班']);
  });

  it('pair each gold item with at most one prediction', () => {
    const gold = goldPage([{ organisations: [entity('株洲欧微服饰有限公司')] }]);
    const batch = new BatchBuilder();
    const s = batch.story('标题1');
    batch.mention(s, { label: 'Organisation', name: '株洲欧微服饰有限公司' });
    batch.mention(s, { label: 'Organisation', name: '欧微服饰有限公司' });
    const page = score(gold, batch.build());
    expect(counts(page, 'organisations')).toEqual({ gold: 1, predicted: 2, matched: 1 });
    expect(page.kinds.organisations.falsePositives).toEqual(['欧微服饰有限公司']);
  });

  it('pair exact matches before containment ones', () => {
    // The prediction contains 就业服务 and equals 就业服务进我家: it goes to the exact one,
    // even though 就业服务 comes first.
    const gold = goldPage([{ programmes: [entity('就业服务'), entity('就业服务进我家')] }]);
    const batch = new BatchBuilder();
    batch.mention(batch.story('标题1'), { label: 'Programme', name: '就业服务进我家' });
    const page = score(gold, batch.build());
    expect(counts(page, 'programmes')).toEqual({ gold: 2, predicted: 1, matched: 1 });
    expect(page.kinds.programmes.misses).toEqual(['就业服务']);
    expect(page.kinds.programmes.partial).toEqual([]);
  });

  it('pair containment matches so that as many gold items match as possible', () => {
    // Greedy in gold order would give 春风行动培训班 to 春风行动 and leave the second item unmatched.
    const gold = goldPage([{ programmes: [entity('春风行动'), entity('春风行动培训班课程')] }]);
    const batch = new BatchBuilder();
    const s = batch.story('标题1');
    batch.mention(s, { label: 'Programme', name: '春风行动培训班' });
    batch.mention(s, { label: 'Programme', name: '春风行动招聘会' });
    expect(counts(score(gold, batch.build()), 'programmes')).toEqual({ gold: 2, predicted: 2, matched: 2 });
  });

  it('count an entity named by two stories of the page once, required if either copy is', () => {
    const gold = goldPage([
      { places: [entity('芦淞区')] },
      { places: [{ ...entity('芦淞区'), optional: true }, { ...entity('石峰区'), optional: true }] },
    ]);
    const batch = new BatchBuilder();
    const s1 = batch.story('标题1');
    const s2 = batch.story('标题2');
    batch.mention(s1, { label: 'Place', name: '芦淞区' });
    batch.mention(s2, { label: 'Place', name: '芦淞区' });
    const page = score(gold, batch.build());
    expect(counts(page, 'places')).toEqual({ gold: 1, predicted: 1, matched: 1 });
  });
});

describe('credits', () => {
  const gold = goldPage([
    {
      headline: '云田镇全域卫生大清扫',
      credits: [
        { name: '杨如', role: '全媒体记者' },
        { name: '杨如', role: '摄影', optional: true },
        { name: '彭阳晶', role: '通讯员' },
      ],
    },
    { headline: '井龙街道已拆除安全隐患房屋', credits: [{ name: '王娜', role: '记者' }] },
  ]);

  it('are (person, story) pairs: roles are not compared and one person counts once per story', () => {
    const batch = new BatchBuilder();
    const s1 = batch.story('云田镇全域卫生大清扫');
    batch.credit(s1, '杨如', '记者').credit(s1, '杨如', '摄影').credit(s1, '彭阳晶', '通讯员');
    const page = score(gold, batch.build());
    expect(counts(page, 'credits')).toEqual({ gold: 3, predicted: 2, matched: 2 });
    expect(page.kinds.credits.misses).toEqual(['王娜 @ S2']);
  });

  it('need the story the gold story was matched with', () => {
    const batch = new BatchBuilder();
    batch.story('云田镇全域卫生大清扫');
    const unmatched = batch.story('一则没有对应的新闻');
    batch.credit(unmatched, '王娜');
    const page = score(gold, batch.build());
    expect(counts(page, 'credits')).toEqual({ gold: 3, predicted: 1, matched: 0 });
  });
});

describe('relations', () => {
  it('runs: a place acting as the organisation matches a RUNS edge from that Place', () => {
    const gold = goldPage([
      {
        places: [entity('芦淞区')],
        programmes: [entity('轻淞就业', ['“轻淞就业”服务品牌'])],
        runs: [{ organisation: '芦淞区', programme: '轻淞就业', evidence: '该区全力打造“轻淞就业”服务品牌' }],
      },
    ]);
    const batch = new BatchBuilder();
    batch.runs(batch.story('标题1'), { label: 'Place', name: '芦淞区' }, '“轻淞就业”服务品牌');
    const page = score(gold, batch.build());
    expect(counts(page, 'runs')).toEqual({ gold: 1, predicted: 1, matched: 1 });
  });

  it('runs: a gold end is resolved to all printed forms of its entity, and containment applies at both ends', () => {
    const gold = goldPage([
      {
        organisations: [entity('株洲市人力资源和社会保障局', ['市人社局'])],
        programmes: [entity('春风行动·百企万岗')],
        runs: [{ organisation: '市人社局', programme: '春风行动·百企万岗' }],
      },
    ]);
    const batch = new BatchBuilder();
    const s = batch.story('标题1');
    batch.runs(s, { label: 'Organisation', name: '株洲市人力资源和社会保障局' }, '2023年春风行动百企万岗');
    batch.runs(s, { label: 'Organisation', name: '市人社局' }, '百企万岗'); // a duplicate end: no second match
    const page = score(gold, batch.build());
    expect(counts(page, 'runs')).toEqual({ gold: 1, predicted: 2, matched: 1 });
    expect(page.kinds.runs.partial).toEqual(['市人社局 → 春风行动·百企万岗 ≈ 株洲市人力资源和社会保障局 → 2023年春风行动百企万岗']);
  });

  it('held_in and positions: both ends must match; titles are not compared; a place can hold the position', () => {
    const gold = goldPage([
      {
        people: [entity('刘剑')],
        places: [entity('宋家桥街道'), entity('荷塘区')],
        programmes: [entity('三重招考')],
        held_in: [{ programme: '三重招考', place: '荷塘区' }],
        positions: [{ person: '刘剑', title: '社区专职工作人员', organisation: '宋家桥街道' }],
      },
    ]);
    const batch = new BatchBuilder();
    const s = batch.story('标题1');
    batch.heldIn(s, '三重招考', '宋家桥街道'); // wrong place
    batch.position(s, '刘剑', { label: 'Place', name: '宋家桥街道' }, '工作人员');
    const page = score(gold, batch.build());
    expect(counts(page, 'held_in')).toEqual({ gold: 1, predicted: 1, matched: 0 });
    expect(counts(page, 'positions')).toEqual({ gold: 1, predicted: 1, matched: 1 });
  });
});

describe('totals', () => {
  it('are micro-averaged: counts summed over pages before P, R and F1', () => {
    const page1 = score(goldPage([{ people: [entity('李丹')] }]), (() => {
      const b = new BatchBuilder();
      b.mention(b.story('标题1'), { label: 'Person', name: '李丹' });
      return b.build();
    })());
    const page2 = score(goldPage([{ people: [entity('谢恩'), entity('刘正虎'), entity('李玉龙')] }]), (() => {
      const b = new BatchBuilder();
      b.mention(b.story('标题1'), { label: 'Person', name: '王五' });
      return b.build();
    })());
    const people = scorePages([page1, page2]).totals.people;
    expect(people).toMatchObject({ gold: 4, predicted: 2, matched: 1 });
    expect(people.precision).toBe(0.5); // a macro average would be (1 + 0) / 2 as well, but:
    expect(people.recall).toBe(0.25); // macro would be (1 + 0) / 2 = 0.5
    expect(people.f1).toBeCloseTo((2 * 0.5 * 0.25) / 0.75);
  });

  it('an empty prediction scores P = 0, R = 0, F1 = 0, and nothing expected and nothing predicted scores 1', () => {
    const gold = goldPage([{ headline: '云田镇全域卫生大清扫', people: [entity('李丹')] }]);
    const totals = scorePages([score(gold, new BatchBuilder().build())]).totals;
    expect(totals.stories).toEqual({ gold: 1, predicted: 0, matched: 0, precision: 0, recall: 0, f1: 0 });
    expect(totals.people).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(totals.positions).toEqual({ gold: 0, predicted: 0, matched: 0, precision: 1, recall: 1, f1: 1 });
    for (const kind of Object.values(totals)) {
      expect(Number.isNaN(kind.precision) || Number.isNaN(kind.recall) || Number.isNaN(kind.f1)).toBe(false);
    }
  });

  it('predictions against an empty gold score P = 0 and R = 0', () => {
    const batch = new BatchBuilder();
    batch.mention(batch.story('标题1'), { label: 'Person', name: '李丹' });
    const totals = scorePages([score(goldPage([{}]), batch.build())]).totals;
    expect(totals.people).toEqual({ gold: 0, predicted: 1, matched: 0, precision: 0, recall: 0, f1: 0 });
  });

  it('a perfect extraction, optional items included, scores 1 on every kind', () => {
    const gold = goldPage([
      {
        headline: '芦淞区“放大招” 推动服饰城从业人员二次创业',
        credits: [{ name: '杨凌凌', role: '全媒体记者' }, { name: '杨凌凌', role: '摄影', optional: true }],
        people: [entity('李玉龙')],
        organisations: [entity('新华丽'), { ...entity('农业银行芦淞支行'), optional: true }],
        places: [entity('芦淞区'), entity('芦淞市场群')],
        programmes: [entity('大众创业三年免租'), entity('芦淞区市场主体培育专场招聘会')],
        runs: [
          { organisation: '新华丽', programme: '大众创业三年免租' },
          { organisation: '芦淞区', programme: '芦淞区市场主体培育专场招聘会', optional: true },
        ],
        held_in: [{ programme: '芦淞区市场主体培育专场招聘会', place: '芦淞市场群' }],
        positions: [{ person: '李玉龙', title: '董事长', organisation: '新华丽' }],
      },
    ]);
    const totals = scorePages([score(gold, oracleBatch(gold))]).totals;
    for (const [kind, result] of Object.entries(totals)) {
      expect({ kind, f1: result.f1 }).toEqual({ kind, f1: 1 });
    }
  });
});
