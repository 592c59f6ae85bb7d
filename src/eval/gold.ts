/**
 * The gold annotation format of GUIDELINE.md, as types, and a loader that checks a file before the
 * scorer trusts it. A malformed gold file is an input error, reported with the file name and the
 * JSON path of every problem, never silently scored as "nothing expected".
 *
 * Leniency, on purpose: fields the scorer does not compare (`type`, `level`, `kind`, `parent`,
 * `targets`, `evidence`, `title`, `note`, `body_start`) are type-checked when present but not
 * required, and enumeration values are not checked against the model, so a gold file written by a
 * newer guideline still scores. Missing lists (`"positions"` left out) mean an empty list.
 */
import { readFileSync } from 'node:fs';

interface GoldItem {
  /** Not sure it belongs: neither rewarded nor penalised (GUIDELINE "Scoring"). */
  optional: boolean;
  note: string | null;
}

export interface GoldCredit extends GoldItem {
  name: string;
  role: string | null;
}

export interface GoldEntity extends GoldItem {
  name: string;
  aliases: string[];
}

export type GoldPerson = GoldEntity;
export interface GoldOrganisation extends GoldEntity {
  type: string | null;
}
export interface GoldPlace extends GoldEntity {
  level: string | null;
  parent: string | null;
}
export interface GoldProgramme extends GoldEntity {
  kind: string | null;
  targets: string[];
}

export interface GoldRun extends GoldItem {
  /** The body, or the place acting as one (`芦淞区`), that ran the programme. */
  organisation: string;
  programme: string;
  evidence: string | null;
}
export interface GoldHeldIn extends GoldItem {
  programme: string;
  place: string;
}
export interface GoldPosition extends GoldItem {
  person: string;
  title: string | null;
  /** An organisation or a place (`宋家桥街道`). */
  organisation: string;
}

export interface GoldStory {
  key: string;
  headline: string;
  kicker: string | null;
  subtitle: string | null;
  body_start: string | null;
  date: string | null;
  /** A story an analyst was unsure of (a boxed sidebar without a byline): neither a hit nor a miss. */
  optional: boolean;
  credits: GoldCredit[];
  people: GoldPerson[];
  organisations: GoldOrganisation[];
  places: GoldPlace[];
  programmes: GoldProgramme[];
  runs: GoldRun[];
  held_in: GoldHeldIn[];
  positions: GoldPosition[];
}

export interface GoldPage {
  /** File name of the page text (`000_b7995e25826dd731.txt`). */
  document: string;
  stories: GoldStory[];
}

/** A gold file that does not follow the format; the message names the file and every problem. */
export class GoldFormatError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: invalid gold file: ${problems.join('; ')}`);
    this.name = 'GoldFormatError';
  }
}

/** Reads and validates one gold file. Throws GoldFormatError naming the file on any problem. */
export function loadGoldFile(file: string): GoldPage {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GoldFormatError(file, [`cannot read: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GoldFormatError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseGold(json, file);
}

/**
 * Validates parsed JSON as a gold page. `source` names the file in error messages.
 * Collects every problem before throwing, so one run shows all that must be fixed.
 */
export function parseGold(json: unknown, source: string): GoldPage {
  const reader = new Reader();
  const page = reader.page(json);
  if (reader.problems.length > 0 || page === null) {
    throw new GoldFormatError(source, reader.problems);
  }
  return page;
}

type Json = Record<string, unknown>;

/** Walks the JSON, recording problems with their JSON path instead of stopping at the first. */
class Reader {
  readonly problems: string[] = [];

  page(json: unknown): GoldPage | null {
    if (!isObject(json)) {
      this.problem('(top level)', 'expected an object with "document" and "stories"');
      return null;
    }
    const document = this.requiredString(json, 'document', '');
    if (!('stories' in json)) {
      this.problem('stories', 'missing');
      return null;
    }
    if (!Array.isArray(json.stories)) {
      this.problem('stories', 'expected an array');
      return null;
    }
    const stories = json.stories.map((story, i) => this.story(story, `stories[${i}]`, i));
    return { document: document ?? '', stories: stories.filter((s): s is GoldStory => s !== null) };
  }

