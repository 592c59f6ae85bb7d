import { isOutlet, parseByline, parseCaptionCredit } from '../../../src/ingest/extract/credits';

describe('parseByline: dispatch bylines', () => {
  it('reads the slash form and returns the story text after it', () => {
    expect(parseByline('株洲日报讯(全媒体记者/赵一鸣 通讯员/钱多多) 近日,某街道举办活动。')).toEqual({
      credits: [
        { name: '赵一鸣', role: '全媒体记者' },
        { name: '钱多多', role: '通讯员' },
      ],
      rest: '近日,某街道举办活动。',
      lead: '',
      photo: false,
      placement: 'dispatch',
      outlets: ['株洲日报'],
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

  it('reads roles and names separated by spaces only, or by nothing', () => {
    expect(parseByline('某江日报6月3日讯(全媒体记者 韩梅 通讯员 李雷 王芳芳)2日,某镇召开会议。')).toMatchObject({
      credits: [
        { name: '韩梅', role: '全媒体记者' },
        { name: '李雷', role: '通讯员' },
        { name: '王芳芳', role: '通讯员' },
      ],
      rest: '2日,某镇召开会议。',
      placement: 'dispatch',
      outlets: ['某江日报'],
    });
    expect(parseByline('某山新闻网讯(记者孟浩 通讯员邓小雨)日前,')?.credits).toEqual([
      { name: '孟浩', role: '记者' },
      { name: '邓小雨', role: '通讯员' },
    ]);
  });

  it('credits names printed without a role, with role null, when each starts with a surname', () => {
    expect(parseByline('本报讯(周 明 罗一帆)5月1日,某县举办培训班。')?.credits).toEqual([
      { name: '周明', role: null },
      { name: '罗一帆', role: null },
    ]);
    expect(parseByline('本报讯(活动现场)5月1日')?.credits).toEqual([]);
  });

  it('takes any masthead with a date, the outlet parts, and a masthead inside the brackets', () => {
    expect(parseByline('某某日报·某某在线3月9日讯(通讯员 秦川)3月8日,')).toMatchObject({
      credits: [{ name: '秦川', role: '通讯员' }],
      outlets: ['某某日报·某某在线', '某某日报', '某某在线'],
    });
    expect(parseByline('本报讯(某州晚报融媒体记者/龚平)日前,')).toMatchObject({ credits: [{ name: '龚平', role: '全媒体记者' }], outlets: ['某州晚报'] });
    expect(parseByline('某某网某县站讯 6月1日,县里召开大会。')).toMatchObject({ credits: [], rest: '6月1日,县里召开大会。', placement: 'dispatch' });
  });

  it('needs a masthead or a date before 讯', () => {
    expect(parseByline('喜讯 传来')).toBeNull();
    expect(parseByline('通讯员/彭一 摄')?.placement).toBe('closing');
  });
});

describe('parseByline: standalone and closing credits', () => {
  it('reads standalone opening bylines and closing photo credits', () => {
    expect(parseByline('株洲日报全媒体记者/冯远')).toMatchObject({ credits: [{ name: '冯远', role: '全媒体记者' }], photo: false, placement: 'opening' });
    expect(parseByline('株洲日报全媒体记者/冯远 文/图')).toMatchObject({ photo: false, placement: 'opening' });
    expect(parseByline('株洲日报全媒体记者/陈晨 通讯员/楚天 摄影报道')).toMatchObject({
      credits: [
        { name: '陈晨', role: '全媒体记者' },
        { name: '楚天', role: '通讯员' },
      ],
      photo: true,
      placement: 'closing',
    });
    expect(parseByline('全媒体记者/冯远 摄')).toMatchObject({ photo: true });
    expect(parseByline('记者 冯远 通讯员 楚天 何一')?.credits.map((c) => c.role)).toEqual(['记者', '通讯员', '通讯员']);
  });

  it('reads 文/图 and 作者 labels and a bare name before 摄', () => {
    expect(parseByline('文/图 冯远')?.credits).toEqual([{ name: '冯远', role: '摄影' }]);
    expect(parseByline('冯远 摄')).toMatchObject({ credits: [{ name: '冯远', role: '摄影' }], photo: true, placement: 'closing' });
    expect(parseByline('(冯远 楚天 摄)')?.credits.map((c) => c.role)).toEqual(['摄影', '摄影']);
    expect(parseByline('作者:冯远')).toMatchObject({ credits: [{ name: '冯远', role: null }], placement: 'meta' });
  });

  it('reads one-character labels before a slash, print marks, 报道 and roles without a fixed value', () => {
    expect(parseByline('文/冯远 图/楚天')?.credits).toEqual([
      { name: '冯远', role: null },
      { name: '楚天', role: '摄影' },
    ]);
    expect(parseByline('通讯员/文一鸣')?.credits).toEqual([{ name: '文一鸣', role: '通讯员' }]);
    expect(parseByline('□本报记者 冯远')).toMatchObject({ credits: [{ name: '冯远', role: '记者' }], placement: 'opening', outlets: [] });
    expect(parseByline('记者 冯远 报道')?.credits).toEqual([{ name: '冯远', role: '记者' }]);
    expect(parseByline('文/本报记者 冯远')?.credits).toEqual([{ name: '冯远', role: '记者' }]);
    expect(parseByline('新华社某地5月1日电(记者 冯远 实习生 楚天)')?.credits).toEqual([
      { name: '冯远', role: '记者' },
      { name: '楚天', role: null },
    ]);
  });

  it('reads a closing credit in brackets, alone or after the last sentence of a paragraph', () => {
    expect(parseByline('(某州晚报融媒体记者/龚平)')).toMatchObject({ credits: [{ name: '龚平', role: '全媒体记者' }], placement: 'closing', outlets: ['某州晚报'] });
    expect(parseByline('截至目前,已发放贷款300万元。(通讯员陶然刘畅)')).toMatchObject({
      lead: '截至目前,已发放贷款300万元。',
      credits: [
        { name: '陶然', role: '通讯员' },
        { name: '刘畅', role: '通讯员' },
      ],
      placement: 'closing',
    });
    expect(parseByline('活动受到居民好评。(罗一帆)')?.credits).toEqual([{ name: '罗一帆', role: null }]);
    expect(parseByline('他说,这是好事(真的)')).toBeNull();
    expect(parseByline('活动受到居民好评。(图片由社区提供)')).toBeNull();
  });

  it('leaves prose alone and never credits editors', () => {
    expect(parseByline('责任编辑:林木 美术编辑:森 林')).toMatchObject({ credits: [], placement: 'meta' });
    expect(parseByline('(一审:林木 二审:石一 三审:金二)')).toMatchObject({ credits: [] });
    expect(parseByline('记者获悉,今年以来全区新增就业岗位')).toBeNull();
    expect(parseByline('记者/冯远说,这次活动吸引了很多居民前来参加,现场气氛热烈,大家纷纷表示收获很大。')).toBeNull();
    expect(parseByline('张三 李四')).toBeNull();
    expect(parseByline('记者手记')).toBeNull();
    expect(parseByline('记者了解到')).toBeNull();
    expect(parseByline('记者/咏洲')?.credits).toEqual([{ name: '咏洲', role: '记者' }]);
  });
});

describe('parseByline: web meta lines', () => {
  it('reads authors, and the outlet of a source line, and skips editors and times', () => {
    expect(parseByline('作者:冯远 编辑:林木')).toMatchObject({ credits: [{ name: '冯远', role: null }], placement: 'meta' });
    expect(parseByline('发布时间:2024-01-02 来源:某声在线 编辑:林木')).toMatchObject({ credits: [], outlets: ['某声在线'] });
    expect(parseByline('2024-01-02 10:20  [来源:某某网]   [编辑:林木]')).toMatchObject({ credits: [], outlets: ['某某网'] });
    expect(parseByline('来源: 某某网某市站')?.outlets).toEqual(['某某网某市站']);
    expect(parseByline('来源:某区人民政府 时间:2024-01-02')?.outlets).toEqual([]);
  });

  it('reads names printed with an outlet and a time under the headline', () => {
    expect(parseByline('韩梅 李雷  某某工人报  2024-01-02 08:00:00')).toMatchObject({
      credits: [
        { name: '韩梅', role: null },
        { name: '李雷', role: null },
      ],
      outlets: ['某某工人报'],
      placement: 'meta',
    });
  });

  it('does not read crew lists as credits', () => {
    expect(parseByline('拍摄:韩梅 李雷 王芳芳')).toMatchObject({ credits: [] });
    expect(parseByline('(编辑 石一)')).toMatchObject({ credits: [], placement: 'meta' });
    expect(parseByline('作者 韩梅 编辑 石一')).toMatchObject({ credits: [{ name: '韩梅', role: null }], placement: 'meta' });
  });
});

describe('isOutlet', () => {
  it('knows mastheads and words ending in an outlet word', () => {
    expect(isOutlet('株洲日报·掌上株洲')).toBe(true);
    expect(isOutlet('某某新闻网')).toBe(true);
    expect(isOutlet('某区人民政府')).toBe(false);
    expect(isOutlet('某区人民政府网站')).toBe(true);
    expect(isOutlet('报')).toBe(false);
  });
});

describe('parseCaptionCredit', () => {
  it('credits the photographer of a caption with role 摄影', () => {
    expect(parseCaptionCredit('工人们在车间里忙碌。记者/冯远摄')).toEqual({ caption: '工人们在车间里忙碌。', credits: [{ name: '冯远', role: '摄影' }] });
    expect(parseCaptionCredit('▲志愿者清理河道。 株洲日报通讯员/楚天 供图')?.credits).toEqual([{ name: '楚天', role: '摄影' }]);
    expect(parseCaptionCredit('▲新城一角。明月 摄')?.credits).toEqual([{ name: '明月', role: '摄影' }]);
    expect(parseCaptionCredit('▲舞蹈表演。 通讯员/楚天 何一摄')?.credits.map((c) => c.name)).toEqual(['楚天', '何一']);
    expect(parseCaptionCredit('志愿者在清理河道。(冯远 摄)')).toEqual({ caption: '志愿者在清理河道。', credits: [{ name: '冯远', role: '摄影' }] });
    expect(parseByline('志愿者在清理河道。(冯远 摄)')).toBeNull();
  });

  it('recognises anonymous picture sources', () => {
    expect(parseCaptionCredit('园区一角。通讯员供图')).toEqual({ caption: '园区一角。', credits: [] });
    expect(parseCaptionCredit('比赛现场(资料图)。')).toEqual({ caption: '比赛现场', credits: [] });
  });

  it('does not read a verb ending in 摄 as a credit', () => {
    expect(parseCaptionCredit('他们正在拍摄')).toBeNull();
  });
});
