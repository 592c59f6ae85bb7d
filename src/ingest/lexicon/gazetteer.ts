/**
 * The place gazetteer: administrative divisions with codes and containment, read from the
 * generated `gazetteer.json` (see scripts/build-gazetteer.ts for its scope and naming rules):
 * every province, city, county, street and town nationwide, and 株洲's villages and communities.
 *
 * Pure and synchronous: the indexes are built once, on first use, from immutable data, and a
 * place's object is made from its row when first met; the last few scans are kept as their result
 * depends only on the text. These module-level memos are safe because nothing here is mutable
 * from outside, and every call after the first costs only the lookups.
 */
import data from './gazetteer.json';
import rulesData from './gazetteer-rules.json';
import { alternation, defineLexicon, text as textField, words } from './loader';
import type { PlaceLevel } from '../../model';

const RULES = defineLexicon('gazetteer-rules.json', rulesData, { villageWordTail: textField, townshipWordTail: textField, misprintSuffixes: words });

export interface GazetteerPlace {
  /** NBS division code as the dataset writes it (2, 4, 6, 9 or 12 digits); project-assigned codes contain an `x`. */
  code: string;
  /** Canonical name: the dataset name in the printed form (九郎山村, not 九郞山村委会). */
  name: string;
  level: PlaceLevel;
  parentCode: string | null;
  /** Every other known form: short forms, dataset spellings, variant/OCR spellings, former names. */
  aliases: readonly string[];
}

export interface PlaceMatch {
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly place: GazetteerPlace;
  /** True when matched through a variant/OCR spelling or a former name (董家墩街道, 株洲县). */
  readonly variant: boolean;
  /**
   * Other places printed with the same name when the text does not say which one is meant (three
   * 株洲 villages are called 田心村, fifteen towns 双龙镇). Empty when the match is resolved; when
   * not, `place` is only the first candidate and callers should derive no code or parent from it.
   */
  readonly alternatives: readonly GazetteerPlace[];
}

/** A match while the scan still settles it (resolveTies narrows `place` and `alternatives`). */
type OpenMatch = { -readonly [K in keyof PlaceMatch]: PlaceMatch[K] };

const ZHUZHOU = '4302';
const HUNAN = '43';

/** Containment order: lower ranks contain higher ones. Used to prefer 吉林省 over 吉林市 for 吉林. */
const RANK: Record<PlaceLevel, number> = {
  COUNTRY: 0, PROVINCE: 1, CITY: 2, DISTRICT: 3, PARK: 4, SUBDISTRICT: 5, TOWN: 5, VILLAGE: 6,
  COMMUNITY: 6, ESTATE: 7, SITE: 7, OTHER: 7,
};

/** After a village's final 村, a character of a common word instead (建设村级组织): see gazetteer-rules.json. */
const VILLAGE_WORD_TAIL = new Set([...RULES.villageWordTail]);
/** After a township's final 乡, a character of a common word instead (幸福乡村): see gazetteer-rules.json. */
const TOWNSHIP_WORD_TAIL = new Set([...RULES.townshipWordTail]);

/** How a surface form refers to a place; decides scanning and the variant flag. */
type Kind = 'name' | 'alias' | 'variant' | 'lookup';

interface Entry {
  place: GazetteerPlace;
  kind: Kind;
  /** The name is an ordinary word (城区): scan it only right after an ancestor. */
  qualifiedOnly: boolean;
}

/**
 * The indexes over gazetteer.json's rows. Only surfaces are indexed up front; a place's object is
 * made from its row when a lookup or a scan first meets it, as a run meets a few hundred of the
 * ~43,000 rows (this keeps the index at a fraction of the memory and start-up of whole objects).
 */
interface Index {
  /** Surface → its entries, each `row * 4 + kind` (one number for the common single entry). */
  bySurface: Map<string, number | number[]>;
  /**
   * Scannable surfaces by their first two characters → their lengths, longest first. A scan
   * looks up the two characters at each position and tries only the lengths listed there; a
   * character trie did the same work with ten times the memory once every town was carried.
   */
  prefixes: Map<number, number[]>;
  /**
   * 株洲 district/county/street/town forms, the targets of resolveMisprint, by each of their forms
   * with one character before the suffix blanked (渌?区 → 渌口区): a misprint is looked up, not searched.
   */
  misprintKeys: Map<string, GazetteerPlace[]>;
  /** Rows whose name is an ordinary word (flag q). */
  qualifiedRows: Set<number>;
}

