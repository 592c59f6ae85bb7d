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
import { Jieba, type TaggedWord } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { OrganisationType } from '../../model';
import suffixData from '../lexicon/organisation-suffixes.json';
import abbreviationData from '../lexicon/organisation-abbreviations.json';
import cueData from '../lexicon/programme-cues.json';
import titleData from '../lexicon/titles.json';
import { lookupPlace } from '../lexicon/gazetteer';
import type { PreparedText, Span } from './sentences';
import { isCjk } from './sentences';

/** One organisation of the story with every span that names it. */
export interface OrganisationFound {
  name: string;
  aliases: Set<string>;
  type: OrganisationType;
  mentions: Span[];
}

/** A word of the segmented body with its offsets. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

interface SuffixRule {
  suffix: string;
  type: OrganisationType;
  minHead: number;
  exclude: Set<string>;
  /** A department core from the abbreviation lexicon (人力资源和社会保障局): may start a name on its own. */
  core: boolean;
}

// Built once at module load: the segmenter, the suffix table and one alternation regex.
const jieba = Jieba.withDict(dict);

const RULES = new Map<string, SuffixRule>();
for (const s of suffixData.suffixes as Array<{ suffix: string; type: string; minHead?: number; exclude?: string[] }>) {
  RULES.set(s.suffix, {
    suffix: s.suffix,
    type: s.type as OrganisationType,
    minHead: s.minHead ?? 1,
    exclude: new Set(s.exclude ?? []),
    core: false,
  });
}
for (const body of abbreviationData.bodies) {
  for (const form of [body.full, ...body.short]) {
    const existing = RULES.get(form);
    if (existing) {
      existing.core = true;
      continue;
    }
    RULES.set(form, { suffix: form, type: body.type as OrganisationType, minHead: 0, exclude: new Set(), core: true });
  }
}
const SUFFIX_RE = new RegExp(
  [...RULES.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|'),
  'g',
);

const GENERIC = new Set(abbreviationData.generic);
/** Titles the segmenter glues to a body's suffix (党委书记, 支部书记): the body still ends there. */
const TITLES = new Set(titleData.titles);
const LEVEL_PREFIXES = [...abbreviationData.levelPrefixes].sort((a, b) => b.length - a.length);

/** Core → its full form, for folding 人社局 into 人力资源和社会保障局. */
const FULL_OF = new Map<string, string>();
for (const body of abbreviationData.bodies) {
  FULL_OF.set(body.full, body.full);
  for (const s of body.short) if (!FULL_OF.has(s)) FULL_OF.set(s, body.full);
}

/** Tags of words that never sit inside a name. */
const STOP_TAGS = new Set(['p', 'c', 'uj', 'ul', 'ud', 'uz', 'uv', 'ug', 'u', 'r', 'd', 't', 'x', 'y', 'e', 'o', 'zg', 'ad', 'i']);
/** Single characters that are words of their own (verbs, prepositions), never pieces of a name. */
const STOP_CHARS = new Set([...'系是在有到给让把被对向从为将和与及等了的说做去来看找用送带请叫进出入上下由经据按凭靠往替跟同随该本这各其也还都已就又再正并而但或于以之所如若即每共约近达超']);
/** Words that end a name on their left whatever their tag. */
const STOP_WORDS = new Set([
  '在', '由', '与', '和', '及', '向', '对', '为', '从', '了', '等', '是', '将', '把', '被', '让', '给', '到', '经', '的',
  '联合', '联手', '举办', '开展', '组织', '成立', '组建', '签订', '签署', '走进', '来自', '加入', '获悉', '记者', '位于',
  '依托', '以及', '包括', '通过', '目前', '我市', '全市', '全区', '该', '本', '这', '各', '其', '毕业于', '获得', '以下',
  '以上', '之间', '内', '上', '下', '里', '前', '后', '旁', '当天', '近日', '今年', '去年', '同时', '此外', '还',
  '也', '都', '已', '已经', '正在', '共', '于', '向', '支持', '指导', '受', '接受', '带领', '配合', '协调', '邀请',
  '引进', '入驻', '进驻', '找到', '派', '安排', '推荐', '参加', '参与', '全省', '全国', '区直', '市直', '多家', '一家',
]);
/** Verbal words that names are made of (they are tagged v/vn but belong inside names). */
const NAME_VERBS = new Set([
  '发展', '服务', '管理', '投资', '建设', '促进', '监督', '保障', '规划', '创新', '创业', '就业', '养老', '托养', '研究',
  '设计', '制造', '运输', '融资', '担保', '孵化', '培训', '教育', '检测', '控制', '预防', '执法', '改革', '治理', '开发',
  '经营', '贸易', '咨询', '营销', '生产', '加工', '交流', '合作', '支行', '银行', '织造', '纺织', '动力', '贷款', '印刷',
  '冶', '烹调', '烹饪', '培育', '建设', '孵化', '维修', '保护', '救助', '援助', '协作', '联络', '指挥', '应急', '审批', '登记', '监测', '统筹',
]);
// The verbs by which bodies run programmes never sit inside a name (启动小区…, 深入开展服饰城…).
for (const verb of cueData.runVerbs) if (verb.length > 1 && !NAME_VERBS.has(verb)) STOP_WORDS.add(verb);
for (const verb of ['现任', '担任', '曾任', '出任', '深入开展', '扎实开展', '启动', '积极', '联系', '持续', '全力', '大力', '率先', '特聘', '聘请', '全镇', '全乡', '全村', '全县']) STOP_WORDS.add(verb);
const RUN_VERB_END = new RegExp(`(${cueData.runVerbs.filter((v) => v.length > 1 && !NAME_VERBS.has(v)).join('|')})$`);

/** A prefix that marks a former or historical name: kept as an alias, dropped from the name. */
const FORMER_PREFIXES = ['原', '前'];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Segments a prepared text once; offsets are into that text. */
export function tokenize(text: string): Token[] {
  // Without HMM: unknown names fall apart into single characters, which keeps word edges where
  // the dictionary puts them instead of gluing a name to the next word (城正, 群已).
  const tagged: TaggedWord[] = jieba.tag(text, false);
  const tokens: Token[] = [];
  let at = 0;
  for (const t of tagged) {
    const start = text.indexOf(t.word, at);
    const s = start < 0 ? at : start;
    tokens.push({ word: t.word, tag: t.tag, start: s, end: s + t.word.length });
    at = s + t.word.length;
  }
  return tokens;
}

/** Index of the token that contains offset `at`, by binary search. */
export function tokenAt(tokens: Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether a word may sit inside a proper name (used for organisations and places alike). */
export function nameWord(token: Token): boolean {
  const w = token.word;
  if (STOP_WORDS.has(w)) return false;
  if (NAME_VERBS.has(w)) return true;
  if (w.length > 2 && RUN_VERB_END.test(w)) return false; // 大力开展, 深入推进 …
  if (!/^[\u3400-\u9fffA-Za-z0-9０-９]+$/.test(w)) return w === '（' || w === '）';
  // Unknown names arrive as single characters with unreliable tags (盛/v 康/nr 托/v 养/v): only
  // characters that are words of their own stop a name.
  if (w.length === 1 && /[\u3400-\u9fff]/.test(w)) return !STOP_CHARS.has(w) && !['p', 'c', 'uj', 'ul', 'r', 'd', 'u'].includes(token.tag);
  if (STOP_TAGS.has(token.tag)) return false;
  if (token.tag === 'v' || token.tag === 'vd') return false;
  if (token.tag === 'm' && !/^第?[0-9０-９一二三四五六七八九十百两]+[次级届期]?$/.test(w)) return false;
  if (token.tag === 'f' && w.length === 1) return false;
  if (/^(子公司|分公司|下属公司|公司|企业|单位|部门|机构)$/.test(w)) return false;
  return true;
}

interface ExtendInput {
  text: string;
  tokens: Token[];
  /** Gazetteer spans; a name never starts inside one. */
  places?: Span[];
  /** Where the head word (suffix) starts; the name grows left from the token holding it. */
  headStart: number;
  maxLength: number;
}

/**
 * The start of a name whose head begins at `headStart`: words are taken leftwards while they can
 * sit in a name. Numbers may sit inside (二十三冶) but not start a name (20家国企); a bracketed
 * short place (（株洲）) may sit inside.
 */
export function extendLeft({ text, tokens, places, headStart, maxLength }: ExtendInput): number {
  let k = tokenAt(tokens, headStart);
  let start = headStart;
  const end = headStart;
  // A head that starts inside a word takes the whole word (管理局 for 局).
  if (tokens[k] && tokens[k].start < headStart) start = tokens[k].start;
  k -= 1;
  for (; k >= 0; k--) {
    const tok = tokens[k];
    if (end - tok.start > maxLength) break;
    if (tok.word === '）') {
      const open = text.lastIndexOf('（', tok.start);
      if (open < 0 || tok.start - open > 6 || open === 0) break;
      const inside = text.slice(open + 1, tok.start);
      if (!/^[\u3400-\u9fff]{1,5}$/.test(inside)) break;
      k = tokenAt(tokens, open);
      start = open;
      continue;
    }
    if (!nameWord(tok) || tok.word === '（') break;
    start = tok.start;
  }
  // A name does not start with a count (20家, 一场场), a bare measure word or a bracket; a lone
  // numeral before a name character stays (九郎山, 三门镇).
  for (let i = tokenAt(tokens, start); i < tokens.length && tokens[i].start < headStart; i++) {
    const t = tokens[i];
    const count = /^[0-9０-９.]+$/.test(t.word) || /^[一两几多每各数][个家场批名项次种位类级条件座所]/.test(t.word);
    const measure = t.tag === 'q' && /^[个家场批名项次种位类级条件座所]$/.test(t.word);
    if (count || measure || t.word === '（' || (t.tag === 'm' && t.word.length > 1 && !/^第/.test(t.word))) start = t.end;
    else break;
  }
  const counted = /^(一|两|几|多|每)(场场|个个|批批|场|个|批|家|项|次|种|位|类|系列)/.exec(text.slice(start, headStart));
  if (counted) start += counted[0].length;
  if (places) {
    // A division cut by the start (天元|区委) belongs to the name whole.
    for (const g of places) if (g.start < start && g.end > start) start = g.start;
  }
  return start;
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
export function findOrganisations(prepared: PreparedText, tokens: Token[], places: Span[] = []): OrganisationFound[] {
  const text = prepared.text;
  const spans: OrgSpan[] = [];
  SUFFIX_RE.lastIndex = 0;
  for (let m = SUFFIX_RE.exec(text); m !== null; m = SUFFIX_RE.exec(text)) {
    const suffix = m[0];
    const rule = RULES.get(suffix)!;
    const headStart = m.index;
    const headEnd = headStart + suffix.length;
    // The suffix must end a word: 大学生 is not 大学, 局长 is not 局.
    const endTok = tokens[tokenAt(tokens, headEnd - 1)];
    if (endTok && endTok.end !== headEnd && !RULES.has(text.slice(endTok.start, endTok.end))) {
      const rest = text.slice(headEnd, endTok.end);
      if (!(endTok.end > headEnd && (RULES.has(rest) || TITLES.has(rest)))) continue;
    }
    if (/(大学|中学|小学|学院)$/.test(suffix) && /^[生子]/.test(text[headEnd] ?? '')) continue; // 大学生, 大学子
    let start = extendLeft({ text, tokens, places, headStart, maxLength: 26 });
    // 各乡镇…中心, 所有…学校: a determiner says "every one of a kind"; it is not part of a name.
    const determiner = DETERMINER_RE.exec(text.slice(start, headStart));
    if (determiner && headStart - start - determiner[0].length >= 2) start += determiner[0].length;
    // Numbered hospitals and schools (331医院, 第二中学) start with their number.
    const numbered = /([0-9０-９]{2,4}|第[一二三四五六七八九十]+)$/.exec(text.slice(Math.max(0, start - 5), start));
    if (numbered && start === headStart && NUMBERED_SUFFIX.test(suffix)) start -= numbered[0].length;
    const name = text.slice(start, headEnd);
    if (insideQuotedName(text, start, headEnd)) continue;
    if (!acceptable(name, rule)) continue;
    spans.push({ start, end: headEnd, name, type: rule.type, core: rule.core ? (FULL_OF.get(suffix) ?? null) : null });
  }
  // Firms printed without a suffix, where no suffixed name already covers the words.
  for (const firm of [...firmsBeforeExecutiveTitles(text, tokens, places), ...listedCompanies(text)]) {
    if (!spans.some((o) => o.start < firm.end && firm.start < o.end)) spans.push(firm);
  }
  const abbreviations = abbreviationSpans(text, spans);
  spans.push(...abbreviations.spans);
  return group({ prepared, spans: dropNested(spans), declared: abbreviations.declared });
}

/**
 * 引进了广州孤轩、杭州意法、香港锦艺等119家优质服饰企业: names listed before 等 + a count of 家 +
 * a word for firms are firms, however short their printed names. The list starts after a verb's
 * 了, a comma or a colon, so the verb does not join the first name.
 */
const LISTED_FIRMS_RE =
  /(?<=[了，：]|包括|如)((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})等(?:[0-9０-９]+|[一二三四五六七八九十百千两几多]+)余?家[\u4e00-\u9fff]{0,8}?(?:企业|公司|厂家|商家)/g;

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
const EXECUTIVE_TITLE_RE = /(?:常务)?副?(?:总经理|董事长|总裁)(?=[\u4e00-\u9fff]{2,4})/g;

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
const NUMBERED_SUFFIX = /^(医院|中学|小学|幼儿园)$/;

/** A suffix inside a quoted programme name (“就业创业中心生态圈”) is not a body. */
function insideQuotedName(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('“', start);
  if (open < 0 || text.lastIndexOf('”', start) > open) return false;
  const close = text.indexOf('”', end);
  return close > end && close - end < 20 && !/[，。\n]/.test(text.slice(end, close));
}

/**
 * 农业银行 inside 农业银行芦淞支行, …集团 inside …集团有限公司: a span that only ever appears as the
 * head of a longer body's name is that longer body, not a second one. Printed on its own
 * somewhere else in the story, it stays.
 */
function dropNested(spans: OrgSpan[]): OrgSpan[] {
  // A department or unit of a body (…有限公司残疾人事业部, …大学统战部) leaves its parent standing.
  const unit = /(事业部|统战部|宣传部|组织部|工作部|工会|团委|侨联|妇联|党委|党支部|学院|青志联|服务部|办公室)$/;
  // A district's party committee printed only as the head of one of its departments (天元区委统战部) is
  // the department's address, not a second body.
  const committee = /[省市区县]委$/;
  const nested = (s: OrgSpan): boolean =>
    spans.some((o) => o !== s && o.start === s.start && o.end > s.end && (!unit.test(o.name) || committee.test(s.name)));
  const standalone = new Set(spans.filter((s) => !nested(s)).map((s) => s.name));
  return spans.filter((s) => !nested(s) || standalone.has(s.name));
}

function acceptable(name: string, rule: SuffixRule): boolean {
  if (GENERIC.has(name)) return false;
  if (rule.exclude.has(name)) return false;
  for (const ex of rule.exclude) if (name.endsWith(ex)) return false;
  const head = name.length - rule.suffix.length;
  if (head < rule.minHead) return false;
  if (!rule.core && head < 1) return false;
  // A bare level word before a suffix (市局, 区中心) names no one body.
  if (!rule.core && LEVEL_PREFIXES.includes(name.slice(0, head))) return rule.minHead === 0 || rule.suffix.length >= 3;
  if (!isCjk(name[0]) && !/^[0-9A-Za-z]/.test(name)) return false;
  if (genericCentre(name)) return false;
  return true;
}

/** Determiners that may stand before a kind of body (各乡镇便民服务中心). */
const DETERMINER_RE = /^(所有|各级|各类|各个|各|每个|每)/;

/** Words that make a name specific: a place, a person's or a brand's name, a number. */
const PROPER_TAG = /^(ns|nr|nrt|nt|nz|x|eng|m)$/;

/**
 * 职工服务中心, 便民服务中心, 孵化中心: a centre named only by what it does, with no place, brand or
 * owner in its name, is a kind of body, not one body (the guideline's "有关部门"). 盛康托养中心 (a
 * brand) and 市政务服务中心 (a level) stay.
 */
function genericCentre(name: string): boolean {
  if (!name.endsWith('中心')) return false;
  const tokens = tokenize(name);
  // 市政务服务中心: the level word is a word of its own (市场服务中心 starts with 市场, not 市).
  if (LEVEL_PREFIXES.some((prefix) => name.startsWith(prefix) && tokens.some((t) => t.start === prefix.length))) return false;
  // Brackets (乡镇（街道）便民服务中心) are tagged like unknown words; only words decide.
  return tokens.every((token) => !PROPER_TAG.test(token.tag) || !isCjk(token.word[0]));
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
function group({ prepared, spans, declared }: { prepared: PreparedText; spans: OrgSpan[]; declared: DeclaredAbbreviation[] }): OrganisationFound[] {
  const byName = new Map<string, OrganisationFound>();
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
  return [...byName.values()];
}

function merge(byName: Map<string, OrganisationFound>, into: OrganisationFound, from: OrganisationFound): void {
  into.aliases.add(from.name);
  for (const a of from.aliases) into.aliases.add(a);
  into.mentions.push(...from.mentions);
  byName.delete(from.name);
}

const LEVEL_OF_PREFIX: Record<string, RegExp> = {
  市: /市$|^株洲$/,
  区: /区$/,
  县: /县$/,
  省: /省$/,
  镇: /镇$/,
  街道: /街道$/,
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
    const levelRe = LEVEL_OF_PREFIX[prefix.replace(/委$/, '')];
    const candidates = [...byName.values()].filter((long) => {
      if (long === short) return false;
      for (const tail of tails) {
        if (!long.name.endsWith(tail) || long.name.length <= tail.length) continue;
        const place = long.name.slice(0, long.name.length - tail.length);
        if (LEVEL_PREFIXES.includes(place)) continue;
        if (prefix === '' || (levelRe ? levelRe.test(place.replace(/委$/, '')) : place.endsWith(prefix))) return true;
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
