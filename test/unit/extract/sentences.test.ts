import { clauseSpans, evidence, prepareText, sentenceSpans } from '../../../src/ingest/extract/sentences';

describe('prepareText', () => {
  it('drops line-break spaces between Chinese characters and maps back to the printed text', () => {
    const p = prepareText('开展了"春风行动·百企 万岗"招聘会, 效果好');
    expect(p.text).toBe('开展了“春风行动·百企万岗”招聘会，效果好');
    expect(p.original.slice(p.toOriginal[3], p.toOriginal[4])).toBe('"');
  });

  it('keeps spaces between Latin words', () => {
    expect(prepareText('SYB 创业培训 and GYB training').text).toBe('SYB创业培训and GYB training');
  });
});

describe('sentence and clause spans', () => {
  it('does not split inside quotation marks', () => {
    const text = prepareText('举办“轻创业，直通未来”大讲堂。随后开展培训').text;
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['举办“轻创业，直通未来”大讲堂', '随后开展培训']);
    expect(clauseSpans(text)).toHaveLength(2);
  });

  it('copies evidence exactly from the printed body', () => {
    const p = prepareText('今年以来,该区全力打造"乐业石峰"服务品牌,成效明显。');
    const at = p.text.indexOf('打造');
    expect(evidence(p, { start: at, end: at + 2 })).toBe('该区全力打造"乐业石峰"服务品牌');
  });
});
