/**
 * Organisations named in a story: spans that end in an organisation suffix (有限公司, 人社局, 侨联 …)
 * and reach left over the words of the name, typed by the suffix, with printed abbreviations
 * (以下简称…, 市人社局 ↔ 株洲市人力资源和社会保障局) folded in as aliases.
 *
 * Where a name starts is the hard part. A jieba segmentation of the body gives word boundaries;
 * the name grows leftwards word by word and stops at a word that cannot sit inside a name
 * (verbs, prepositions, pronouns, time words, punctuation) unless it is one of the verbal nouns
 * that names are built from (发展, 服务, 管理 …).
 */
import { ORGANISATION_TYPES, type OrganisationType } from '../../model';
import suffixData from '../lexicon/organisation-suffixes.json';
import { TITLES } from './titles';
import { lookupPlace, resolveMisprint } from '../lexicon/gazetteer';
import { alternation, defineLexicon, oneOf, optional, records, text as textField, words, count } from '../lexicon/loader';
import { BODY_CORES } from '../organisation-names';
import { tokenAt, tokenize, type Token } from '../tokenizer';
import { extendLeft } from './name-spans';
import { RUN_CUES } from './run-cues';
import type { PreparedText, Span } from './sentences';
import { isCjk } from './sentences';

/** One organisation of the story with every span that names it. */
export interface OrganisationFound {
  name: string;
  aliases: Set<string>;
  type: OrganisationType;
  mentions: Span[];
}

const LEXICON = defineLexicon('organisation-suffixes.json', suffixData, {
  suffixes: records({
    suffix: textField,
    type: oneOf(ORGANISATION_TYPES),
    minHead: optional(count),
    exclude: optional(words),
    head: optional(oneOf(['place', 'specific', 'placed'] as const)),
  }),
  bareWithTitle: words,
  genericHeads: words,
  memberAfter: words,
  formerPrefixes: words,
  parentUnits: words,
  determiners: words,
  numberedSuffixes: words,
  schoolSuffixes: words,
  studentAfter: textField,
  firmNouns: words,
  executiveTitles: words,
  knownBodies: records({ name: textField, type: oneOf(ORGANISATION_TYPES) }),
});

interface SuffixRule {
  suffix: string;
  type: OrganisationType;
  minHead: number;
  exclude: Set<string>;
  /** What the words before the suffix must be (see organisation-suffixes.json). */
  head: 'place' | 'specific' | 'placed' | undefined;
  /** A department core from the abbreviation lexicon (人力资源和社会保障局): may start a name on its own. */
  core: boolean;
}

// Built once at module load: the suffix table and one alternation regex.
const RULES = new Map<string, SuffixRule>();
for (const s of LEXICON.suffixes) {
  RULES.set(s.suffix, { suffix: s.suffix, type: s.type, minHead: s.minHead ?? 1, exclude: new Set(s.exclude ?? []), head: s.head, core: false });
}
for (const body of BODY_CORES.bodies) {
  for (const form of [body.full, ...body.short]) {
    const existing = RULES.get(form);
    if (existing) {
      existing.core = true;
      continue;
    }
    RULES.set(form, { suffix: form, type: body.type, minHead: 0, exclude: new Set(), head: undefined, core: true });
  }
}
const SUFFIX_RE = new RegExp(alternation([...RULES.keys()]), 'g');
const KNOWN_BODIES = new Map(LEXICON.knownBodies.map((b) => [b.name, b.type]));
const KNOWN_RE = new RegExp(alternation([...KNOWN_BODIES.keys()]), 'g');

const GENERIC = new Set(BODY_CORES.generic);
/** Titles the segmenter glues to a body's suffix (党委书记, 支部书记): the body still ends there. */
const TITLE_SET = new Set(TITLES);
const TITLE_AFTER_RE = new RegExp(`^(${alternation(TITLES)})`);
const LEVEL_PREFIXES = [...BODY_CORES.levelPrefixes].sort((a, b) => b.length - a.length);
const BARE_WITH_TITLE = new Set(LEXICON.bareWithTitle);
const GENERIC_HEADS = new Set(LEXICON.genericHeads);
const MEMBER_AFTER_RE = new RegExp(`^(${alternation(LEXICON.memberAfter)})`);
const FORMER_PREFIXES = LEXICON.formerPrefixes;
/** Verbs that end in a suffix's characters (主办, 举办 end in 办) whatever their tag. */
const VERB_WORDS = new Set([...RUN_CUES.run, ...RUN_CUES.host]);
const SCHOOL_RE = new RegExp(`(${alternation(LEXICON.schoolSuffixes)})$`);
const STUDENT_RE = new RegExp(`^[${LEXICON.studentAfter}]`);

