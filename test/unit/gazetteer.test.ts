import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ancestors,
  byCode,
  lookupPlace,
  resolveMisprint,
  scanPlaces,
} from '../../src/ingest/lexicon/gazetteer';

const names = (xs: { name: string }[]): string[] => xs.map((x) => x.name);

describe('gazetteer lookups', () => {
  it('knows 芦淞区 as a 株洲 district with its chain up to the province', () => {
    const [place] = lookupPlace('芦淞区');
    expect(place).toMatchObject({ code: '430203', level: 'DISTRICT', parentCode: '4302' });
    expect(names(ancestors('430203'))).toEqual(['株洲市', '湖南省']);
    expect(byCode('430203')?.name).toBe('芦淞区');
  });

  it('maps short forms of provinces, cities and municipalities', () => {
    expect(lookupPlace('株洲')[0]).toMatchObject({ name: '株洲市', level: 'CITY' });
    expect(lookupPlace('湖南')[0]).toMatchObject({ name: '湖南省', level: 'PROVINCE' });
    expect(lookupPlace('北京')[0]).toMatchObject({ name: '北京市', level: 'CITY' });
    expect(names(ancestors(lookupPlace('东城区')[0].code))).toEqual(['北京市']);
  });

  it('puts 株洲 candidates first for a name several places share', () => {
    const found = lookupPlace('田心村');
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((p) => p.code.startsWith('4302'))).toBe(true);
  });

  it('resolves the printed 董家墩街道 to the dataset 董家塅街道 and keeps the printed form', () => {
    const [place] = lookupPlace('董家墩街道');
    expect(place).toMatchObject({ code: '430203004', name: '董家塅街道', level: 'SUBDISTRICT' });
    expect(place.aliases).toContain('董家墩街道');
  });

  it('prints 九郎山村 in the printed glyph and keeps the dataset form 九郞山村委会', () => {
    const [place] = lookupPlace('九郎山村');
    expect(place).toMatchObject({ name: '九郎山村', level: 'VILLAGE' });
    expect(place.aliases).toContain('九郞山村委会');
    expect(lookupPlace('九郞山村委会')[0]?.code).toBe(place.code);
    expect(names(ancestors(place.code)).slice(1)).toEqual(['石峰区', '株洲市', '湖南省']);
  });

  it('has 渌口区 as 430212 and reaches it through the former name 株洲县', () => {
    expect(lookupPlace('渌口区')[0]?.code).toBe('430212');
    expect(lookupPlace('株洲县')[0]?.code).toBe('430212');
  });

  it('turns village-level committees into printed 社区 / 村 names', () => {
    const [community] = lookupPlace('田心社区');
    expect(community).toMatchObject({ level: 'COMMUNITY' });
    expect(community.aliases).toContain('田心社区居委会');
  });

  it('classifies development zones as PARK', () => {
    expect(lookupPlace('株洲高新区')[0]).toMatchObject({ name: '株洲高新技术产业开发区', level: 'PARK', parentCode: '4302' });
    expect(lookupPlace('醴陵经开区')[0]).toMatchObject({ level: 'PARK' });
  });

  it('keeps street and town short forms out of scanning but available to lookup', () => {
    expect(lookupPlace('白关')[0]?.name).toBe('白关镇');
    expect(scanPlaces('白关服饰产业园').map((m) => m.surface)).toEqual([]);
  });
});

describe('resolveMisprint', () => {
  it('maps a one-character OCR misprint to the unique 株洲 name with the same suffix', () => {
    expect(lookupPlace('涪口区')).toEqual([]);
    expect(resolveMisprint('涪口区')?.code).toBe('430212');
  });

  it('refuses real names, bare suffixes and non-unique guesses', () => {
    expect(resolveMisprint('芦淞区')).toBeUndefined();
    expect(resolveMisprint('某县')).toBeUndefined();
    expect(resolveMisprint('芦淞村')).toBeUndefined();
    // 石峰区 and 天元区 both differ from 石元区 by one character.
    expect(resolveMisprint('石元区')).toBeUndefined();
  });
});

