import { extractStory } from '../../../src/ingest/extract/story';
import type { StoryContext, StoryExtraction } from '../../../src/ingest/extract/types';

/** Made-up stories in the paper's style; none is copied from a seed page. */
function extract(body: string, headline = '测试标题'): StoryExtraction {
  const story: StoryContext = { headline, kicker: null, subtitle: null, body, creditNames: [] };
  return extractStory(story);
}

const names = (items: Array<{ name: string }>): string[] => items.map((i) => i.name);
const rel = (x: StoryExtraction, type: string): string[] => x.relations.filter((r) => r.type === type).map((r) => `${r.from.name}>${r.to.name}`);

describe('extractStory: places named outside the body text proper', () => {
  it('lists foreign countries that stand as places, with level COUNTRY', () => {
    const x = extract('学员毕业后有的去往了泰国、日本等地工作。');
    const byName = new Map(x.places.map((p) => [p.name, p.level]));
    expect(byName.get('泰国')).toBe('COUNTRY');
    expect(byName.get('日本')).toBe('COUNTRY');
  });

  it('does not take a country glued to a noun as a modifier', () => {
    const x = extract('志愿者集中清除“美国白蛾”虫害。');
    expect(x.places.filter((p) => p.level === 'COUNTRY')).toEqual([]);
  });

  it('lists a district printed only at the start of a bureau name', () => {
    const x = extract('近日，渌口区农业农村局组织农技人员下乡指导。');
    expect(names(x.places)).toContain('渌口区');
  });

  it('does not list the province printed at the start of a body name', () => {
    const x = extract('湖南省地方金融监督管理局近日公布评级结果。');
    expect(names(x.places)).not.toContain('湖南省');
  });

  it('lists a division printed in the headline only', () => {
    const x = extract('该镇组织志愿者清理卫生死角20余处。', '龙门镇开展环境整治');
    expect(names(x.places)).toContain('龙门镇');
  });

  it('takes a named industrial community by its suffix', () => {
    const x = extract('清水塘新材料产业社区组织企业开展安全检查。');
    expect(names(x.places)).toContain('清水塘新材料产业社区');
  });
});

describe('extractStory: party branches and positions', () => {
  it('takes a community party committee printed before 书记 as a body with the position', () => {
    const x = extract('建设社区党委书记刘红梅介绍，辖区已完成改造。');
    expect(names(x.organisations)).toContain('建设社区党委');
    expect(rel(x, 'HOLDS_POSITION')).toContain('刘红梅>建设社区党委');
  });
});

describe('extractStory: runs and held_in', () => {
  it('gives programmes listed after a generic announcement to its subject, and holds them there', () => {
    const x = extract('今年以来，攸县各乡镇积极开展特色就业项目。“乡厨学堂”培训平台、“茶乡月嫂”等，让群众就近就业；“电商新农人”等特色劳务品牌，带动产业发展。');
    expect(rel(x, 'RUNS')).toEqual(expect.arrayContaining(['攸县>乡厨学堂', '攸县>茶乡月嫂', '攸县>电商新农人']));
    expect(rel(x, 'HELD_IN')).toEqual(expect.arrayContaining(['乡厨学堂>攸县', '电商新农人>攸县']));
  });

  it('holds a programme run by the city in the city', () => {
    const x = extract('我市计划推出“技能株洲”行动，覆盖全部园区企业。');
    expect(rel(x, 'HELD_IN')).toContain('技能株洲>株洲市');
  });

  it('holds a programme in the place its name starts with when nothing else is said', () => {
    const x = extract('近日，醴陵市家政服务人员培训班开班。');
    expect(rel(x, 'HELD_IN')).toContain('醴陵市家政服务人员培训班>醴陵市');
  });

  it('holds a programme where the running body went in, not where the body is based', () => {
    const x = extract('攸县城市管理局工作组进驻联星街道新华社区，开展走访调研，以“暖心小院”项目为抓手，改造公共空间。');
    expect(rel(x, 'RUNS')).toContain('攸县城市管理局>暖心小院');
    expect(rel(x, 'HELD_IN')).toContain('暖心小院>新华社区');
  });
});

