import { extractStory } from '../../../src/ingest/extract/story';
import type { StoryContext, StoryExtraction } from '../../../src/ingest/extract/types';

/** Made-up stories in the paper's style; none is copied from a seed page. */
function extract(body: string, creditNames: string[] = []): StoryExtraction {
  const story: StoryContext = { headline: '测试标题', kicker: null, subtitle: null, body, creditNames };
  return extractStory(story);
}

const names = (items: Array<{ name: string }>): string[] => items.map((i) => i.name);

describe('extractStory: people', () => {
  it('takes a name after a company title and folds later uses into it', () => {
    const x = extract('株洲星河食品有限公司总经理周海涛介绍，今年企业新增岗位80个。周海涛说，招工难题已经缓解。');
    expect(names(x.people)).toEqual(['周海涛']);
    expect(x.people[0].count).toBe(2);
  });

  it('skips anonymised and masked references', () => {
    const x = extract('家住荷塘区的张女士说，工作人员很耐心。违建户主黄某同意拆除。学生王小明（化名）表示很满意。');
    expect(x.people).toEqual([]);
  });

  it('skips national leaders named in passing', () => {
    const x = extract('国务院总理李强在政府工作报告中指出，要稳就业。');
    expect(x.people).toEqual([]);
  });

  it('does not take byline names printed in the body credit', () => {
    const x = extract('活动现场气氛热烈。记者/罗晓峰 摄', ['罗晓峰']);
    expect(x.people).toEqual([]);
  });

  it('reads a name that ends before a speech verb', () => {
    const x = extract('社区网格员陈立介绍，辖区内已完成排查。');
    expect(names(x.people)).toEqual(['陈立']);
  });
});

describe('extractStory: organisations', () => {
  it('types bodies by suffix and keeps the full printed name', () => {
    const x = extract('记者从株洲华信电子科技有限公司获悉，该公司联合湖南铁道职业技术学院开设订单班。');
    const byName = new Map(x.organisations.map((o) => [o.name, o.type]));
    expect(byName.get('株洲华信电子科技有限公司')).toBe('COMPANY');
    expect(byName.get('湖南铁道职业技术学院')).toBe('EDUCATION');
  });

  it('folds a short form into the printed full form of the same body', () => {
    const x = extract('株洲市人力资源和社会保障局发布通知。市人社局相关负责人表示，将加大补贴力度。');
    const body = x.organisations.find((o) => o.name === '株洲市人力资源和社会保障局');
    expect(body?.aliases).toContain('市人社局');
    expect(x.organisations).toHaveLength(1);
  });

  it('never invents a full form that is not printed', () => {
    const x = extract('市残联将为残疾人提供免费培训。');
    expect(names(x.organisations)).toEqual(['市残联']);
  });

  it('takes a 以下简称 abbreviation as an alias', () => {
    const x = extract('株洲云龙小额贷款有限公司（以下简称“云龙小贷”）获评A级。云龙小贷将扩大服务。');
    const body = x.organisations.find((o) => o.name === '株洲云龙小额贷款有限公司');
    expect(body?.aliases).toContain('云龙小贷');
  });

  it('skips generic categories of bodies', () => {
    const x = extract('有关部门正在调查，人社部门表示将跟进。');
    expect(x.organisations).toEqual([]);
  });
});

describe('extractStory: places', () => {
  it('finds divisions with their level and estates with their parent', () => {
    const x = extract('近日，荷塘区宋家桥街道的居民反映，芙蓉社区馨香小区停车难。');
    const byName = new Map(x.places.map((p) => [p.name, p]));
    expect(byName.get('荷塘区')?.level).toBe('DISTRICT');
    expect(byName.get('宋家桥街道')?.level).toBe('SUBDISTRICT');
    const estate = byName.get('馨香小区');
    expect(estate?.level).toBe('ESTATE');
    expect(estate?.parent).toBe('芙蓉社区');
  });

  it('reads 我市 as 株洲市', () => {
    const x = extract('今年，我市新增就业岗位1万个。');
    expect(names(x.places)).toContain('株洲市');
  });

  it('does not count a place printed inside a body name as a mention', () => {
    const x = extract('湖南星辰机械有限公司招聘技术工人。');
    expect(names(x.places)).not.toContain('湖南省');
  });
});

