/**
 * A synthetic archive of the paper, for benchmarks and archive tests:
 *
 *   node dist/scripts/synth-archive.js --pages N --out DIR [--start 2023-01-01] [--per-day 8]
 *
 * writes N pages as `DIR/YYYY/MM-DD/NN.txt`, `--per-day` pages a day from `--start` on, each page
 * one of `seeds/` (round robin) with its names and dates rewritten so that:
 * - every page is distinct (its own date line and dates; its own programme names);
 * - stories and programmes grow with N (a programme's name gets a qualifier that changes with
 *   every round of the seeds), people grow up to a bounded pool (a paper's reporters and the
 *   people it quotes recur), and places and organisations stay exactly the seeds' (one city's
 *   paper names the same districts and bodies every day);
 * - dates agree with the folder: the page opens with the printed date line
 *   (`2023年3月8日 星期三`), and every printed date (`12月12日`, `2022年12月12日`) becomes a day
 *   0–6 days before publication, as news reports what happened that week.
 * The names to rewrite are found by running the extractor over each seed once, so the rewritten
 * pages are still pages the extractor reads. Deterministic: the same arguments write the same files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Command } from 'commander';
import { ROOT_DIR } from '../src/config';
import { extractPage } from '../src/ingest/pipeline';
import surnames from '../src/ingest/lexicon/surnames.json';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/**
 * Two-character qualifiers a quoted programme name takes (“电商大讲堂” → “春风启航电商大讲堂”);
 * none is a place or a body's name, so places and organisations stay the seeds'.
 */
const QUALIFIERS = [
  '春风', '暖心', '惠民', '金秋', '启航', '同心', '连心', '聚力', '筑梦', '追光', '向阳', '晨曦', '乐业', '安居', '兴业', '领航',
  '扬帆', '星火', '红枫', '暖阳', '初心', '匠心', '春晖', '夏阳', '秋实', '冬暖', '慧心', '善治', '育才', '圆梦', '携手', '助力',
  '护航', '燎原', '逐梦', '奋进', '铸魂', '润心', '悦享', '安心',
];
/** Characters of given names for the people pool (common, neutral). */
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞刚英玉兰萍梅鹏飞斌宇浩凯瑞博思雨欣怡佳琪晨峰志波辉';
/** People recur: the pool is bounded, as a paper's reporters and sources are. */
const PEOPLE_POOL = 4000;

export interface SynthOptions {
  pages: number;
  start: string;
  perDay: number;
}

export interface SynthPage {
  /** Relative path: `YYYY/MM-DD/NN.txt`. */
  path: string;
  /** Publication date `YYYY-MM-DD` (the folder's). */
  date: string;
  text: string;
}

interface Seed {
  text: string;
  people: string[];
  programmes: string[];
}

const pad = (n: number): string => String(n).padStart(2, '0');

function hashInt(...parts: Array<string | number>): number {
  return createHash('sha256').update(parts.join('|')).digest().readUInt32BE(0);
}

function addDays(iso: string, days: number): Date {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

const isoOf = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function personName(original: string, page: number): string {
  const slot = hashInt('person', original, page) % PEOPLE_POOL;
  const surname = surnames.single[slot % 60] ?? '王';
  const given = [...GIVEN];
  const a = given[Math.floor(slot / 60) % given.length]!;
  const b = given[(Math.floor(slot / 60) * 7 + slot) % given.length]!;
  // Keep the printed length: a two-character name stays two characters.
  return [...original].length <= 2 ? `${surname}${a}` : `${surname}${a}${b}`;
}

/** A qualifier that is new for every round of the seeds (base-40 digits, at least two). */
function qualifier(round: number): string {
  let q = '';
  let n = round;
  do {
    q += QUALIFIERS[n % QUALIFIERS.length];
    n = Math.floor(n / QUALIFIERS.length);
  } while (n > 0);
  return q.length < 4 ? `${q}${QUALIFIERS[0]}` : q;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function loadSeeds(dir: string): Seed[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (files.length === 0) throw new Error(`${dir}: no .txt seed pages`);
  return files.map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const batch = extractPage({ text, source: file });
    const names = (label: string) => batch.entities.filter((e) => e.label === label).map((e) => e.name);
    // Programme names that contain a person's or place's name would be rewritten twice; keep them whole.
    return { text, people: names('Person').filter((n) => [...n].length >= 2), programmes: names('Programme').filter((n) => [...n].length >= 3) };
  });
}

