/**
 * Programmes named in a story: quoted names (“宝妈计划”; with the head noun printed right after the
 * quote as an alias: “共享生活管家”零工服务平台), titled plans and documents (《…实施方案》, not films
 * or songs), and named one-off events without quotes (芦淞区市场主体培育专场招聘会, …攻坚行动).
 *
 * Most quoted words in the paper are not programmes (slogans, figures of speech, speech), so a
 * quote is taken only with a programme cue: a head noun after it, a run verb before it, a
 * programme word inside it, or a list it shares with such a quote.
 */
import type { ProgrammeKind } from '../../model';
import data from '../lexicon/programme-cues.json';
import { alternation, defineLexicon, oneOf, records, text, words } from '../lexicon/loader';
import { PROGRAMME_KINDS } from '../../model';
import { RUN_VERB_SOURCE } from './run-cues';
import { tokenAt, tokenize, type Token } from '../tokenizer';
import { extendLeft } from './name-spans';
import { sentenceAt, type PreparedText, type Span } from './sentences';

/** One programme of the story with every span that names it. */
export interface ProgrammeFound {
  name: string;
  aliases: Set<string>;
  kind: ProgrammeKind;
  targets: string[];
  mentions: Span[];
}

const CUES = defineLexicon('programme-cues.json', data, {
  heads: words,
  eventSuffixes: words,
  kinds: records({ kind: oneOf(PROGRAMME_KINDS), words: words }),
  targets: words,
  notProgramme: words,
  campaignVerbs: words,
  campaignSuffixes: words,
  genericCampaignHeads: words,
  programmeWords: words,
  vehicleAfter: words,
  documentEndings: words,
  honourEndings: words,
  honourVerbs: words,
  speechAfter: words,
  genericEventHeads: words,
  eventHeadVerbs: words,
  titledAfterCount: words,
  headsByKind: records({ kind: oneOf(PROGRAMME_KINDS), words: words }),
  formulaChars: text,
  shortHeadSuffixes: words,
  rankWords: words,
  eventUnitWords: words,
  nameConjunctions: words,
  mottoHeads: words,
  vagueHeads: words,
  courseWords: words,
  brandNouns: words,
});
/** A character of a listed brand's name: a Han character that is not a particle (了, 的 …). */
const BRAND_CHAR = '(?:(?![了的是和与及在将把被])[\\u4e00-\\u9fff])';
/** 打造了A、B等劳务品牌: unquoted brands listed before 等 and a brand noun. */
const LISTED_BRANDS_RE = new RegExp(
  `(?<=[了，：]|打造|培育|形成|推出)((?:${BRAND_CHAR}{3,10}、)+${BRAND_CHAR}{3,10})等(?:[0-9０-９一二三四五六七八九十]+[个项批])?[\\u4e00-\\u9fff]{0,4}?(?:${alternation(CUES.brandNouns)})`,
  'g',
);
const MOTTO_HEAD_RE = new RegExp(`(${alternation(CUES.mottoHeads)})$`);
const VAGUE_HEAD_RE = new RegExp(`^(${alternation(CUES.vagueHeads)})$`);
const SHORT_HEAD_SUFFIXES = new Set(CUES.shortHeadSuffixes);
/** “1+N”, “十四五”: a numbered formula, not a programme's name. */
const FORMULA_RE = new RegExp(`^[${CUES.formulaChars.replace(/[-\\\]^]/g, '\\$&')}A-Za-z]+$`);

