/**
 * People named in a story with a full personal name.
 *
 * A candidate is a surname from the lexicon plus one or two given-name characters. It becomes a
 * person only with a cue the paper uses for people: a title or role right before it (董事长李玉龙,
 * 市民李丹), an age (44岁的王娟华), a speech verb right after it (谢恩说, 陈国斌介绍), or a sentence
 * that opens with it and goes on with 是/老家/本科 …; a later bare use of a confirmed name counts.
 * Anonymised references (刘女士, 黄某, 张小小(化名)), byline names and national leaders are skipped.
 * A shorter or longer form seen in the same story (王娟 … 王娟华) folds into one person.
 */
import surnameData from '../lexicon/surnames.json';
import titleData from '../lexicon/titles.json';
import anonymisedData from '../lexicon/anonymised-person.json';
import { tokenAt, type Token } from '../tokenizer';
import type { PreparedText, Span } from './sentences';
import { isCjk } from './sentences';

/** One person of the story with every span that names them. */
export interface PersonFound {
  name: string;
  aliases: Set<string>;
  mentions: Span[];
}

const SINGLE = new Set(surnameData.single);
const COMPOUND = new Set(surnameData.compound);
const AMBIGUOUS = new Set(surnameData.ambiguous);
const TITLES = [...titleData.titles].sort((a, b) => b.length - a.length);
const HONORIFICS = [...anonymisedData.honorifics].sort((a, b) => b.length - a.length);

/** Verbs and phrases that follow a person's name when the paper quotes or describes them. */
const SPEECH_AFTER = /^(说|表示|介绍|坦言|感慨|指出|透露|告诉|笑道|说道|认为|建议|强调|回忆|提到|直言|补充|感叹|笑着说|高兴地说|激动地说|自豪地说|出席|讲话|致辞|坦承|表态|答道|向记者|对记者|告诉记者)/;
/** Weaker: words that follow a name in description (赵中信当即, 谢恩正在); not enough for a surname that is also a common word. */
const DESCRIBE_AFTER = /^(称|解释|主持|带头|带领|当即|迅速|进一步|一直|正在|本科|老家|毕业|来自|从部队|创办|自学|呼吁|希望|分享|回答)/;
/** Openers of a sentence that starts with a person and goes on to describe them. */
const OPENER_AFTER = /^(是|曾|今年|已|也|还|今|现|在|于|则|从|和|与|对|把|将|被|的身份|等人|等全国|等代表)/;
/** Characters that cannot be part of a given name: the third character is the next word. */
const NOT_GIVEN = new Set([...'的了在是和与及等说表介也都就将把被从对向为以已还又再们个位名岁年月日时你我他她它里内外前后到给让叫请经通过参加进出回走看想做作用带自当笑指透告认称解补每要会能可应该没很更最并、，。：；！？“”（）《》— ']);
const LEADERS = new Set(['习近平', '李强', '李克强', '赵乐际', '王沪宁', '蔡奇', '丁薛祥', '李希', '韩正', '王岐山', '栗战书', '汪洋', '毛泽东', '邓小平', '江泽民', '胡锦涛', '温家宝', '周恩来', '刘少奇', '朱镕基']);
const LEADER_TITLES = /(国家主席|总书记|国务院总理|总理|国家副主席|国务院副总理|委员长|主席)$/;

interface FindInput {
  prepared: PreparedText;
  /** The body's segmentation: a surname character inside a longer word (主任, 高兴) starts no name. */
  tokens: Token[];
  /** Spans of organisations and places: no person starts inside one. */
  blocked: Span[];
  creditNames: string[];
}

interface Occurrence {
  start: number;
  surname: string;
  /** Candidate forms at this position: 2- and 3-character (or compound-surname) names. */
  forms: string[];
  cue: boolean;
}

