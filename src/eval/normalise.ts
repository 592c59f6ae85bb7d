/**
 * Name normalisation and string similarity, exactly as GUIDELINE.md "Scoring" defines them.
 *
 * Everything the scorer compares (headlines, entity names, aliases, relation ends) goes through
 * `normaliseName` first, so that “轻淞就业”, 《轻淞就业》 and ＂轻淞 就业＂ are the same name.
 */

/**
 * Characters removed after NFKC:
 * - `\p{P}`: all Unicode punctuation: quotes “”‘’「」『』《》〈〉, brackets ()（）[]【】, the middle
 *   dots · ・, commas ,、, full stops 。., colons :;, dashes —–- and the like;
 * - `\p{Z}` and `\s`: every kind of white space (NFKC already maps the ideographic space);
 * - `\p{Cf}`: invisible format characters (zero-width space, BOM) that OCR output carries.
 * Symbols (`\p{S}`, e.g. `+` in 课堂+基地+实践) are kept: the guideline lists punctuation only,
 * and a symbol can be part of the name.
 */
const REMOVED = /[\p{P}\p{Z}\p{Cf}\s]/gu;

/** A name as the scorer compares it: NFKC, without white space, punctuation or format characters. */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').replace(REMOVED, '');
}

/** Length in characters (code points), not UTF-16 units, so a rare CJK character counts once. */
export function charLength(text: string): number {
  return Array.from(text).length;
}

/** The character bigrams of a string, as a multiset (bigram → count). */
export function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text);
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = chars[i] + chars[i + 1];
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * Sørensen–Dice similarity of the character-bigram multisets of two strings, in [0, 1].
 * Compares the strings as given: normalise them first. A string shorter than two characters has
 * no bigrams; then the similarity is 1 when the strings are equal and 0 otherwise (rather than
 * 0/0), so two one-character headlines are not "similar" just because both have no bigrams.
 */
export function bigramDice(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  const total = sumCounts(left) + sumCounts(right);
  if (total === 0 || sumCounts(left) === 0 || sumCounts(right) === 0) {
    return a === b ? 1 : 0;
  }
  let shared = 0;
  for (const [gram, count] of left) {
    shared += Math.min(count, right.get(gram) ?? 0);
  }
  return (2 * shared) / total;
}

function sumCounts(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/**
 * True when one normalised string contains the other and the shorter one has at least
 * `minLength` characters. The minimum keeps short, generic names (区, 市场) from matching every
 * longer name that happens to include them.
 */
export function containsEitherWay(a: string, b: string, minLength: number): boolean {
  const [shorter, longer] = charLength(a) <= charLength(b) ? [a, b] : [b, a];
  return charLength(shorter) >= minLength && longer.includes(shorter);
}