const ROWS: readonly string[] = data.places;
const KINDS: readonly Kind[] = ['name', 'alias', 'variant', 'lookup'];
const places: Array<GazetteerPlace | undefined> = [];
const entryMemo = new Map<string, Entry[]>();

/** The two UTF-16 code units at `at` as one number: the scan's per-position key, with no string made. */
const pairKey = (text: string, at: number): number => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);

const ADMIN_SUFFIX = new RegExp(`(${alternation(RULES.misprintSuffixes)})$`);
const BLANK = '\u0000';

/** The forms of `surface` with one character before its division suffix blanked; none without a suffix. */
function misprintKeys(surface: string): string[] {
  const suffix = ADMIN_SUFFIX.exec(surface)?.[1];
  if (!suffix) return [];
  const base = surface.slice(0, -suffix.length);
  const keys: string[] = [];
  for (let k = 0; k < base.length; k++) keys.push(`${base.slice(0, k)}${BLANK}${base.slice(k + 1)}${suffix}`);
  return keys;
}

let memo: Index | undefined;

/** Shared by the ~40,000 rows without other forms, so that they allocate nothing for them. */
const NONE: readonly string[] = Object.freeze([]);
const split = (field: string): readonly string[] => (field ? field.split(',') : NONE);

/**
 * The row of a division code: gazetteer.json lists its rows sorted by code (the build script's
 * order), so a binary search finds it without a map of 43,000 codes.
 */
