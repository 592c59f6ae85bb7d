import { findOrganisations, type PrintedBody } from '../../../src/ingest/extract/organisations';
import { scanPlaces } from '../../../src/ingest/lexicon/gazetteer';
import { prepareText } from '../../../src/ingest/extract/sentences';
import { tokenize } from '../../../src/ingest/tokenizer';

/** The organisations findOrganisations reads in an invented sentence, as `name:TYPE`. */
function bodies(body: string, elsewhere: PrintedBody[] = []): string[] {
  const prepared = prepareText(body);
  return findOrganisations(prepared, tokenize(prepared.text), scanPlaces(prepared.text), elsewhere).map((o) => `${o.name}:${o.type}`);
}
const names = (body: string): string[] => bodies(body).map((b) => b.split(':')[0]);

describe('findOrganisations: bodies of any city by general rules', () => {
  it('takes a party committee only after a place', () => {
    expect(names('益阳市委召开会议。')).toEqual(['益阳市委']);
    // The title names the provincial committee; the person before it is not part of its name.
    expect(names('这一做法获王刚省委书记肯定。')).toEqual(['省委']);
  });

  it('takes a bare committee, union or federation when a title follows it', () => {
    expect(names('镇党委副书记李明说。')).toEqual(['镇党委']);
    expect(names('市委秘书长出席。')).toEqual(['市委']);
    expect(names('总工会主席讲话。')).toEqual(['总工会']);
    expect(names('镇党委召开会议。')).toEqual([]);
  });

  it('reads stations, people\'s congresses, CPPCC, offices and foundations of any place', () => {
    expect(names('岳阳楼区五里牌街道社工站组织志愿者。')).toEqual(['岳阳楼区五里牌街道社工站']);
    expect(bodies('市人大常委会副主任讲话。')).toEqual(['市人大常委会:GOVERNMENT']);
    expect(names('来自市政协的代表发言。')).toEqual(['市政协']);
    expect(bodies('市文明办牵头。')).toEqual(['市文明办:GOVERNMENT']);
    expect(bodies('湖南省青少年发展基金会捐赠。')).toEqual(['湖南省青少年发展基金会:ASSOCIATION']);
  });

  it('does not read a verb that ends in a suffix\'s character as a body', () => {
    expect(names('活动由市妇联主办。')).toEqual(['市妇联']);
    expect(names('市民政局举办培训。')).toEqual(['市民政局']);
  });

  it('reads media outlets by their suffix or known name', () => {
    expect(bodies('据岳阳日报报道，')).toEqual(['岳阳日报:MEDIA']);
    expect(bodies('新华社消息，')).toEqual(['新华社:MEDIA']);
    expect(bodies('常德新闻网消息，')).toEqual(['常德新闻网:MEDIA']);
    expect(names('网格员向社区汇报。')).toEqual([]);
  });

  it('reads a property firm or an alliance only with a name of its own', () => {
    expect(bodies('金湘物业负责日常保洁。')).toEqual(['金湘物业:COMMUNITY_ORG']);
    expect(names('小区物业负责日常保洁。')).toEqual([]);
  });

  it('leaves categories of bodies and members of a body out', () => {
    expect(names('基层妇联积极响应。')).toEqual([]);
    expect(names('县级康复中心建成。')).toEqual([]);
    expect(names('社区党委书记王强说。')).toEqual([]);
    expect(names('区政协委员参观了园区。')).toEqual([]);
  });

  it('takes the whole name of a numbered school, not a shorter suffix inside it', () => {
    expect(names('邵阳市第十三中学的学生。')).toEqual(['邵阳市第十三中学']);
  });

  it('folds a short form into a body another line of the story prints', () => {
    const found = findOrganisations(prepareText('市残联理事长一行来到我县。'), tokenize('市残联理事长一行来到我县。'), [], [{ name: '岳阳残联', type: 'MASS_ORG' }]);
    expect(found.map((o) => [o.name, [...o.aliases]])).toEqual([['岳阳残联', ['市残联']]]);
  });
});

describe('findOrganisations: where a name stops', () => {
  it('does not take a compound site name (…中心·…) or a verb of setting up as a body', () => {
    expect(names('活动在星城北中心·阳光时代举行。')).toEqual([]);
    expect(names('大楼内设残疾人托养中心。').some((n) => n.startsWith('内设'))).toBe(false);
  });
});