const HEADS = [...new Set([...CUES.heads, ...CUES.headsByKind.flatMap((k) => k.words)])].sort((a, b) => b.length - a.length);
/** Head noun → the kind of programme it names. */
const KIND_OF_HEAD = new Map(CUES.headsByKind.flatMap((k) => k.words.map((w) => [w, k.kind] as const)));
const EVENT_RE = new RegExp(alternation(CUES.eventSuffixes), 'g');
const RUN_VERBS_RE = new RegExp(`(${RUN_VERB_SOURCE})(了|起|出)?$`);
const NOT_PROGRAMME = new Set(CUES.notProgramme);
const TARGETS = [...CUES.targets].sort((a, b) => b.length - a.length);
const KINDS = CUES.kinds;
/** A programme word inside the quote itself (“宝妈计划”, “百日攻坚”行动 is caught by its head). */
const PROGRAMME_WORD_RE = new RegExp(`(${alternation([...new Set([...CUES.programmeWords, ...CUES.headsByKind.flatMap((k) => k.words)])])})$`);
/** 以“X”为载体: the paper's way of naming the vehicle of a campaign. */
export const VEHICLE_AFTER_RE = new RegExp(`^为(${alternation(CUES.vehicleAfter)})`);
/** Document titles that are plans and policies (films and songs have none of these endings). */
const DOCUMENT_RE = new RegExp(`(${alternation(CUES.documentEndings)})(（[^）]*）)?$`);
/** Honours and titles printed in quotes (获得“…先进单位”): not programmes. */
const HONOUR_RE = new RegExp(`(${alternation(CUES.honourEndings)})$`);
const HONOUR_BEFORE_RE = new RegExp(alternation(CUES.honourVerbs));
const SPEECH_AFTER_RE = new RegExp(`^(${alternation(CUES.speechAfter)})`);
/** Words that stop the search for a head noun after a quote. */
const HEAD_STOP_RE = /[的了在是将为把被让与和及等这那该，。、；：！？“”（）《》\n]/;
/** Suffixes of named model projects, often printed after a count (10个以上…示范项目). */
const TITLED_AFTER_COUNT = new RegExp(`^(${alternation(CUES.titledAfterCount)})$`);
/** A rank before a category (获评2022年度省级创业孵化基地): an honour, not a named programme. */
const RANK_HEAD_RE = new RegExp(`^([0-9０-９]{4})?年?度?(${alternation(CUES.rankWords)})`);
/** 开展/实施 + a name + 工作/行动/改革/工程 (see campaignsAfterVerb). */
const CAMPAIGN_AFTER_VERB_RE = new RegExp(
  `(${alternation(CUES.campaignVerbs)})(?:了)?((?:[\\u4e00-\\u9fff“”]|[、](?=[\\u4e00-\\u9fff])){4,24}?)(${alternation(CUES.campaignSuffixes)})(?=[，。；、\\n]|$)`,
  'g',
);
/** Object names that are routine duties, not named campaigns (开展日常巡查工作). */
const GENERIC_CAMPAIGN_HEAD_RE = new RegExp(`^(${alternation(CUES.genericCampaignHeads)})$`);
/** Leading words of an unquoted event that make it generic (此次招聘会, 各类培训班). */
const GENERIC_EVENT_HEAD = new RegExp(`^(${alternation(CUES.genericEventHeads)})$`);
/** Verbal words that may end an unquoted event's head (…培育专场招聘会). */
const EVENT_HEAD_VERB_RE = new RegExp(`(${alternation(CUES.eventHeadVerbs)})$`);

interface FindInput {
  prepared: PreparedText;
  tokens: Token[];
  sentences: Span[];
  /** Names of places and organisations found in the story: a quote that names one is not a programme. */
  entityNames: Set<string>;
  /** Where the story's bodies and places are printed: a quote right after one is that body's programme. */
  named?: Span[];
}

interface Candidate {
  span: Span;
  name: string;
  alias: string | null;
  /** The event suffix of an unquoted event name (行动, 培训班), for folding repeated names. */
  suffix?: string;
}

