/**
 * What part of the graph an export covers, parsed and validated once from the CLI flags or the
 * HTTP query string. The subgraph rules themselves (which nodes a place or a date range selects)
 * are documented on the Cypher in export.repository.ts and in the README.
 */
import { NODE_LABELS, type NodeLabel } from '../model';

export interface DateRange {
  /** Inclusive ISO date `YYYY-MM-DD`, or null for an open start. */
  from: string | null;
  /** Inclusive ISO date `YYYY-MM-DD`, or null for an open end. */
  to: string | null;
}

export interface ExportFilter {
  /** A place's id, name or alias; null for no place filter. */
  place: string | null;
  /** Node labels to write; edges are written only when both ends are written. */
  kinds: readonly NodeLabel[];
  /** Story date range; null for all stories. */
  dates: DateRange | null;
}

/** Raw, unvalidated values as a user typed them. */
export interface ExportFilterInput {
  place?: string;
  kinds?: string;
  from?: string;
  to?: string;
}

/** A filter value that is wrong; the message says which flag and what was expected (HTTP 400). */
export class ExportFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFilterError';
  }
}

export const NO_FILTER: ExportFilter = { place: null, kinds: NODE_LABELS, dates: null };

function parseKinds(raw: string | undefined): readonly NodeLabel[] {
  if (raw === undefined || raw.trim() === '') return NODE_LABELS;
  const kinds: NodeLabel[] = [];
  for (const part of raw.split(',')) {
    const wanted = part.trim().toLowerCase();
    if (wanted === '') continue;
    const label = NODE_LABELS.find((candidate) => candidate.toLowerCase() === wanted);
    if (!label) throw new ExportFilterError(`kinds: unknown kind "${part.trim()}"; expected a comma-separated list of ${NODE_LABELS.join(', ')}`);
    if (!kinds.includes(label)) kinds.push(label);
  }
  if (kinds.length === 0) throw new ExportFilterError(`kinds: give at least one of ${NODE_LABELS.join(', ')}`);
  // Catalogue order, so that output order does not depend on how the flag was typed.
  return NODE_LABELS.filter((label) => kinds.includes(label));
}

function parseDate(name: 'from' | 'to', raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const value = raw.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // Date.parse accepts 2023-02-30 (as 2023-03-02), so the date must also come back unchanged.
  const time = Date.parse(`${value}T00:00:00Z`);
  const valid = match !== null && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  if (!valid) throw new ExportFilterError(`${name}: expected a date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** Validates user input into an ExportFilter; throws ExportFilterError naming the bad value. */
export function parseExportFilter(input: ExportFilterInput): ExportFilter {
  const place = input.place?.trim() || null;
  if (place !== null && place.length > 200) throw new ExportFilterError('place: a place name or id is at most 200 characters');
  const from = parseDate('from', input.from);
  const to = parseDate('to', input.to);
  if (from !== null && to !== null && from > to) throw new ExportFilterError(`from (${from}) is after to (${to})`);
  return {
    place,
    kinds: parseKinds(input.kinds),
    dates: from === null && to === null ? null : { from, to },
  };
}

/** Parameters of the story-date predicate (see STORIES_IN_RANGE): bounds and the years a `--MM-DD` date may fall in. */
export interface DateRangeParams {
  from: string;
  to: string;
  /** Null: a year-less date always matches (the range is open, or covers a whole calendar year). */
  years: number[] | null;
}

/**
 * A story printed with month and day only (`--12-12`) is in the range when that day falls in the
 * range in some year the range covers. An open range end makes every year possible, so such
 * stories always match then; a story with no date never matches a date filter.
 */
export function dateRangeParams(range: DateRange): DateRangeParams {
  const from = range.from ?? '0000-01-01';
  const to = range.to ?? '9999-12-31';
  if (range.from === null || range.to === null) return { from, to, years: null };
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  // Three or more calendar years means one whole year lies inside: every month and day matches.
  if (last - first >= 2) return { from, to, years: null };
  const years: number[] = [];
  for (let year = first; year <= last; year++) years.push(year);
  return { from, to, years };
}

/** True when the filter selects the whole graph except for kinds (no scope needs computing). */
export function isScoped(filter: ExportFilter): boolean {
  return filter.place !== null || filter.dates !== null;
}
