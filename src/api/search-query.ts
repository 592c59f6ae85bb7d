/**
 * Turns what a user typed into a Lucene query for the `entity_search` fulltext index, and never
 * passes user text through unescaped: every Lucene operator character is escaped, and Latin
 * words are lower-cased so that AND/OR/NOT typed by a user are words, not operators.
 *
 * The index holds names and aliases (the CJK analyzer makes Chinese into character bigrams) and
 * pinyin written three ways ("lusongqu lúsōngqū lu song qu"). So:
 * - Chinese words match as a phrase (boosted) or by their bigrams;
 * - Latin words match exactly (boosted) or as a prefix of a pinyin token (`lusong` → lusongqu),
 *   with and without tone marks (`lúsōng`, and `lúsong` as lusong);
 * - English administrative words (District, County, Street …) are dropped, so `Lusong District`
 *   searches `lusong`: the pinyin of 芦淞区 has no English in it.
 */

/** English words for administrative levels that pinyin never contains. */
const ADMIN_WORDS = new Set([
  'district',
  'county',
  'city',
  'province',
  'street',
  'subdistrict',
  'town',
  'township',
  'village',
  'community',
  'estate',
  'qu',
]);

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
const HAN = /\p{Script=Han}/u;

/** Escapes every character Lucene's query parser treats as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`);
}

/** Removes tone marks: lúsōng → lusong, lǜ → lü (the diaeresis is a letter, not a tone). */
export function stripTones(text: string): string {
  return text.normalize('NFD').replace(/[\u0300\u0301\u0304\u030c]/g, '').normalize('NFC');
}

export interface SearchQuery {
  /** Lucene query text, or null when nothing searchable was typed. */
  lucene: string | null;
  /** The typed text, normalised, for exact name/alias matching (ranked first). */
  exact: string;
}

function latinClause(word: string): string {
  const forms = [...new Set([word, stripTones(word)])].map(escapeLucene);
  const parts: string[] = [];
  for (const form of forms) {
    parts.push(`${form}^4`);
    // A one-letter prefix would expand to most of the index; it is not a useful search.
    if ([...form].length >= 2) parts.push(`${form}*^2`);
  }
  return `(${parts.join(' OR ')})`;
}

function hanClause(word: string): string {
  const escaped = escapeLucene(word);
  // The CJK analyzer indexes bigrams, so a lone character (a surname: 杨) only matches as a prefix.
  if ([...word].length === 1) return `(${escaped}^4 OR ${escaped}*)`;
  return `("${escaped}"^4 OR ${escaped})`;
}

/** Builds the Lucene query for `text`; pure, so unit tests pin it. */
export function buildSearchQuery(text: string): SearchQuery {
  const normalised = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  // A word with no letter or digit (a stray bracket or quote) has nothing to search for.
  const words = normalised.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word));
  const kept = words.filter((word) => HAN.test(word) || !ADMIN_WORDS.has(word.toLowerCase()));
  const used = kept.length > 0 ? kept : words;
  if (used.length === 0) return { lucene: null, exact: normalised };

  const clauses = used.map((word) => (HAN.test(word) ? hanClause(word) : latinClause(word.toLowerCase())));
  let lucene = clauses.length === 1 ? clauses[0] : `(${clauses.join(' AND ')})`;
  const latin = used.filter((word) => !HAN.test(word)).map((word) => word.toLowerCase());
  if (latin.length > 1 && latin.length === used.length) {
    // "lu song" also as the joined syllables "lusong", a prefix of the stored "lusongqu".
    lucene = `${lucene} OR ${latinClause(latin.join(''))}`;
  }
  return { lucene, exact: used.join(' ') };
}
