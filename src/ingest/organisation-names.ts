/**
 * One canonical name per government body and mass organisation, whatever short form a story
 * printed: 市人社局 and 株洲市人力资源和社会保障局 are one node, and so are 荷塘区人社局 and
 * 荷塘区人力资源和社会保障局, 邵阳市人社局 and 邵阳市人力资源和社会保障局. The standard full names
 * come from the abbreviation lexicon (real-world knowledge); the place comes from the printed
 * prefix when the gazetteer knows exactly one place by it, and a bare 市 is the city the story is
 * about (given by the caller; without one it stays as printed). A bare 区 or 县 (区人社局) does not
 * say which district, so such names stay as printed.
 *
 * Only the graph's node names change: the printed form stays an alias, so evaluation against
 * printed names and search by the short form still find the body.
 */
import { ORGANISATION_TYPES } from '../model';
import abbreviationData from './lexicon/organisation-abbreviations.json';
import { defineLexicon, oneOf, records, text, words } from './lexicon/loader';
import { lookupPlace } from './lexicon/gazetteer';

/** Department cores with their short forms, level prefixes and generic category words. */
export const BODY_CORES = defineLexicon('organisation-abbreviations.json', abbreviationData, {
  bodies: records({ full: text, short: words, type: oneOf(ORGANISATION_TYPES) }),
  levelPrefixes: words,
  generic: words,
});

/** Every short or full core, longest first, so that 人力资源社会保障局 wins over a shorter tail. */
const CORES = BODY_CORES.bodies
  .flatMap((body) => [body.full, ...body.short].map((form) => ({ form, full: body.full })))
  .sort((a, b) => b.form.length - a.form.length);

/**
 * The canonical name of a printed organisation name, or null when it has none to offer.
 * `city` is the city a bare 市 means in this story (株洲市 on the home paper's pages), or null.
 */
export function canonicalOrganisationName(printed: string, city: string | null = null): string | null {
  for (const { form, full } of CORES) {
    if (!printed.endsWith(form) || printed.length === form.length) continue;
    const prefix = printed.slice(0, printed.length - form.length);
    const places = prefix === '市' ? (city ? [city] : []) : lookupPlace(prefix).map((p) => p.name);
    if (new Set(places).size !== 1) return null;
    const canonical = `${places[0]}${full}`;
    return canonical === printed ? null : canonical;
  }
  return null;
}
