import { cleanPage } from '../../../src/ingest/page';
import { segmentPage } from '../../../src/ingest/segment';

const segment = (lines: string[]) => segmentPage(cleanPage(lines.join('\n')));

describe('segmentPage', () => {
  it('keeps the captions printed inside a story\'s text (without their credit), not one after its last paragraph', () => {
    const { stories } = segment([
      '城南街道举办招聘会',
      '',
      '株洲日报讯(全媒体记者/赵一鸣)6月1日,城南街道在社区广场举办招聘会,现场共有20家企业',
      '',
      '',
      '',
      '株洲恒达电子有限公司的招聘展位前人头攢动。记者/赵一鸣 摄',
      '',
      '参加,提供岗位三百个。',
      '',
      '求职者纷纷前来咨询。',
      '',
      '',
      '',
      '醴陵瓷谷一角。记者/钱多多 摄',
    ]);
    expect(stories).toHaveLength(1);
    expect(stories[0].captions).toEqual(['株洲恒达电子有限公司的招聘展位前人头攢动。']);
    expect(stories[0].paragraphs.join('')).not.toContain('恒达');
    expect(stories[0].credits.map((c) => `${c.name}/${c.role}`)).toEqual(expect.arrayContaining(['赵一鸣/摄影', '钱多多/摄影']));
  });

  it('reads kicker, headline, subtitle, byline credits and body', () => {
    const { stories } = segment([
      '城南街道',
      '',
      '“家门口”招聘会送来岗位三百个',
      '',
      '——记一场社区招聘会',
      '',
      '株洲日报讯(全媒体记者/赵一鸣 通讯员/钱多多 孙悦)6月1日,城南街道在社区广场举办招聘会。',
      '',
      '现场共有20家企业参加。',
    ]);
    expect(stories).toHaveLength(1);
    expect(stories[0]).toMatchObject({
      kicker: '城南街道',
      headline: '“家门口”招聘会送来岗位三百个',
      subtitle: '记一场社区招聘会',
      paragraphs: ['6月1日,城南街道在社区广场举办招聘会。', '现场共有20家企业参加。'],
      credits: [
        { name: '赵一鸣', role: '全媒体记者' },
        { name: '钱多多', role: '通讯员' },
        { name: '孙悦', role: '通讯员' },
      ],
    });
  });

  it('joins a headline printed over two lines with no space', () => {
    const { stories } = segment(['城北社区书屋成为居民的', '', '“第二客厅”', '', '株洲日报全媒体记者/冯远', '', '书屋开放以来,借阅量逐月上升。']);
    expect(stories[0].headline).toBe('城北社区书屋成为居民的“第二客厅”');
    expect(stories[0].kicker).toBeNull();
  });

  it('finds photo-news items by their closing credit and keeps captions as photo credits', () => {
    const { stories } = segment([
      '上一篇标题',
      '',
      '株洲日报讯(全媒体记者/赵一鸣)正文第一段。',
      '',
      '',
      '',
      '居民在新广场跳舞。 记者/赵一鸣 摄',
      '',
      '河道清淤进行时',
      '',
      '5月20日,城西街道组织志愿者清理河道垃圾,共清运淤泥30吨。',
      '',
      '株洲日报全媒体记者/陈晨 通讯员/楚天 摄影报道',
    ]);
    expect(stories.map((s) => s.headline)).toEqual(['上一篇标题', '河道清淤进行时']);
    expect(stories[0].credits).toEqual([
      { name: '赵一鸣', role: '全媒体记者' },
      { name: '赵一鸣', role: '摄影' },
    ]);
    expect(stories[1].credits).toEqual([
      { name: '陈晨', role: '全媒体记者' },
      { name: '楚天', role: '通讯员' },
    ]);
    expect(stories[1].paragraphs).toEqual(['5月20日,城西街道组织志愿者清理河道垃圾,共清运淤泥30吨。']);
  });

  it('sets the section of the stories after a section header and skips editor lines', () => {
    const { stories } = segment([
      '第一篇',
      '',
      '株洲日报讯(记者/赵一鸣)第一篇正文。',
      '',
      '民生·服务',
      '',
      '责任编辑:林木',
      '',
      '第二篇',
      '',
      '株洲日报讯(记者/钱多多)第二篇正文。',
    ]);
    expect(stories.map((s) => [s.headline, s.section])).toEqual([
      ['第一篇', null],
      ['第二篇', '民生·服务'],
    ]);
    expect(stories[0].paragraphs).toEqual(['第一篇正文。']);
  });

  it('does not make a second story from a headline printed twice', () => {
    const { stories } = segment(['河道清淤进行时', '', '河道清淤进行时', '', '株洲日报讯(记者/赵一鸣)正文。']);
    expect(stories).toHaveLength(1);
  });

  it('keeps a page without bylines as one untitled story with a warning', () => {
    const { stories, warnings } = segment(['这是一段没有标题的文字,讲述了社区的变化。', '', '居民们都很满意。']);
    expect(stories).toHaveLength(1);
    expect(stories[0].headline).toBe('这是一段没有标题的文字,讲述了社区的变化。');
    expect(warnings.join(' ')).toMatch(/untitled/u);
  });
});

