import { canonicalOrganisationName } from '../../../src/ingest/organisation-names';
import { extractPage } from '../../../src/ingest/pipeline';

describe('canonicalOrganisationName', () => {
  it('gives a short form with a bare 市 the full name in the city the story is about', () => {
    expect(canonicalOrganisationName('市人社局', '株洲市')).toBe('株洲市人力资源和社会保障局');
    expect(canonicalOrganisationName('市残联', '株洲市')).toBe('株洲市残疾人联合会');
    expect(canonicalOrganisationName('市总工会', '株洲市')).toBe('株洲市总工会');
    expect(canonicalOrganisationName('市残联', '衡阳市')).toBe('衡阳市残疾人联合会');
  });

  it('leaves a bare 市 as printed when the story does not say which city it is', () => {
    expect(canonicalOrganisationName('市残联')).toBeNull();
  });

  it('spells out the department of any city\'s body by its printed place', () => {
    expect(canonicalOrganisationName('邵阳市人社局')).toBe('邵阳市人力资源和社会保障局');
  });

  it('keeps the printed place of a district body and spells out its department', () => {
    expect(canonicalOrganisationName('荷塘区人社局')).toBe('荷塘区人力资源和社会保障局');
    expect(canonicalOrganisationName('醴陵市住建局')).toBe('醴陵市住房和城乡建设局');
  });

  it('leaves full names, unplaced short forms and party departments as printed', () => {
    expect(canonicalOrganisationName('株洲市人力资源和社会保障局')).toBeNull();
    expect(canonicalOrganisationName('区人社局')).toBeNull();
    expect(canonicalOrganisationName('天元区委统战部')).toBeNull();
    expect(canonicalOrganisationName('市场监管局')).toBeNull();
    expect(canonicalOrganisationName('株洲欧微服饰有限公司')).toBeNull();
  });
});

describe('one node per body across stories', () => {
  it('folds a short form in one story into the full name printed in another, keeping the short form as an alias', () => {
    const page = [
      '市人社局举办招聘会',
      '株洲日报讯(全媒体记者/王娜) 昨日，市人社局在神农城举办春风行动专场招聘会。',
      '',
      '就业服务进社区',
      '株洲日报讯(全媒体记者/李逸峰) 株洲市人力资源和社会保障局联合荷塘区人社局开展就业服务进社区活动。',
    ].join('\n');
    const batch = extractPage({ text: page, source: 'page.txt' });
    const bodies = batch.entities.filter((e) => e.label === 'Organisation');
    const city = bodies.find((e) => e.name === '株洲市人力资源和社会保障局');
    expect(city?.aliases).toContain('市人社局');
    expect(bodies.map((e) => e.name)).not.toContain('市人社局');
    expect(bodies.find((e) => e.name === '荷塘区人力资源和社会保障局')?.aliases).toContain('荷塘区人社局');
  });
});
