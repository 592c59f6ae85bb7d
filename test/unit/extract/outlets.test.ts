import { withoutOutlets } from '../../../src/ingest/extract/outlets';
import type { StoryExtraction } from '../../../src/ingest/extract/types';

const extraction = (names: string[]): StoryExtraction => ({
  people: [],
  organisations: names.map((name) => ({ name, aliases: [], type: 'OTHER' as const, count: 1 })),
  places: [],
  programmes: [],
  relations: names.map((name) => ({
    type: 'RUNS' as const,
    from: { label: 'Organisation' as const, name },
    to: { label: 'Programme' as const, name: '某某活动' },
    evidence: `${name}举办某某活动`,
  })),
});

describe('withoutOutlets', () => {
  it('drops the page\'s own outlet in any printed form, with the relations that name it', () => {
    const kept = withoutOutlets(extraction(['红网', '湘水日报社', '某县民政局']), ['红网时刻新闻', '湘水日报']);
    expect(kept.organisations.map((o) => o.name)).toEqual(['某县民政局']);
    expect(kept.relations.map((r) => r.from.name)).toEqual(['某县民政局']);
  });

  it('keeps a body that only publishes the page (a government website) and other media', () => {
    const kept = withoutOutlets(extraction(['某县人民政府', '新华社']), ['某县人民政府网站']);
    expect(kept.organisations.map((o) => o.name)).toEqual(['某县人民政府', '新华社']);
  });

  it('changes nothing when the page names no outlet', () => {
    const input = extraction(['红网']);
    expect(withoutOutlets(input, [])).toBe(input);
  });
});