/** Courses named by an international acronym (SYB创业培训, GYB培训): a named programme family. */
const ACRONYM_COURSE_RE = new RegExp(`(?<![A-Za-z])[A-Z]{2,5}(?:${alternation(CUES.courseWords)})?培训(?:班)?`, 'g');
/** A count before an unquoted name (打造10个以上…示范项目): the name starts right after it. */
const COUNT_BEFORE_RE = /(?:[0-9０-９]+|[一二三四五六七八九十百千两]+)(?:个|项|批|家|场|所)(?:以上|左右)?([\u4e00-\u9fff]{2,10})$/;
/** Unit nouns that stop an organisation name but may sit inside an event's (…服务机构领军人才…). */
const EVENT_UNIT_WORD = new RegExp(`^(${alternation(CUES.eventUnitWords)})$`);
/** Conjunctions that may join two nouns inside an event name (…领军人才和从业人员培训活动). */
const NAME_CONJUNCTION = new RegExp(`^(${alternation(CUES.nameConjunctions)})$`);

/** Finds the programmes of a prepared story body. */
export function findProgrammes({ prepared, tokens, sentences, entityNames, named = [] }: FindInput): ProgrammeFound[] {
  const text = prepared.text;
  const candidates: Candidate[] = [];
  candidates.push(...quoted({ text, tokens, entityNames, named }));
  candidates.push(...documents(text));
  candidates.push(...listedBrands(text, entityNames).filter((b) => !candidates.some((c) => overlaps(c.span, b.span))));
  const campaigns = campaignsAfterVerb(text);
  // An event word inside a body's name (…担保贷款中心, …公益基金会) is the body's, not an event.
  const inBody = (e: Candidate): boolean => named.some((b) => b.start <= e.span.start && b.end > e.span.end);
  candidates.push(...events(text, tokens, candidates).filter((e) => !inBody(e) && !campaigns.some((c) => overlaps(c.span, e.span))), ...campaigns);
  for (const m of text.matchAll(ACRONYM_COURSE_RE)) {
    if (candidates.some((c) => c.span.start < m.index + m[0].length && c.span.end > m.index)) continue;
    candidates.push({ span: { start: m.index, end: m.index + m[0].length }, name: m[0], alias: null });
  }

  const byName = new Map<string, ProgrammeFound>();
  for (const c of candidates) {
    let entry = byName.get(c.name);
    if (!entry) {
      entry = { name: c.name, aliases: new Set(), kind: 'OTHER', targets: [], mentions: [] };
      byName.set(c.name, entry);
    }
    if (c.alias && c.alias !== c.name) entry.aliases.add(c.alias);
    if (!entry.mentions.some((m) => m.start === c.span.start)) entry.mentions.push(c.span);
  }
  foldRepeatedEvents(byName, candidates);
  for (const p of byName.values()) {
    p.mentions.sort((a, b) => a.start - b.start);
    const context = p.mentions.map((m) => {
      const s = sentenceAt(sentences, m.start);
      return text.slice(s.start, s.end);
    });
    p.kind = kindOf(p.name, [...p.aliases], context.join(''));
    p.targets = targetsOf([p.name, ...p.aliases, ...context].join('\n'));
  }
  return [...byName.values()];
}

interface QuotedInput {
  text: string;
  tokens: Token[];
  entityNames: Set<string>;
  named: Span[];
}