describe('extractStory: programmes and relations', () => {
  it('takes a quoted programme with its head noun and the district that runs it', () => {
    const x = extract('今年以来，石峰区全力打造“幸福就业驿站”服务品牌，帮助困难职工再就业。');
    const programme = x.programmes.find((p) => p.name === '幸福就业驿站');
    expect(programme?.aliases).toContain('“幸福就业驿站”服务品牌');
    expect(programme?.kind).toBe('EMPLOYMENT');
    expect(programme?.targets).toContain('困难职工');
    const runs = x.relations.filter((r) => r.type === 'RUNS');
    expect(runs).toContainEqual(expect.objectContaining({ from: { label: 'Place', name: '石峰区' }, to: { label: 'Programme', name: '幸福就业驿站' } }));
    expect(runs[0].evidence).toContain('“幸福就业驿站”服务品牌');
  });

  it('resolves 该区 to the district named before it', () => {
    const x = extract('芦淞区是服饰产业大区。今年，该区启动“服饰人才培育计划”。');
    const run = x.relations.find((r) => r.type === 'RUNS');
    expect(run?.from).toEqual({ label: 'Place', name: '芦淞区' });
    const held = x.relations.find((r) => r.type === 'HELD_IN');
    expect(held?.to).toEqual({ label: 'Place', name: '芦淞区' });
  });

  it('gives every host of a programme a RUNS relation', () => {
    const x = extract('3月5日，荷塘区举办“春暖就业”专场招聘会。此次招聘会由市人社局主办，荷塘区人社局承办。');
    const runners = x.relations.filter((r) => r.type === 'RUNS').map((r) => r.from.name);
    expect(runners).toEqual(expect.arrayContaining(['荷塘区', '市人社局', '荷塘区人社局']));
  });

  it('skips slogans and films', () => {
    const x = extract('大家纷纷表示要当好“店小二”。镇里组织观看教育片《平凡的坚守》。');
    expect(x.programmes).toEqual([]);
  });

  it('skips mottos of parallel phrases and manner words, unless the paper names them as an event', () => {
    const x = extract('该街道推行“多方参与、协同共治”，打造“管家式”服务。一场名为“学技能，稳就业”的培训活动在社区举行。');
    expect(names(x.programmes)).toEqual(['学技能，稳就业']);
  });

  it('takes titled plans', () => {
    const x = extract('市里印发了《株洲市促进零工就业十条措施》。');
    expect(names(x.programmes)).toEqual(['株洲市促进零工就业十条措施']);
  });

  it('records a position between a body and a person', () => {
    const x = extract('株洲金石服饰有限公司董事长吴建平说，订单已经排到年底。');
    const position = x.relations.find((r) => r.type === 'HOLDS_POSITION');
    expect(position).toEqual(
      expect.objectContaining({ from: { label: 'Person', name: '吴建平' }, to: { label: 'Organisation', name: '株洲金石服饰有限公司' }, title: '董事长' }),
    );
  });

  it('records where a body whose name starts with a place sits', () => {
    const x = extract('天元区人社局组织开展技能培训。天元区共有12个培训点。');
    const based = x.relations.find((r) => r.type === 'BASED_IN');
    expect(based).toEqual(expect.objectContaining({ from: { label: 'Organisation', name: '天元区人社局' }, to: { label: 'Place', name: '天元区' } }));
  });

  it('only relates entities it lists', () => {
    const x = extract('近日，云田镇联合株洲某某物流有限公司举办“物流技能比武”大赛。');
    const listed = new Set([...x.people, ...x.organisations, ...x.places, ...x.programmes].map((e) => e.name));
    for (const r of x.relations) {
      expect(listed.has(r.from.name)).toBe(true);
      expect(listed.has(r.to.name)).toBe(true);
    }
  });
});