  private story(json: unknown, path: string, index: number): GoldStory | null {
    if (!isObject(json)) {
      this.problem(path, 'expected an object');
      return null;
    }
    const headline = this.requiredString(json, 'headline', path);
    return {
      key: this.optionalString(json, 'key', path) ?? `S${index + 1}`,
      headline: headline ?? '',
      kicker: this.optionalString(json, 'kicker', path),
      subtitle: this.optionalString(json, 'subtitle', path),
      body_start: this.optionalString(json, 'body_start', path),
      date: this.optionalString(json, 'date', path),
      optional: this.common(json, path).optional,
      credits: this.list(json, 'credits', path, (item, at) => ({
        ...this.common(item, at),
        name: this.requiredString(item, 'name', at) ?? '',
        role: this.optionalString(item, 'role', at),
      })),
      people: this.list(json, 'people', path, (item, at) => this.entity(item, at)),
      organisations: this.list(json, 'organisations', path, (item, at) => ({
        ...this.entity(item, at),
        type: this.optionalString(item, 'type', at),
      })),
      places: this.list(json, 'places', path, (item, at) => ({
        ...this.entity(item, at),
        level: this.optionalString(item, 'level', at),
        parent: this.optionalString(item, 'parent', at),
      })),
      programmes: this.list(json, 'programmes', path, (item, at) => ({
        ...this.entity(item, at),
        kind: this.optionalString(item, 'kind', at),
        targets: this.stringList(item, 'targets', at),
      })),
      runs: this.list(json, 'runs', path, (item, at) => ({
        ...this.common(item, at),
        organisation: this.requiredString(item, 'organisation', at) ?? '',
        programme: this.requiredString(item, 'programme', at) ?? '',
        evidence: this.optionalString(item, 'evidence', at),
      })),
      held_in: this.list(json, 'held_in', path, (item, at) => ({
        ...this.common(item, at),
        programme: this.requiredString(item, 'programme', at) ?? '',
        place: this.requiredString(item, 'place', at) ?? '',
      })),
      positions: this.list(json, 'positions', path, (item, at) => ({
        ...this.common(item, at),
        person: this.requiredString(item, 'person', at) ?? '',
        title: this.optionalString(item, 'title', at),
        organisation: this.requiredString(item, 'organisation', at) ?? '',
      })),
    };
  }

  private entity(item: Json, at: string): GoldEntity {
    return {
      ...this.common(item, at),
      name: this.requiredString(item, 'name', at) ?? '',
      aliases: this.stringList(item, 'aliases', at),
    };
  }

  private common(item: Json, at: string): GoldItem {
    const optional = item.optional;
    if (optional !== undefined && typeof optional !== 'boolean') {
      this.problem(`${at}.optional`, 'expected true or false');
    }
    return { optional: optional === true, note: this.optionalString(item, 'note', at) };
  }

  /** A list of objects; absent means empty. Items that are not objects are reported and dropped. */
  private list<T>(json: Json, key: string, path: string, read: (item: Json, at: string) => T): T[] {
    const value = json[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(`${path}.${key}`, 'expected an array');
      return [];
    }
    const items: T[] = [];
    value.forEach((item, i) => {
      const at = `${path}.${key}[${i}]`;
      if (isObject(item)) items.push(read(item, at));
      else this.problem(at, 'expected an object');
    });
    return items;
  }

  private requiredString(json: Json, key: string, path: string): string | null {
    const at = path === '' ? key : `${path}.${key}`;
    const value = json[key];
    if (value === undefined) {
      this.problem(at, 'missing');
      return null;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(at, 'expected a non-empty string');
      return null;
    }
    return value;
  }

  private optionalString(json: Json, key: string, path: string): string | null {
    const value = json[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      this.problem(`${path}.${key}`, 'expected a string or null');
      return null;
    }
    return value;
  }

  private stringList(json: Json, key: string, path: string): string[] {
    const value = json[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      this.problem(`${path}.${key}`, 'expected an array of strings');
      return [];
    }
    return value as string[];
  }

  private problem(at: string, message: string): void {
    this.problems.push(`${at}: ${message}`);
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