/** Finds the people of a prepared story body. */
export function findPeople({ prepared, tokens, blocked, creditNames }: FindInput): PersonFound[] {
  const text = prepared.text;
  const occurrences: Occurrence[] = [];
  const isBlocked = (at: number): boolean => blocked.some((b) => b.start <= at && b.end > at);
  for (let i = 0; i < text.length; i++) {
    const two = text.slice(i, i + 2);
    const surname = COMPOUND.has(two) ? two : SINGLE.has(text[i]) ? text[i] : null;
    if (surname === null || isBlocked(i)) continue;
    if (insideWord({ tokens, text, at: i, surnameLength: surname.length })) continue;
    const g = i + surname.length;
    if (anonymised(text, g)) continue;
    const forms: string[] = [];
    for (const len of [1, 2]) {
      const given = text.slice(g, g + len);
      if (given.length !== len || ![...given].every((c) => isCjk(c) && !NOT_GIVEN.has(c))) break;
      if (isBlocked(g + len - 1)) break;
      if (anonymised(text, g + len) && len === 1) {
        forms.length = 0;
        break;
      }
      forms.push(surname + given);
    }
    if (forms.length === 0) continue;
    occurrences.push({ start: i, surname, forms, cue: false });
  }

  // A name is confirmed by a cue at one of its occurrences; the form is chosen per story.
  const confirmed = new Map<string, number>();
  let claimedUntil = -1;
  for (const occ of occurrences) {
    if (occ.start < claimedUntil) continue;
    const form = chooseForm(text, occ);
    if (form === null) continue;
    claimedUntil = occ.start + form.length;
    if (LEADERS.has(form) || LEADER_TITLES.test(text.slice(Math.max(0, occ.start - 6), occ.start))) continue;
    if (creditContext(text, occ.start)) continue;
    confirmed.set(form, (confirmed.get(form) ?? 0) + 1);
  }

  // Names listed after a confirmed one (副厅长邓建华、欧阳志军) share its cue.
  for (const occ of occurrences) {
    if (text[occ.start - 1] !== '、') continue;
    const prev = [...confirmed.keys()].find((n) => text.slice(occ.start - 1 - n.length, occ.start - 1) === n);
    if (!prev) continue;
    const form = occ.forms.find((f) => boundaryAfter(text, occ.start + f.length)) ?? null;
    if (form && !confirmed.has(form)) confirmed.set(form, 1);
  }

  const people = fold([...confirmed.keys()], text);
  const credits = new Set(creditNames);
  return people
    .filter((p) => !LEADERS.has(p.name))
    .map((p) => ({ ...p, mentions: mentionsOf(text, [p.name, ...p.aliases], blocked) }))
    .filter((p) => p.mentions.length > 0 && !(credits.has(p.name) && p.mentions.every((m) => creditContext(text, m.start))));
}

/**
 * Whether the surname at `at` is part of an ordinary word: inside a word that starts earlier
 * (主任 → 任), or the start of a dictionary word that is not a name (高兴, 高校, 由衷).
 */
function insideWord({ tokens, text, at, surnameLength }: { tokens: Token[]; text: string; at: number; surnameLength: number }): boolean {
  const t = tokens[tokenAt(tokens, at)];
  if (!t || t.word.length < 2 || t.tag.startsWith('nr')) return false;
  if (t.start < at) return true;
  // 江波说 stays a name even though 江波 is in the dictionary: a speech verb right after decides.
  if (SPEECH_AFTER.test(text.slice(t.end, t.end + 4))) return false;
  return t.word.length > surnameLength && t.word.length <= 3 && t.start === at;
}