describe('extractStory: unquoted programmes', () => {
  const programmes = (x: StoryExtraction): string[] => x.programmes.map((p) => p.name);

  it('takes a campaign named by an object and a verb (质量提升行动) but not a clause (迅速行动)', () => {
    expect(programmes(extract('近年来，政府质量提升行动、贴息贷款等政策相继出台。'))).toContain('政府质量提升行动');
    expect(programmes(extract('接到举报后，龙泉街道执法中队立即行动，赶赴现场。'))).toEqual([]);
  });

  it('takes an acronym-named course', () => {
    expect(programmes(extract('她先后参加了GYB创业培训和电商课程。'))).toContain('GYB创业培训');
  });

  it('takes a model project printed after a count', () => {
    const x = extract('全区计划打造20个以上校企共建示范项目，带动青年就业。');
    expect(programmes(x)).toContain('校企共建示范项目');
  });

  it('keeps the printed year and two joined nouns in an event name that starts with a place', () => {
    const x = extract('近日，2023年度醴陵市社区工作者和网格员培训活动举行。');
    expect(programmes(x)).toContain('2023年度醴陵市社区工作者和网格员培训活动');
  });

  it('does not take a ranked category as a programme', () => {
    expect(programmes(extract('该园区获评2021年度省级创业孵化基地。'))).toEqual([]);
  });

  it('folds a shorter reprint of an event into the first one as an alias', () => {
    const x = extract('今年以来，该区开展老旧楼栋电梯加装攻坚行动。围绕楼栋电梯加装攻坚行动，街道组织居民协商。');
    expect(programmes(x)).toEqual(['老旧楼栋电梯加装攻坚行动']);
    expect(x.programmes[0].aliases).toContain('楼栋电梯加装攻坚行动');
  });

  it('takes a campaign named as the object of a run verb, with its runner', () => {
    const x = extract('今年5月起，醴陵市大力实施城乡环境提质三年行动。全市开展背街小巷综合治理工作。');
    expect(programmes(x)).toEqual(expect.arrayContaining(['城乡环境提质三年行动', '背街小巷综合治理工作']));
    expect(rel(x, 'RUNS')).toContain('醴陵市>城乡环境提质三年行动');
  });

  it('leaves routine duties after a run verb out, and lets a quoted name inside speak for itself', () => {
    const x = extract('社区开展日常巡查工作。街道在辖区开展网格员“敲门入户”工作。全区启动集中接种工作。');
    expect(programmes(x)).toEqual(['敲门入户']);
  });

  it('takes a parallel motto that names the mechanism printed after 的', () => {
    const x = extract('攸县建立了“一网统管、多方协同”的基层治理机制。');
    expect(programmes(x)).toEqual(['一网统管、多方协同']);
    expect(rel(x, 'RUNS')).toEqual(['攸县>一网统管、多方协同']);
  });

  it('takes cups, camps and exams as named events, and a two-character quote only with a specific head', () => {
    const x = extract('市总工会举办“湘江杯”技能竞赛。学生参加了“醴陵市青少年科技夏令营”。全市推行“三联”共建机制，开展“双创”工作。该院组织全国美术书法等级考试报名。');
    expect(programmes(x)).toEqual(expect.arrayContaining(['湘江杯', '醴陵市青少年科技夏令营', '三联', '美术书法等级考试']));
    expect(programmes(x)).not.toContain('双创');
  });

  it('reads a campaign carried out across the whole district as the district\'s', () => {
    const x = extract('攸县扎实推进乡村治理。\n在全县范围内开展“屋场恳谈”活动，收集群众意见。');
    expect(rel(x, 'RUNS')).toContain('攸县>屋场恳谈');
  });

  it('finds the place of an event whose name starts with a printed year', () => {
    const x = extract('11月3日，2022年度醴陵市青年干部能力提升培训班开班。');
    expect(rel(x, 'HELD_IN')).toContain('2022年度醴陵市青年干部能力提升培训班>醴陵市');
  });

  it('takes the vehicle of a body\'s work, quoted with a head noun or unquoted, as a programme it runs', () => {
    const x = extract('今年，市妇联将以“巾帼建功年”活动为抓手推动工作。醴陵经开区以惠企行动为抓手，优化服务。');
    expect(programmes(x)).toEqual(expect.arrayContaining(['巾帼建功年', '惠企行动']));
    // 醴陵经开区 is the gazetteer's 湖南醴陵经济开发区.
    expect(rel(x, 'RUNS')).toEqual(expect.arrayContaining(['市妇联>巾帼建功年', '湖南醴陵经济开发区>惠企行动']));
  });

  it('takes a named fund', () => {
    expect(programmes(extract('该市设立醴陵市陶瓷产业发展基金，支持企业转型。'))).toContain('醴陵市陶瓷产业发展基金');
  });
});

describe('extractStory: places inside bodies\' names', () => {
  it('names a town or street of the city printed inside a local body\'s name, but not a city elsewhere', () => {
    const x = extract('云田镇控违中队联合深圳市福田区政务服务数据管理局开展活动。');
    expect(names(x.places)).toContain('云田镇');
    expect(names(x.places)).not.toContain('深圳市');
  });
});

describe('extractStory: the city\'s high-tech zone', () => {
  it('reads a bare 高新区 as 株洲高新区 wherever it is printed', () => {
    const x = extract('该企业立足高新区、深耕园区。');
    expect(x.places.map((p) => [p.name, p.code, p.aliases])).toEqual([['株洲高新技术产业开发区', '4302x01', ['高新区']]]);
  });
});