/** Core → its full form, for folding 人社局 into 人力资源和社会保障局. */
const FULL_OF = new Map<string, string>();
for (const body of BODY_CORES.bodies) {
  FULL_OF.set(body.full, body.full);
  for (const s of body.short) if (!FULL_OF.has(s)) FULL_OF.set(s, body.full);
}

interface OrgSpan extends Span {
  name: string;
  type: OrganisationType;
  core: string | null;
}

/**
 * Finds organisation spans in a prepared body. `tokens` is the body's segmentation; `blocked`
 * holds spans already claimed by places of a non-organisation kind (estates, parks), which an
 * organisation name must not swallow.
 */
export function findOrganisations(prepared: PreparedText, tokens: Token[], places: Span[] = [], elsewhere: PrintedBody[] = []): OrganisationFound[] {
  const text = prepared.text;
  const spans: OrgSpan[] = [];
  SUFFIX_RE.lastIndex = 0;
  for (let m = SUFFIX_RE.exec(text); m !== null; m = SUFFIX_RE.exec(text)) {
    const span = suffixSpan({ text, tokens, places, suffix: m[0], headStart: m.index });
    // A rejected suffix may hide a shorter one that starts inside it (第十三|中学 behind 三中).
    if (!span) SUFFIX_RE.lastIndex = m.index + 1;
    else spans.push(span);
  }
  // Bodies whose printed names carry no suffix (新华社, 红网), as whole words.
  KNOWN_RE.lastIndex = 0;
  for (let m = KNOWN_RE.exec(text); m !== null; m = KNOWN_RE.exec(text)) {
    const end = m.index + m[0].length;
    const first = tokens[tokenAt(tokens, m.index)];
    const last = tokens[tokenAt(tokens, end - 1)];
    if (first.start !== m.index || last.end !== end || spans.some((o) => o.start < end && m!.index < o.end)) continue;
    if (places.some((g) => g.start < end && m!.index < g.end) || /^[区村镇]/.test(text.slice(end))) continue; // 新华社区
    spans.push({ start: m.index, end, name: m[0], type: KNOWN_BODIES.get(m[0])!, core: null });
  }
  // Firms printed without a suffix, where no suffixed name already covers the words.
  for (const firm of [...firmsBeforeExecutiveTitles(text, tokens, places), ...listedCompanies(text)]) {
    if (!spans.some((o) => o.start < firm.end && firm.start < o.end)) spans.push(firm);
  }
  const abbreviations = abbreviationSpans(text, spans);
  spans.push(...abbreviations.spans);
  return group({ prepared, spans: dropNested(spans), declared: abbreviations.declared, elsewhere });
}

interface SuffixInput {
  text: string;
  tokens: Token[];
  places: Span[];
  suffix: string;
  headStart: number;
}

