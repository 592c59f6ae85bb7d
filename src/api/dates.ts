/**
 * Publication-date arguments: `YYYY-MM-DD`, a real calendar day, and a range whose start is not
 * after its end. A bad date is a BAD_USER_INPUT error naming the argument, never an empty answer.
 */
import { badInput } from './pagination';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day, or null when not given; throws BAD_USER_INPUT (with `argument`) for anything else. */
export function isoDay(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  const match = ISO_DAY.exec(value.trim());
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1) {
    throw badInput(`${argument} must be a calendar day as YYYY-MM-DD (e.g. 2023-03-08), got ${JSON.stringify(value)}`, argument);
  }
  return match[0];
}

export interface DayRange {
  from: string | null;
  to: string | null;
}

/** Both ends checked, and from ≤ to (ISO days compare as text). */
export function dayRange(from: string | null | undefined, to: string | null | undefined, names: { from: string; to: string }): DayRange {
  const range = { from: isoDay(from, names.from), to: isoDay(to, names.to) };
  if (range.from && range.to && range.from > range.to) {
    throw badInput(`${names.from} (${range.from}) is after ${names.to} (${range.to})`, names.from);
  }
  return range;
}
