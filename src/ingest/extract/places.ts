/**
 * Places named in a story: administrative divisions from the gazetteer (with codes; a name several
 * places share and the story does not place is kept by name, with no code or parent), OCR
 * misprints the gazetteer can resolve when they fit the story (涪口区 → 渌口区), estates, parks and
 * sites by their suffix (小区, 产业园, 养殖基地 …), communities and villages the gazetteer lacks
 * when a division, a locative word, a role or a list of communities confirms them, foreign
 * countries, one-character city forms (来株) and the story's own city (我市, 全市). Cue words are in
 * place-cues.json and place-suffixes.json.
 *
 * A place printed inside an organisation's name (芦淞区 in 芦淞区盛康日托服务中心) is not a mention
 * of the place: it tells where the body sits, which relations.ts records as BASED_IN. Nor is one
 * inside a longer quoted name or slogan.
 */
import { PLACE_LEVELS, type PlaceLevel } from '../../model';
import { ancestors, byCode, lookupPlace, resolveMisprint, scanPlaces, type GazetteerPlace, type PlaceMatch } from '../lexicon/gazetteer';
import { alternation, defineLexicon, optional, count, oneOf, patterns, records, table, text as textField, words } from '../lexicon/loader';
import countryData from '../lexicon/countries.json';
import cueData from '../lexicon/place-cues.json';
import suffixData from '../lexicon/place-suffixes.json';
import type { Token } from '../tokenizer';
import { extendLeft } from './name-spans';
import type { PreparedText, Span } from './sentences';

const level = oneOf(PLACE_LEVELS);
const SUFFIXES = defineLexicon('place-suffixes.json', suffixData, {
  suffixes: records({ suffix: textField, level, minHead: optional(count), exclude: optional(words) }),
  community: records({ suffix: textField, level }),
  village: records({ suffix: textField, level }),
  blockNumerals: textField,
  blockNotAfter: textField,
  villageNotAfter: textField,
  notPlaceHeads: words,
  cityCoreference: words,
});
const CUES = defineLexicon('place-cues.json', cueData, {
  mediaAfter: patterns,
  bareParks: words,
  genericHeads: words,
  genericAnywhere: words,
  communityConfirmAfter: patterns,
  communityListAfter: patterns,
  communityCueBefore: words,
  planVerbs: words,
  countryAfter: words,
  countryBefore: words,
  misprintSuffixes: words,
  notMisprintEndings: words,
  cityShortForms: table,
  shortFormBefore: words,
});
const COUNTRIES = defineLexicon('countries.json', countryData, { countries: words });

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

const RULES: SuffixRule[] = SUFFIXES.suffixes
  .map((s) => ({ suffix: s.suffix, level: s.level, minHead: s.minHead ?? 2, exclude: new Set(s.exclude ?? []) }))
  .sort((a, b) => b.suffix.length - a.suffix.length);