function quoted({ text, tokens, entityNames, named }: QuotedInput): Candidate[] {
  interface Quote {
    open: number;
    close: number;
    inner: string;
    head: string;
    accepted: boolean;
  }
  const quotes: Quote[] = [];
  const re = /“([^“”\n]{2,30})”/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const open = m.index;
    const close = open + m[0].length;
    const inner = m[1];
    quotes.push({ open, close, inner, head: headAfter(text, close), accepted: false });
  }
  for (const q of quotes) {
    // A two-character name is a programme only with its head noun printed after it (“五创”联动机制).
    if (!plausible(q.inner, entityNames) && !(q.inner.length === 2 && q.head !== '' && !VAGUE_HEAD_RE.test(q.head) && plausible(`${q.inner}${q.head}`, entityNames))) continue;
    const before = text.slice(Math.max(0, q.open - 8), q.open);
    const after = text.slice(q.close, q.close + 6);
    if (/[：:]$/.test(before) || SPEECH_AFTER_RE.test(after)) continue; // speech
    if (HONOUR_BEFORE_RE.test(text.slice(Math.max(0, q.open - 12), q.open))) continue;
    if (/\d+名$/.test(before)) continue; // 招募100名“小区管家”: a role
    if (isParallelSlogan(q.inner)) {
      // A motto of short parallel phrases is a programme only when the paper names it as one.
      // “三方发力、同频共振”的产业链工作机制: the motto names the mechanism printed after 的.
      const namedBy = text[q.close] === '的' ? headAfter(text, q.close + 1) : '';
      if (namedBy && q.head === '') q.head = `的${namedBy}`;
      q.accepted = q.head !== '' || /名为$/.test(before);
      continue;
    }
    q.accepted =
      q.head !== '' ||
      (text[q.close] === '等' && headAfter(text, q.close + 1) !== '') ||
      RUN_VERBS_RE.test(before.replace(/[，、]$/, '')) ||
      /名为$/.test(before) ||
      // 某社区“银龄食堂”, 区妇联的“暖心驿站”: printed as a body's or a place's own, with no cue word.
      (q.inner.length >= 3 && named.some((s) => s.end === q.open || (text[q.open - 1] === '的' && s.end === q.open - 1))) ||
      (/以$/.test(before) && VEHICLE_AFTER_RE.test(after.replace(/^[\u4e00-\u9fff]{1,4}?(?=为)/, ''))) ||
      PROGRAMME_WORD_RE.test(q.inner);
  }
  // Quotes listed together (“A”、“B”等) share their cue.
  for (let i = 0; i < quotes.length; i++) {
    if (!quotes[i].accepted) continue;
    for (const dir of [-1, 1]) {
      for (let j = i + dir; j >= 0 && j < quotes.length; j += dir) {
        const [a, b] = dir > 0 ? [quotes[j - 1], quotes[j]] : [quotes[j], quotes[j + 1]];
        const between = text.slice(a.close + a.head.length, b.open);
        // Listed with programmes, a title may carry an exclamation inside it (“加油吧！少年”).
        if (!/^[、，]?$/.test(between) || !plausible(quotes[j].inner.replace(/！(?=.)/g, ''), entityNames)) break;
        quotes[j].accepted = true;
      }
    }
  }
  const out: Candidate[] = [];
  for (const q of quotes) {
    if (!q.accepted) continue;
    let name = q.inner;
    let alias: string | null = q.head ? text.slice(q.open, q.close + q.head.length) : null;
    // A campaign whose quoted part is only its motto (拆违保安“百日攻坚”行动): take the printed
    // words before the quote as part of the name.
    if (q.head && MOTTO_HEAD_RE.test(q.head) && q.head.length <= 2) {
      const start = extendLeft({ text, tokens, headStart: q.open, maxLength: 20 });
      if (q.open - start >= 4) {
        name = text.slice(start, q.close + q.head.length);
        alias = null;
      }
    }
    out.push({ span: { start: q.open + 1, end: q.close - 1 }, name, alias });
    // 名为“X”的Y: Y names the same event.
    const named = /^的([\u4e00-\u9fff]{2,12}?)(活动|$)/.exec(text.slice(q.close, q.close + 14));
    if (/名为$/.test(text.slice(q.open - 2, q.open)) && named) out.push({ span: { start: q.close + 1, end: q.close + 1 + named[1].length }, name, alias: named[1] });
  }
  return out;
}

/**
 * An unquoted event printed again in a shorter or differently led form (服饰城从业人员二次创业攻坚行动
 * … 芦淞服饰城二次创业攻坚行动; …拆违保安“百日攻坚”行动 … 拆违保安行动) is the same programme: a later
 * event that shares with an earlier programme its suffix and at least four characters before it,
 * either as a common tail or as its whole head printed inside the earlier name, becomes an alias.
 */
