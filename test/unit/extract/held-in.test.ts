import { extractStory } from '../../../src/ingest/extract/story';
import type { StoryExtraction } from '../../../src/ingest/extract/types';

/** Invented stories; HELD_IN is read by findRelations over what extractStory finds. */
function heldIn(body: string, headline = '测试标题'): string[] {
  const x: StoryExtraction = extractStory({ headline, kicker: null, subtitle: null, body, creditNames: [] });
  return x.relations.filter((r) => r.type === 'HELD_IN').map((r) => `${r.from.name}>${r.to.name}`);
}

describe('HELD_IN', () => {
  it('takes 在X举办 through a chain of places, the last and most specific', () => {
    expect(heldIn('当天，“邻里一家亲”志愿服务活动在双清区立新社区举行。')).toEqual(['邻里一家亲>立新社区']);
  });

  it('takes 在X联合开展 with a co-actor word before the verb', () => {
    expect(heldIn('9月9日，市民政局在青荷村联合开展“月圆人团圆”慰问活动。')).toContain('月圆人团圆>青荷村');
  });

  it('does not give the location to a programme named after a comma in the same sentence', () => {
    const found = heldIn('“邻里一家亲”活动在双清区立新社区举行，“阳光助学”基金会的志愿者也来到现场。');
    expect(found).toContain('邻里一家亲>立新社区');
    expect(found.some((h) => h.startsWith('阳光助学'))).toBe(false);
  });

  it('carries the location to the next sentence when it opens on the event\'s site', () => {
    const found = heldIn('“邻里一家亲”活动在双清区立新社区举行。活动现场，开展了“健康小课堂”讲座。');
    expect(found).toEqual(expect.arrayContaining(['邻里一家亲>立新社区', '健康小课堂>立新社区']));
  });

  it('takes the place printed as the programme\'s modifier', () => {
    expect(heldIn('近年来，不少返乡青年受益于桃源县“万人创业工程”。')).toContain('万人创业工程>桃源县');
  });

  it('does not read a brand that starts with a city\'s short form as held in the city', () => {
    expect(heldIn('志愿者擦亮“衡阳蓝”志愿服务品牌。').some((h) => h.endsWith('>衡阳市'))).toBe(false);
  });

  it('takes the most specific of the co-hosts\' places (a community and an estate\'s party branch)', () => {
    expect(heldIn('9月1日晚，由青荷社区、丽景小区党支部主办的“邻里一家亲”联欢晚会举行。')).toEqual(['邻里一家亲>丽景小区']);
  });

  it('does not guess a co-host\'s place when the story names a location it does not know', () => {
    const found = heldIn('9月9日，市民政局联合青荷社区，在长沙北站·星光时代开展“月圆人团圆”慰问活动。');
    expect(found.some((h) => h.startsWith('月圆人团圆'))).toBe(false);
  });

  it('takes the one place the story is about when the body names nothing more specific', () => {
    // A paragraph of its own, so no subject carries over: only the story's place says where.
    const found = heldIn('7月1日，岑川镇妇女技能培训正式开始。\n讲师开展了“巧手编织”课堂，吸引50余人参加。', '岑川镇：妇女技能培训开班');
    expect(found).toEqual(['巧手编织>岑川镇']);
  });

  it('does not take the story\'s place when the body names a more specific one', () => {
    const found = heldIn('7月1日，岑川镇青荷社区开展活动。讲师开展了“巧手编织”课堂。', '岑川镇：妇女技能培训开班');
    expect(found.some((h) => h.endsWith('>岑川镇'))).toBe(false);
  });

  it('reads a bare 在社区… as the community named last', () => {
    expect(heldIn('白沙镇银湖社区位于城东。镇妇联在社区显眼位置设立“爱心驿站”。')).toContain('爱心驿站>银湖社区');
  });

  it('reads a bare 基地 before a quoted model as the base named last, not the tail of an unknown name', () => {
    expect(heldIn('白马镇建有青禾种植基地。专家对基地“技能+就业”帮扶模式给予肯定。')).toContain('技能+就业>青禾种植基地');
    expect(heldIn('示范基地“技能+就业”帮扶模式广受好评。青禾种植基地位于白马镇。').some((h) => h.startsWith('技能+就业'))).toBe(false);
  });

  it('gives 此次…培训班 the location of the training reported earlier with 在X举办', () => {
    const found = heldIn('5月2日，县妇联在白沙镇举办刺绣技能培训班，120名妇女参加。县妇联举办此次刺绣技能培训班，就是要带动妇女就业。');
    expect(found).toEqual(['刺绣技能培训班>白沙镇']);
  });

  it('takes a town of the acting district that the next sentence puts the event in', () => {
    expect(heldIn('3月5日，芦淞区举行2025年义务植树节活动。志愿者分工合作，在白关镇一处荒坡上种下300株樟树。')).toEqual(['2025年义务植树节活动>白关镇']);
  });

  it('keeps the acting district when the next sentence names a town of another district', () => {
    expect(heldIn('3月5日，芦淞区举行2025年义务植树节活动。志愿者分工合作，在云田镇一处荒坡上种下300株樟树。')).toEqual(['2025年义务植树节活动>芦淞区']);
  });

  it('lets the runner\'s own area (在辖区开展) fall back to the runner, and a wider one (在全国开展) to nothing', () => {
    expect(heldIn('近日，白关镇在辖区开展“文明新风”宣传活动。')).toEqual(['文明新风>白关镇']);
    expect(heldIn('近日，白关镇在全国开展“文明新风”宣传活动。')).toEqual([]);
  });

  it('gives a bare level body\'s programme (镇妇联) the one town the story names, none with two', () => {
    expect(heldIn('白沙镇有妇女3000人。镇妇联举办了“巧手编织”培训班，50人参加。')).toEqual(['巧手编织>白沙镇']);
    expect(heldIn('白沙镇和岑川镇有妇女3000人。镇妇联举办了“巧手编织”培训班，50人参加。')).toEqual([]);
  });

  it('takes 在X的活动现场 as the site of the sentence\'s programme, across its commas', () => {
    expect(heldIn('3月1日上午，在白关镇青荷村的活动现场，志愿者开展了“健康小课堂”讲座。')).toEqual(['健康小课堂>青荷村']);
  });

  it('does not choose between two communities for a bare 在社区… when both are named before it', () => {
    expect(heldIn('白沙镇银湖社区位于城东，金桥社区位于城西。镇妇联在社区显眼位置设立“爱心驿站”。').some((h) => h.startsWith('爱心驿站'))).toBe(false);
  });

  it('does not take the story\'s place in a story that names a provincial body', () => {
    expect(heldIn('7月1日，岑川镇妇女技能培训正式开始。\n省妇联负责人介绍，讲师开展了“巧手编织”课堂。', '岑川镇：妇女技能培训开班')).toEqual([]);
  });
});
