import { tokenize } from '../../../src/ingest/tokenizer';
import { findPeople } from '../../../src/ingest/extract/people';
import { prepareText } from '../../../src/ingest/extract/sentences';

function people(body: string, creditNames: string[] = []): string[] {
  const prepared = prepareText(body);
  return findPeople({ prepared, tokens: tokenize(prepared.text), blocked: [], creditNames }).map((p) => p.name);
}

describe('findPeople', () => {
  it('needs a cue: a title, a kind of person, an age, or a speech verb', () => {
    expect(people('会上,主任韩立新作了部署。')).toEqual(['韩立新']);
    expect(people('村民孟凡春今年种了十亩西瓜。')).toEqual(['孟凡春']);
    expect(people('今年52岁的龚雪梅在社区做了十年志愿者。')).toEqual(['龚雪梅']);
    expect(people('“这件事做得好。”韩立新说。')).toEqual(['韩立新']);
    expect(people('韩立新种了十亩西瓜。')).toEqual([]);
  });

  it('ends the name where the next word begins (no third character from 详细)', () => {
    expect(people('会上,局长孟浩详细介绍了情况。')).toEqual(['孟浩']);
    expect(people('会上,局长孟浩然详细介绍了情况。')).toEqual(['孟浩然']);
  });

  it('reads titles printed after the name and names after a 主席 that is no national leader', () => {
    expect(people('工作得到龚雪梅理事长的肯定。')).toEqual(['龚雪梅']);
    expect(people('县妇联副主席邹小燕为学员授课。')).toEqual(['邹小燕']);
    expect(people('国家主席习近平发表讲话。')).toEqual([]);
  });

  it('reads people as the object of 慰问 and 看望, and every name of a list', () => {
    expect(people('他们走访慰问了孟凡春和邹小燕等困难户。')).toEqual(['孟凡春', '邹小燕']);
    expect(people('看望了龚雪梅、孟凡春、邹小燕三位老人。')).toEqual(['龚雪梅', '孟凡春', '邹小燕']);
    expect(people('慰问了困难群众。')).toEqual([]);
  });

  it('keeps a full name followed by a form of address, and skips anonymised people', () => {
    expect(people('来自某小学的孟凡春同学说,很开心。')).toEqual(['孟凡春']);
    expect(people('居民刘女士说,很开心。')).toEqual([]);
    expect(people('黄某表示愿意改正。')).toEqual([]);
  });

  it('does not read verbs that start with a surname as names', () => {
    expect(people('大家围绕议题展开讲解。')).toEqual([]);
    expect(people('社区100余人参加活动。')).toEqual([]);
  });

  it('leaves byline names alone', () => {
    expect(people('记者/韩立新 通讯员/孟凡春')).toEqual([]);
  });
});
