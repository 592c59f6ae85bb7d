import { buildSearchQuery, escapeLucene, stripTones } from '../../../src/api/search-query';

describe('buildSearchQuery', () => {
  it.each([
    ['芦淞区', '("芦淞区"^4 OR 芦淞区)', '芦淞区'],
    ['杨', '(杨^4 OR 杨*)', '杨'],
    ['lusong', '(lusong^4 OR lusong*^2)', 'lusong'],
    ['Lusong District', '(lusong^4 OR lusong*^2)', 'Lusong'],
    ['LUSONG county', '(lusong^4 OR lusong*^2)', 'LUSONG'],
    ['lúsōng', '(lúsōng^4 OR lúsōng*^2 OR lusong^4 OR lusong*^2)', 'lúsōng'],
    ['lu song', '((lu^4 OR lu*^2) AND (song^4 OR song*^2)) OR (lusong^4 OR lusong*^2)', 'lu song'],
    ['芦淞 qu', '("芦淞"^4 OR 芦淞)', '芦淞'],
    ['District', '(district^4 OR district*^2)', 'District'],
    ['a', '(a^4)', 'a'],
  ])('%s → %s', (text, lucene, exact) => {
    expect(buildSearchQuery(text)).toEqual({ lucene, exact });
  });

  it('escapes Lucene syntax and lower-cases operators so user text is never query syntax', () => {
    expect(buildSearchQuery('name:x AND y*').lucene).toBe('((name\\:x^4 OR name\\:x*^2) AND (and^4 OR and*^2) AND (y\\*^4 OR y\\**^2)) OR (name\\:xandy\\*^4 OR name\\:xandy\\**^2)');
    expect(buildSearchQuery('芦淞"区').lucene).toBe('("芦淞\\"区"^4 OR 芦淞\\"区)');
  });

  it('has nothing to search for in blank or punctuation-only text', () => {
    expect(buildSearchQuery('   ').lucene).toBeNull();
    expect(buildSearchQuery('( ) "').lucene).toBeNull();
  });
});

describe('escapeLucene and stripTones', () => {
  it('escapes every operator character', () => {
    expect(escapeLucene('+-!(){}[]^"~*?:\\/&|')).toBe('\\+\\-\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/\\&\\|');
  });
  it('removes tone marks but keeps ü', () => {
    expect(stripTones('lúsōngqū')).toBe('lusongqu');
    expect(stripTones('lǜ')).toBe('lü');
  });
});
