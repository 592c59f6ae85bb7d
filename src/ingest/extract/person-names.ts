/**
 * What a full personal name looks like: a surname from the lexicon and one or two given-name
 * characters (three with a compound surname). Shared by people (body text) and credits (bylines),
 * which both need to tell a name from an ordinary word without a cue around it.
 */
import { defineLexicon, words } from '../lexicon/loader';
import data from '../lexicon/surnames.json';

export const SURNAMES = defineLexicon('surnames.json', data, { single: words, compound: words, ambiguous: words });

const SINGLE = new Set(SURNAMES.single);
const COMPOUND = new Set(SURNAMES.compound);
const HAN_NAME = /^\p{Script=Han}+$/u;

/** The surname a text starts with (compound first), or null. */
export function surnameAt(text: string, at = 0): string | null {
  const two = text.slice(at, at + 2);
  if (COMPOUND.has(two)) return two;
  return SINGLE.has(text[at] ?? '') ? text[at] : null;
}

/** True for a surname plus one or two given-name characters, all Han. */
export function isFullName(name: string): boolean {
  if (!HAN_NAME.test(name)) return false;
  const surname = surnameAt(name);
  if (surname === null) return false;
  const given = name.length - surname.length;
  return given >= 1 && given <= 2;
}

/**
 * A run of names printed without separators (张三李四王五), cut where each piece is a full name,
 * three-character pieces first (most names have three); null when no cut fits.
 */
export function splitNameRun(run: string): string[] | null {
  if (run.length === 0) return [];
  for (const length of [3, 2, 4]) {
    const head = run.slice(0, length);
    if (head.length !== length || !isFullName(head)) continue;
    const rest = splitNameRun(run.slice(length));
    if (rest !== null) return [head, ...rest];
  }
  return null;
}
