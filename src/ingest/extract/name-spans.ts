/**
 * Where a name starts. A head word (有限公司, 人社局, 小区, 培训班) ends a name; the name grows
 * leftwards word by word over a jieba segmentation and stops at a word that cannot sit inside a
 * name (verbs, prepositions, pronouns, time words, punctuation) unless it is one of the verbal
 * nouns that names are built from (发展, 服务, 管理 …). Organisations, places and programmes all
 * find their left edge here; the vocabulary is lexicon/name-words.json.
 */
import data from '../lexicon/name-words.json';
import { alternation, defineLexicon, text, words } from '../lexicon/loader';
import { tokenAt, type Token } from '../tokenizer';
import { RUN_VERBS } from './run-cues';
import type { Span } from './sentences';

const NAME_WORDS = defineLexicon('name-words.json', data, {
  stopTags: words,
  stopTagsSingle: words,
  stopChars: words,
  stopWords: words,
  nameVerbs: words,
  unitWords: words,
  countMeasures: text,
  numeralChars: text,
  countUnits: text,
});
const STOP_TAGS = new Set(NAME_WORDS.stopTags);
const STOP_TAGS_SINGLE = new Set(NAME_WORDS.stopTagsSingle);
const STOP_CHARS = new Set(NAME_WORDS.stopChars);
const STOP_WORDS = new Set(NAME_WORDS.stopWords);
const NAME_VERBS = new Set(NAME_WORDS.nameVerbs);
const UNIT_WORDS = new Set(NAME_WORDS.unitWords);
// The verbs by which bodies run programmes never sit inside a name (启动小区…, 深入开展服饰城…).
const STOPPING_VERBS = RUN_VERBS.filter((v) => v.length > 1 && !NAME_VERBS.has(v));
for (const verb of STOPPING_VERBS) STOP_WORDS.add(verb);
const RUN_VERB_END = new RegExp(`(${alternation(STOPPING_VERBS)})$`);
const MEASURES = NAME_WORDS.countMeasures;
const COUNT_RE = new RegExp(`^[一两几多每各数][${MEASURES}]`);
const MEASURE_RE = new RegExp(`^[${MEASURES}]$`);
const NUMBERED_RE = /^第?[0-9０-９一二三四五六七八九十百两]+[次级届期]?$/;
/** 九方 (numeral + a name character): a number word that is a piece of a name. */
const NAMED_NUMBER_RE = new RegExp(`^[${NAME_WORDS.numeralChars}]+[^${NAME_WORDS.numeralChars}${MEASURES}${NAME_WORDS.countUnits}]$`);

/** Whether a word may sit inside a proper name (organisations, places and programmes alike). */
export function nameWord(token: Token): boolean {
  const w = token.word;
  if (STOP_WORDS.has(w)) return false;
  if (NAME_VERBS.has(w)) return true;
  if (w.length > 2 && RUN_VERB_END.test(w)) return false; // 大力开展, 深入推进 …
  if (!/^[\u3400-\u9fffA-Za-z0-9０-９]+$/.test(w)) return w === '（' || w === '）';
  // Unknown names arrive as single characters with unreliable tags (盛/v 康/nr 托/v 养/v): only
  // characters that are words of their own stop a name.
  if (w.length === 1 && /[\u3400-\u9fff]/.test(w)) return !STOP_CHARS.has(w) && !STOP_TAGS_SINGLE.has(token.tag);
  if (STOP_TAGS.has(token.tag)) return false;
  if (token.tag === 'v' || token.tag === 'vd') return false;
  if (token.tag === 'm' && !NUMBERED_RE.test(w) && !NAMED_NUMBER_RE.test(w)) return false;
  if (token.tag === 'f' && w.length === 1) return false;
  if (UNIT_WORDS.has(w)) return false;
  return true;
}

export interface ExtendInput {
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
    const count = /^[0-9０-９.]+$/.test(t.word) || COUNT_RE.test(t.word);
    const measure = t.tag === 'q' && MEASURE_RE.test(t.word);
    const numberWord = t.tag === 'm' && t.word.length > 1 && !/^第/.test(t.word) && !NAMED_NUMBER_RE.test(t.word);
    if (count || measure || t.word === '（' || numberWord) start = t.end;
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
