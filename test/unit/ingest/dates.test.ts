import { pageYear, statedDates, storyDate } from '../../../src/ingest/extract/dates';

describe('dates', () => {
  it('keeps a full date and never guesses the year of a month-day', () => {
    expect(storyDate({ body: '2023年5月6日,活动在社区举行。' })).toBe('2023-05-06');
    expect(storyDate({ body: '5月6日,活动在社区举行。' })).toBe('--05-06');
  });

  it('takes the first date the body states and tolerates OCR spaces', () => {
    expect(storyDate({ body: '今年以来,该区多次开展活动。3 月 8 日,招聘会举行;3月9日,培训开班。' })).toBe('--03-08');
  });

  it('ignores months without a day, day ranges and impossible dates', () => {
    expect(storyDate({ body: '今年5月,18日至20日,13月40日,2021年12月' })).toBeNull();
  });

  it('completes a month-day only with a year the page prints', () => {
    expect(storyDate({ body: '8月8日一早', year: 2022 })).toBe('2022-08-08');
    expect(pageYear('2022年8月1日发布。8月8日一早')).toBe(2022);
    expect(pageYear('2021年1月,该区…今年12月')).toBeNull();
    expect(pageYear('2021年1月2日…2022年3月4日')).toBeNull();
  });

  it('does not read the month-day inside a full date twice', () => {
    expect(statedDates('2022年12月12日').map((d) => d.iso)).toEqual(['2022-12-12']);
  });
});
