import { extendLeft, nameWord } from '../../../src/ingest/extract/name-spans';
import { tokenize } from '../../../src/ingest/tokenizer';

/** Where a name whose head word starts at `head` begins, in an invented sentence. */
function nameBefore(text: string, head: string): string {
  const headStart = text.indexOf(head);
  const start = extendLeft({ text, tokens: tokenize(text), headStart, maxLength: 26 });
  return text.slice(start, headStart + head.length);
}

describe('name spans', () => {
  it('stops a name at a run verb, a preposition or a pronoun', () => {
    expect(nameBefore('昨日，市民政局举办培训班。', '培训班')).toBe('培训班');
    expect(nameBefore('他们在星沙镇成立服务站。', '服务站')).toBe('服务站');
    expect(nameBefore('该公司负责人介绍。', '公司')).toBe('公司');
  });

  it('grows over the words of a name, the verbal nouns names are built from included', () => {
    expect(nameBefore('近日，湘江新区创业服务中心揭牌。', '中心')).toBe('湘江新区创业服务中心');
  });

  it('keeps a number word that is part of a name but not a count', () => {
    expect(nameBefore('学生来自九方中学。', '中学')).toBe('九方中学');
    expect(nameBefore('共有三名学员结业。', '学员')).toBe('学员');
  });

  it('lets a single character the segmenter tags as an adverb sit inside a name', () => {
    expect(nameWord({ word: '尚', tag: 'd', start: 0, end: 1 })).toBe(true);
    expect(nameWord({ word: '也', tag: 'd', start: 0, end: 1 })).toBe(false);
    expect(nameWord({ word: '们', tag: 'k', start: 0, end: 1 })).toBe(false);
  });
});
