/**
 * Places named in a story: administrative divisions from the gazetteer (with codes; an OCR
 * spelling is kept as an alias of the canonical name), OCR misprints the gazetteer can resolve
 * (涪口区 → 渌口区), and estates, parks and sites found by their suffix (小区, 产业园, 市场群 …).
 *
 * A place printed inside an organisation's name (芦淞区 in 芦淞区盛康日托服务中心) is not a mention
 * of the place: it tells where the body sits, which relations.ts records as BASED_IN.
 */
import type { PlaceLevel } from '../../model';
import { ancestors, byCode, lookupPlace, resolveMisprint, scanPlaces, type GazetteerPlace } from '../lexicon/gazetteer';
import countryData from '../lexicon/countries.json';
import suffixData from '../lexicon/place-suffixes.json';
import { extendLeft, type Token } from './organisations';
import type { PreparedText, Span } from './sentences';

/** One place of the story with every span that names it. */
export interface PlaceFound {
  name: string;
  aliases: Set<string>;
  level: PlaceLevel;
  code: string | null;
  parent: string | null;
  mentions: Span[];
}

interface SuffixRule {
  suffix: string;
  level: PlaceLevel;
  minHead: number;
  exclude: Set<string>;
}

const RULES: SuffixRule[] = (suffixData.suffixes as Array<{ suffix: string; level: string; minHead?: number; exclude?: string[] }>)
  .map((s) => ({ suffix: s.suffix, level: s.level as PlaceLevel, minHead: s.minHead ?? 2, exclude: new Set(s.exclude ?? []) }))
  .sort((a, b) => b.suffix.length - a.suffix.length);
const RULE_OF = new Map(RULES.map((r) => [r.suffix, r]));
const SUFFIX_RE = new RegExp(RULES.map((r) => r.suffix).join('|'), 'g');
const NOT_HEADS = new Set(suffixData.notPlaceHeads);
const CITY_WORDS_RE = new RegExp(suffixData.cityCoreference.join('|'), 'g');
/** `<name><numeral>村`: a named residential block (沿河三村), an estate. */
const BLOCK_RE = new RegExp(`[${suffixData.blockNumerals}]村(?![委民庄落级])`, 'g');
/** A community or village by suffix, when the gazetteer lacks it. */
const COMMUNITY_RE = /社区|村(?![委民庄落级镇里口干])/g;
/** What may follow a community/village name and confirms it (its bodies and roles). */
const COMMUNITY_CONFIRM = /^(党委|党总支|党支部|居委会|村委会|网格员|书记|主任|村民小组|[\u4e00-\u9fff]{1,2}组(?![织成建合]))/;
/** Bare generic park words the gazetteer resolves to a park elsewhere in China. */
const BARE_PARKS = new Set(['高新区', '经开区', '开发区']);
const ZHUZHOU_CODE = '4302';
/** Heads that make a suffix place a category (国家生产性实训基地, 年度省级创业孵化基地, 市县两级工人文化宫). */
const GENERIC_HEAD_RE = /^(国家|省级|市级|区级|县级|重要|年度|各类|各级|一批|多个|全国|全省|全市|首批|该|本|这|那|各|市县|两级)|两级/;
const ZHUZHOU_PARK_SURFACE = '株洲高新区';
/** Foreign countries, longest first so 印度尼西亚 wins over 印度. */
const COUNTRY_RE = new RegExp([...countryData.countries].sort((a, b) => b.length - a.length).join('|'), 'g');
/** After a country: a list mark, 等, a conjunction or 的 shows it stands as a place of its own. */
const COUNTRY_AFTER_RE = /^(?:[^\u4e00-\u9fff]|$|[等和与及的、]|地区|工作|留学|创业|发展|访问|考察|参展)/;
/** Before a country: a verb of going, coming or being in (去往了新加坡, 远销美国, 来自德国). */
const COUNTRY_BEFORE_RE = /(在|赴|到|往|去|自|于|从|至|销|出口|前往|远销|来自|去往了|去了)$/;

interface FindInput {
  prepared: PreparedText;
  tokens: Token[];
  /** Organisation spans: places inside them are not place mentions. */
  organisationSpans: Span[];
}

/** Result of place finding: the places, and gazetteer places printed inside organisation names. */
export interface PlacesResult {
  places: PlaceFound[];
  /** Organisation span → a gazetteer place printed inside its name; `atStart`: the name starts with it (BASED_IN). */
  inside: Array<{ span: Span; place: PlaceFound; atStart: boolean }>;
}

