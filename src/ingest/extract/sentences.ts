/**
 * Text preparation and sentence/clause spans for one story body.
 *
 * OCR'd pages print the same punctuation in two widths (`,` and `，`), straight quotes for curly
 * ones, and spaces where a line was broken inside a word (`百企 万岗`). Extraction runs on a
 * prepared copy where those differences are gone, and every offset in the copy maps back to the
 * body so that evidence is still copied exactly from the printed text.
 */
import data from '../lexicon/punctuation.json';
import { defineLexicon, table, text } from '../lexicon/loader';

/** A body prepared for matching, with the way back to the printed text. */
export interface PreparedText {
  /** The printed body. */
  original: string;
  /** Matching copy: full-width punctuation, curly quotes, no line-break spaces between CJK. */
  text: string;
  /** `toOriginal[i]` is the offset in `original` of `text[i]`; one extra entry for the end. */
  toOriginal: number[];
}

export interface Span {
  start: number;
  end: number;
}

const PUNCTUATION = defineLexicon('punctuation.json', data, { halfToFull: table, sentenceEnds: text, clauseEnds: text, widePunctuation: text });
const HALF_TO_FULL: Readonly<Record<string, string>> = PUNCTUATION.halfToFull;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const WIDE_PUNCT = new Set(PUNCTUATION.widePunctuation);

/** Whether a character is a CJK ideograph. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * Prepares a body for matching. Spaces are dropped when a CJK character or wide punctuation is on
 * either side (they are line-break artefacts there); spaces between Latin letters or digits stay.
 * Straight double quotes alternate open/close within a paragraph.
 */
export function prepareText(original: string): PreparedText {
  const out: string[] = [];
  const map: number[] = [];
  let quoteOpen = false;
  for (let i = 0; i < original.length; i++) {
    let ch = original[i];
    if (ch === ' ' || ch === '\t' || ch === '\u3000') {
      const prev = previousVisible(original, i);
      const next = nextVisible(original, i);
      const joinable = (c: string | undefined): boolean =>
        c === undefined || isCjk(c) || WIDE_PUNCT.has(c) || c in HALF_TO_FULL || c === '"';
      if (joinable(prev) || joinable(next)) continue;
    }
    if (ch === '\n') quoteOpen = false;
    if (ch === '"') {
      ch = quoteOpen ? '”' : '“';
      quoteOpen = !quoteOpen;
    } else if (ch === '“') quoteOpen = true;
    else if (ch === '”') quoteOpen = false;
    else if (ch === '.' && isCjk(out[out.length - 1])) ch = '。';
    else ch = HALF_TO_FULL[ch] ?? ch;
    out.push(ch);
    map.push(i);
  }
  map.push(original.length);
  return { original, text: out.join(''), toOriginal: map };
}

function previousVisible(s: string, i: number): string | undefined {
  for (let k = i - 1; k >= 0; k--) if (s[k] !== ' ' && s[k] !== '\t') return s[k];
  return undefined;
}

function nextVisible(s: string, i: number): string | undefined {
  for (let k = i + 1; k < s.length; k++) if (s[k] !== ' ' && s[k] !== '\t') return s[k];
  return undefined;
}

const SENTENCE_END = new Set(PUNCTUATION.sentenceEnds);
const CLAUSE_END = new Set(PUNCTUATION.clauseEnds);

/**
 * Sentence spans of a prepared text. A sentence ends at 。！？； or a line break, but never inside
 * quotation marks: a quoted programme name may itself hold a comma or full stop.
 */
export function sentenceSpans(text: string): Span[] {
  return splitSpans(text, (ch) => SENTENCE_END.has(ch), true);
}

/** Clause spans (sentences further split at ， and ：, again not inside quotes). */
export function clauseSpans(text: string): Span[] {
  return splitSpans(text, (ch) => SENTENCE_END.has(ch) || CLAUSE_END.has(ch), true);
}

function splitSpans(text: string, isEnd: (ch: string) => boolean, respectQuotes: boolean): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“' || ch === '《') depth++;
    else if ((ch === '”' || ch === '》') && depth > 0) depth--;
    if (ch === '\n') depth = 0;
    if (isEnd(ch) && (!respectQuotes || depth === 0 || ch === '\n')) {
      if (i > start) spans.push({ start, end: i });
      start = i + 1;
    }
  }
  if (text.length > start) spans.push({ start, end: text.length });
  return spans;
}

/** The sentence span that contains offset `at` (or the last one before it). */
export function sentenceAt(sentences: Span[], at: number): Span {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return sentences[lo] ?? { start: 0, end: 0 };
}

const CLAUSES = new WeakMap<PreparedText, Span[]>();

/**
 * The shortest run of whole clauses covering [start, end), copied from the printed body and trimmed
 * of surrounding spaces. This is the evidence of a relation stated by the words in that range.
 */
export function evidence(prepared: PreparedText, range: Span): string {
  let clauses = CLAUSES.get(prepared);
  // A story states many relations; its clauses are split once (the text never changes).
  if (!clauses) {
    clauses = clauseSpans(prepared.text);
    CLAUSES.set(prepared, clauses);
  }
  let first = clauses.findIndex((c) => c.end > range.start);
  if (first < 0) first = clauses.length - 1;
  let last = first;
  while (last + 1 < clauses.length && clauses[last].end < range.end) last++;
  const from = prepared.toOriginal[clauses[first].start];
  const to = prepared.toOriginal[clauses[last].end] ?? prepared.original.length;
  return prepared.original.slice(from, to).trim();
}

/** Maps a span of the prepared text to the printed surface. */
export function printed(prepared: PreparedText, span: Span): string {
  return prepared.original.slice(prepared.toOriginal[span.start], prepared.toOriginal[span.end - 1] + 1);
}
