/**
 * The one validating loader for the lexicon files in this folder (word lists, pattern tables,
 * cue tables). A module declares the shape of its file once:
 *
 *   import data from '../lexicon/run-verbs.json';
 *   export const RUN_VERBS = defineLexicon('run-verbs.json', data, { run: words, coOrganise: words });
 *
 * and gets back typed, frozen values — or, at module load, a LexiconError that names the file,
 * the key and the entry at fault. Checked: every key of the shape is present, no other key is
 * (keys starting with `_` or `$` are comments), lists hold no duplicates or empty strings, plain
 * word lists hold no regex metacharacters (they are joined into alternations), and patterns
 * compile. Data errors surface when the process starts, not as a silently wrong extraction.
 */

export class LexiconError extends Error {
  constructor(file: string, where: string, problem: string) {
    super(`src/ingest/lexicon/${file}: ${where}: ${problem}`);
    this.name = 'LexiconError';
  }
}

/** A field's validator: returns the checked value or throws (via `fail`) naming the entry. */
export type Field<T> = (value: unknown, fail: (problem: string) => never) => T;
type FieldValue<F> = F extends Field<infer T> ? T : never;
type Shape = Record<string, Field<unknown>>;
export type Lexicon<S extends Shape> = { readonly [K in keyof S]: FieldValue<S[K]> };

const REGEX_META = /[.*+?^${}()|[\]\\/]/u;
const files = new Set<string>();

/** Files loaded so far in this process (a test checks that every data file has a shape). */
export function loadedLexicons(): ReadonlySet<string> {
  return files;
}

/** Validates `data` (the parsed contents of `file`) against `shape`. */
export function defineLexicon<S extends Shape>(file: string, data: unknown, shape: S): Lexicon<S> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new LexiconError(file, '(top level)', 'expected a JSON object');
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (isComment(key)) continue;
    if (!(key in shape)) throw new LexiconError(file, key, `unknown key (expected one of ${Object.keys(shape).join(', ')})`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    out[key] = field(record[key], (problem) => {
      throw new LexiconError(file, key, problem);
    });
  }
  files.add(file);
  return Object.freeze(out) as Lexicon<S>;
}

const isComment = (key: string): boolean => key.startsWith('_') || key.startsWith('$');

function stringList(value: unknown, fail: (problem: string) => never, check?: (entry: string) => string | null): readonly string[] {
  if (!Array.isArray(value)) return fail(value === undefined ? 'missing' : 'expected a list of strings');
  const seen = new Set<string>();
  value.forEach((entry: unknown, i: number) => {
    if (typeof entry !== 'string') fail(`entry #${i} is not a string`);
    if (entry.length === 0) fail(`entry #${i} is empty`);
    if (seen.has(entry)) fail(`entry #${i} "${entry}" is a duplicate`);
    const problem = check?.(entry);
    if (problem) fail(`entry #${i} "${entry}" ${problem}`);
    seen.add(entry);
  });
  return Object.freeze([...(value as string[])]);
}

/** Words joined into regex alternations: unique, non-empty, no regex metacharacters. */
export const words: Field<readonly string[]> = (value, fail) =>
  stringList(value, fail, (entry) => (REGEX_META.test(entry) ? 'contains a regex metacharacter (use a `literals` list, escaped by its reader)' : null));

/** Strings of any characters, compared literally (the reader escapes them before use in a regex). */
export const literals: Field<readonly string[]> = (value, fail) => stringList(value, fail);

/** Regex sources; each must compile with the `u` flag. */
export const patterns: Field<readonly string[]> = (value, fail) =>
  stringList(value, fail, (entry) => {
    try {
      new RegExp(entry, 'u');
      return null;
    } catch (error) {
      return `does not compile: ${(error as Error).message}`;
    }
  });

/** A single string (for instance a set of characters). */
export const text: Field<string> = (value, fail) => {
  if (typeof value !== 'string') return fail(value === undefined ? 'missing' : 'expected a string');
  return value;
};

/** A whole number ≥ 0. */
export const count: Field<number> = (value, fail) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return fail('expected a whole number ≥ 0');
  return value;
};

/** A string → string table (keys are unique by JSON's nature; values must be non-empty). */
export const table: Field<Readonly<Record<string, string>>> = (value, fail) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(value === undefined ? 'missing' : 'expected an object of strings');
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (key.length === 0) fail('has an empty key');
    if (typeof entry !== 'string' || entry.length === 0) fail(`"${key}" must map to a non-empty string`);
  }
  return Object.freeze({ ...(value as Record<string, string>) });
};

/** One of a fixed set of strings (an enumeration of the model). */
export function oneOf<T extends string>(values: readonly T[]): Field<T> {
  return (value, fail) => {
    if (!values.includes(value as T)) fail(`${JSON.stringify(value)} is not one of ${values.join(', ')}`);
    return value as T;
  };
}

/** A field that may be left out. */
export function optional<T>(field: Field<T>): Field<T | undefined> {
  return (value, fail) => (value === undefined ? undefined : field(value, fail));
}

/** One object with exactly the given fields (comment keys allowed). */
export function group<S extends Shape>(shape: S): Field<Lexicon<S>> {
  const list = records(shape);
  return (value, fail) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(value === undefined ? 'missing' : 'expected an object');
    return list([value], (problem) => fail(problem.replace(/^entry #0(?: "[^"]*")?/, 'the object')))[0];
  };
}

/** A list of objects, each with exactly the given fields (comment keys allowed). */
export function records<S extends Shape>(shape: S): Field<ReadonlyArray<Lexicon<S>>> {
  return (value, fail) => {
    if (!Array.isArray(value)) return fail(value === undefined ? 'missing' : 'expected a list of objects');
    return Object.freeze(
      value.map((entry: unknown, i: number) => {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(`entry #${i} is not an object`);
        const item = entry as Record<string, unknown>;
        const label = `entry #${i}${typeof item[Object.keys(shape)[0]] === 'string' ? ` "${String(item[Object.keys(shape)[0]])}"` : ''}`;
        for (const key of Object.keys(item)) {
          if (!isComment(key) && !(key in shape)) fail(`${label} has an unknown key "${key}"`);
        }
        const out: Record<string, unknown> = {};
        for (const [key, field] of Object.entries(shape)) {
          out[key] = field(item[key], (problem) => fail(`${label}.${key}: ${problem}`));
        }
        return Object.freeze(out) as Lexicon<S>;
      }),
    );
  };
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A regex source matching any of `entries` literally, longest first (so 组织开展 wins over 组织). */
export function alternation(entries: readonly string[]): string {
  return [...entries].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
}
