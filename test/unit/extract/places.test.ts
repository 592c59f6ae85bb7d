import { findPlaces, type PlaceFound } from '../../../src/ingest/extract/places';
import { tokenize } from '../../../src/ingest/tokenizer';
import { prepareText } from '../../../src/ingest/extract/sentences';

/** findPlaces on its own, over invented sentences (no organisation spans unless given). */
function places(body: string, organisationSpans: Array<{ start: number; end: number }> = []): PlaceFound[] {
  const prepared = prepareText(body);
  return findPlaces({ prepared, tokens: tokenize(prepared.text), organisationSpans }).places;
}
const byName = (body: string): Map<string, PlaceFound> => new Map(places(body).map((p) => [p.name, p]));

describe('findPlaces: namesakes and misprints', () => {
  it('gives a shared town name no code when the story does not say which one it is', () => {
    const town = byName('双龙镇举办了一场苗绣培训。').get('双龙镇');
    expect(town).toMatchObject({ level: 'TOWN', code: null, parent: null });
  });

  it('reads a misprint of a 株洲 name in a story about 株洲 places', () => {
    expect(byName('芦淞区和涪口区签订协议。').get('渌口区')?.aliases).toContain('涪口区');
  });

  it('reads a misprint printed right after its city (株洲市涪口区)', () => {
    expect(byName('株洲市涪口区全面推行林长制。').get('渌口区')?.aliases).toContain('涪口区');
  });

  it('does not read an ordinary word and 区 as a misprint (入口区 is not 渌口区)', () => {
    expect(byName('芦淞区在景区入口区设置服务点。').has('渌口区')).toBe(false);
  });

  it('does not read a community or an area word as a misprinted district (青荷社区 is not 荷塘区)', () => {
    expect(byName('芦淞区青荷社区开展邻里节活动。').has('荷塘区')).toBe(false);
    expect(byName('芦淞区的荷园区举办招聘会。').has('荷塘区')).toBe(false);
    expect(byName('荷塘区青荷社区开展邻里节活动。').get('青荷社区')).toMatchObject({ level: 'COMMUNITY' });
  });

  it('does not read an unknown name as a 株洲 misprint in a story about another city', () => {
    // 涪口区 is one character from 渌口区, but this story is about 邵阳's places.
    const found = byName('邵阳市双清区与涪口区签订协议。');
    expect(found.has('渌口区')).toBe(false);
  });
});

describe('findPlaces: other cities\' towns inside words', () => {
  it('does not read a town name that starts inside a word (文明村镇) as the town', () => {
    expect(places('开展全国文明村镇创建活动。')).toEqual([]);
    expect(places('金沙江畔的古城镇游人如织。')).toEqual([]);
  });
});

describe('findPlaces: places inside quoted names', () => {
  it('does not take a place inside a longer quoted name or slogan as a mention', () => {
    const found = byName('他们跟随“株洲—怀化劳务协作小分队”外出，素有“北天津、南株洲”之称。');
    expect(found.get('怀化市')?.mentions ?? []).toEqual([]);
    expect(found.get('天津市')?.mentions ?? []).toEqual([]);
  });

  it('keeps a quoted place, a village in a quoted site and a place opening the quote', () => {
    const found = byName('依托“白关镇蔬菜大棚”，举办“醴陵市首届陶瓷技能大赛”。');
    expect(found.get('白关镇')?.mentions).toHaveLength(1);
    expect(found.get('醴陵市')?.mentions).toHaveLength(1);
  });
});

describe('findPlaces: the story\'s own city', () => {
  it('reads 我市 as 株洲市 in a story about 株洲 or naming no other city\'s places', () => {
    expect(byName('我市各区县开展招聘活动。').has('株洲市')).toBe(true);
    expect(byName('我市企业赴深圳市参展。').has('株洲市')).toBe(true);
  });

  it('reads 全市 as no city in a story about another city\'s places (whose paper is speaking is not said)', () => {
    const found = byName('衡阳市衡东县建成康复中心，将在全市推广。');
    expect(found.has('株洲市')).toBe(false);
    expect(found.get('衡阳市')?.mentions).toHaveLength(1);
    expect(byName('我市与长沙市岳麓区签约。').size).toBe(2);
  });

  it('reads 我市 as no city when the story is about another city\'s district and does not print the city', () => {
    expect(byName('咸安区永安街道开通平台，这是我市首家。').has('株洲市')).toBe(false);
  });

  it('reads a one-character city form after a verb of coming or being (来株, 在衡)', () => {
    expect(byName('多家企业来株投资兴业。').has('株洲市')).toBe(true);
    expect(byName('衡阳市今年在衡举办三场赛事。').has('衡阳市')).toBe(true);
    // 在衡量: a word, not the city; and another city needs the story to name it.
    expect(byName('企业在衡量成本。').size).toBe(0);
    expect(byName('赛事在衡举办。').size).toBe(0);
  });
});

describe('findPlaces: communities and sites by their cues', () => {
  it('takes names listed before 等N个社区 as communities, printed forms kept', () => {
    const found = byName('，东门、西街及凤鸣等6个社区建成服务中心。');
    expect(found.get('东门社区')).toMatchObject({ level: 'COMMUNITY' });
    expect(found.get('凤鸣社区')?.aliases).toContain('凤鸣');
    expect(found.has('西街社区')).toBe(true);
  });

  it('takes a community after a division whatever the dictionary makes of its name, but not a verb', () => {
    expect(byName('活动在双清区立新社区举行。').get('立新社区')).toMatchObject({ level: 'COMMUNITY', parent: '双清区' });
    expect(byName('芦淞区走进社区开展服务。').has('走进社区')).toBe(false);
  });

  it('takes a village after a locative word, not an ordinary word ending in 村', () => {
    expect(byName('志愿者在青荷村联合开展慰问。').get('青荷村')).toMatchObject({ level: 'VILLAGE' });
    expect(byName('在新农村建设中走在前列。').size).toBe(0);
    // Category words before 村 or 社区 name kinds of villages, not one (试点村, 辖区社区).
    expect(byName('工作队在试点村开展调研，并联合辖区社区开展宣传。').size).toBe(0);
  });

  it('takes farming bases as sites and no plan to build a park as a park', () => {
    expect(byName('他考察了东湖水产养殖基地。').get('东湖水产养殖基地')).toMatchObject({ level: 'SITE' });
    expect([...byName('同时利用空坪隙地建设口袋公园。').keys()]).toEqual([]);
  });

  it('does not take the city opening a zone\'s name or a newspaper\'s name as a mention', () => {
    // The city stays known as the zone's parent, with no mention of its own.
    expect(byName('株洲经开区新增企业。').get('株洲市')?.mentions ?? []).toEqual([]);
    expect(byName('据湖南工人报报道，').has('湖南省')).toBe(false);
  });
});
