/**
 * The one word segmenter of the ingestion job: a single jieba instance with its default
 * dictionary, built on first use (~0.2 s), shared by page cleaning (does a word run across a line
 * break?) and by extraction (where may a name start?).
 */
import { Jieba, type TaggedWord } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** A word of a segmented text with its part-of-speech tag and offsets into that text. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Segments a text once into tagged words; offsets are into that text. */
export function tokenize(text: string): Token[] {
  // Without HMM: unknown names fall apart into single characters, which keeps word edges where
  // the dictionary puts them instead of gluing a name to the next word (城正, 群已).
  const tagged: TaggedWord[] = segmenter().tag(text, false);
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

/** The words of a text without tags (dictionary words only, no HMM). */
export function cutWords(text: string): string[] {
  return segmenter().cut(text, false);
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