/** The body a suffix printed at `headStart` ends, or null when the words there name none. */
function suffixSpan({ text, tokens, places, suffix, headStart }: SuffixInput): OrgSpan | null {
  const rule = RULES.get(suffix)!;
  const headEnd = headStart + suffix.length;
  // The suffix must end a word: 大学生 is not 大学, 局长 is not 局.
  const endTok = tokens[tokenAt(tokens, headEnd - 1)];
  if (endTok && endTok.end !== headEnd) {
    // A suffix word that starts inside this one (三|中学 behind 三中) is the head instead.
    if (endTok.start > headStart && RULES.has(text.slice(endTok.start, endTok.end))) return null;
    const rest = text.slice(headEnd, endTok.end);
    if (!RULES.has(text.slice(endTok.start, endTok.end)) && !(endTok.end > headEnd && (RULES.has(rest) || TITLE_SET.has(rest)))) return null;
  }
  // A suffix inside a verb is no head (举办 is not …办, 建厂 is not …厂).
  const holder = tokens[tokenAt(tokens, headStart)];
  if (holder && holder.start < headStart && (holder.tag.startsWith('v') || VERB_WORDS.has(holder.word))) return null;
  if (SCHOOL_RE.test(suffix) && STUDENT_RE.test(text[headEnd] ?? '')) return null; // 大学生, 大学子
  // 某某中心·某某时代: a compound name (an estate, a site) goes on after the dot.
  if (text[headEnd] === '·' && isCjk(text[headEnd + 1])) return null;
  // 政协委员: the members, not the body acting.
  if (MEMBER_AFTER_RE.test(text.slice(headEnd, headEnd + 2))) return null;
  let start = extendLeft({ text, tokens, places, headStart, maxLength: 26 });
  // 各乡镇…中心, 所有…学校: a determiner says "every one of a kind"; it is not part of a name.
  const determiner = DETERMINER_RE.exec(text.slice(start, headStart));
  if (determiner && headStart - start - determiner[0].length >= 2) start += determiner[0].length;
  // Numbered hospitals and schools (331医院, 第二中学) start with their number.
  const numbered = /([0-9０-９]{2,4}|第[一二三四五六七八九十]+)$/.exec(text.slice(Math.max(0, start - 5), start));
  if (numbered && start === headStart && NUMBERED_SUFFIX.test(suffix)) start -= numbered[0].length;
  const name = text.slice(start, headEnd);
  if (insideQuotedName(text, start, headEnd)) return null;
  const titled = TITLE_AFTER_RE.test(text.slice(headEnd)) || (endTok !== undefined && endTok.end > headEnd && TITLE_SET.has(text.slice(headEnd, endTok.end)));
  // 娄底市委, 攸县县委, 涪口区委 (a misprint the gazetteer resolves): the committee's place opens the name.
  const level = text.slice(start, headStart + 1).replace(/^中共/, '');
  const placeHead = (): boolean => lookupPlace(level).length > 0 || lookupPlace(level.slice(0, -1)).length > 0 || resolveMisprint(level) !== undefined;
  if (!acceptable({ name, rule, titled, placeHead })) return null;
  return { start, end: headEnd, name, type: rule.type, core: rule.core ? (FULL_OF.get(suffix) ?? null) : null };
}

/**
 * 引进了广州孤轩、杭州意法、香港锦艺等119家优质服饰企业: names listed before 等 + a count of 家 +
 * a word for firms are firms, however short their printed names. The list starts after a verb's
 * 了, a comma or a colon, so the verb does not join the first name.
 */
const LISTED_FIRMS_RE = new RegExp(
  `(?<=[了，：]|包括|如)((?:[\\u4e00-\\u9fff]{2,8}、)+[\\u4e00-\\u9fff]{2,8})等(?:[0-9０-９]+|[一二三四五六七八九十百千两几多]+)余?家[\\u4e00-\\u9fff]{0,8}?(?:${alternation(LEXICON.firmNouns)})`,
  'g',
);

function listedCompanies(text: string): OrgSpan[] {
  const out: OrgSpan[] = [];
  LISTED_FIRMS_RE.lastIndex = 0;
  for (let m = LISTED_FIRMS_RE.exec(text); m !== null; m = LISTED_FIRMS_RE.exec(text)) {
    let at = m.index;
    for (const name of m[1].split('、')) {
      // A bare place in the list (北京、上海等20家企业) names where the firms are, not a firm.
      if (lookupPlace(name).length === 0) out.push({ start: at, end: at + name.length, name, type: 'COMPANY', core: null });
      at += name.length + 1;
    }
  }
  return out;
}

/** Titles only a firm gives (芦淞国投副总经理赵中信): the name before one is a firm's, even unsuffixed. */
const EXECUTIVE_TITLE_RE = new RegExp(`(?:常务)?副?(?:${alternation(LEXICON.executiveTitles)})(?=[\\u4e00-\\u9fff]{2,4})`, 'g');

function firmsBeforeExecutiveTitles(text: string, tokens: Token[], places: Span[]): OrgSpan[] {
  const out: OrgSpan[] = [];
  EXECUTIVE_TITLE_RE.lastIndex = 0;
  for (let m = EXECUTIVE_TITLE_RE.exec(text); m !== null; m = EXECUTIVE_TITLE_RE.exec(text)) {
    const start = extendLeft({ text, tokens, places, headStart: m.index, maxLength: 12 });
    const name = text.slice(start, m.index);
    // At least two words' worth, and not a pronoun or a generic (公司总经理, 该企业董事长).
    if (name.length < 4 || /^[该本其各]/.test(name) || /(公司|企业|集团|单位)$/.test(name)) continue;
    if (lookupPlace(name).length > 0) continue;
    out.push({ start, end: m.index, name, type: 'COMPANY', core: null });
  }
  return out;
}

