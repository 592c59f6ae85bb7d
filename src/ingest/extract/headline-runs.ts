/**
 * Runs a headline states: 高新区举办中青年干部综合素质提升班 says who ran the event the body then
 * names in full (2021年度株洲高新区（天元区）中青年干部综合素质提升培训班正式开班) without saying who
 * ran it. The headline's subject (a place or body the story lists) runs the body's programme that
 * the headline's object names: the same name, one inside the other, or close in wording.
 */
import type { OrganisationFound } from './organisations';
import type { PlaceFound } from './places';
import { RUN_VERB_SOURCE } from './run-cues';
import type { EntityRef, FoundRelation } from './types';

const RUN_VERB_RE = new RegExp(`^(${RUN_VERB_SOURCE})(了)?`);
/**
 * How alike a headline's object and a programme's name must be: the share of the shorter one's
 * character bigrams found in the other (a headline shortens: 提升班 for 2021年度…提升培训班).
 */
const MIN_LIKENESS = 0.75;

interface HeadlineInput {
  /** The headline as printed (the evidence). */
  headline: string;
  /** The headline's bodies and places, read by story.ts's one stage order over its prepared text. */
  names: { text: string; organisations: OrganisationFound[]; places: PlaceFound[] };
  /** The story's programmes (canonical name and printed aliases). */
  programmes: Array<{ name: string; aliases: Iterable<string> }>;
  /** The story's listed places and bodies (with their printed forms): a headline subject must be one of them. */
  actors: Array<EntityRef & { aliases?: string[] }>;
}

/** RUNS edges the headline states, with the headline as evidence. */
export function headlineRuns({ headline, names, programmes, actors }: HeadlineInput): FoundRelation[] {
  const { text, organisations, places } = names;
  // The subject opens the headline (after a kicker-like place, 天元区三门镇, the last one acts).
  const subjects = [
    ...organisations.flatMap((o) => o.mentions.map((m) => ({ ...m, ref: { label: 'Organisation', name: o.name } as EntityRef }))),
    ...places.flatMap((p) => p.mentions.map((m) => ({ ...m, ref: { label: 'Place', name: p.name } as EntityRef }))),
  ].sort((a, b) => a.start - b.start);
  let subject = subjects[0];
  if (!subject || subject.start !== 0) return [];
  for (let next = subjects.find((s) => s.start === subject!.end); next; next = subjects.find((s) => s.start === subject!.end)) subject = next;
  // The headline may shorten what the body prints in full (高新区 for 株洲高新区): the one listed
  // actor of the same kind whose name or printed form ends with it.
  const printedAs = subject.ref.name;
  const runner =
    actors.find((a) => a.label === subject!.ref.label && a.name === printedAs) ??
    single(actors.filter((a) => a.label === subject!.ref.label && [a.name, ...(a.aliases ?? [])].some((form) => form.endsWith(printedAs))));
  if (!runner) return [];
  const verb = RUN_VERB_RE.exec(text.slice(subject.end));
  if (!verb) return [];
  const object = text.slice(subject.end + verb[0].length).split(/[\s，。：、！？]/)[0].replace(/[“”《》]/g, '');
  if (object.length < 4) return [];
  let best: { name: string; likeness: number } | null = null;
  for (const programme of programmes) {
    const likeness = Math.max(...[programme.name, ...programme.aliases].map((form) => alike(object, form.replace(/[“”《》]/g, ''))));
    if (likeness >= MIN_LIKENESS && (!best || likeness > best.likeness)) best = { name: programme.name, likeness };
  }
  if (!best) return [];
  return [{ type: 'RUNS', from: { label: runner.label, name: runner.name }, to: { label: 'Programme', name: best.name }, evidence: headline.trim() }];
}

function single<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/** 1 when one contains the other (the shorter at least 4 characters), else the shorter's bigram coverage. */
function alike(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.includes(short)) return 1;
  const grams = (s: string): string[] => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const x = grams(a);
  const y = grams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const left = pool.get(g) ?? 0;
    if (left > 0) {
      shared += 1;
      pool.set(g, left - 1);
    }
  }
  return shared / Math.min(x.length, y.length);
}