const RULE_OF = new Map(RULES.map((r) => [r.suffix, r]));
const SUFFIX_RE = new RegExp(alternation(RULES.map((r) => r.suffix)), 'g');
const NOT_HEADS = new Set(SUFFIXES.notPlaceHeads);
const CITY_WORDS_RE = new RegExp(alternation(SUFFIXES.cityCoreference), 'g');
/** Words for the story's own city (我市, 全市 …): a way of referring to it, not one of its names. */
export const CITY_WORDS: ReadonlySet<string> = new Set(SUFFIXES.cityCoreference);
/** `<name><numeral>村`: a named residential block (沿河三村), an estate. */
const BLOCK_RE = new RegExp(`[${SUFFIXES.blockNumerals}]村(?![${SUFFIXES.blockNotAfter}])`, 'g');
const COMMUNITY = SUFFIXES.community[0];
const VILLAGE = SUFFIXES.village[0];
/** A community or village by suffix, when the gazetteer lacks it. */
const COMMUNITY_RE = new RegExp(`${COMMUNITY.suffix}|${VILLAGE.suffix}(?![${SUFFIXES.villageNotAfter}])`, 'g');
/** What may follow a community/village name and confirms it (its bodies and roles). */
const COMMUNITY_CONFIRM = CUES.communityConfirmAfter.map((p) => new RegExp(p, 'u'));
/** Bare generic park words the gazetteer resolves to a park elsewhere in China. */
const BARE_PARKS = new Set(CUES.bareParks);
const MEDIA_AFTER = CUES.mediaAfter.map((p) => new RegExp(p, 'u'));
const ZHUZHOU_CODE = '4302';
/** Heads that make a suffix place a category (国家生产性实训基地, 年度省级创业孵化基地, 市县两级工人文化宫). */
const GENERIC_HEAD_RE = new RegExp(`^(?:${alternation(CUES.genericHeads)})|${alternation(CUES.genericAnywhere)}`);
const ZHUZHOU_PARK_SURFACE = '株洲高新区';
/** Foreign countries, longest first so 印度尼西亚 wins over 印度. */
const COUNTRY_RE = new RegExp(alternation(COUNTRIES.countries), 'g');
/** After a country: a list mark, 等, a conjunction or 的 shows it stands as a place of its own. */
const COUNTRY_AFTER_RE = new RegExp(`^(?:[^\u4e00-\u9fff]|$|${alternation(CUES.countryAfter)})`);
/** Before a country: a verb of going, coming or being in (去往了新加坡, 远销美国, 来自德国). */
const COUNTRY_BEFORE_RE = new RegExp(`(?:${alternation(CUES.countryBefore)})$`);
/** Words before a community or village name that confirm it (在某村开展, 联合某社区). */
const COMMUNITY_CUE_BEFORE_RE = new RegExp(`(?:${alternation(CUES.communityCueBefore)})$`);
/** A verb of building inside a site's or a park's head, with words on both sides (…建设微公园). */
const PLAN_VERB_RE = new RegExp(`.(?:${alternation(CUES.planVerbs)}).`, 'u');
/** The close of a list of communities or villages (等8个社区). */
const COMMUNITY_LIST = CUES.communityListAfter.map((p) => new RegExp(p, 'gu'));
/** A verb of being or coming, then a city's one-character short form (来株, 在衡). */
const SHORT_FORM_RE = new RegExp(`(${alternation(CUES.shortFormBefore)})[${Object.keys(CUES.cityShortForms).join('')}]`, 'g');
/** A division name an OCR misprint may hide in: two or three characters and a division suffix. */
const MISPRINT_RE = new RegExp(`[\u4e00-\u9fff]{2,3}?(?:${alternation(CUES.misprintSuffixes)})`, 'g');

interface FindInput {
  prepared: PreparedText;
  tokens: Token[];
  /** Organisation spans: places inside them are not place mentions. */
  organisationSpans: Span[];
  /** Codes of places the story names elsewhere (its headline): they tell namesakes apart. */
  context?: readonly string[];
}

/** Result of place finding: the places, and gazetteer places printed inside organisation names. */
export interface PlacesResult {
  places: PlaceFound[];
  /** Organisation span → a gazetteer place printed inside its name; `atStart`: the name starts with it (BASED_IN). */
  inside: Array<{ span: Span; place: PlaceFound; atStart: boolean }>;
}

