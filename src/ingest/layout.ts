/**
 * Small predicates over printed lines that page cleaning and story segmentation share: does a
 * line end a sentence, could it be a headline, does a word run across a line break. The
 * vocabulary lives in lexicon/layout-markers.json.
 */
import { LAYOUT_MARKERS as markers } from './layout-markers';
import { cutWords } from './tokenizer';

const SENTENCE_FINAL = new Set(markers.sentenceFinal);
const CLOSING_QUOTES = new Set(markers.closingQuotes);
const BULLETS = new Set(markers.bullets);
/** Longest printed headline on the seed pages is 30 characters; prose lines run to hundreds. */
export const MAX_HEADING = 36;
const HAN = /\p{Script=Han}/u;
/** Headlines with a comma are short (联点共建,老旧小区变了模样); a line this long with one is prose. */
const LONG_CLAUSE_LINE = 26;
const CLAUSE_MARKS = /[,,;;]/gu;
const INNER_SENTENCE_END = /[。!?!?;;]/u;

/** The line without trailing closing quotes and brackets (“…好。” ends a sentence; “…”成历史 does not). */
function withoutClosingQuotes(text: string): string {
  let end = text.length;
  while (end > 0 && CLOSING_QUOTES.has(text[end - 1])) end -= 1;
  return text.slice(0, end);
}

/** True when the line ends a sentence (。!? …, possibly inside closing quotes). */
export function endsSentence(text: string): boolean {
  const trimmed = withoutClosingQuotes(text.trimEnd());
  // A closing quote right after the text (”成历史 / "工作项目化") ends a title, not a sentence.
  return trimmed.length > 0 && SENTENCE_FINAL.has(trimmed[trimmed.length - 1]);
}

/** True when the line stops at a pause (comma, enumeration comma, colon, open bracket): it must go on. */
export function endsMidSentence(text: string): boolean {
  return /[,,、::;;((“《]$/u.test(text.trimEnd());
}

export function startsWithBullet(text: string): boolean {
  return text.length > 0 && BULLETS.has(text[0]);
}

/**
 * Could be a headline, kicker or subhead: short, not a finished sentence, and not a run of
 * clauses (two or more commas mark broken prose: 为推进产业项目建设,打造一流营商环境,芦淞).
 */
export function isHeadingLike(text: string): boolean {
  if (text.length === 0 || text.length > MAX_HEADING || endsSentence(text) || endsMidSentence(text)) return false;
  const clauses = (text.match(CLAUSE_MARKS) ?? []).length;
  if (clauses >= 2) return false;
  // A long line with a clause break and no spacing between headline parts is a broken sentence.
  if (clauses === 1 && text.length >= LONG_CLAUSE_LINE && !text.includes(' ')) return false;
  return !INNER_SENTENCE_END.test(text.slice(0, -1));
}

export function startsWithSubtitleDash(text: string): boolean {
  return markers.subtitleDashes.some((dash) => text.startsWith(dash));
}

/** How many characters either side of a break the word check looks at. */
const BREAK_WINDOW = 4;

/**
 * True when a dictionary word runs across the break between `before` and `after`
 * (心理疏 | 导 → 疏导, 重大安 | 全隐患 → 安全): the break fell inside a word, so the two lines are
 * one sentence. Only Han characters meet at a break that can split a word.
 */
export function wordSpansBreak(before: string, after: string): boolean {
  const left = before.trimEnd();
  const right = after.trimStart();
  if (left.length === 0 || right.length === 0) return false;
  if (!HAN.test(left[left.length - 1]) || !HAN.test(right[0])) return false;
  const tail = takeHan(left.slice(-BREAK_WINDOW).split('').reverse()).reverse().join('');
  const head = takeHan(right.slice(0, BREAK_WINDOW).split('')).join('');
  let offset = 0;
  for (const word of cutWords(tail + head)) {
    const start = offset;
    offset += word.length;
    if (start < tail.length && offset > tail.length) return true;
  }
  return false;
}

/** The leading run of Han characters. */
function takeHan(chars: string[]): string[] {
  const run: string[] = [];
  for (const ch of chars) {
    if (!HAN.test(ch)) break;
    run.push(ch);
  }
  return run;
}

const CONTINUATION_ENDS = new Set(markers.continuationEnds);
const CONTINUATION_STARTS = new Set(markers.continuationStarts);

/** True when two stacked short lines read as one headline (the first cannot end, or the second cannot begin, one). */
export function linesContinue(upper: string, lower: string): boolean {
  const u = upper.trimEnd();
  const l = lower.trimStart();
  if (u.length === 0 || l.length === 0) return false;
  return CONTINUATION_ENDS.has(u[u.length - 1]) || CONTINUATION_STARTS.has(l[0]) || wordSpansBreak(u, l);
}
