import { findProgrammes } from '../../../src/ingest/extract/programmes';
import { prepareText, sentenceSpans, type Span } from '../../../src/ingest/extract/sentences';
import { tokenize } from '../../../src/ingest/tokenizer';

/** The programmes of an invented sentence, as `name:KIND`; `named` are the printed bodies/places. */
function programmes(body: string, named: string[] = []): string[] {
  const prepared = prepareText(body);
  const spans: Span[] = named.map((n) => ({ start: prepared.text.indexOf(n), end: prepared.text.indexOf(n) + n.length }));
  return findProgrammes({ prepared, tokens: tokenize(prepared.text), sentences: sentenceSpans(prepared.text), entityNames: new Set(named), named: spans }).map(
    (p) => `${p.name}:${p.kind}`,
  );
}

describe('findProgrammes', () => {
  it('takes a quote with a head noun of a category and gives it that category\'s kind', () => {
    expect(programmes('社区开办了“银发”食堂。')).toContain('银发:SOCIAL_SERVICE');
    expect(programmes('学校开设“匠心”课堂。')).toContain('匠心:TRAINING');
  });

  it('keeps the name\'s own keywords before its head noun\'s category', () => {
    expect(programmes('区里打造“乐业就业驿站”。')).toContain('乐业就业驿站:EMPLOYMENT');
  });

  it('takes a quoted name printed right after a body or a place, with no cue word', () => {
    expect(programmes('区妇联的“巾帼暖心屋”受到欢迎。', ['区妇联'])).toEqual(['巾帼暖心屋:OTHER']);
    expect(programmes('这是某镇“邻里守望”的缩影。', ['某镇'])).toEqual(['邻里守望:OTHER']);
    expect(programmes('这是“邻里守望”的缩影。')).toEqual([]);
  });

  it('never takes a numbered formula or a plan number', () => {
    expect(programmes('区人社局推行“1+N”模式。')).toEqual([]);
    expect(programmes('区里的“十四五”规划。', ['区里'])).toEqual([]);
  });

  it('takes unquoted salons, interviews, tree-planting days and guaranteed start-up loans, with their year', () => {
    expect(programmes('近日，市人社局举行校企合作人才培养交流沙龙活动。').map((p) => p.split(':')[0])).toContain('校企合作人才培养交流沙龙活动');
    expect(programmes('3月12日，某区举行2025年义务植树节活动。').map((p) => p.split(':')[0])).toContain('2025年义务植树节活动');
    expect(programmes('县人社局落实创业担保贷款政策。')).toContain('创业担保贷款:ENTREPRENEURSHIP');
  });

  it('takes a numbered round of a campaign after 开展了', () => {
    expect(programmes('市教育局组织开展了第三批劳动教育示范校和示范区评选工作。').map((p) => p.split(':')[0])).toContain('第三批劳动教育示范校和示范区评选工作');
  });

  it('leaves an event word inside a body\'s name to the body', () => {
    expect(programmes('申请人可到县创业担保贷款中心申报。', ['县创业担保贷款中心'])).toEqual([]);
  });
});

describe('findProgrammes: lists of quoted titles', () => {
  it('takes a title with an exclamation inside when it is listed with programmes', () => {
    const found = programmes('社区开展了“银龄课堂”“快乐吧！少年”等一系列公益活动。').map((p) => p.split(':')[0]);
    expect(found).toEqual(expect.arrayContaining(['银龄课堂', '快乐吧！少年']));
  });
});

describe('findProgrammes: figures of speech', () => {
  it('does not take a figure of speech printed after a body as its programme', () => {
    expect(programmes('区妇联的“娘家人”作用明显。', ['区妇联'])).toEqual([]);
  });
});

describe('findProgrammes: unquoted brands in a list', () => {
  it('takes each name listed before 等…品牌, not activities listed before 等…项目', () => {
    const found = programmes('县人社局培育了攸县月嫂、网岭厨师等劳务品牌，开展了技能培训、就业指导等服务项目。').map((p) => p.split(':')[0]);
    expect(found).toEqual(expect.arrayContaining(['攸县月嫂', '网岭厨师']));
    expect(found).not.toContain('技能培训');
  });
});