describe('extractStory: provincial departments and shared titles', () => {
  it('takes a 厅 as a government body, but not a hall', () => {
    const x = extract('省教育厅副厅长王建国到场指导。群众可在政务服务大厅办理。');
    expect(names(x.organisations)).toEqual(['省教育厅']);
    expect(rel(x, 'HOLDS_POSITION')).toEqual(['王建国>省教育厅']);
  });

  it('takes a district party committee, but not as the head of its own department', () => {
    expect(names(extract('攸县县委书记刘明参加。').organisations)).toEqual(['攸县县委']);
    expect(names(extract('醴陵市委宣传部举办活动。').organisations)).toEqual(['醴陵市委宣传部']);
  });

  it('takes numbered schools printed short (醴陵市一中)', () => {
    const x = extract('醴陵市一中、攸县二中的学生参加比赛，其中一中队获奖。');
    expect(names(x.organisations)).toEqual(['醴陵市一中', '攸县二中']);
  });

  it('takes short names listed before 等N家…企业 as firms, and their city prefixes not as places', () => {
    const x = extract('醴陵市先后引进了长沙博瓷、广州华陶等30余家陶瓷企业。园区吸引了北京、上海等20家企业入驻。');
    expect(names(x.organisations)).toEqual(['长沙博瓷', '广州华陶']);
    expect(names(x.places)).toEqual(expect.arrayContaining(['醴陵市', '北京市', '上海市']));
    expect(names(x.places)).not.toContain('长沙市');
  });

  it('takes an unsuffixed firm name printed before an executive title', () => {
    const x = extract('记者联系上醴陵城投副总经理王建华，该公司总经理刘强也在场。');
    expect(names(x.organisations)).toEqual(['醴陵城投']);
    expect(rel(x, 'HOLDS_POSITION')).toContain('王建华>醴陵城投');
  });

  it('leaves centres named only by what they do, and keeps branded or placed ones', () => {
    const x = extract('职工可到职工服务中心咨询，全县各乡镇（街道）便民服务中心设立专窗，阳光托养中心组织学员活动，市政务服务中心开设专区。');
    expect(names(x.organisations).sort()).toEqual(['市政务服务中心', '阳光托养中心'].sort());
  });

  it('gives names listed after a titled name the same body', () => {
    const x = extract('市卫健委党组成员、副主任刘明、陈红参加活动。');
    expect(rel(x, 'HOLDS_POSITION')).toEqual(expect.arrayContaining(['刘明>市卫健委', '陈红>市卫健委']));
  });
});

describe('extractStory: founders and house-style provinces', () => {
  it('gives the founder of a body printed as X创办的Y', () => {
    const x = extract('这些年，刘建国创办的株洲市星光职业培训学校培训学员上万人次。');
    expect(x.relations.find((r) => r.type === 'HOLDS_POSITION' && r.from.name === '刘建国')?.to.name).toBe('株洲市星光职业培训学校');
  });

  it('does not list a province printed only as the start of a programme or a quoted honour', () => {
    const x = extract('该校获得了“湖南省巾帼建功先进集体”等荣誉。湖南省大学生创业孵化基地正在招募入驻项目。');
    expect(names(x.places)).not.toContain('湖南省');
  });
});

describe('extractStory: district campaigns', () => {
  it('takes a named three-year campaign a district pushes forward, held in that district', () => {
    const x = extract('今年以来，攸县聚焦乡村振兴，统筹推进农村道路提质三年行动。');
    expect(rel(x, 'RUNS')).toContain('攸县>农村道路提质三年行动');
    expect(rel(x, 'HELD_IN')).toContain('农村道路提质三年行动>攸县');
  });

  it('holds a bureau’s programme in the district its name starts with, even when only printed there', () => {
    const x = extract('醴陵市人社局相关负责人介绍，今年该局启动“技能醴陵”行动，培训职工2000人。');
    expect(rel(x, 'HELD_IN')).toContain('技能醴陵>醴陵市');
  });
});

describe('extractStory: titles printed after the body', () => {
  it('reads X是Y的创办人 and X现任Y总经理', () => {
    const a = extract('周丽华是株洲市阳光职业培训学校的创办人，从业20年。');
    expect(rel(a, 'HOLDS_POSITION')).toContain('周丽华>株洲市阳光职业培训学校');
    const b = extract('王建军现任株洲天成机械有限公司总经理。');
    expect(names(b.organisations)).toEqual(['株洲天成机械有限公司']);
    expect(rel(b, 'HOLDS_POSITION')).toContain('王建军>株洲天成机械有限公司');
  });
});