/** Finds the places of a prepared story body. */
export function findPlaces({ prepared, tokens, organisationSpans, context = [] }: FindInput): PlacesResult {
  const text = prepared.text;
  const byName = new Map<string, PlaceFound>();
  const inside: PlacesResult['inside'] = [];
  const within = (s: Span): Span | undefined => organisationSpans.find((o) => o.start <= s.start && o.end >= s.end && !(o.start === s.start && o.end === s.end));

  const gazetteer = scanPlaces(text, { keepUnresolved: true, context }).filter(
    (m) =>
      !(BARE_PARKS.has(m.surface) && m.surface !== '高新区' && !isZhuzhou(m.place)) &&
      !MEDIA_AFTER.some((re) => re.test(text.slice(m.end, m.end + 5))) &&
      !startsInsideWord(m, tokens),
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
  // A misprint must fit the story: the 株洲 name is inside a place the story names, or the story
  // names no other city's places at all. A real street elsewhere is never read as a 株洲 one (the
  // gazetteer knows every street and town, so resolveMisprint refuses those outright), and neither
  // is an unknown name in a story about another city.
  const fitsStory = (place: GazetteerPlace): boolean => distanceToStory(place) !== undefined || !namesAnotherCity(byName.values());
  for (const prefer of [undefined, distanceToStory]) {
    for (const m of text.matchAll(MISPRINT_RE)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (misprinted.has(span.start)) continue;
      if (CUES.notMisprintEndings.some((ending) => m[0].endsWith(ending))) continue;
      // The name starts after any division the match runs into (市 of 株洲市 in 株洲市涪口区).
      let from = span.start;
      for (const g of gazetteer) if (g.start < span.end && g.end > from) from = Math.max(from, g.end);
      if (from >= span.end - 1) continue;
      for (let s = from; s < span.end - 1; s++) {
        const place = resolveMisprint(text.slice(s, span.end), prefer);
        if (!place || !fitsStory(place) || isWordBeforeSuffix(tokens, s, span.end)) continue;
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
      // Nor is a site's or a park's a plan to build one (利用空坪隙地建设微公园).
      if (!estateLike && PLAN_VERB_RE.test(head)) continue;
      if (!/^[\u4e00-\u9fff]/.test(name)) continue;
      // A city or province that only opens a site's or a park's name (株洲 in 株洲经开区) is the house
      // style of the name, not a mention of its own; a village there is named (某村蔬菜大棚).
      for (const g of gazetteer) {
        if (g.start < start || g.end > headStart || (g.place.level !== 'CITY' && g.place.level !== 'PROVINCE')) continue;
        const entry = [...byName.values()].find((p) => p.mentions.some((x) => x.start === g.start && x.end === g.end));
        if (entry) entry.mentions = entry.mentions.filter((x) => !(x.start === g.start && x.end === g.end));
      }
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
    // A division printed just before (某区立新社区): the name runs from its end, whatever the
    // dictionary makes of the words between (立新 is an adverb to it).
    const near = gazetteer.find((g) => g.end < start && m!.index - g.end >= 2 && m!.index - g.end <= 4 && /^[\u4e00-\u9fff]+$/.test(text.slice(g.end, m!.index)));
    if (cut === start && near) cut = near.end;
    const anchor = adminEnds.get(cut);
    const head = text.slice(cut, m.index);
    // Or a locative or co-actor word before a name that the dictionary does not glue to its suffix
    // (在某荷村联合开展, 联合某峰山社区、…; 新农村 is one word, not a village).
    const cued = COMMUNITY_CUE_BEFORE_RE.test(text.slice(Math.max(0, cut - 3), cut)) && tokens.some((t) => t.start === m!.index);
    const confirmed = anchor !== undefined || cued || COMMUNITY_CONFIRM.some((re) => re.test(text.slice(end, end + 4)));
    if (!confirmed || head.length < 2 || NOT_HEADS.has(head) || /[0-9一二三四五六七八九十]$/.test(head)) continue;
    // The head must not be an ordinary word (积极联系社区): a dictionary word that is not a noun;
    // after a division (某区立新社区) any word but a verb, preposition, conjunction or particle.
    const wordTags = tokens.filter((t) => t.start >= cut && t.end <= m!.index && t.word.length > 1).map((t) => t.tag);
    if (wordTags.some((tag) => (anchor ? /^[vpcu]/.test(tag) : !/^n/.test(tag)))) continue;
    add({
      span: { start: cut, end },
      name: text.slice(cut, end),
      surface: text.slice(cut, end),
      level: m[0] === COMMUNITY.suffix ? COMMUNITY.level : VILLAGE.level,
      code: null,
      parent: anchor ? anchor.name : null,
    });
  }

  // 南门、北街及凤凰等8个社区: the names listed before a closing count of communities or villages
  // are each one (named with the suffix the list closes with, the printed form kept as an alias).
  for (const re of COMMUNITY_LIST) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const suffix = m[0].endsWith(COMMUNITY.suffix) ? COMMUNITY : VILLAGE;
      for (const item of listedBefore(text, m.index)) {
        if (taken(item) || [...byName.values()].some((p) => p.mentions.some((x) => x.start < item.end && x.end > item.start))) continue;
        const printedName = text.slice(item.start, item.end);
        if (NOT_HEADS.has(printedName) || GENERIC_HEAD_RE.test(printedName)) continue;
        const full = printedName.endsWith(suffix.suffix) ? printedName : printedName + suffix.suffix;
        add({ span: item, name: full, surface: printedName, level: suffix.level, code: null, parent: null });
      }
    }
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

  // 来株投资, 在衡举办: a city by its one-character short form, printed as a word of its own after
  // a verb of being or coming. 株洲 always (the paper's own city); another city only in a story that
  // names it or a place in it, as that city's own paper prints it.
  SHORT_FORM_RE.lastIndex = 0;
  for (let m = SHORT_FORM_RE.exec(text); m !== null; m = SHORT_FORM_RE.exec(text)) {
    const at = m.index + m[1].length;
    const span = { start: at, end: at + 1 };
    const city = byCode(CUES.cityShortForms[text[at]]);
    if (!city || taken(span) || !tokens.some((t) => t.start === at && t.end === at + 1)) continue;
    const named = [...byName.values()].some((p) => p.code !== null && (p.code === city.code || p.code.startsWith(city.code)));
    if (city.code !== ZHUZHOU_CODE && !named) continue;
    add({ span, name: city.name, surface: city.name, level: city.level, code: city.code, parent: parentName(city) });
  }

  // 我市 / 全市 / 市里: the paper's own city, except in a story about another city's places.
  const ownCity = storyCity(byName.values());
  CITY_WORDS_RE.lastIndex = 0;
  for (let m = CITY_WORDS_RE.exec(text); ownCity && m !== null; m = CITY_WORDS_RE.exec(text)) {
    add({ span: { start: m.index, end: m.index + m[0].length }, name: ownCity.name, surface: ownCity.name, level: ownCity.level, code: ownCity.code, parent: parentName(ownCity) });
  }

  // A place inside a longer quoted name or slogan (“株洲—某地劳务协作小分队”, “北某地、南株洲”) is part
  // of that name, as a place inside a body's name is; a quoted place (“某某沟”, “某村蔬菜大棚” with
  // its village) stays, and so does a place opening the quote (“某市首届…大赛” ran there).
  const spans = [...byName.values()].flatMap((p) => p.mentions);
  const quotedPlace = (open: number, close: number): boolean => spans.some((x) => x.start === open + 1 && x.end === close);
  for (const entry of byName.values()) entry.mentions = entry.mentions.filter((m) => !insideLongerQuote(text, m, quotedPlace));

  return { places: [...byName.values()], inside };
}

/** Longest quoted phrase looked through for a place inside it. */
const QUOTE_MAX = 30;

/** True when `span` lies inside “…” that holds more than the span (within QUOTE_MAX characters) and is no place's name. */
function insideLongerQuote(text: string, span: Span, quotedPlace: (open: number, close: number) => boolean): boolean {
  const open = text.lastIndexOf('“', span.start);
  if (open < 0 || open === span.start - 1 || span.start - open > QUOTE_MAX || text.slice(open, span.start).includes('”')) return false;
  const close = text.indexOf('”', span.end);
  if (close < 0 || close - span.end > QUOTE_MAX || text.slice(span.end, close).includes('“')) return false;
  return close - open - 1 > span.end - span.start && !quotedPlace(open, close);
}

/**
 * A street or town of another city whose name starts inside a word of the text (明村镇 in 全国文明村镇):
 * the words are the reading, not the town. 株洲's own names are trusted as the gazetteer was tuned on them.
 */
function startsInsideWord(m: PlaceMatch, tokens: Token[]): boolean {
  if (m.place.level !== 'TOWN' && m.place.level !== 'SUBDISTRICT') return false;
  if ([m.place, ...m.alternatives].every(isZhuzhou)) return false;
  return tokens.some((t) => t.start < m.start && t.end > m.start);
}

/**
 * True when the text before a division suffix is one dictionary word (入口 in 入口区, 港口 in
 * 港口区): an ordinary word and 区, not a misprinted name (涪口 is no word; the dictionary splits it).
 */
function isWordBeforeSuffix(tokens: Token[], start: number, end: number): boolean {
  return tokens.some((t) => t.start === start && t.word.length >= 2 && t.end < end && /^[区县镇乡]|^街道/.test(tokenText(tokens, t.end, end)));
}

/** The text of the tokens from `start` to `end` (their words joined). */
function tokenText(tokens: Token[], start: number, end: number): string {
  return tokens.filter((t) => t.start >= start && t.end <= end).map((t) => t.word).join('');
}

/** Longest name in a list of communities (南门、北街及凤凰); a longer run is a phrase, not a name. */
const LIST_ITEM_MAX = 4;

/**
 * The items of a list ending at `end` (X、Y及Z), read back over 、及和与; stops at the first run that
 * is not a name's length or is not separated, and returns nothing for a single item (a list has two).
 */
function listedBefore(text: string, end: number): Span[] {
  const items: Span[] = [];
  let at = end;
  for (;;) {
    let start = at;
    while (start > 0 && /[\u4e00-\u9fff]/.test(text[start - 1]) && !/[及和与]/.test(text[start - 1]) && at - start < LIST_ITEM_MAX + 1) start--;
    const length = at - start;
    const separator = text[start - 1];
    if (length < 2 || length > LIST_ITEM_MAX) break;
    // The first item is bounded by punctuation (，南门、北街…); a longer run there is a phrase.
    if (separator !== '、' && !/[及和与]/.test(separator ?? '') && /[\u4e00-\u9fff]/.test(separator ?? '')) break;
    items.unshift({ start, end: at });
    if (separator !== '、' && !/[及和与]/.test(separator ?? '')) break;
    at = start - 1;
  }
  return items.length >= 2 ? items : [];
}

/** Places of the story with a code, outside 株洲, at district level or below: the story is about them. */
function otherCitiesLocal(places: Iterable<PlaceFound>): GazetteerPlace[] {
  const out: GazetteerPlace[] = [];
  for (const p of places) {
    const place = p.code === null ? undefined : byCode(p.code);
    if (place && RANKED_LOCAL.has(place.level) && !isZhuzhou(place)) out.push(place);
  }
  return out;
}

/** True when the story names a place of another city (a city, or a place at district level or below). */
function namesAnotherCity(places: Iterable<PlaceFound>): boolean {
  for (const p of places) {
    const place = p.code === null ? undefined : byCode(p.code);
    if (place && (place.level === 'CITY' || RANKED_LOCAL.has(place.level)) && !isZhuzhou(place)) return true;
  }
  return false;
}

/**
 * The city a story's 我市 / 全市 means: 株洲 when the story names a 株洲 place or no district-level
 * place elsewhere (我市企业赴深圳参展); else none. A story about another city's districts is that
 * city's paper speaking (a 咸宁 story's 我市 is not 株洲), or 株洲's speaking of a partner city
 * (我市与某区签约); which one, the text does not say, so it names no city by 我市. (Were it that
 * city's paper, its 我市 would only repeat a city the story prints, or guess one it does not.)
 */
function storyCity(places: Iterable<PlaceFound>): GazetteerPlace | null {
  const list = [...places];
  const home = byCode(ZHUZHOU_CODE) ?? null;
  if (list.some((p) => p.code !== null && p.code.startsWith(ZHUZHOU_CODE))) return home;
  return otherCitiesLocal(list).length === 0 ? home : null;
}

const RANKED_LOCAL: ReadonlySet<PlaceLevel> = new Set(['DISTRICT', 'SUBDISTRICT', 'TOWN', 'VILLAGE', 'COMMUNITY']);

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