/** The name at an occurrence if a cue makes it a person, or null. */
function chooseForm(text: string, occ: Occurrence): string | null {
  const left = titleBefore(text, occ.start) || /(\d+岁的|名叫|叫做|市民|村民|居民|学员|学生)$/.test(text.slice(Math.max(0, occ.start - 5), occ.start));
  const sentenceStart = occ.start === 0 || /[。！？；\n”，]/.test(text[occ.start - 1]);
  const ordered = [...occ.forms].reverse();
  // A speech verb or a describing opener right after a form fixes where the name ends.
  for (const form of ordered) {
    const after = text.slice(occ.start + form.length, occ.start + form.length + 6);
    if (SPEECH_AFTER.test(after)) return form;
    if (!AMBIGUOUS.has(occ.surname) && (DESCRIBE_AFTER.test(after) || (sentenceStart && OPENER_AFTER.test(after)))) return form;
  }
  if (!left || AMBIGUOUS.has(occ.surname)) return null;
  // A title cue alone: take the longer form unless its last character usually starts the next word.
  const long = ordered[0];
  if (long.length > occ.surname.length + 1 && !NEXT_WORD_START.has(long[long.length - 1])) return long;
  const short = ordered[ordered.length - 1];
  return short.length > occ.surname.length ? short : null;
}

/** Characters that usually begin the word after a name (谢恩正在, 李丹通过, 吴德建议). */
const NEXT_WORD_START = new Set([...'正在通经参加成获取带用作任选学开做来去到回走看想知听讲谈答问接给拿让请帮跟同与及于对向因由虽但而所如若建表说介坦感当迅进笑高指透告认强提称直解补自先又再亲每今平曾一老本结围最也还和是的等从已将就都把被']);

function boundaryAfter(text: string, at: number): boolean {
  const c = text[at];
  return c === undefined || !isCjk(c) || NEXT_WORD_START.has(c) || SPEECH_AFTER.test(text.slice(at, at + 6)) || DESCRIBE_AFTER.test(text.slice(at, at + 6));
}

function titleBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 8), at);
  return TITLES.some((t) => before.endsWith(t));
}

function anonymised(text: string, at: number): boolean {
  const rest = text.slice(at, at + 4);
  if (HONORIFICS.some((h) => rest.startsWith(h))) return true;
  return /^[\u4e00-\u9fff]{0,2}[（(]化名/.test(rest + text.slice(at + 4, at + 8));
}

function creditContext(text: string, at: number): boolean {
  return /(记者|通讯员|编辑|摄影|摄|设计|编导|拍摄|剪辑)[／/]?\s*$/.test(text.slice(Math.max(0, at - 5), at)) || text[at - 1] === '/' || text[at - 1] === '／';
}

/**
 * Folds forms of one person: a shorter confirmed form that starts a longer one (王娟 / 王娟华).
 * The more frequent printed form is the name; the other is an alias (scored names match aliases).
 */
function fold(names: string[], text: string): Array<{ name: string; aliases: Set<string> }> {
  const count = (n: string): number => text.split(n).length - 1;
  const sorted = [...names].sort((a, b) => b.length - a.length);
  const out: Array<{ name: string; aliases: Set<string> }> = [];
  for (const n of sorted) {
    const host = out.find((p) => p.name.startsWith(n) || [...p.aliases].some((a) => a.startsWith(n) || n.startsWith(a)));
    if (host) {
      host.aliases.add(n);
      continue;
    }
    out.push({ name: n, aliases: new Set() });
  }
  // A three-character name printed once, whose two-character head is printed often, is more likely
  // the head plus the next word; keep the long form as an alias so either reading matches.
  for (const p of out) {
    for (const a of [...p.aliases]) {
      if (a.length < p.name.length && count(a) > count(p.name) + 1 && count(p.name) === 1) {
        p.aliases.delete(a);
        p.aliases.add(p.name);
        p.name = a;
      }
    }
  }
  return out;
}

function mentionsOf(text: string, forms: string[], blocked: Span[]): Span[] {
  const spans: Span[] = [];
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  for (let i = 0; i < text.length; i++) {
    const form = sorted.find((f) => text.startsWith(f, i));
    if (!form) continue;
    if (blocked.some((b) => b.start <= i && b.end > i)) continue;
    if (creditContext(text, i)) continue;
    spans.push({ start: i, end: i + form.length });
    i += form.length - 1;
  }
  return spans;
}