function foldRepeatedEvents(byName: Map<string, ProgrammeFound>, candidates: Candidate[]): void {
  // An event whose whole name ends a longer event's name (小额担保贷款 … 创业小额担保贷款), whichever
  // is printed first, is the longer one in short.
  for (const c of candidates) {
    const short = byName.get(c.name);
    if (!c.suffix || !short || c.name.length < 4) continue;
    const long = [...byName.values()].find((p) => p !== short && p.name.length > c.name.length && p.name.endsWith(c.name) && candidates.some((o) => o.name === p.name && o.suffix === c.suffix));
    if (!long) continue;
    long.aliases.add(short.name);
    for (const a of short.aliases) long.aliases.add(a);
    long.mentions.push(...short.mentions);
    long.mentions.sort((a, b) => a.start - b.start);
    byName.delete(short.name);
  }
  const first = (p: ProgrammeFound): number => p.mentions[0]?.start ?? 0;
  const bare = (name: string): string => name.replace(/[“”]/g, '');
  for (const c of candidates) {
    if (!c.suffix) continue;
    const later = byName.get(c.name);
    if (!later) continue;
    const head = bare(c.name).slice(0, c.name.length - c.suffix.length);
    const target = [...byName.values()].find((p) => {
      if (p === later || first(p) >= first(later) || !bare(p.name).endsWith(c.suffix!)) return false;
      const earlier = bare(p.name);
      let tail = 0;
      while (tail < Math.min(earlier.length, c.name.length) && earlier[earlier.length - 1 - tail] === c.name[c.name.length - 1 - tail]) tail++;
      // …or the whole later name ends the earlier one (小额担保贷款 after 创业小额担保贷款).
      return tail >= c.suffix!.length + 4 || (head.length >= 4 && earlier.includes(head)) || earlier.endsWith(bare(c.name));
    });
    if (!target) continue;
    target.aliases.add(later.name);
    for (const a of later.aliases) target.aliases.add(a);
    target.mentions.push(...later.mentions);
    target.mentions.sort((a, b) => a.start - b.start);
    byName.delete(later.name);
  }
}

/** 三方发力、同频共振: two or more short phrases in parallel, the paper's usual shape of a slogan. */
function isParallelSlogan(inner: string): boolean {
  const parts = inner.split(/[、，,；;]/);
  return parts.length >= 2 && parts.every((part) => part.length >= 2 && part.length <= 4);
}

function plausible(inner: string, entityNames: Set<string>): boolean {
  if (NOT_PROGRAMME.has(inner) || entityNames.has(inner)) return false;
  // 保姆式, 一站式: a manner of working, not a named initiative.
  if (inner.endsWith('式')) return false;
  if (/[。！？?!]/.test(inner)) return false;
  if (/^[\d０-９]+[个批场名家项次件条位]/.test(inner)) return false;
  if (HONOUR_RE.test(inner)) return false;
  if (/^[A-Za-z0-9\s]+$/.test(inner) || FORMULA_RE.test(inner)) return false;
  return inner.length >= 3 || PROGRAMME_WORD_RE.test(inner);
}

/** The programme head noun printed right after a closing quote (零工服务平台, 主题活动), or ''. */
function headAfter(text: string, at: number): string {
  let end = at;
  while (end < text.length && end - at < 18 && !HEAD_STOP_RE.test(text[end])) end++;
  const run = text.slice(at, end);
  for (let len = run.length; len > 0; len--) {
    const piece = run.slice(0, len);
    if (HEADS.some((h) => piece.endsWith(h))) return piece;
  }
  return '';
}

/** Each unquoted name listed before 等…品牌, unless it names a body or place of the story. */
function listedBrands(text: string, entityNames: Set<string>): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(LISTED_BRANDS_RE)) {
    let at = m.index;
    for (const name of m[1].split('、')) {
      if (!entityNames.has(name) && !NOT_PROGRAMME.has(name)) out.push({ span: { start: at, end: at + name.length }, name, alias: null });
      at += name.length + 1;
    }
  }
  return out;
}

