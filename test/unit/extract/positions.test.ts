import type { ActorMention } from '../../../src/ingest/extract/coreference';
import type { PersonFound } from '../../../src/ingest/extract/people';
import type { PlaceFound } from '../../../src/ingest/extract/places';
import { findPositions } from '../../../src/ingest/extract/positions';
import { prepareText } from '../../../src/ingest/extract/sentences';
import type { PlaceLevel } from '../../../src/model';

/** Builds the inputs from a sentence: the named bodies, places and people are found by their text. */
function positions(sentence: string, names: { orgs?: string[]; places?: Array<[string, PlaceLevel]>; people: string[]; basedIn?: Array<[string, string]> }): string[] {
  const prepared = prepareText(sentence);
  const text = prepared.text;
  const spans = (name: string) => {
    const out: Array<{ start: number; end: number }> = [];
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) out.push({ start: i, end: i + name.length });
    return out;
  };
  const actors: ActorMention[] = [
    ...(names.orgs ?? []).flatMap((name) => spans(name).map((s) => ({ ...s, ref: { label: 'Organisation' as const, name }, pronoun: false }))),
    ...(names.places ?? []).flatMap(([name]) => spans(name).map((s) => ({ ...s, ref: { label: 'Place' as const, name }, pronoun: false }))),
  ].sort((a, b) => a.start - b.start);
  const people: PersonFound[] = names.people.map((name) => ({ name, aliases: new Set(), mentions: spans(name) }));
  const places: PlaceFound[] = (names.places ?? []).map(([name, level]) => ({ name, level, aliases: new Set(), code: null, parent: null, mentions: spans(name) }));
  const basedIn = (names.basedIn ?? []).map(([organisation, place]) => ({ organisation, place, span: spans(organisation)[0] }));
  return findPositions({ prepared, actors, people, places, basedIn }).map((p) => `${p.from.name}|${p.title}|${p.to.name}`);
}

describe('findPositions', () => {
  it('reads a body, a title and a name', () => {
    expect(positions('某某科技有限公司董事长韩立新介绍了情况。', { orgs: ['某某科技有限公司'], people: ['韩立新'] })).toEqual(['韩立新|董事长|某某科技有限公司']);
  });

  it('gives each title of a chain its own position', () => {
    const found = positions('某山市委常委、市委秘书长、副市长韩立新出席。', { orgs: ['某山市委'], people: ['韩立新'], basedIn: [['某山市委', '某山市']] });
    expect(found.sort()).toEqual(['韩立新|副市长|某山市', '韩立新|常委|某山市委', '韩立新|秘书长|某山市委']);
  });

  it('gives a title of a chain with no body of its own the body before it', () => {
    expect(positions('某某社区党委书记、主任孟凡春说。', { places: [['某某社区', 'COMMUNITY']], people: ['孟凡春'] })).toEqual([
      '孟凡春|主任|某某社区',
      '孟凡春|党委书记|某某社区',
    ]);
  });

  it('gives a bare title after a titled name the body of that name', () => {
    expect(positions('某县民政局局长孟凡春，副局长邹小燕、龚雪梅出席。', { orgs: ['某县民政局'], people: ['孟凡春', '邹小燕', '龚雪梅'] }).sort()).toEqual([
      '孟凡春|局长|某县民政局',
      '邹小燕|副局长|某县民政局',
      '龚雪梅|副局长|某县民政局',
    ]);
  });

  it('shares one title among names listed after it', () => {
    expect(positions('某县妇联副主席邹小燕、龚雪梅到场。', { orgs: ['某县妇联'], people: ['邹小燕', '龚雪梅'] }).sort()).toEqual(['邹小燕|副主席|某县妇联', '龚雪梅|副主席|某县妇联']);
  });

  it('reads a bare level word as the one place of that level the story names', () => {
    const places: Array<[string, PlaceLevel]> = [['某某社区', 'COMMUNITY']];
    expect(positions('某某社区举办活动。社区书记孟凡春说,很好。', { places, people: ['孟凡春'] })).toEqual(['孟凡春|书记|某某社区']);
    expect(positions('社区书记孟凡春说,很好。', { people: ['孟凡春'] })).toEqual([]);
    const two: Array<[string, PlaceLevel]> = [['某某社区', 'COMMUNITY'], ['某甲社区', 'COMMUNITY']];
    expect(positions('某某社区和某甲社区举办活动。社区书记孟凡春说,很好。', { places: two, people: ['孟凡春'] })).toEqual([]);
  });

  it('does not take a generic body (社区党委) as the body', () => {
    expect(positions('社区党委书记孟凡春说。', { orgs: ['社区党委'], people: ['孟凡春'] })).toEqual([]);
    expect(positions('某某社区举办活动。社区党委书记孟凡春说。', { orgs: ['社区党委'], places: [['某某社区', 'COMMUNITY']], people: ['孟凡春'] })).toEqual(['孟凡春|党委书记|某某社区']);
  });

  it('keeps a town committee as the body it is, and guesses none where the text names none', () => {
    expect(positions('镇党委副书记孟凡春表示。', { orgs: ['镇党委'], places: [['某某镇', 'TOWN']], people: ['孟凡春'] })).toEqual(['孟凡春|副书记|镇党委']);
    expect(positions('镇党委副书记孟凡春表示。', { places: [['某某镇', 'TOWN']], people: ['孟凡春'] })).toEqual([]);
  });

  it('reads the title after the body, in brackets after the name, and the founder', () => {
    expect(positions('孟凡春是某某学校的校长。', { orgs: ['某某学校'], people: ['孟凡春'] })).toEqual(['孟凡春|校长|某某学校']);
    expect(positions('孟凡春担任某某村党支部书记。', { places: [['某某村', 'VILLAGE']], people: ['孟凡春'] })).toEqual(['孟凡春|党支部书记|某某村']);
    expect(positions('孟凡春(某某科技有限公司总经理)介绍。', { orgs: ['某某科技有限公司'], people: ['孟凡春'] })).toEqual(['孟凡春|总经理|某某科技有限公司']);
    expect(positions('孟凡春(右一)在某某科技有限公司介绍。', { orgs: ['某某科技有限公司'], people: ['孟凡春'] })).toEqual([]);
    expect(positions('孟凡春创办的某某技校培养了很多厨师。', { orgs: ['某某技校'], people: ['孟凡春'] })).toEqual(['孟凡春|创办人|某某技校']);
  });

  it('takes no residence or enrolment for a post', () => {
    expect(positions('家住某某社区的居民孟凡春说。', { places: [['某某社区', 'COMMUNITY']], people: ['孟凡春'] })).toEqual([]);
  });

  it('needs a title: a body right before a name is not enough', () => {
    expect(positions('某某科技有限公司孟凡春介绍。', { orgs: ['某某科技有限公司'], people: ['孟凡春'] })).toEqual([]);
  });
});