// Dates as printed, with OCR spaces; a full date first so that its month-day is not read twice.
const PRINTED_DATE = /(?:(\d{4})\s*年\s*)?(?<![\d年]\s*)(\d{1,2})\s*月\s*(\d{1,2})\s*([日号])/gu;

function rewriteDates(text: string, date: string, page: number): string {
  let n = 0;
  return text.replace(PRINTED_DATE, (whole, year: string | undefined, month: string, day: string, mark: string) => {
    if (Number(month) > 12 || Number(day) > 31) return whole;
    const d = addDays(date, -(hashInt('date', page, n++) % 7));
    const md = `${d.getUTCMonth() + 1}月${d.getUTCDate()}${mark}`;
    return year ? `${d.getUTCFullYear()}年${md}` : md;
  });
}

/** Page `index` of the archive: pure, from the seeds' texts and names. */
export function synthPage(seeds: readonly Seed[], options: SynthOptions, index: number): SynthPage {
  const seed = seeds[index % seeds.length]!;
  const round = Math.floor(index / seeds.length);
  const dayIndex = Math.floor(index / options.perDay);
  const date = isoOf(addDays(options.start, dayIndex));
  const d = new Date(`${date}T00:00:00Z`);

  // Programmes are renamed only where printed in quotes: an unquoted name (…专场招聘会) may begin
  // with a body's or a place's name, which must not change.
  const replacements = new Map<string, string>();
  for (const name of seed.programmes) replacements.set(`“${name}”`, `“${qualifier(round)}${name}”`);
  for (const name of seed.people) replacements.set(name, personName(name, index));
  const keys = [...replacements.keys()].sort((a, b) => b.length - a.length);
  let text = seed.text;
  if (keys.length > 0) {
    // One pass over the text, longest names first, so that no replacement is replaced again.
    const pattern = new RegExp(keys.map(escapeRegExp).join('|'), 'gu');
    text = text.replace(pattern, (name) => replacements.get(name) ?? name);
  }
  text = rewriteDates(text, date, index);
  const dateLine = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 星期${WEEKDAYS[d.getUTCDay()]}`;
  const slot = (index % options.perDay) + 1;
  return {
    path: path.join(String(d.getUTCFullYear()), `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, `${pad(slot)}.txt`),
    date,
    text: `${dateLine}\n\n${text}`,
  };
}

/** Every page of the archive, in order. Throws when two pages would have the same text. */
export function* synthArchive(seeds: readonly Seed[], options: SynthOptions): Generator<SynthPage> {
  const seen = new Set<string>();
  for (let index = 0; index < options.pages; index++) {
    const page = synthPage(seeds, options, index);
    const hash = createHash('sha256').update(page.text).digest('hex');
    if (seen.has(hash)) throw new Error(`page ${index} (${page.path}) repeats an earlier page's text`);
    seen.add(hash);
    yield page;
  }
}

export { loadSeeds };

function main(argv: string[]): void {
  const program = new Command()
    .name('synth-archive')
    .requiredOption('--pages <n>', 'number of pages', (v) => Number.parseInt(v, 10))
    .requiredOption('--out <dir>', 'folder to write YYYY/MM-DD/NN.txt under')
    .option('--start <date>', 'first publication date', '2023-01-01')
    .option('--per-day <n>', 'pages per day', (v) => Number.parseInt(v, 10), 8)
    .option('--seeds <dir>', 'seed pages', path.join(ROOT_DIR, 'seeds'));
  program.parse(argv);
  const opts = program.opts<{ pages: number; out: string; start: string; perDay: number; seeds: string }>();
  if (!Number.isInteger(opts.pages) || opts.pages < 1) throw new Error(`--pages must be a positive integer, got ${String(opts.pages)}`);
  if (!Number.isInteger(opts.perDay) || opts.perDay < 1 || opts.perDay > 99) throw new Error('--per-day must be 1–99');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.start) || Number.isNaN(Date.parse(`${opts.start}T00:00:00Z`))) {
    throw new Error(`--start must be a date YYYY-MM-DD, got ${opts.start}`);
  }
  const seeds = loadSeeds(opts.seeds);
  let written = 0;
  for (const page of synthArchive(seeds, { pages: opts.pages, start: opts.start, perDay: opts.perDay })) {
    const file = path.join(opts.out, page.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, page.text);
    written++;
  }
  process.stderr.write(`synth-archive: ${written} pages under ${opts.out}\n`);
}

if (require.main === module) {
  try {
    main(process.argv);
  } catch (error) {
    process.stderr.write(`synth-archive: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