function rowOfCode(code: string): number | undefined {
  let lo = 0;
  let hi = ROWS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const line = ROWS[mid];
    const rowCode = line.slice(0, line.indexOf('|'));
    if (rowCode === code) return mid;
    if (rowCode < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The place of one row, made on first use. */
function placeAt(row: number): GazetteerPlace {
  const known = places[row];
  if (known) return known;
  const [code, name, level, parentCode, aliases, variants, lookupOnly] = ROWS[row].split('|');
  const place: GazetteerPlace = {
    code,
    name,
    level: level as PlaceLevel,
    parentCode: parentCode || null,
    aliases: aliases || variants || lookupOnly ? [...split(aliases), ...split(variants), ...split(lookupOnly)] : NONE,
  };
  places[row] = place;
  return place;
}

/** The entries of a surface, made on first use; undefined when no place has that surface. */
function entriesOf(surface: string): Entry[] | undefined {
  const memoised = entryMemo.get(surface);
  if (memoised) return memoised;
  const { bySurface, qualifiedRows } = index();
  const refs = bySurface.get(surface);
  if (refs === undefined) return undefined;
  const entries = (typeof refs === 'number' ? [refs] : refs).map((ref) => {
    const row = Math.floor(ref / 4);
    const kind = KINDS[ref % 4];
    return { place: placeAt(row), kind, qualifiedOnly: kind === 'name' && qualifiedRows.has(row) };
  });
  entryMemo.set(surface, entries);
  return entries;
}

function index(): Index {
  if (memo) return memo;
  const bySurface = new Map<string, number | number[]>();
  const prefixes = new Map<number, number[]>();
  const misprintIndex = new Map<string, GazetteerPlace[]>();
  const qualifiedRows = new Set<number>();
  const addSurface = (surface: string, row: number, kind: number): void => {
    const ref = row * 4 + kind;
    const list = bySurface.get(surface);
    if (list === undefined) bySurface.set(surface, ref);
    else if (typeof list === 'number') bySurface.set(surface, [list, ref]);
    else list.push(ref);
    // Keyed by UTF-16 code units, as the scan reads the text, so that rare astral characters agree.
    if (KINDS[kind] === 'lookup' || surface.length < 2) return;
    const key = pairKey(surface, 0);
    const lengths = prefixes.get(key);
    if (!lengths) prefixes.set(key, [surface.length]);
    else if (!lengths.includes(surface.length)) lengths.push(surface.length);
  };

  for (let row = 0; row < ROWS.length; row++) {
    const line = ROWS[row];
    // Most rows (a town elsewhere) have a code, a name and nothing else to index: no split.
    if (line.endsWith('||||') && !line.startsWith(ZHUZHOU)) {
      const afterCode = line.indexOf('|');
      addSurface(line.slice(afterCode + 1, line.indexOf('|', afterCode + 1)), row, 0);
      continue;
    }
    const [code, name, level, , aliases, variants, lookupOnly, flags] = line.split('|');
    if (flags.includes('q')) qualifiedRows.add(row);
    addSurface(name, row, 0);
    for (const a of split(aliases)) addSurface(a, row, 1);
    for (const v of split(variants)) addSurface(v, row, 2);
    for (const l of split(lookupOnly)) addSurface(l, row, 3);
    if (code.startsWith(ZHUZHOU) && ['DISTRICT', 'SUBDISTRICT', 'TOWN'].includes(level)) {
      const place = placeAt(row);
      for (const form of [place.name, ...place.aliases]) {
        for (const key of misprintKeys(form)) {
          const list = misprintIndex.get(key);
          if (!list) misprintIndex.set(key, [place]);
          else if (!list.includes(place)) list.push(place);
        }
      }
    }
  }
  for (const lengths of prefixes.values()) lengths.sort((x, y) => y - x);

  memo = { bySurface, prefixes, misprintKeys: misprintIndex, qualifiedRows };
  return memo;
}

/** 0 for 株洲, 1 for the rest of Hunan, 2 elsewhere: the paper's own places win ties. */
function tier(place: GazetteerPlace): number {
  if (place.code.startsWith(ZHUZHOU)) return 0;
  return place.code.startsWith(HUNAN) ? 1 : 2;
}

function compareCandidates(a: Entry, b: Entry): number {
  return (
    Number(a.kind === 'variant') - Number(b.kind === 'variant') ||
    tier(a.place) - tier(b.place) ||
    RANK[a.place.level] - RANK[b.place.level] ||
    (a.place.code < b.place.code ? -1 : a.place.code > b.place.code ? 1 : 0)
  );
}

/** The paper's own city (株洲市): what a bare 市 in 市人社局, 我市 or 全市 means. */
export function homeCity(): GazetteerPlace {
  const city = byCode(ZHUZHOU);
  if (!city) throw new Error(`the gazetteer has no place ${ZHUZHOU} (the home city); rebuild gazetteer.json`);
  return city;
}

/** The place with this division code (as in the dataset: 43, 4302, 430203, 430203004, …). */
export function byCode(code: string): GazetteerPlace | undefined {
  const row = rowOfCode(code);
  return row === undefined ? undefined : placeAt(row);
}

/** Exact lookup of a surface form (full name, short form, alias, known variant spelling). Zhuzhou candidates first. */
export function lookupPlace(surface: string): GazetteerPlace[] {
  const entries = entriesOf(surface.trim());
  if (!entries) return [];
  const seen = new Set<string>();
  return [...entries]
    .sort(compareCandidates)
    .filter((e) => !seen.has(e.place.code) && seen.add(e.place.code))
    .map((e) => e.place);
}

/** The parent chain, nearest first, up to the province. */
export function ancestors(code: string): GazetteerPlace[] {
  const chain: GazetteerPlace[] = [];
  // The bound guards against a cycle in hand-edited data; real chains are at most five long.
  for (let p = byCode(code)?.parentCode; p && chain.length < 8; p = byCode(p)?.parentCode) {
    const parent = byCode(p);
    if (!parent) break;
    chain.push(parent);
  }
  return chain;
}

function isWithin(place: GazetteerPlace, code: string | undefined): boolean {
  return code !== undefined && ancestors(place.code).some((a) => a.code === code);
}

/** How recently the text named one of the place's ancestors (the order of that match), or -1. */
function contextScore(place: GazetteerPlace, seen: Map<string, number>): number {
  let score = -1;
  for (const a of ancestors(place.code)) score = Math.max(score, seen.get(a.code) ?? -1);
  return score;
}

/** What one position's entries leave: a place, or a tie the rest of the text may break. */
interface Choice {
  entry: Entry;
  /** Candidates tied with `entry`; empty when the choice is made. */
  alternatives: GazetteerPlace[];
}

/**
 * Chooses among the entries for one surface at one position, or returns undefined when none may
 * be read there. `before` is the match ending right where this one starts (a qualifier such as
 * 北京市 in 北京市朝阳区); `seen` maps every place resolved earlier to its match order.
 */
function choose(
  entries: Entry[],
  ctx: { before: PlaceMatch | undefined; seen: Map<string, number>; next: string | undefined },
): Choice | undefined {
  let cands = entries.filter(
    (e) =>
      e.kind !== 'lookup' &&
      (!e.qualifiedOnly || isWithin(e.place, ctx.before?.place.code)) &&
      !(e.place.level === 'VILLAGE' && ctx.next !== undefined && VILLAGE_WORD_TAIL.has(ctx.next)) &&
      !(e.place.level === 'TOWN' && ctx.next !== undefined && e.place.name.endsWith('乡') && TOWNSHIP_WORD_TAIL.has(ctx.next)),
  );
  // An exact spelling of one place beats a variant spelling of another (五里墩村 and 五里塅村 both exist).
  if (cands.some((e) => e.kind !== 'variant')) cands = cands.filter((e) => e.kind !== 'variant');
  if (cands.length <= 1) return cands[0] && { entry: cands[0], alternatives: [] };

  // Context first: the candidate inside the most recently named place (a qualifier right before
  // counts as the most recent of all: 北京市朝阳区, 南洲镇横江村).
  const scores = cands.map((e) => contextScore(e.place, ctx.seen));
  const top = Math.max(...scores);
  if (top >= 0) cands = cands.filter((_, k) => scores[k] === top);
  cands.sort(compareCandidates);
  const level = RANK[cands[0].place.level];
  // Streets and towns: a name shared across cities (双龙镇 is in fifteen counties, 云田镇 in 株洲 and
  // in Gansu) stays a tie for the whole text to break (see resolveTies); the paper's own city is
  // preferred only there, once the text is known not to be about another city.
  const tiedAcrossCities = level >= RANK.SUBDISTRICT;
  const best = cands.filter((e) => RANK[e.place.level] === level && (tiedAcrossCities || tier(e.place) === tier(cands[0].place)));
  const distinct = [...new Map(best.map((e) => [e.place.code, e])).values()];
  if (distinct.length === 1) return { entry: distinct[0], alternatives: [] };
  // Several equal counties or districts: within 株洲 the name is still worth reporting (its level
  // is certain); elsewhere (朝阳区 in Beijing and Changchun) a bare name says too little.
  if (!tiedAcrossCities && tier(distinct[0].place) !== 0) return undefined;
  return { entry: distinct[0], alternatives: distinct.slice(1).map((e) => e.place) };
}

/** Options of a scan. */
export interface ScanOptions {
  /** Codes of places named elsewhere in the story (its headline): they break ties as the text's own do. */
  context?: readonly string[];
  /**
   * Keep a name no context resolves (双龙镇 in a story naming no county): its level is certain but
   * not its code, so `place` is only the first candidate and `alternatives` the rest. By default
   * only ties among 株洲 places are returned so; a tie across cities is left out.
   */
  keepUnresolved?: boolean;
}

/** How far up the place's chain (0: its parent) the nearest of `codes` sits, or undefined. */
function distanceTo(place: GazetteerPlace, codes: ReadonlySet<string>): number | undefined {
  const depth = ancestors(place.code).findIndex((a) => codes.has(a.code));
  return depth < 0 ? undefined : depth;
}

/**
 * Breaks the ties left after the left-to-right scan with every place the text resolved (before or
 * after the tie) and the given context: the candidate inside the nearest named place wins. With no
 * such candidate, a story that names 株洲 places or none of another city's reads its own city's
 * candidate. What stays tied keeps its alternatives.
 */
function resolveTies(matches: OpenMatch[], context: readonly string[]): void {
  // A tie broken adds its place to the context of the others (南洲镇 first, then 横江村 in it), so
  // the passes repeat while one of them settles something.
  for (let changed = true; changed; ) {
    changed = false;
    const codes = new Set<string>(context);
    for (const m of matches) if (m.alternatives.length === 0) codes.add(m.place.code);
    const named = [...codes].map((c) => byCode(c)).filter((p): p is GazetteerPlace => p !== undefined);
    const home = named.some((p) => tier(p) === 0) || !named.some((p) => RANK[p.level] >= RANK.CITY && tier(p) !== 0);
    for (const m of matches) {
      if (m.alternatives.length === 0) continue;
      const cands = [m.place, ...m.alternatives];
      const distances = cands.map((c) => distanceTo(c, codes));
      const nearest = Math.min(...distances.map((d) => d ?? Infinity));
      let pick = Number.isFinite(nearest) ? cands.filter((_, k) => distances[k] === nearest) : [];
      if (pick.length === 0 && home) pick = cands.filter((c) => tier(c) === 0);
      if (pick.length === 0 || pick.length === cands.length) continue;
      m.place = pick[0];
      m.alternatives = pick.slice(1);
      if (pick.length === 1) {
        codes.add(pick[0].code);
        changed = true;
      }
    }
  }
}

/**
 * Longest-match, non-overlapping scan of a text for gazetteer places. A name several places share
 * is resolved by the places the text names (a qualifier right before it, then the others, then
 * `options.context`), else toward 株洲 in a story about 株洲; see ScanOptions for what stays
 * unresolved. variant=true when matched through a variant/OCR spelling or a former name.
 */
export function scanPlaces(text: string, options: ScanOptions = {}): PlaceMatch[] {
  // A story's text is scanned by several stages (its bodies, its places, its headline runs): the
  // last few scans are kept, as the result depends only on the text and the context.
  let matches = recentScans.get(text);
  if (!matches) {
    matches = scan(text);
    if (recentScans.size >= RECENT_SCANS) recentScans.delete(recentScans.keys().next().value as string);
    recentScans.set(text, matches);
  }
  // The context only breaks the ties the text left; the cached matches stay as they were.
  const context = options.context ?? [];
  if (context.length > 0 && matches.some((m) => m.alternatives.length > 0)) {
    matches = matches.map((m) => (m.alternatives.length > 0 ? { ...m } : m));
    resolveTies(matches, context);
  }
  if (options.keepUnresolved) return [...matches];
  return matches.filter((m) => m.alternatives.length === 0 || [m.place, ...m.alternatives].every((p) => tier(p) === 0));
}

const NO_LENGTHS: readonly number[] = [];
const RECENT_SCANS = 16;
const recentScans = new Map<string, PlaceMatch[]>();

function scan(text: string): PlaceMatch[] {
  const { prefixes } = index();
  const matches: OpenMatch[] = [];
  const seen = new Map<string, number>();
  let i = 0;
  while (i < text.length) {
    let found: PlaceMatch | undefined;
    // Every surface starting at i, longest first.
    const lengths = i + 1 < text.length ? prefixes.get(pairKey(text, i)) : undefined;
    for (const len of lengths ?? NO_LENGTHS) {
      if (i + len > text.length) continue;
      const surface = text.slice(i, i + len);
      const entries = entriesOf(surface);
      if (!entries) continue;
      const last = matches[matches.length - 1];
      const picked = choose(entries, { before: last?.end === i ? last : undefined, seen, next: text[i + len] });
      if (!picked) continue;
      found = {
        start: i,
        end: i + len,
        surface,
        place: picked.entry.place,
        variant: picked.entry.kind === 'variant',
        alternatives: picked.alternatives,
      };
      break;
    }
    if (found) {
      matches.push(found);
      if (found.alternatives.length === 0) seen.set(found.place.code, matches.length);
      i = found.end;
    } else {
      i += 1;
    }
  }
  if (matches.some((m) => m.alternatives.length > 0)) resolveTies(matches, []);
  return matches;
}

/**
 * Resolve an OCR misprint: a surface that is not in the gazetteer but differs from exactly one 株洲
 * district/county/street/town name by one character with the same suffix (涪口区 → 渌口区). When
 * several names are that close (涪口镇: 渌口镇, 湖口镇, 浦口镇), `rank` may single one out (the story's
 * context: lower is closer, undefined is unrelated); a tie at the best rank stays undefined.
 */
export function resolveMisprint(surface: string, rank?: (place: GazetteerPlace) => number | undefined): GazetteerPlace | undefined {
  const s = surface.trim();
  const suffix = ADMIN_SUFFIX.exec(s)?.[1];
  // At least two characters before the suffix, so one of them still agrees (a bare 某县 is not 攸县).
  if (!suffix || s.length - suffix.length < 2 || lookupPlace(s).length) return undefined;
  // Same suffix, same length, one character different (an equal form is a real place, refused above).
  const hits = new Set<GazetteerPlace>();
  const { misprintKeys: keyed } = index();
  for (const key of misprintKeys(s)) for (const place of keyed.get(key) ?? []) hits.add(place);
  if (hits.size === 1) return [...hits][0];
  if (!rank) return undefined;
  const ranked = [...hits].map((place) => ({ place, rank: rank(place) })).filter((r): r is { place: GazetteerPlace; rank: number } => r.rank !== undefined);
  const best = Math.min(...ranked.map((r) => r.rank));
  const closest = ranked.filter((r) => r.rank === best);
  return closest.length === 1 ? closest[0].place : undefined;
}
