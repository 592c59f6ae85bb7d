import { extractStory } from '../../../src/ingest/extract/story';

/** RUNS of an invented story as `runner>programme`. */
function runs(body: string, headline = '测试标题'): string[] {
  return extractStory({ headline, kicker: null, subtitle: null, body, creditNames: [] })
    .relations.filter((r) => r.type === 'RUNS')
    .map((r) => `${r.from.name}>${r.to.name}`);
}

describe('RUNS', () => {
  it('gives every body listed as the subject the programme', () => {
    const found = runs('益阳市民政局、益阳市财政局和赫山区民政局在某村联合开展“月圆情暖”志愿服务活动。');
    expect(found).toEqual(expect.arrayContaining(['益阳市民政局>月圆情暖', '益阳市财政局>月圆情暖', '赫山区民政局>月圆情暖']));
  });

  it('gives co-organisers listed after 联合 the programme with the subject before them', () => {
    const found = runs('岳麓区民政局在区委宣传部的指导下，联合岳麓区妇联、岳麓区团委，在广场开展“邻里守望”公益活动。');
    expect(found).toEqual(expect.arrayContaining(['岳麓区民政局>邻里守望', '岳麓区妇联>邻里守望', '岳麓区团委>邻里守望']));
    expect(found).not.toContain('岳麓区委宣传部>邻里守望');
  });

  it('reads the hosts of 由A、B主办的“P” and of P由A主办，B承办 inside one sentence', () => {
    expect(runs('由市文明办、市妇联举办的“童心向党”主题活动在广场举行。')).toEqual(expect.arrayContaining(['市文明办>童心向党', '市妇联>童心向党']));
    expect(runs('“技能强县”职业技能大赛由县人社局主办，县总工会承办。')).toEqual(expect.arrayContaining(['县人社局>技能强县', '县总工会>技能强县']));
  });

  it('gives a running body printed at the head of the programme\'s name the programme', () => {
    expect(runs('近日，浏阳市委党校第三期中青年干部培训班开班。').some((r) => r.startsWith('浏阳市委党校>'))).toBe(true);
  });

  it('gives a county or body printed right before a quoted name the programme, but not a city as a figure of speech', () => {
    expect(runs('张三是安化县“春雨工程”的受益者之一。')).toContain('安化县>春雨工程');
    expect(runs('李四是我市“匠心杯”大赛的冠军。')).toEqual([]);
  });

  it('carries 该所 and 该局 over as the subject of the next sentence', () => {
    const found = runs('浏阳市司法局今年推出“法润乡村”项目。该局还开展了“送法进村”活动。');
    expect(found).toEqual(expect.arrayContaining(['浏阳市司法局>法润乡村', '浏阳市司法局>送法进村']));
  });

  it('carries no subject over a clause whose subject names no one', () => {
    expect(runs('浏阳市司法局今年推出“法润乡村”项目。社区还开展了“邻里节”。')).not.toContain('浏阳市司法局>邻里节');
  });

  it('does not give bodies that guide or support the work the programme', () => {
    const found = runs('浏阳市司法局在市委宣传部、市文明办的指导下开展“法润乡村”活动。');
    expect(found).toEqual(['浏阳市司法局>法润乡村']);
  });
});
