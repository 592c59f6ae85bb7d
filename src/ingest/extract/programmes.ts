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
import cueData from '../lexicon/programme-cues.json';
import { extendLeft, tokenAt, type Token } from './organisations';
import { sentenceAt, type PreparedText, type Span } from './sentences';

/** One programme of the story with every span that names it. */
export interface ProgrammeFound {
  name: string;
  aliases: Set<string>;
  kind: ProgrammeKind;
  targets: string[];
  mentions: Span[];
}

const HEADS = [...cueData.heads].sort((a, b) => b.length - a.length);
const EVENT_SUFFIXES = [...cueData.eventSuffixes].sort((a, b) => b.length - a.length);
const EVENT_RE = new RegExp(EVENT_SUFFIXES.join('|'), 'g');
const RUN_VERBS_RE = new RegExp(`(${[...cueData.runVerbs].sort((a, b) => b.length - a.length).join('|')})(了|起|出)?$`);
const NOT_PROGRAMME = new Set(cueData.notProgramme);
const TARGETS = [...cueData.targets].sort((a, b) => b.length - a.length);
const KINDS = cueData.kinds as Array<{ kind: ProgrammeKind; words: string[] }>;
/** A programme word inside the quote itself (“宝妈计划”, “百日攻坚”行动 is caught by its head). */
const PROGRAMME_WORD_RE = /(计划|行动|工程|活动|招聘会|培训班|大讲堂|讲堂|分享会|服务节|大赛|竞赛|工作法|品牌|平台|项目|机制|课程|党课|讲党课|管家|生态圈|进万家|进楼栋|进我家|进社区|进校园|送温暖)$/;
/** 以“X”为载体: the paper's way of naming the vehicle of a campaign. */
const VEHICLE_AFTER_RE = /^为(载体|抓手|契机|依托|平台|引领|主线|牵引)/;
/** Document titles that are plans and policies (films and songs have none of these endings). */
const DOCUMENT_RE = /(方案|措施|办法|意见|规划|计划|通知|细则|协议|条例|规定|纲要|意见稿|指引|清单|标准|公约)(（[^）]*）)?$/;
/** Honours and titles printed in quotes (获得“…先进单位”): not programmes. */
const HONOUR_RE = /(先进单位|爱心单位|先进|模范|标兵|称号|荣誉|之星|能手|冠军|十佳|百强|强榜单)$/;
/** Words that stop the search for a head noun after a quote. */
const HEAD_STOP_RE = /[的了在是将为把被让与和及等这那该，。、；：！？“”（）《》\n]/;
/** Leading words of an unquoted event that make it generic (此次招聘会, 各类培训班). */
const GENERIC_EVENT_HEAD = /^(此次|本次|这次|该|各类|各种|各级|相关|有关|多场|大型|专场|现场|本地|一场|一系列|系列|全市|全区|全县|线上|线下|首届|本届)$/;

interface FindInput {
  prepared: PreparedText;
  tokens: Token[];
  sentences: Span[];
  /** Names of places and organisations found in the story: a quote that names one is not a programme. */
  entityNames: Set<string>;
}

interface Candidate {
  span: Span;
  name: string;
  alias: string | null;
}