/** Suffixes whose bodies may be named by a number alone. */
const NUMBERED_SUFFIX = new RegExp(`^(${alternation(LEXICON.numberedSuffixes)})$`);

/** A suffix inside a quoted programme name (“就业创业中心生态圈”) is not a body. */
function insideQuotedName(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('“', start);
  if (open < 0 || text.lastIndexOf('”', start) > open) return false;
  const close = text.indexOf('”', end);
  return close > end && close - end < 20 && !/[，。\n]/.test(text.slice(end, close));
}

const PARENT_UNIT_RE = new RegExp(`(${alternation(LEXICON.parentUnits)})$`);

/**
 * 农业银行 inside 农业银行芦淞支行, …集团 inside …集团有限公司: a span that only ever appears as the
 * head of a longer body's name is that longer body, not a second one. Printed on its own
 * somewhere else in the story, it stays.
 */
function dropNested(spans: OrgSpan[]): OrgSpan[] {
  // A department or unit of a body (…有限公司残疾人事业部, …大学统战部) leaves its parent standing.
  const unit = PARENT_UNIT_RE;
  // A district's party committee printed only as the head of one of its departments (天元区委统战部) is
  // the department's address, not a second body.
  const committee = /[省市区县]委$/;
  const nested = (s: OrgSpan): boolean =>
    spans.some((o) => o !== s && o.start === s.start && o.end > s.end && (!unit.test(o.name) || committee.test(s.name)));
  const standalone = new Set(spans.filter((s) => !nested(s)).map((s) => s.name));
  return spans.filter((s) => !nested(s) || standalone.has(s.name));
}

interface AcceptInput {
  name: string;
  rule: SuffixRule;
  /** A title follows the name (镇党委副书记, 市委秘书长). */
  titled: boolean;
  /** Whether the words before the suffix with its level character are a place (娄底|市委); asked only of party committees. */
  placeHead: () => boolean;
}

function acceptable({ name, rule, titled, placeHead }: AcceptInput): boolean {
  if (GENERIC.has(name)) return false;
  if (rule.exclude.has(name)) return false;
  for (const ex of rule.exclude) if (name.endsWith(ex)) return false;
  const headText = name.slice(0, name.length - rule.suffix.length);
  const head = headText.length;
  // 市委秘书长, 镇党委副书记, 总工会主席: a bare body the title ties to one the reader knows.
  const bareLevel = head === 0 || LEVEL_PREFIXES.includes(headText);
  if (bareLevel && titled && BARE_WITH_TITLE.has(rule.suffix)) return true;
  if (head < rule.minHead) return false;
  if (!rule.core && head < 1) return false;
  // A bare level word before a suffix (市局, 区中心) names no one body.
  if (!rule.core && LEVEL_PREFIXES.includes(headText)) return rule.minHead === 0 || rule.suffix.length >= 3;
  if (!isCjk(name[0]) && !/^[0-9A-Za-z]/.test(name)) return false;
  if (categoryHead(name, rule.suffix)) return false;
  if (rule.head === 'place' && !placeHead()) return false;
  if (rule.head === 'placed' && !LEVEL_PREFIXES.some((p) => headText.startsWith(p)) && !startsWithPlace(headText)) return false;
  if ((rule.head === 'specific' || name.endsWith('中心')) && !specificHead(name, rule.suffix)) return false;
  return true;
}

function startsWithPlace(head: string): boolean {
  for (let len = Math.min(head.length, 8); len >= 2; len--) if (lookupPlace(head.slice(0, len)).length > 0) return true;
  return false;
}

/** 基层妇联, 社区党委, 县级康复中心: a head that opens with a category word and names nothing after it. */
function categoryHead(name: string, suffix: string): boolean {
  const head = name.slice(0, name.length - suffix.length);
  for (const word of GENERIC_HEADS) {
    if (!head.startsWith(word)) continue;
    return head.length === word.length || !specificHead(name.slice(word.length), suffix);
  }
  return false;
}

/** Determiners that may stand before a kind of body (各乡镇便民服务中心). */
const DETERMINER_RE = new RegExp(`^(${alternation(LEXICON.determiners)})`);

/** Tags of words that make a name specific: a place, a brand, a foreign word, a number. */
const PROPER_TAG = /^(ns|nrt|nt|nz|x|eng|m)$/;