describe('segmentPage: bylines of other papers and news sites', () => {
  it('skips a web page\'s meta lines between headline and dispatch, credits their authors, never their editors', () => {
    const { stories } = segment([
      '某镇开展志愿服务活动',
      '',
      '2024-03-02 09:10 [来源:某声在线] [编辑:林木]',
      '',
      '作者:韩梅 编辑:石一',
      '',
      '某声在线3月2日讯(通讯员 韩梅 李雷)3月1日,某镇组织志愿者清扫街道。',
      '',
      '活动吸引了许多居民参加。',
      '',
      '(一审:金二 二审:石一)',
    ]);
    expect(stories).toHaveLength(1);
    expect(stories[0].headline).toBe('某镇开展志愿服务活动');
    expect(stories[0].credits).toEqual([
      { name: '韩梅', role: '通讯员' },
      { name: '李雷', role: '通讯员' },
    ]);
    expect(stories[0].paragraphs[0]).toBe('3月1日,某镇组织志愿者清扫街道。');
    expect(stories[0].paragraphs.join('')).not.toContain('一审');
    expect(stories[0].outlets).toEqual(['某声在线']);
  });

  it('credits a bracketed credit closing the last paragraph, and one closing the page', () => {
    const { stories } = segment([
      '某县发放创业贷款',
      '',
      '今年以来,某县发放创业担保贷款500万元。',
      '',
      '截至目前,已有80人受益。(通讯员陶然刘畅)',
      '',
      '(某州晚报融媒体记者/龚平)',
    ]);
    expect(stories).toHaveLength(1);
    expect(stories[0].credits.map((c) => c.name)).toEqual(['陶然', '刘畅', '龚平']);
    expect(stories[0].paragraphs[stories[0].paragraphs.length - 1]).toBe('截至目前,已有80人受益。');
    expect(stories[0].outlets).toEqual(['某州晚报']);
  });

  it('reads a credit line stacked on a closing photo credit as the closing credit of the story above', () => {
    const { stories } = segment([
      '柑橘喜获丰收',
      '',
      '近日,某镇的柑橘迎来丰收,果农忙着采摘。',
      '',
      '株洲日报全媒体记者/冯远',
      '',
      '通讯员/楚天 摄',
    ]);
    expect(stories).toHaveLength(1);
    expect(stories[0].headline).toBe('柑橘喜获丰收');
    expect(stories[0].credits).toEqual([
      { name: '冯远', role: '全媒体记者' },
      { name: '楚天', role: '摄影' },
    ]);
  });
});

describe('segmentPage: a credit line under the last paragraph', () => {
  it('signs the story above instead of starting a story', () => {
    const { stories } = segment(['某社区开展义诊', '', '6月1日,某社区邀请医生为居民义诊,百余名居民受益。', '', '记者 冯远 通讯员 楚天']);
    expect(stories).toHaveLength(1);
    expect(stories[0].headline).toBe('某社区开展义诊');
    expect(stories[0].credits.map((c) => `${c.name}/${c.role}`)).toEqual(['冯远/记者', '楚天/通讯员']);
  });
});
