/**
 * Dates only as the text states them. `2022年12月12日` is `2022-12-12`; `12月12日` is `--12-12`
 * (ISO 8601 month-day: the text does not say which year, and a guessed year is a wrong fact).
 * A year is filled in from the page's publication date when it is known (see
 * placeMonthDay: 12月12日 on a page of 2023-01-05 is 2022-12-12), else from a full date the
 * same page prints.
 */
import { placeMonthDay } from '../publication-date';

export interface StatedDate {
  /** `YYYY-MM-DD` or `--MM-DD`. */
  iso: string;
  /** Offset of the date in the text. */
  index: number;
  /** The text as printed. */
  surface: string;
}

export interface StoryDateInput {
  /** The story body. */
  body: string;
  /** A year the page itself establishes (see pageYear), used to complete month-day dates. */
  year?: number | null;
  /** The page's publication date `YYYY-MM-DD`, which places a month-day in its year. */
  publishedOn?: string | null;
}

// The OCR puts stray spaces inside dates (3 月8日); the look-behind keeps 2021年12月 from
// reading as a month-day and 18日至20日 (days only) from matching at all.
const FULL_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/gu;
const MONTH_DAY = /(?<![\d年]\s*)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/gu;

const pad = (n: number): string => String(n).padStart(2, '0');

function validMonthDay(month: number, day: number): boolean {
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

/** Every full or month-day date stated in the text, in text order. */
export function statedDates(text: string): StatedDate[] {
  const dates: StatedDate[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validMonthDay(month, day) || year < 1900 || year > 2100) continue;
    dates.push({ iso: `${year}-${pad(month)}-${pad(day)}`, index: m.index ?? 0, surface: m[0] });
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const [month, day] = [Number(m[1]), Number(m[2])];
    if (!validMonthDay(month, day)) continue;
    dates.push({ iso: `--${pad(month)}-${pad(day)}`, index: m.index ?? 0, surface: m[0] });
  }
  return dates.sort((a, b) => a.index - b.index);
}

/**
 * The year a page establishes for its undated month-days: the year of the full dates it prints,
 * when they all agree; otherwise null (two different years printed say nothing about 12月3日).
 */
export function pageYear(text: string): number | null {
  const years = new Set(statedDates(text).filter((d) => !d.iso.startsWith('--')).map((d) => d.iso.slice(0, 4)));
  return years.size === 1 ? Number([...years][0]) : null;
}

/**
 * The story's date: the first date its body states (the reported event is told first in a
 * news lede), a month-day completed from `publishedOn`, or else `year`; null when the body
 * states no date.
 */
export function storyDate({ body, year, publishedOn }: StoryDateInput): string | null {
  const first = statedDates(body)[0];
  if (first === undefined) return null;
  if (!first.iso.startsWith('--')) return first.iso;
  // A month-day the publication date cannot place (29 February) stays a month-day.
  if (publishedOn != null) return placeMonthDay(first.iso, publishedOn) ?? first.iso;
  if (year != null) return `${year}${first.iso.slice(1)}`;
  return first.iso;
}