/**
 * 职工服务中心, 便民服务中心, 小区物业: a body named only by what it does, with no place, brand or
 * owner in its name, is a kind of body, not one body (the guideline's "有关部门"). 盛康托养中心 (a
 * brand), 湘银物业 and 市政务服务中心 (a level) stay. Only the words before the suffix count: the
 * segmenter tags whole common names (康复中心/nt) and common words (养老/nr) unreliably.
 */
function specificHead(name: string, suffix: string): boolean {
  const key = `${name}|${suffix}`;
  let known = SPECIFIC.get(key);
  if (known === undefined) {
    known = readSpecificHead(name, suffix);
    // A bounded memo: the answer depends on the two strings only, and names recur across stories.
    if (SPECIFIC.size >= SPECIFIC_MEMO) SPECIFIC.clear();
    SPECIFIC.set(key, known);
  }
  return known;
}

const SPECIFIC = new Map<string, boolean>();
const SPECIFIC_MEMO = 4096;

function readSpecificHead(name: string, suffix: string): boolean {
  const tokens = tokenize(name);
  const headEnd = name.length - suffix.length;
  // 市政务服务中心: the level word is a word of its own (市场服务中心 starts with 市场, not 市).
  if (LEVEL_PREFIXES.some((prefix) => name.startsWith(prefix) && tokens.some((t) => t.start === prefix.length))) return true;
  const head = tokens.filter((t) => t.end <= headEnd && isCjk(t.word[0]));
  // Unknown names fall apart into single characters (盛/康/托/养): two in a row are a brand's name.
  const singles = head.some((t, i) => t.word.length === 1 && head[i + 1]?.word.length === 1 && head[i + 1].start === t.end);
  // Brackets (乡镇（街道）便民服务中心) are tagged like unknown words; only words decide.
  return singles || head.some((t) => PROPER_TAG.test(t.tag) || (t.tag === 'nr' && t.word.length === 3));
}

/** `A（以下简称“B”）` and `A（简称B）`: B is another printed form of the organisation A. */
function abbreviationSpans(text: string, spans: OrgSpan[]): { spans: OrgSpan[]; declared: DeclaredAbbreviation[] } {
  const found: OrgSpan[] = [];
  const declared: DeclaredAbbreviation[] = [];
  const re = /（(?:以下)?简称“?([\u3400-\u9fffA-Za-z0-9]{2,10})”?）/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const owner = spans.find((s) => s.end === m!.index);
    if (!owner) continue;
    const alias = m[1];
    const aliasStart = m.index + m[0].indexOf(alias);
    found.push({ start: aliasStart, end: aliasStart + alias.length, name: owner.name, type: owner.type, core: owner.core });
    // Later bare uses of the abbreviation are mentions of the same body.
    for (let at = text.indexOf(alias, m.index + m[0].length); at >= 0; at = text.indexOf(alias, at + alias.length)) {
      if (spans.some((s) => s.start <= at && s.end >= at + alias.length && s.name !== alias)) continue;
      found.push({ start: at, end: at + alias.length, name: owner.name, type: owner.type, core: owner.core });
    }
    declared.push({ owner: owner.name, alias });
  }
  return { spans: found, declared };
}

/** An abbreviation the story declares with 简称: `alias` is another printed form of `owner`. */
interface DeclaredAbbreviation {
  owner: string;
  alias: string;
}

/** The place prefix and department core of a name (株洲市 + 人力资源和社会保障局), when it has a known core. */
function splitCore(name: string): { prefix: string; full: string } | null {
  for (const [form, full] of FULL_OF) {
    if (name.endsWith(form) && name.length > form.length - 1) return { prefix: name.slice(0, name.length - form.length), full };
  }
  return null;
}

/**
 * Groups spans into organisations: spans with the same name, abbreviations declared with 简称,
 * and short forms of one printed full form (市人社局 ↔ 株洲市人力资源和社会保障局; 民政局 ↔ 天元区民政局)
 * become one organisation named by its fullest printed form.
 */
