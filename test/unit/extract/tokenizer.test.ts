import { cutWords, tokenAt, tokenize } from '../../../src/ingest/tokenizer';

/** Invented sentences; none is copied from a page. */
describe('tokenizer', () => {
  it('gives every word its offsets into the text it segmented', () => {
    const text = '市人社局举办招聘会。';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(tokens.map((t) => t.word));
    expect(tokens.map((t) => t.word).join('')).toBe(text);
    expect(tokens[tokens.length - 1].end).toBe(text.length);
  });

  it('finds the token holding an offset', () => {
    const tokens = tokenize('荷塘区开展培训');
    const at = tokens.findIndex((t) => t.word === '开展');
    expect(tokenAt(tokens, tokens[at].start + 1)).toBe(at);
    expect(tokenAt(tokens, 0)).toBe(0);
  });

  it('cuts plain words for the line-break check with the same dictionary', () => {
    expect(cutWords('心理疏导')).toContain('疏导');
  });
});
