/**
 * One canonical name per government body and mass organisation, whatever short form a story
 * printed: 市人社局 and 株洲市人力资源和社会保障局 are one node, and so are 荷塘区人社局 and
 * 荷塘区人力资源和社会保障局. The standard full names come from the abbreviation lexicon (real-world
 * knowledge); the place comes from the printed prefix, a bare 市 being the paper's own city. A
 * bare 区 or 县 (区人社局) does not say which district, so such names stay as printed.
 *
 * Only the graph's node names change: the printed form stays an alias, so evaluation against
 * printed names and search by the short form still find the body.
 */
import abbreviationData from './lexicon/organisation-abbreviations.json';
import { homeCity, lookupPlace } from './lexicon/gazetteer';

interface Body {
  full: string;
  forms: string[];
}

const BODIES: Body[] = abbreviationData.bodies.map((body) => ({ full: body.full, forms: [body.full, ...body.short] }));
/** Every short or full core, longest first, so that 人力资源社会保障局 wins over a shorter tail. */
const CORES = BODIES.flatMap((body) => body.forms.map((form) => ({ form, full: body.full }))).sort((a, b) => b.form.length - a.form.length);

/** The canonical name of a printed organisation name, or null when it has none to offer. */
export function canonicalOrganisationName(printed: string): string | null {
  for (const { form, full } of CORES) {
    if (!printed.endsWith(form) || printed.length === form.length) continue;
    const prefix = printed.slice(0, printed.length - form.length);
    const placed = prefix === '市' ? [homeCity()] : lookupPlace(prefix);
    if (placed.length !== 1) return null;
    const place = placed[0].name;
    const canonical = `${place}${full}`;
    return canonical === printed ? null : canonical;
  }
  return null;
}
