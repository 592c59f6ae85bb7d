import { extractStory, readNames } from '../../../src/ingest/extract/story';

const city = (body: string, headline = '测试标题'): string | null | undefined =>
  extractStory({ headline, kicker: null, subtitle: null, body, creditNames: [] }).city;

/** Invented stories; the city a bare 市 (市人社局) means in each. */
describe('extractStory: the city a bare 市 means', () => {
  it('is the one city whose name opens the story\'s public bodies', () => {
    expect(city('邵阳市民政局联合市残联开展慰问活动。')).toBe('邵阳市');
  });

  it('is the city a county\'s or district\'s public body belongs to', () => {
    expect(city('浏阳市司法局联合市人社局开展活动。')).toBe('长沙市');
  });

  it('is the home paper\'s city when the story names no other city, or names a place in the home city', () => {
    expect(city('市人社局举办招聘会。')).toBe('株洲市');
    expect(city('荷塘区与深圳市福田区某局签订协议，市人社局参加。')).toBe('株洲市');
  });

  it('is none when the story names another city without saying the bare 市 is it', () => {
    expect(city('市人社局组织企业赴长沙市参加招聘会。')).toBeNull();
  });

  it('lists another city printed only at the start of its bodies\' names, but not the home city', () => {
    const places = (body: string): string[] => extractStory({ headline: '标题', kicker: null, subtitle: null, body, creditNames: [] }).places.map((p) => p.name);
    expect(places('长沙市开福区某街道社工站开展活动。')).toContain('长沙市');
    expect(places('株洲市人社局开展活动。')).not.toContain('株洲市');
  });
});

describe('readNames: one stage order for every line of a story', () => {
  it('reads bodies first and places outside them', () => {
    const names = readNames('荷塘区人社局在荷塘区举办招聘会');
    expect(names.organisations.map((o) => o.name)).toEqual(['荷塘区人社局']);
    expect(names.places.places.filter((p) => p.mentions.length > 0).map((p) => p.name)).toEqual(['荷塘区']);
  });
});