/** Finds the programmes of a prepared story body. */
export function findProgrammes({ prepared, tokens, sentences, entityNames }: FindInput): ProgrammeFound[] {
  const text = prepared.text;
  const candidates: Candidate[] = [];
  candidates.push(...quoted(text, tokens, entityNames));
  candidates.push(...documents(text));
  candidates.push(...events(text, tokens, candidates));

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

function quoted(text: string, tokens: Token[], entityNames: Set<string>): Candidate[] {
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
    if (!plausible(q.inner, entityNames)) continue;
    const before = text.slice(Math.max(0, q.open - 8), q.open);
    const after = text.slice(q.close, q.close + 6);
    if (/[：:]$/.test(before) || /^(说|表示|介绍|道)/.test(after)) continue; // speech
    if (/(获得|荣获|评为|授予|称号|誉为|被评)/.test(text.slice(Math.max(0, q.open - 12), q.open))) continue;
    if (/\d+名$/.test(before)) continue; // 招募100名“小区管家”: a role
    if (isParallelSlogan(q.inner)) {
      // A motto of short parallel phrases is a programme only when the paper names it as one.
      q.accepted = q.head !== '' || /名为$/.test(before);
      continue;
    }
    q.accepted =
      q.head !== '' ||
      (text[q.close] === '等' && headAfter(text, q.close + 1) !== '') ||
      RUN_VERBS_RE.test(before.replace(/[，、]$/, '')) ||
      /名为$/.test(before) ||
      (/以$/.test(before) && VEHICLE_AFTER_RE.test(after)) ||
      PROGRAMME_WORD_RE.test(q.inner);
  }
  // Quotes listed together (“A”、“B”等) share their cue.
  for (let i = 0; i < quotes.length; i++) {
    if (!quotes[i].accepted) continue;
    for (const dir of [-1, 1]) {
      for (let j = i + dir; j >= 0 && j < quotes.length; j += dir) {
        const [a, b] = dir > 0 ? [quotes[j - 1], quotes[j]] : [quotes[j], quotes[j + 1]];
        const between = text.slice(a.close + a.head.length, b.open);
        if (!/^[、，]?$/.test(between) || !plausible(quotes[j].inner, entityNames)) break;
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
    if (q.head && /(行动|工程|活动)$/.test(q.head) && q.head.length <= 2) {
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
  if (/^[A-Za-z0-9\s]+$/.test(inner)) return false;
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

function documents(text: string): Candidate[] {
  const out: Candidate[] = [];
  const re = /《([^《》\n]{4,60})》/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!DOCUMENT_RE.test(m[1])) continue;
    out.push({ span: { start: m.index + 1, end: m.index + 1 + m[1].length }, name: m[1], alias: null });
  }
  return out;
}

/** Unquoted named events (芦淞区市场主体培育专场招聘会): an event suffix after a specific name. */
function events(text: string, tokens: Token[], taken: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  EVENT_RE.lastIndex = 0;
  for (let m = EVENT_RE.exec(text); m !== null; m = EVENT_RE.exec(text)) {
    const end = m.index + m[0].length;
    if (taken.some((c) => c.span.start - 1 <= m!.index && c.span.end + 20 >= end && (c.alias ?? c.name).endsWith(m![0]))) continue;
    if (text[m.index - 1] === '”' || text[m.index - 1] === '》') continue;
    const start = extendLeft({ text, tokens, headStart: m.index, maxLength: 24 });
    const head = text.slice(start, m.index);
    if (head.length < 3 || GENERIC_EVENT_HEAD.test(head)) continue;
    // The word before the suffix names the event's subject (培育专场, 攻坚); an adverb or verb
    // there (迅速行动) makes it a clause, not a name.
    const before = tokens[tokenAt(tokens, m.index - 1)];
    if (before && before.word.length > 1 && /^(d|ad|a|v|p|c|r|t)$/.test(before.tag) && !/(培育|创业|攻坚|整治|建设)$/.test(before.word)) continue;
    if (/^[0-9０-９]/.test(head)) continue;
    const name = text.slice(start, end);
    out.push({ span: { start, end }, name, alias: null });
  }
  return out;
}

function kindOf(name: string, aliases: string[], context: string): ProgrammeKind {
  for (const source of [[name, ...aliases].join(' '), context]) {
    for (const k of KINDS) if (k.words.some((w) => source.includes(w))) return k.kind;
  }
  return 'OTHER';
}

function targetsOf(context: string): string[] {
  const found: string[] = [];
  for (const t of TARGETS) {
    if (context.includes(t) && !found.some((f) => f.includes(t))) found.push(t);
  }
  return found;
}
