import { parseByline, parseCaptionCredit } from '../../../src/ingest/extract/credits';

describe('parseByline', () => {
  it('reads the dispatch form and returns the story text after it', () => {
    expect(parseByline('株洲日报讯(全媒体记者/赵一鸣 通讯员/钱多多) 近日,某街道举办活动。')).toEqual({
      credits: [
        { name: '赵一鸣', role: '全媒体记者' },
        { name: '钱多多', role: '通讯员' },
      ],
      rest: '近日,某街道举办活动。',
      photo: false,
      dispatch: true,
    });
  });

  it('splits several names after one role and roles printed without a space', () => {
    expect(parseByline('株洲日报·掌上株洲讯(记者/孙悦 通讯员/周一 吴二三) 3月1日')?.credits).toEqual([
      { name: '孙悦', role: '记者' },
      { name: '周一', role: '通讯员' },
      { name: '吴二三', role: '通讯员' },
    ]);
    expect(parseByline('株洲日报(全媒体记者/郑好通讯员/王小明)5月2日,')?.credits.map((c) => c.name)).toEqual(['郑好', '王小明']);
  });

  it('reads standalone opening bylines and closing photo credits', () => {
    expect(parseByline('株洲日报全媒体记者/冯远')).toMatchObject({ credits: [{ name: '冯远', role: '全媒体记者' }], photo: false, dispatch: false });
    expect(parseByline('株洲日报全媒体记者/冯远 文/图')).toMatchObject({ photo: false });
    expect(parseByline('株洲日报全媒体记者/陈晨 通讯员/楚天 摄影报道')).toMatchObject({
      credits: [
        { name: '陈晨', role: '全媒体记者' },
        { name: '楚天', role: '通讯员' },
      ],
      photo: true,
    });
    expect(parseByline('全媒体记者/冯远 摄')).toMatchObject({ photo: true });
  });

  it('leaves editor lines and prose alone', () => {
    expect(parseByline('责任编辑:林木 美术编辑:森 林')).toBeNull();
    expect(parseByline('记者获悉,今年以来全区新增就业岗位')).toBeNull();
    expect(parseByline('记者/冯远说,这次活动吸引了很多居民前来参加,现场气氛热烈,大家纷纷表示收获很大。')).toBeNull();
  });
});

describe('parseCaptionCredit', () => {
  it('credits the photographer of a caption with role 摄影', () => {
    expect(parseCaptionCredit('工人们在车间里忙碌。记者/冯远摄')).toEqual({ caption: '工人们在车间里忙碌。', credits: [{ name: '冯远', role: '摄影' }] });
    expect(parseCaptionCredit('▲志愿者清理河道。 株洲日报通讯员/楚天 供图')?.credits).toEqual([{ name: '楚天', role: '摄影' }]);
    expect(parseCaptionCredit('▲新城一角。明月 摄')?.credits).toEqual([{ name: '明月', role: '摄影' }]);
  });

  it('recognises anonymous picture sources', () => {
    expect(parseCaptionCredit('园区一角。通讯员供图')).toEqual({ caption: '园区一角。', credits: [] });
    expect(parseCaptionCredit('比赛现场(资料图)。')).toEqual({ caption: '比赛现场', credits: [] });
  });

  it('does not read a verb ending in 摄 as a credit', () => {
    expect(parseCaptionCredit('他们正在拍摄')).toBeNull();
  });
});
