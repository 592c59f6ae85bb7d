import { cleanPage, type PageBlock } from '../../../src/ingest/page';

const texts = (blocks: PageBlock[], kind: PageBlock['kind']): string[] => blocks.filter((b) => b.kind === kind).map((b) => b.text);

describe('cleanPage', () => {
  it('re-joins a paragraph broken across a caption and keeps the photographer', () => {
    const page = [
      '城北街道办起夜校',
      '',
      '株洲日报讯(全媒体记者/赵一鸣)近日,城北街道联合辖区企业开办技能夜校,首批学员来自周边社区,课程包括电工、焊工和',
      '',
      '',
      '',
      '学员在夜校练习焊接。记者/赵一鸣摄',
      '',
      '家政服务等实用技能。',
    ].join('\n');
    const { blocks } = cleanPage(page);
    expect(texts(blocks, 'prose')).toEqual(['近日,城北街道联合辖区企业开办技能夜校,首批学员来自周边社区,课程包括电工、焊工和家政服务等实用技能。']);
    const caption = blocks.find((b) => b.kind === 'caption');
    expect(caption?.credits).toEqual([{ name: '赵一鸣', role: '摄影' }]);
  });

  it('joins a short fragment when a word runs across the break, but not a headline', () => {
    const page = ['第一段写完了。', '', '针对存在重大安', '', '全隐患的房屋,街道制定了方案。', '', '社区书屋开放', '', '株洲日报全媒体记者/钱多多'].join('\n');
    const { blocks } = cleanPage(page);
    expect(texts(blocks, 'prose')).toContain('针对存在重大安全隐患的房屋,街道制定了方案。');
    expect(texts(blocks, 'heading')).toEqual(['社区书屋开放']);
  });

  it('drops a paragraph printed twice, keeping the copy the layout continues', () => {
    const repeated = '为推进项目建设,打造一流营商环境,该区坚持服务前置,压缩报批时限。';
    const page = ['标题一行', '', '株洲日报全媒体记者/钱多多', '', repeated, '', '一 审批做减法', '', repeated].join('\n');
    const { blocks } = cleanPage(page);
    expect(texts(blocks, 'prose').filter((t) => t === repeated)).toHaveLength(1);
    expect(blocks.findIndex((b) => b.text === repeated)).toBeGreaterThan(blocks.findIndex((b) => b.text === '一 审批做减法'));
  });

  it('marks ads, promos, editor lines and section headers as non-story blocks', () => {
    const page = [
      '最后一段正文到此结束。',
      '',
      '▶出门随手关灯',
      '',
      '▶节约每一度电',
      '',
      '节能从我做起',
      '',
      '株洲日报宣',
      '',
      '公益广告',
      '',
      '设计/某某',
      '',
      '民生·服务',
      '',
      '责任编辑:林木',
    ].join('\n');
    const { blocks } = cleanPage(page);
    expect(texts(blocks, 'prose')).toEqual(['最后一段正文到此结束。']);
    expect(texts(blocks, 'section')).toEqual(['民生·服务']);
    expect(blocks.filter((b) => b.kind === 'noise')).toHaveLength(7);
  });

  it('treats a short line between a picture gap and a byline as a caption', () => {
    const page = ['老旧小区装上电梯', '', '', '', '5月1日,居民们试乘新电梯。', '', '株洲日报讯(全媒体记者/赵一鸣)建成30年的小区,终于有了电梯。'].join('\n');
    const { blocks } = cleanPage(page);
    expect(texts(blocks, 'caption')).toEqual(['5月1日,居民们试乘新电梯。']);
  });

  it('removes OCR spaces inside Chinese prose but not inside headlines', () => {
    const { blocks } = cleanPage('城东 城西齐发力\n\n株洲日报全媒体记者/钱多多\n\n3 月8日,国际劳动妇 女节当天,招聘会举行。');
    expect(texts(blocks, 'heading')).toEqual(['城东 城西齐发力']);
    expect(texts(blocks, 'prose')).toEqual(['3月8日,国际劳动妇女节当天,招聘会举行。']);
  });
});
