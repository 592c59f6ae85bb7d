/**
 * A page's publication date: from its path (`…/2023/03-08/01.txt`, `2023-03-08`, `20230308`),
 * from the date line the page prints (`2023年3月8日 星期三`), or given (`--date`), in that order;
 * and the year a printed month-day (`12月12日`) takes from it. The patterns are data
 * (lexicon/dates.json), compiled and checked once here. Pure: strings in, ISO dates out.
 */
import data from './lexicon/dates.json';
import { LexiconError, count, defineLexicon, group, patterns } from './lexicon/loader';

const DATES = defineLexicon('dates.json', data, {
  pathDates: patterns,
  dateLine: (value, fail) => patterns([value], fail)[0]!,
  window: group({ monthsBefore: count, monthsAfter: count }),
});

/** A pattern that compiled but cannot say a date: it must name the year, month and day. */
function compile(source: string, what: string, flags = 'u'): RegExp {
  for (const part of ['year', 'month', 'day']) {
    if (!source.includes(`(?<${part}>`)) throw new LexiconError('dates.json', what, `has no named group "${part}"`);
  }
  return new RegExp(source, flags);
}

const PATH_DATES = DATES.pathDates.map((source, i) => compile(source, `pathDates entry #${i}`, 'gu'));
const DATE_LINE = compile(DATES.dateLine, 'dateLine');
const { monthsBefore, monthsAfter } = DATES.window;
if (monthsBefore + monthsAfter !== 12) {
  // Twelve months exactly, so that every month-day has one year in the window.
  throw new LexiconError('dates.json', 'window', 'monthsBefore + monthsAfter must be 12');
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when year, month and day make a real calendar date (1900–2100), else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Checks a date given by a person (`--date`); null when it is not a real `YYYY-MM-DD`. */
export function parseIsoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function fromGroups(groups: Record<string, string> | undefined): string | null {
  if (!groups) return null;
  return isoDate(Number(groups.year), Number(groups.month), Number(groups.day));
}

/**
 * The date a page's path states, or null. Only the file name and its three nearest folders are
 * read, so that the same file has the same date whichever folder was given to ingest, and a
 * date far up the tree (a backup folder's) is not taken for the page's.
 */
export function pathDate(filePath: string): string | null {
  const tail = filePath.replace(/\\/g, '/').split('/').filter(Boolean).slice(-4).join('/');
  let best: { end: number; iso: string } | null = null;
  for (const pattern of PATH_DATES) {
    for (const m of tail.matchAll(pattern)) {
      const iso = fromGroups(m.groups);
      const end = (m.index ?? 0) + m[0].length;
      if (iso !== null && (best === null || end > best.end)) best = { end, iso };
    }
  }
  return best?.iso ?? null;
}

/** True when the line is a printed date line (masthead), which is layout, not story text. */
export function isDateLine(line: string): boolean {
  return DATE_LINE.test(line.trim()) && fromGroups(DATE_LINE.exec(line.trim())?.groups) !== null;
}

/** The first printed date line's date on the page, or null. */
export function printedDate(text: string): string | null {
  for (const line of text.split('\n')) {
    const m = DATE_LINE.exec(line.trim());
    const iso = m ? fromGroups(m.groups) : null;
    if (iso !== null) return iso;
  }
  return null;
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  // The 31st of a shorter month is its last day.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * The full date of a printed month-day (`--12-12`) on a page published on `publishedOn`: the
 * year that puts it in [publication − 11 months, publication + 1 month). Null when no year does
 * (29 February outside a leap year's window).
 */
export function placeMonthDay(monthDay: string, publishedOn: string): string | null {
  const m = /^--(\d{2})-(\d{2})$/.exec(monthDay);
  if (!m) return null;
  const from = addMonths(publishedOn, -monthsBefore);
  const to = addMonths(publishedOn, monthsAfter);
  const year = Number(publishedOn.slice(0, 4));
  for (const y of [year - 1, year, year + 1]) {
    const iso = isoDate(y, Number(m[1]), Number(m[2]));
    if (iso !== null && iso >= from && iso < to) return iso;
  }
  return null;
}

/** Where a page's publication date comes from, in order of trust. */
export interface PublicationInput {
  /** The date the page's path states (see pathDate). */
  fromPath?: string | null;
  /** A date given for pages that state none (`--date`). */
  given?: string | null;
}

/** The page's publication date: its path's, else its printed date line's, else the given one. */
export function publicationDate(text: string, input: PublicationInput = {}): string | null {
  return input.fromPath ?? printedDate(text) ?? input.given ?? null;
}
