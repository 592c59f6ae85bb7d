import { bigramDice, containsEitherWay, normaliseName } from '../../../src/eval/normalise';

describe('normaliseName', () => {
  it('removes quotes, brackets, middle dots, commas, full stops, colons, dashes and white space', () => {
    expect(normaliseName('“春风行动·百企万岗”')).toBe('春风行动百企万岗');
    expect(normaliseName('《实施方案》「草案」(试行)')).toBe('实施方案草案试行');
    expect(normaliseName('轻创业,直通未来。')).toBe('轻创业直通未来');
    expect(normaliseName('荷塘区: “三重”招考')).toBe('荷塘区三重招考');
    expect(normaliseName('就业服务进我家——格格家')).toBe('就业服务进我家格格家');
    expect(normaliseName(' 芦淞区\u3000人社局\u200b ')).toBe('芦淞区人社局');
  });

  it('applies NFKC, so full-width letters, digits and punctuation fold to their plain forms', () => {
    expect(normaliseName('３３１医院，Ａ类')).toBe('331医院A类');
  });

  it('keeps symbols that can be part of a name', () => {
    expect(normaliseName('“课堂+基地+实践”')).toBe('课堂+基地+实践');
  });
});

describe('bigramDice', () => {
  it('is 1 for equal strings and 0 for strings sharing no bigram', () => {
    expect(bigramDice('云田镇全域卫生', '云田镇全域卫生')).toBe(1);
    expect(bigramDice('云田镇', '井龙街道')).toBe(0);
  });

  it('counts shared bigrams as a multiset: 2·shared / (|A| + |B|)', () => {
    // 老旧小区 → 老旧 旧小 小区; 老旧小巷 → 老旧 旧小 小巷: 2 shared of 3 + 3.
    expect(bigramDice('老旧小区', '老旧小巷')).toBeCloseTo(4 / 6);
  });

  it('does not divide by zero on one-character strings', () => {
    expect(bigramDice('区', '区')).toBe(1);
    expect(bigramDice('区', '市')).toBe(0);
    expect(bigramDice('', '')).toBe(1);
  });
});

describe('containsEitherWay', () => {
  it('needs the shorter string to reach the minimum length', () => {
    expect(containsEitherWay('市人社局', '株洲市人社局', 4)).toBe(true);
    expect(containsEitherWay('株洲市人社局', '市人社局', 4)).toBe(true);
    expect(containsEitherWay('市残联', '株洲市残联', 4)).toBe(false);
  });
});
