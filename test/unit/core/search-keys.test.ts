import { searchKeys } from '../../../src/ingest/search-keys';

describe('searchKeys', () => {
  it('writes pinyin joined, toned and as syllables for name and aliases', () => {
    const keys = searchKeys('芦淞区', ['芦淞']);
    const forms = keys.pinyin.split(' ');
    expect(forms).toEqual(expect.arrayContaining(['lusongqu', 'lúsōngqū', 'lusong', 'lúsōng', 'lu', 'song', 'qu']));
    expect(keys.aliasText).toBe('芦淞');
  });

  it('has no pinyin for names without Chinese characters', () => {
    expect(searchKeys('CBD', [])).toEqual({ aliasText: '', pinyin: '' });
  });
});
