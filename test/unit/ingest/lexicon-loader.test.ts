import {
  LexiconError,
  alternation,
  count,
  defineLexicon,
  literals,
  loadedLexicons,
  oneOf,
  group,
  optional,
  patterns,
  records,
  table,
  text,
  words,
} from '../../../src/ingest/lexicon/loader';

const load = (data: unknown, shape: Parameters<typeof defineLexicon>[2]) => () => defineLexicon('test.json', data, shape);

describe('defineLexicon', () => {
  it('returns typed, frozen values and records the file as loaded', () => {
    const lexicon = defineLexicon('verbs.json', { _comment: 'why', $note: ['also a comment'], run: ['举办', '主办'], limit: 3 }, { run: words, limit: count });
    expect(lexicon.run).toEqual(['举办', '主办']);
    expect(lexicon.limit).toBe(3);
    expect(Object.isFrozen(lexicon)).toBe(true);
    expect(Object.isFrozen(lexicon.run)).toBe(true);
    expect(loadedLexicons().has('verbs.json')).toBe(true);
  });

  it('names the file and key of an unknown or missing key', () => {
    expect(load({ run: ['举办'], runs: ['开展'] }, { run: words })).toThrow('src/ingest/lexicon/test.json: runs: unknown key (expected one of run)');
    expect(load({}, { run: words })).toThrow('test.json: run: missing');
    expect(load(['举办'], { run: words })).toThrow(LexiconError);
  });

  it('refuses duplicates, empty entries and regex metacharacters in word lists, naming the entry', () => {
    expect(load({ run: ['举办', '开展', '举办'] }, { run: words })).toThrow('run: entry #2 "举办" is a duplicate');
    expect(load({ run: [''] }, { run: words })).toThrow('run: entry #0 is empty');
    expect(load({ run: ['开展(活动)'] }, { run: words })).toThrow('entry #0 "开展(活动)" contains a regex metacharacter');
    expect(load({ run: [7] }, { run: words })).toThrow('entry #0 is not a string');
  });

  it('lets literals carry any character and checks that patterns compile', () => {
    expect(defineLexicon('lit.json', { marks: ['(化名)'] }, { marks: literals }).marks).toEqual(['(化名)']);
    expect(defineLexicon('pat.json', { re: ['^第[一二三]期$'] }, { re: patterns }).re).toEqual(['^第[一二三]期$']);
    expect(load({ re: ['第[一二'] }, { re: patterns })).toThrow(/re: entry #0 "第\[一二" does not compile/);
  });

  it('validates text, tables, enumerations, optional fields and records', () => {
    const shape = {
      ends: text,
      roles: table,
      suffixes: records({ suffix: words, type: oneOf(['COMPANY', 'GOVERNMENT'] as const), minHead: optional(count) }),
    };
    const ok = defineLexicon('mix.json', { ends: '。！', roles: { 记者: '记者' }, suffixes: [{ suffix: ['公司'], type: 'COMPANY' }] }, shape);
    expect(ok.suffixes[0]).toEqual({ suffix: ['公司'], type: 'COMPANY', minHead: undefined });
    expect(load({ ends: 1, roles: {}, suffixes: [] }, shape)).toThrow('ends: expected a string');
    expect(load({ ends: '', roles: { 记者: '' }, suffixes: [] }, shape)).toThrow('"记者" must map to a non-empty string');
    expect(load({ ends: '', roles: {}, suffixes: [{ suffix: ['局'], type: 'BUREAU' }] }, shape)).toThrow('suffixes: entry #0.type: "BUREAU" is not one of COMPANY, GOVERNMENT');
    expect(load({ ends: '', roles: {}, suffixes: [{ suffix: ['局'], type: 'GOVERNMENT', kind: 'x' }] }, shape)).toThrow('entry #0 has an unknown key "kind"');
  });
});

describe('group', () => {
  it('validates one object with exactly its fields', () => {
    const shape = { window: group({ monthsBefore: count, monthsAfter: count }) };
    expect(defineLexicon('window.json', { window: { monthsBefore: 11, monthsAfter: 1 } }, shape).window).toEqual({ monthsBefore: 11, monthsAfter: 1 });
    expect(load({ window: { monthsBefore: 11 } }, shape)).toThrow('window: the object.monthsAfter: expected a whole number ≥ 0');
    expect(load({ window: { monthsBefore: 11, monthsAfter: 1, years: 2 } }, shape)).toThrow('window: the object has an unknown key "years"');
    expect(load({ window: [] }, shape)).toThrow('window: expected an object');
  });
});

describe('alternation', () => {
  it('escapes entries and puts longer ones first', () => {
    const re = new RegExp(`^(?:${alternation(['组织', '组织开展', '1+N'])})`, 'u');
    expect('组织开展活动'.match(re)?.[0]).toBe('组织开展');
    expect('1+N模式'.match(re)?.[0]).toBe('1+N');
    expect(re.test('11N')).toBe(false);
  });
});
