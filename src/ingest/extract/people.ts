/**
 * People named in a story with a full personal name.
 *
 * A candidate is a surname from the lexicon plus one or two given-name characters. It becomes a
 * person only with a cue the paper uses for people (all cue words in lexicon/person-cues.json): a
 * title or a kind of person right before it (董事长李玉龙, 市民李丹, 孕妇黄某某), an age (44岁的王娟华),
 * a speech or describing verb right after it (谢恩说, 陈国斌详细介绍), a title after it (张三理事长),
 * the object of a verb taken by people (慰问了张三), a list with 、/和/及 after a confirmed name, or
 * a sentence that opens with it and goes on with 是/老家/本科 …; a later bare use of a confirmed
 * name counts. The name ends where the next word begins: a dictionary word starting at its third
 * character (张伟详细介绍 → 张伟), or a list mark, 等 or punctuation where no verb fixes it.
 * Anonymised references (刘女士, 黄某, 张小小(化名)), byline names and national leaders are skipped.
 * A shorter or longer form seen in the same story (王娟 … 王娟华) folds into one person.
 */
import cueData from '../lexicon/person-cues.json';
import { alternation, defineLexicon, literals, patterns, text as chars, words } from '../lexicon/loader';
import anonymisedData from '../lexicon/anonymised-person.json';
import { tokenAt, type Token } from '../tokenizer';
import type { PreparedText, Span } from './sentences';
import { isCjk } from './sentences';
import { SURNAMES } from './person-names';
import { TITLES } from './titles';

/** One person of the story with every span that names them. */
export interface PersonFound {
  name: string;
  aliases: Set<string>;
  mentions: Span[];
}

const CUES = defineLexicon('person-cues.json', cueData, {
  speechAfter: words,
  speechAdverbs: words,
  describeAfter: words,
  openerAfter: words,
  personNouns: words,
  ageBefore: patterns,
  honorificsAfterFullName: words,
  objectVerbs: words,
  listJoiners: words,
  notGiven: chars,
  nextWordStart: chars,
  leaders: words,
  leaderTitles: words,
  partyPrefixes: words,
  creditContextBefore: words,
});
const ANONYMISED = defineLexicon('anonymised-person.json', anonymisedData, { honorifics: words, prefixes: words, pseudonymMarkers: literals });

const SINGLE = new Set(SURNAMES.single);
const COMPOUND = new Set(SURNAMES.compound);
const AMBIGUOUS = new Set(SURNAMES.ambiguous);
const HONORIFICS = [...ANONYMISED.honorifics].sort((a, b) => b.length - a.length);

/** Verbs and phrases that follow a person's name when the paper quotes or describes them (an adverb may come first). */
const SPEECH_AFTER = new RegExp(`^(?:${alternation(CUES.speechAdverbs)})?(?:${alternation(CUES.speechAfter)})`, 'u');
/** Weaker: words that follow a name in description (赵中信当即, 谢恩正在); not enough for a surname that is also a common word. */
const DESCRIBE_AFTER = new RegExp(`^(?:${alternation(CUES.describeAfter)})`, 'u');
/** Openers of a sentence that starts with a person and goes on to describe them. */
const OPENER_AFTER = new RegExp(`^(?:${alternation(CUES.openerAfter)})`, 'u');
/** A kind of person, or an age, printed right before the name (村民李丹, 44岁的王娟华). */
const PERSON_BEFORE = new RegExp(`(?:${[alternation(CUES.personNouns), ...CUES.ageBefore.map((p) => p.replace(/\$$/u, ''))].join('|')})$`, 'u');
/** A title printed right after the name (周某某省委书记、…): the party body may lead the title. */
const TITLE_AFTER = new RegExp(`^(?:${alternation(CUES.partyPrefixes)})?(?:${alternation(TITLES)})(?=[、,，。；;的]|$)`, 'u');
/** A full name with a form of address after it (张三丰同学说) is still the person's full name. */
const HONORIFIC_AFTER = new RegExp(`^(?:${alternation(CUES.honorificsAfterFullName)})`, 'u');
/** Verbs whose object is a person or a list of people (慰问了张三、李四). */
const OBJECT_VERB_BEFORE = new RegExp(`(?:${alternation(CUES.objectVerbs)})$`, 'u');
const LIST_JOINERS = new Set(CUES.listJoiners);
/** Characters that cannot be part of a given name: the third character is the next word. */
const NOT_GIVEN = new Set([...CUES.notGiven]);
const LEADERS = new Set(CUES.leaders);
const LEADER_TITLES = new RegExp(`(?:${alternation(CUES.leaderTitles)})$`, 'u');
const CREDIT_BEFORE = new RegExp(`(?:${alternation(CUES.creditContextBefore)})[／/]?\\s*$`, 'u');
/** Where a name must end when no verb fixes it: a list mark, 等, punctuation or the end. */
const HARD_BOUNDARY = /^(?:[、，。；！？,.;!?：:“”（）()\s]|等|和|及|与|$)/u;

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
  // One pass over the blocked spans instead of a search at every character.
  const blockedAt = new Uint8Array(text.length + 1);
  for (const b of blocked) blockedAt.fill(1, Math.max(0, b.start), Math.min(text.length, b.end));
  const isBlocked = (at: number): boolean => blockedAt[at] === 1;
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
    const form = chooseForm(text, occ, tokens);
    if (form === null) continue;
    claimedUntil = occ.start + form.length;
    if (LEADERS.has(form) || LEADER_TITLES.test(text.slice(Math.max(0, occ.start - 8), occ.start))) continue;
    if (creditContext(text, occ.start)) continue;
    confirmed.set(form, (confirmed.get(form) ?? 0) + 1);
  }

  // Names listed after a confirmed one (副厅长邓建华、欧阳志军; 慰问了张三和李四等) share its cue,
  // in page order so that a list of three carries on; a surname that is also a common word needs
  // the list to end right after it.
  for (const occ of occurrences) {
    if (!LIST_JOINERS.has(text[occ.start - 1] ?? '')) continue;
    const prev = [...confirmed.keys()].find((n) => text.slice(occ.start - 1 - n.length, occ.start - 1) === n);
    if (!prev) continue;
    const strong = AMBIGUOUS.has(occ.surname) || text[occ.start - 1] !== '、';
    const form = [...occ.forms].reverse().find((f) => (strong ? hardBoundary(text, occ.start + f.length) : boundaryAfter(text, occ.start + f.length))) ?? null;
    if (form && !confirmed.has(form) && !creditContext(text, occ.start)) confirmed.set(form, 1);
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
  // 江波说 stays a name even though 江波 is in the dictionary: a speech verb right after decides;
  // a verb or adjective of the dictionary (展开讲解, 高兴地说) is never a name.
  if (/^[nN]/.test(t.tag) && SPEECH_AFTER.test(text.slice(t.end, t.end + 8))) return false;
  // …and so does a proper noun of the dictionary right after a title (主席欧文安: 欧文 is a word).
  if (/^(?:nz|ns)/.test(t.tag) && titleBefore(text, at)) return false;
  return t.word.length > surnameLength && t.word.length <= 3 && t.start === at;
}