describe('resolveMisprint with context', () => {
  // 渌口镇 (渌口区), 湖口镇 (茶陵县) and 浦口镇 (醴陵市) are each one character from 涪口镇.
  const distanceTo = (codes: string[]) => (place: { code: string }) => {
    const depth = ancestors(place.code).findIndex((a) => codes.includes(a.code));
    return depth < 0 ? undefined : depth;
  };

  it('stays undefined for a close call without context', () => {
    expect(resolveMisprint('涪口镇')).toBeUndefined();
  });

  it('takes the candidate inside the nearest division the story names', () => {
    expect(resolveMisprint('涪口镇', distanceTo(['430212', '4302']))?.name).toBe('渌口镇');
  });

  it('stays undefined when the context is equally close to several', () => {
    expect(resolveMisprint('涪口镇', distanceTo(['4302']))).toBeUndefined();
  });
});

describe('scanPlaces', () => {
  it('returns non-overlapping longest matches in text order', () => {
    const text = '湖南省株洲市芦淞区董家墩街道在深圳市福田区举办招聘会';
    const found = scanPlaces(text);
    expect(found.map((m) => m.surface)).toEqual(['湖南省', '株洲市', '芦淞区', '董家墩街道', '深圳市', '福田区']);
    for (let k = 1; k < found.length; k++) expect(found[k].start).toBeGreaterThanOrEqual(found[k - 1].end);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.surface);
    const street = found[3];
    expect(street).toMatchObject({ variant: true, place: { name: '董家塅街道' } });
    expect(street.place.aliases).toContain('董家墩街道');
    expect(found[0].variant).toBe(false);
  });

  it('marks former names as variants', () => {
    const [m] = scanPlaces('原株洲县');
    expect(m).toMatchObject({ surface: '株洲县', variant: true, place: { code: '430212' } });
  });

  it('does not return a 城关镇 or other ambiguous name from outside 株洲 bare', () => {
    expect(scanPlaces('他在城关镇工作')).toEqual([]);
    // 朝阳区 exists in Beijing and Changchun: only a qualifier decides.
    expect(scanPlaces('朝阳区')).toEqual([]);
    expect(scanPlaces('北京市朝阳区').map((m) => m.place.code)).toEqual(['11', '110105']);
    // Generic district names are ordinary words unless qualified.
    expect(scanPlaces('城区')).toEqual([]);
  });

  it('resolves a name shared by 株洲 villages through the town named before it', () => {
    const found = scanPlaces('南洲镇横江村和湘东村');
    expect(found.map((m) => m.surface)).toEqual(['南洲镇', '横江村', '湘东村']);
    for (const m of found.slice(1)) {
      expect(m.place.parentCode).toBe(found[0].place.code);
      expect(m.alternatives).toEqual([]);
    }
    const bare = scanPlaces('湘东村');
    expect(bare).toHaveLength(1);
    expect(bare[0].alternatives).toHaveLength(1);
  });

  it('prefers an exact spelling over a variant one when both are real places', () => {
    // 五里墩村 and 五里塅村 are two different 株洲 villages.
    const [m] = scanPlaces('五里墩村');
    expect(m).toMatchObject({ variant: false, place: { name: '五里墩村' } });
  });

  it('finds places outside Hunan', () => {
    const found = scanPlaces('来自深圳市福田区和北京的客商');
    expect(found.map((m) => m.place.name)).toEqual(['深圳市', '福田区', '北京市']);
    expect(found[1].place.parentCode).toBe(found[0].place.code);
  });

  it('scans the five seed pages quickly', () => {
    const dir = join(__dirname, '../../seeds');
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    scanPlaces(''); // build the indexes outside the timing
    const t0 = performance.now();
    const counts = pages.map((p) => scanPlaces(p).length);
    const ms = performance.now() - t0;
    console.log(`gazetteer: scanned ${pages.length} seed pages (${counts.join(', ')} places) in ${ms.toFixed(1)} ms`);
    expect(counts.every((c) => c > 0)).toBe(true);
  });
});

describe('gazetteer.json', () => {
  it('lists its rows sorted by code, as byCode searches them', () => {
    const rows: string[] = JSON.parse(readFileSync(join(__dirname, '../../src/ingest/lexicon/gazetteer.json'), 'utf8')).places;
    const codes = rows.map((r) => r.slice(0, r.indexOf('|')));
    expect(codes.every((c, k) => k === 0 || codes[k - 1] < c)).toBe(true);
    expect(byCode(codes[0])?.code).toBe(codes[0]);
    expect(byCode(codes[codes.length - 1])?.code).toBe(codes[codes.length - 1]);
    expect(byCode('4302x01')?.name).toBe('株洲高新技术产业开发区');
    expect(byCode('999')).toBeUndefined();
  });
});