/** Finds the places of a prepared story body. */
export function findPlaces({ prepared, tokens, organisationSpans }: FindInput): PlacesResult {
  const text = prepared.text;
  const byName = new Map<string, PlaceFound>();
  const inside: PlacesResult['inside'] = [];
  const within = (s: Span): Span | undefined => organisationSpans.find((o) => o.start <= s.start && o.end >= s.end && !(o.start === s.start && o.end === s.end));

  const gazetteer = scanPlaces(text, { keepUnresolved: true }).filter(
    (m) => !(BARE_PARKS.has(m.surface) && m.surface !== '高新区' && !isZhuzhou(m.place)) && !/^(日报|晚报|新闻|广播|电视)/.test(text.slice(m.end, m.end + 2)),
  );
  const adminEnds = new Map<number, GazetteerPlace>();
  for (const m of gazetteer) adminEnds.set(m.end, m.place);

  const add = (input: { span: Span; name: string; surface: string; level: PlaceLevel; code: string | null; parent: string | null }): PlaceFound => {
    let entry = byName.get(input.name);
    if (!entry) {
      entry = { name: input.name, aliases: new Set(), level: input.level, code: input.code, parent: input.parent, mentions: [] };
      byName.set(input.name, entry);
    }
    if (input.surface !== input.name) entry.aliases.add(input.surface);
    entry.parent ??= input.parent;
    const org = within(input.span);
    if (org) inside.push({ span: org, place: entry, atStart: org.start === input.span.start });
    else entry.mentions.push(input.span);
    return entry;
  };

  for (const m of gazetteer) {
    const park = homePark(m.surface);
    if (park || m.alternatives.length === 0) {
      const place = park ?? m.place;
      add({ span: { start: m.start, end: m.end }, name: place.name, surface: m.surface, level: place.level, code: place.code, parent: parentName(place) });
      continue;
    }
    // A name the story does not place among its namesakes (three villages are called 田心村, fifteen
    // towns 双龙镇): named, with its level, but with no code or parent, as either would be a guess.
    const candidates = [m.place, ...m.alternatives];
    const name = candidates.every((c) => c.name === m.place.name) ? m.place.name : m.surface;
    add({ span: { start: m.start, end: m.end }, name, surface: m.surface, level: m.place.level, code: null, parent: null });
  }
  const taken = (s: Span): boolean => gazetteer.some((m) => m.start < s.end && m.end > s.start);

  // OCR misprints of 株洲 divisions (涪口区): only where the gazetteer matched nothing. A misprint
  // close to several names (涪口镇) is read as the one inside a division the story names; so the
  // unambiguous ones go first, and the story's divisions are known by the second pass.
  const misprinted = new Set<number>();
  // How far up the candidate's chain the nearest division the story names sits (0: its parent).
  const distanceToStory = (place: GazetteerPlace): number | undefined => {
    const codes = new Set([...byName.values()].map((p) => p.code).filter((c): c is string => c !== null));
    const depth = ancestors(place.code).findIndex((a) => codes.has(a.code));
    return depth < 0 ? undefined : depth;
  };
  for (const prefer of [undefined, distanceToStory]) {
    for (const m of text.matchAll(/[\u4e00-\u9fff]{2,3}?(?:街道|区|县|镇|乡)/g)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (taken(span) || misprinted.has(span.start)) continue;
      for (let s = span.start; s < span.end - 1; s++) {
        const place = resolveMisprint(text.slice(s, span.end), prefer);
        if (!place) continue;
        add({ span: { start: s, end: span.end }, name: place.name, surface: text.slice(s, span.end), level: place.level, code: place.code, parent: parentName(place) });
        misprinted.add(span.start);
        break;
      }
    }
  }

  const suffixPlaces = (re: RegExp, ruleFor: (suffix: string) => SuffixRule | undefined): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const rule = ruleFor(m[0]);
      if (!rule) continue;
      const headStart = m.index;
      const end = headStart + m[0].length;
      if (taken({ start: headStart, end })) continue;
      let start = extendLeft({ text, tokens, headStart, maxLength: rule.level === 'ESTATE' || rule.level === 'COMMUNITY' || rule.level === 'VILLAGE' ? 5 : 12 });
      // An estate, community or village name never holds its containing division: cut at its end.
      let parent: GazetteerPlace | undefined;
      const estateLike = rule.level === 'ESTATE' || rule.level === 'COMMUNITY' || rule.level === 'VILLAGE';
      // A division cut in two by the name's start (株|木村): a site takes it whole, an estate none of it.
      for (const g of gazetteer) if (g.start < start && g.end > start && g.end <= headStart) start = estateLike ? g.end : g.start;
      for (const g of gazetteer) {
        if (g.end > start && g.end <= headStart) {
          if (estateLike || g.start > start) {
            start = g.end;
          }
          parent = g.place;
        }
      }
      if (!parent) parent = adminEnds.get(start);
      const name = text.slice(start, end);
      const head = name.slice(0, name.length - rule.suffix.length);
      if (head.length < rule.minHead || NOT_HEADS.has(head) || [...rule.exclude].some((x) => name.endsWith(x))) continue;
      if (GENERIC_HEAD_RE.test(head)) continue;
      // An estate's name is nouns (荣华, 曹四村), never a verb phrase (严重影响小区, 清理小区).
      if (estateLike && tokens.some((t) => t.start >= start && t.end <= headStart && t.word.length > 1 && !/^(n|m|j|l)/.test(t.tag))) continue;
      if (!/^[\u4e00-\u9fff]/.test(name)) continue;
      const park = homePark(name);
      if (park) {
        add({ span: { start, end }, name: park.name, surface: name, level: park.level, code: park.code, parent: parentName(park) });
        continue;
      }
      add({ span: { start, end }, name, surface: name, level: rule.level, code: null, parent: parent ? parent.name : null });
    }
  };
  suffixPlaces(SUFFIX_RE, (s) => RULE_OF.get(s));
  suffixPlaces(BLOCK_RE, () => ({ suffix: '村', level: 'ESTATE', minHead: 3, exclude: new Set() }));

  // Communities and villages the gazetteer lacks: only when a division is printed right before
  // them or one of their bodies/roles right after (云塘社区 in 云田镇云塘社区, 田心社区党委书记).
  COMMUNITY_RE.lastIndex = 0;
  for (let m = COMMUNITY_RE.exec(text); m !== null; m = COMMUNITY_RE.exec(text)) {
    const end = m.index + m[0].length;
    if (taken({ start: m.index, end }) || [...byName.values()].some((p) => p.mentions.some((s) => s.start < end && s.end >= end))) continue;
    const start = extendLeft({ text, tokens, headStart: m.index, maxLength: 4 });
    let cut = start;
    for (const g of gazetteer) if (g.end > start && g.end <= m.index) cut = g.end;
    const anchor = adminEnds.get(cut);
    const head = text.slice(cut, m.index);
    const confirmed = anchor !== undefined || COMMUNITY_CONFIRM.test(text.slice(end, end + 4));
    if (!confirmed || head.length < 2 || NOT_HEADS.has(head) || /[0-9一二三四五六七八九十]$/.test(head)) continue;
    // The head must not be an ordinary word (积极联系社区): a dictionary word that is not a noun.
    if (tokens.some((t) => t.start >= cut && t.end <= m!.index && t.word.length > 1 && !/^n/.test(t.tag))) continue;
    add({
      span: { start: cut, end },
      name: text.slice(cut, end),
      surface: text.slice(cut, end),
      level: m[0] === '社区' ? 'COMMUNITY' : 'VILLAGE',
      code: null,
      parent: anchor ? anchor.name : null,
    });
  }

  // Foreign countries, where they stand as places (新加坡、马来西亚等地; 远销美国), not as a
  // modifier glued to a noun (“加拿大一枝黄花” is a plant).
  COUNTRY_RE.lastIndex = 0;
  for (let m = COUNTRY_RE.exec(text); m !== null; m = COUNTRY_RE.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (taken(span) || [...byName.values()].some((p) => p.mentions.some((s) => s.start < span.end && s.end > span.start))) continue;
    const standsAlone = COUNTRY_AFTER_RE.test(text.slice(span.end, span.end + 2)) || COUNTRY_BEFORE_RE.test(text.slice(Math.max(0, span.start - 3), span.start));
    if (!standsAlone || text[span.end] === '”') continue;
    add({ span, name: m[0], surface: m[0], level: 'COUNTRY', code: null, parent: null });
  }

  // 我市 / 全市 / 市里: the paper's own city.
  CITY_WORDS_RE.lastIndex = 0;
  for (let m = CITY_WORDS_RE.exec(text); m !== null; m = CITY_WORDS_RE.exec(text)) {
    const city = byCode(ZHUZHOU_CODE);
    if (!city) break;
    const entry = add({ span: { start: m.index, end: m.index + m[0].length }, name: city.name, surface: city.name, level: city.level, code: city.code, parent: parentName(city) });
    void entry;
  }

  return { places: [...byName.values()], inside };
}