/** The name at an occurrence if a cue makes it a person, or null. */
function chooseForm(text: string, occ: Occurrence, tokens: Token[]): string | null {
  const before = text.slice(Math.max(0, occ.start - 8), occ.start);
  const left = titleBefore(text, occ.start) || PERSON_BEFORE.test(before);
  const sentenceStart = occ.start === 0 || /[。！？；\n”，]/.test(text[occ.start - 1]);
  const ordered = [...occ.forms].reverse();
  // A speech verb or a describing opener right after a form fixes where the name ends.
  for (const form of ordered) {
    const after = text.slice(occ.start + form.length, occ.start + form.length + 8);
    if (SPEECH_AFTER.test(after)) return form;
    if (!AMBIGUOUS.has(occ.surname) && (DESCRIBE_AFTER.test(after) || (sentenceStart && OPENER_AFTER.test(after)))) return form;
    // 张三丰同学说, 周某某省委书记: a full name with a form of address or a title printed after it.
    if (!AMBIGUOUS.has(occ.surname) && form.length === occ.surname.length + 2 && HONORIFIC_AFTER.test(after)) return form;
    if (!AMBIGUOUS.has(occ.surname) && TITLE_AFTER.test(after) && form.length > occ.surname.length + 1) return form;
  }
  // The object of 慰问 / 看望 …: the name must end at a list mark, 等 or punctuation.
  if (OBJECT_VERB_BEFORE.test(before) && !AMBIGUOUS.has(occ.surname)) {
    const form = ordered.find((f) => hardBoundary(text, occ.start + f.length));
    if (form !== undefined && form.length > occ.surname.length) return form;
  }
  if (!left || AMBIGUOUS.has(occ.surname)) return null;
  // A title cue alone: take the longer form unless its last character starts the next word
  // (张伟详细介绍: 详 begins 详细, so the name is 张伟).
  const long = ordered[0];
  const lastAt = occ.start + long.length - 1;
  if (long.length > occ.surname.length + 1 && !NEXT_WORD_START.has(long[long.length - 1]) && !startsLongerWord(tokens, lastAt)) return long;
  const short = ordered[ordered.length - 1];
  return short.length > occ.surname.length ? short : null;
}

/** True when a dictionary word (not a name) starts at `at` and runs past it. */
function startsLongerWord(tokens: Token[], at: number): boolean {
  const t = tokens[tokenAt(tokens, at)];
  return t !== undefined && t.start === at && t.end > at + 1 && !t.tag.startsWith('nr');
}

/** Characters that usually begin the word after a name (谢恩正在, 李丹通过, 吴德建议). */
const NEXT_WORD_START = new Set([...CUES.nextWordStart]);

function hardBoundary(text: string, at: number): boolean {
  return HARD_BOUNDARY.test(text.slice(at, at + 1));
}

function boundaryAfter(text: string, at: number): boolean {
  const c = text[at];
  // A count after a list of names (张三、李四三位老人) ends the last one too.
  return c === undefined || !isCjk(c) || NEXT_WORD_START.has(c) || /[一二三四五六七八九十两几]/u.test(c) || SPEECH_AFTER.test(text.slice(at, at + 6)) || DESCRIBE_AFTER.test(text.slice(at, at + 6));
}

/** A title right before a name (董事长李玉龙); one alternation, as this runs at every surname. */
const TITLE_BEFORE = new RegExp(`(?:${alternation(TITLES)})$`, 'u');

function titleBefore(text: string, at: number): boolean {
  return TITLE_BEFORE.test(text.slice(Math.max(0, at - 8), at));
}

function anonymised(text: string, at: number): boolean {
  const rest = text.slice(at, at + 4);
  if (HONORIFICS.some((h) => rest.startsWith(h))) return true;
  return /^[\u4e00-\u9fff]{0,2}[（(]化名/.test(rest + text.slice(at + 4, at + 8));
}

function creditContext(text: string, at: number): boolean {
  return CREDIT_BEFORE.test(text.slice(Math.max(0, at - 5), at)) || text[at - 1] === '/' || text[at - 1] === '／';
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