describe('the nationwide streets and towns', () => {
  it('carries streets and towns of every city with their codes and parents', () => {
    const [street] = lookupPlace('马家堡街道');
    expect(street).toMatchObject({ level: 'SUBDISTRICT', parentCode: '110106' });
    expect(scanPlaces('他在北京市丰台区马家堡街道工作').map((m) => m.place.code)).toEqual(['11', '110106', street.code]);
  });

  it('hangs the towns of a city without counties (东莞市) directly under the city', () => {
    const found = scanPlaces('他在东莞市长安镇打工');
    expect(found.map((m) => m.surface)).toEqual(['东莞市', '长安镇']);
    expect(found[1].place.parentCode).toBe(found[0].place.code);
  });

  it('does not read street names that are ordinary phrases (城区街道) without an ancestor', () => {
    expect(scanPlaces('中心城区街道两旁绿树成荫', { keepUnresolved: true })).toEqual([]);
  });

  it('never reads a real street elsewhere as a misprint of a 株洲 one', () => {
    // 马家堡街道 (Beijing) is one character from 马家河街道 (石峰区).
    expect(resolveMisprint('马家堡街道')).toBeUndefined();
  });

  it('names a management area without its city and as printed (…管理区 / …区)', () => {
    const [area] = lookupPlace('大通湖区');
    expect(area).toMatchObject({ name: '大通湖管理区', level: 'DISTRICT' });
    // The city-prefixed dataset form is findable, but a scan reads the city and the area apart.
    expect(lookupPlace('益阳市大通湖管理区')[0]?.code).toBe(area.code);
    expect(scanPlaces('益阳市大通湖管理区').map((m) => m.surface)).toEqual(['益阳市', '大通湖管理区']);
  });
});

describe('scanPlaces: town names that are also ordinary words', () => {
  it('does not read 小城镇 or a 乡 inside 乡村 as a town', () => {
    expect(scanPlaces('推进小城镇建设', { keepUnresolved: true })).toEqual([]);
    expect(scanPlaces('共同建设幸福乡村', { keepUnresolved: true })).toEqual([]);
  });
});

describe('scanPlaces: namesakes', () => {
  // 双龙镇 is a town in fifteen counties, one of them 花垣县 in Hunan.
  it('resolves a shared town name by a county the text names before or after it', () => {
    const before = scanPlaces('花垣县妇联在双龙镇举办培训班');
    expect(before.map((m) => m.place.name)).toEqual(['花垣县', '双龙镇']);
    expect(before[1].place.parentCode).toBe(before[0].place.code);
    const after = scanPlaces('双龙镇的绣娘来自花垣县各地');
    expect(after[0]).toMatchObject({ surface: '双龙镇', alternatives: [] });
    expect(after[0].place.parentCode).toBe(after[1].place.code);
  });

  it('resolves it by the context given from elsewhere in the story (its headline)', () => {
    const [county] = lookupPlace('花垣县');
    const [m] = scanPlaces('双龙镇举办培训班', { context: [county.code] });
    expect(m).toMatchObject({ alternatives: [], place: { parentCode: county.code } });
  });

  it('leaves a bare shared name out, or unresolved on request, instead of guessing', () => {
    expect(scanPlaces('双龙镇举办培训班')).toEqual([]);
    const [m] = scanPlaces('双龙镇举办培训班', { keepUnresolved: true });
    expect(m.surface).toBe('双龙镇');
    expect(m.alternatives.length).toBeGreaterThan(5);
  });

  it('reads a shared name as the 株洲 one in a story about 株洲, not in one about another city', () => {
    // 云田镇 is in 石峰区 and in Gansu.
    const home = scanPlaces('石峰区云田镇开展植树活动');
    expect(home[1]).toMatchObject({ alternatives: [], place: { code: '430204102' } });
    expect(scanPlaces('云田镇开展植树活动')[0]?.place.code).toBe('430204102');
    const elsewhere = scanPlaces('长沙市岳麓区的企业与云田镇签约', { keepUnresolved: true });
    expect(elsewhere.find((m) => m.surface === '云田镇')?.alternatives.length).toBeGreaterThan(0);
  });
});