/** Divisions below the district: named anywhere inside a local body's name, they place the story. */
const LOCAL_LEVELS: ReadonlySet<PlaceLevel> = new Set(['SUBDISTRICT', 'TOWN', 'VILLAGE', 'COMMUNITY']);

/** A street, town, village or community of the paper's own city (龙门镇 in 涪口区龙门镇春风小学). */
export function isLocalDivision(place: Pick<PlaceFound, 'level' | 'code'>): boolean {
  return place.code !== null && LOCAL_LEVELS.has(place.level) && place.code.startsWith(ZHUZHOU_CODE);
}

function isZhuzhou(place: GazetteerPlace): boolean {
  return place.code === ZHUZHOU_CODE || place.code.startsWith(ZHUZHOU_CODE) || ancestors(place.code).some((a) => a.code === ZHUZHOU_CODE);
}

/** A bare 高新区 in a 株洲 paper is 株洲高新区, whichever scan met it (gazetteer or suffix); else null. */
function homePark(surface: string): GazetteerPlace | null {
  return surface === '高新区' ? zhuzhouPark() : null;
}

let zhuzhouParkMemo: GazetteerPlace | null | undefined;
/** The city's high-tech zone, which the paper calls plain 高新区. */
function zhuzhouPark(): GazetteerPlace | null {
  if (zhuzhouParkMemo === undefined) zhuzhouParkMemo = lookupPlace(ZHUZHOU_PARK_SURFACE).find(isZhuzhou) ?? null;
  return zhuzhouParkMemo;
}

function parentName(place: GazetteerPlace): string | null {
  if (!place.parentCode) return null;
  return byCode(place.parentCode)?.name ?? null;
}