function documents(text: string): Candidate[] {
  const out: Candidate[] = [];
  const re = /《([^《》\n]{4,60})》/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!DOCUMENT_RE.test(m[1])) continue;
    out.push({ span: { start: m.index + 1, end: m.index + 1 + m[1].length }, name: m[1], alias: null });
  }
  return out;
}

/**
 * A campaign named as the object of a run verb (大力实施教育振兴三年行动, 开展助企特派工作,
 * 开展非机动车、摩托车违法停放集中整治行动): everything between the verb and the campaign word is its
 * name. Only a verb printed right before it counts, so a general 工作 (做好…工作) stays out.
 */
function campaignsAfterVerb(text: string): Candidate[] {
  const out: Candidate[] = [];
  CAMPAIGN_AFTER_VERB_RE.lastIndex = 0;
  for (let m = CAMPAIGN_AFTER_VERB_RE.exec(text); m !== null; m = CAMPAIGN_AFTER_VERB_RE.exec(text)) {
    const [, verb, head, suffix] = m;
    // A quoted name inside (开展…“五个到户”工作) is the programme; the quote rule finds it.
    if (/[“”]/.test(head)) continue;
    const bare = head;
    // A numbered round (第二批…评选工作) names one campaign even when it joins two objects with 和.
    const numbered = /^第[0-9０-９一二三四五六七八九十百]+[批期届轮次]/.test(bare);
    if (bare.length < 4 || GENERIC_EVENT_HEAD.test(bare.slice(0, 2)) || GENERIC_CAMPAIGN_HEAD_RE.test(bare) || (numbered ? /[的了]/ : /[的了和与及]/).test(bare)) continue;
    // 启动集中接种工作: a head of verbs only says what is done, not which campaign; a name has a noun.
    if (!tokenize(bare).some((t) => /^(n|l|m|vn)/.test(t.tag))) continue;
    const start = m.index + m[0].length - head.length - suffix.length;
    const end = start + head.length + suffix.length;
    out.push({ span: { start, end }, name: text.slice(start, end), alias: null, suffix });
  }
  return out;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Unquoted named events (芦淞区市场主体培育专场招聘会): an event suffix after a specific name. */
function events(text: string, tokens: Token[], taken: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  EVENT_RE.lastIndex = 0;
  for (let m = EVENT_RE.exec(text); m !== null; m = EVENT_RE.exec(text)) {
    const end = m.index + m[0].length;
    if (taken.some((c) => c.span.start - 1 <= m!.index && c.span.end + 20 >= end && (c.alias ?? c.name).endsWith(m![0]))) continue;
    if (text[m.index - 1] === '”' || text[m.index - 1] === '》') continue;
    // A suffix that starts inside an ordinary word (迅速行动, 立即行动) ends a clause, not a name.
    const holder = tokens[tokenAt(tokens, m.index)];
    if (holder && holder.start < m.index && tokenize(text.slice(holder.start, m.index)).every((t) => /^(d|ad|a|v|vd|i|l)$/.test(t.tag))) continue;
    let start = extendLeft({ text, tokens, headStart: m.index, maxLength: 24 });
    const before = tokens[tokenAt(tokens, m.index - 1)];
    // An object-verb compound before the suffix (技能提升行动, 环境清理行动) names the campaign's aim.
    const objectVerb = before && before.tag === 'v' && before.word.length === 2 && start === m.index && tokens[tokenAt(tokens, before.start - 1)]?.tag === 'n';
    if (objectVerb) start = extendLeft({ text, tokens, headStart: before.start, maxLength: 24 });
    // Two nouns joined by 和/及 inside a name that starts with a place (株洲市…领军人才和从业人员培训活动).
    const joined = tokens[tokenAt(tokens, start - 1)];
    if (joined && joined.end === start && NAME_CONJUNCTION.test(joined.word)) {
      let wider = extendLeft({ text, tokens, headStart: joined.start, maxLength: 30 });
      for (let unit = tokens[tokenAt(tokens, wider - 1)]; unit && unit.end === wider && EVENT_UNIT_WORD.test(unit.word); unit = tokens[tokenAt(tokens, wider - 1)]) {
        const next = extendLeft({ text, tokens, headStart: unit.start, maxLength: 30 });
        if (next >= wider) break;
        wider = next;
      }
      // The place may follow a printed year (2023年度醴陵市…).
      const first = tokenAt(tokens, wider);
      if (wider < joined.start && tokens.slice(first, first + 2).some((t) => /^ns/.test(t.tag))) start = wider;
    }
    // After a count (打造10个以上产改结对示范项目) the name is everything up to the suffix.
    if (m.index - start < 3) {
      const counted = COUNT_BEFORE_RE.exec(text.slice(Math.max(0, m.index - 20), m.index));
      if (counted && !/[的了是在和与]/.test(counted[1]) && TITLED_AFTER_COUNT.test(m[0])) start = m.index - counted[1].length;
    }
    // The printed year belongs to the name (2021年度…培训班); a rank before it (省级…基地) is an honour.
    const year = /[0-9０-９]{4}$/.exec(text.slice(Math.max(0, start - 4), start));
    if (year && /^年度?/.test(text.slice(start, m.index))) start -= year[0].length;
    // …2024年|义务植树节活动: the name stopped at the year's 年; the year belongs to it.
    const yearBefore = !year ? /[0-9０-９]{4}年度?$/.exec(text.slice(Math.max(0, start - 7), start)) : null;
    if (yearBefore) start -= yearBefore[0].length;
    const head = text.slice(start, m.index);
    // 以暖企行动为抓手: printed as the vehicle of a body's work, a two-character name is a name.
    const asVehicle = text[start - 1] === '以' && VEHICLE_AFTER_RE.test(text.slice(end, end + 4));
    const shortHead = head.length === 2 && (asVehicle || SHORT_HEAD_SUFFIXES.has(m[0]));
    if ((head.length < 3 && !shortHead) || GENERIC_EVENT_HEAD.test(head) || RANK_HEAD_RE.test(head)) continue;
    // The word before the suffix names the event's subject (培育专场, 攻坚); an adverb or verb
    // there (迅速行动) makes it a clause, not a name.
    if (!objectVerb && before && before.start >= start && before.word.length > 1 && /^(d|ad|a|v|p|c|r|t)$/.test(before.tag) && !EVENT_HEAD_VERB_RE.test(before.word) && !TITLED_AFTER_COUNT.test(m[0])) continue;
    if (/^[0-9０-９]/.test(head) && !year && !yearBefore) continue;
    const name = text.slice(start, end);
    out.push({ span: { start, end }, name, alias: null, suffix: m[0] });
  }
  return out;
}

function kindOf(name: string, aliases: string[], context: string): ProgrammeKind {
  const forms = [name, ...aliases];
  const byWord = (source: string): ProgrammeKind | undefined => KINDS.find((k) => k.words.some((w) => source.includes(w)))?.kind;
  // The name's own keywords first (“幸福就业驿站” is employment), then its head noun's category
  // (食堂, 课堂), then the words of the sentences that name it.
  const own = byWord(forms.join(' '));
  if (own) return own;
  for (const form of forms) {
    for (const [head, kind] of KIND_OF_HEAD) if (form.endsWith(head)) return kind;
  }
  return byWord(context) ?? 'OTHER';
}

function targetsOf(context: string): string[] {
  const found: string[] = [];
  for (const t of TARGETS) {
    if (context.includes(t) && !found.some((f) => f.includes(t))) found.push(t);
  }
  return found;
}