function group({ prepared, spans, declared, elsewhere }: GroupInput): OrganisationFound[] {
  const byName = new Map<string, OrganisationFound>();
  // Bodies printed in another line of the story (衡阳残联 in the headline) are targets for this
  // text's short forms (市残联); they are listed only when one folds in.
  for (const { name, type } of elsewhere) if (!byName.has(name)) byName.set(name, { name, aliases: new Set(), type, mentions: [] });
  for (const s of spans) {
    let entry = byName.get(s.name);
    if (!entry) {
      entry = { name: s.name, aliases: new Set(), type: s.type, mentions: [] };
      byName.set(s.name, entry);
    }
    const surface = prepared.text.slice(s.start, s.end);
    if (surface !== s.name) entry.aliases.add(surface);
    if (!entry.mentions.some((m) => m.start === s.start && m.end === s.end)) entry.mentions.push({ start: s.start, end: s.end });
  }
  for (const { owner, alias } of declared) {
    const shortEntry = byName.get(alias);
    const ownerEntry = byName.get(owner);
    if (shortEntry && ownerEntry && shortEntry !== ownerEntry) merge(byName, ownerEntry, shortEntry);
  }
  foldShortForms(byName);
  foldFormerNames(byName);
  return [...byName.values()].filter((o) => o.mentions.length > 0);
}

/** A body printed in another line of the story, by name and type. */
export interface PrintedBody {
  name: string;
  type: OrganisationType;
}

interface GroupInput {
  prepared: PreparedText;
  spans: OrgSpan[];
  declared: DeclaredAbbreviation[];
  /** Bodies printed in other lines of the story. */
  elsewhere: PrintedBody[];
}

function merge(byName: Map<string, OrganisationFound>, into: OrganisationFound, from: OrganisationFound): void {
  into.aliases.add(from.name);
  for (const a of from.aliases) into.aliases.add(a);
  into.mentions.push(...from.mentions);
  byName.delete(from.name);
}

/** Whether a printed place (株洲市, 衡阳, 荷塘区) is of the level a bare prefix (市, 区 …) names. */
const LEVEL_OF_PREFIX: Record<string, (place: string) => boolean> = {
  市: (place) => /市$/.test(place) || lookupPlace(place).some((p) => p.level === 'CITY'),
  区: (place) => /区$/.test(place),
  县: (place) => /县$/.test(place),
  省: (place) => /省$/.test(place) || lookupPlace(place).some((p) => p.level === 'PROVINCE'),
  镇: (place) => /镇$/.test(place),
  街道: (place) => /街道$/.test(place),
};

/**
 * 市人社局 and 株洲市人力资源和社会保障局, 区城管局 and 渌口区城管局, 民政局 and 天元区民政局: a form
 * with a bare level prefix (or none) folds into the one printed form that has the same rest (or
 * the rest's full form) after a named place of that level, when exactly one such form is printed.
 */
function foldShortForms(byName: Map<string, OrganisationFound>): void {
  for (const short of [...byName.values()]) {
    if (!byName.has(short.name)) continue;
    const prefix = LEVEL_PREFIXES.find((p) => short.name.startsWith(p) && short.name.length - p.length >= 2) ?? '';
    const rest = short.name.slice(prefix.length);
    const tails = new Set([rest]);
    const core = splitCore(rest);
    if (core && core.prefix === '') tails.add(core.full);
    const levelOf = LEVEL_OF_PREFIX[prefix.replace(/委$/, '')];
    const candidates = [...byName.values()].filter((long) => {
      if (long === short) return false;
      for (const tail of tails) {
        if (!long.name.endsWith(tail) || long.name.length <= tail.length) continue;
        const place = long.name.slice(0, long.name.length - tail.length);
        if (LEVEL_PREFIXES.includes(place)) continue;
        if (prefix === '' || (levelOf ? levelOf(place.replace(/委$/, '')) : place.endsWith(prefix))) return true;
      }
      return false;
    });
    if (candidates.length === 1) merge(byName, candidates[0], short);
  }
}

/** 原南方摩托车厂 → 南方摩托车厂 with the printed form as an alias. */
function foldFormerNames(byName: Map<string, OrganisationFound>): void {
  for (const entry of [...byName.values()]) {
    const prefix = FORMER_PREFIXES.find((p) => entry.name.startsWith(p));
    if (!prefix) continue;
    const bare = entry.name.slice(prefix.length);
    const target = byName.get(bare);
    byName.delete(entry.name);
    if (target) {
      target.aliases.add(entry.name);
      target.mentions.push(...entry.mentions);
    } else {
      entry.aliases.add(entry.name);
      entry.name = bare;
      byName.set(bare, entry);
    }
  }
}
