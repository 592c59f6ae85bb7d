import { isDateLine, parseIsoDate, pathDate, placeMonthDay, printedDate, publicationDate } from '../../../src/ingest/publication-date';
import { storyDate } from '../../../src/ingest/extract/dates';
import { extractPage } from '../../../src/ingest/pipeline';

describe('pathDate', () => {
  it('reads YYYY/MM-DD folders, YYYY-MM-DD and YYYYMMDD in folder or file names', () => {
    expect(pathDate('/archive/2023/03-08/01.txt')).toBe('2023-03-08');
    expect(pathDate('/archive/2023/03/08/01.txt')).toBe('2023-03-08');
    expect(pathDate('/archive/2023-03-08/01.txt')).toBe('2023-03-08');
    expect(pathDate('/archive/20230308/01.txt')).toBe('2023-03-08');
    expect(pathDate('/archive/zzrb_20230308_05.txt')).toBe('2023-03-08');
    expect(pathDate('C:\\archive\\2023\\03-08\\01.txt')).toBe('2023-03-08');
  });

  it('prefers the date nearest the file, and reads only the file and its three nearest folders', () => {
    expect(pathDate('/backup-2020-01-01/2023/03-08/01.txt')).toBe('2023-03-08');
    expect(pathDate('/a/2023/03-08/20230309.txt')).toBe('2023-03-09');
    expect(pathDate('/backup-2020-01-01/a/b/c/01.txt')).toBeNull();
  });

  it('refuses what is not a calendar date or is a hex run, so seed names have none', () => {
    expect(pathDate('/archive/2023/02-30/01.txt')).toBeNull();
    expect(pathDate('/archive/12345678.txt')).toBeNull();
    expect(pathDate('/seeds/000_b7995e25826dd731.txt')).toBeNull();
  });
});

describe('printed date lines', () => {
  it('finds the masthead date line and tells it apart from prose that starts with a date', () => {
    expect(isDateLine('2023年3月8日 星期三')).toBe(true);
    expect(isDateLine('2023 年 3 月 8 日，星期三 农历二月十七')).toBe(true);
    expect(isDateLine('2023年3月8日，芦淞区举办招聘会。')).toBe(false);
    expect(printedDate('标题\n\n2023年3月8日 星期三\n正文')).toBe('2023-03-08');
    expect(printedDate('2023年2月30日 星期四')).toBeNull();
  });
});

describe('publicationDate', () => {
  it('takes the path first, then the printed line, then the given date', () => {
    const text = '2023年3月8日 星期三\n正文';
    expect(publicationDate(text, { fromPath: '2023-03-09', given: '2023-03-10' })).toBe('2023-03-09');
    expect(publicationDate(text, { fromPath: null, given: '2023-03-10' })).toBe('2023-03-08');
    expect(publicationDate('正文', { fromPath: null, given: '2023-03-10' })).toBe('2023-03-10');
    expect(publicationDate('正文')).toBeNull();
  });

  it('checks a given date', () => {
    expect(parseIsoDate('2023-03-08')).toBe('2023-03-08');
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('8 March')).toBeNull();
  });
});

describe('placeMonthDay', () => {
  it('puts a month-day between 11 months before and 1 month after publication', () => {
    expect(placeMonthDay('--12-12', '2023-01-05')).toBe('2022-12-12');
    expect(placeMonthDay('--01-20', '2023-01-05')).toBe('2023-01-20');
    expect(placeMonthDay('--02-04', '2023-01-05')).toBe('2023-02-04');
    expect(placeMonthDay('--02-05', '2023-01-05')).toBe('2022-02-05');
    expect(placeMonthDay('--03-08', '2023-03-08')).toBe('2023-03-08');
    expect(placeMonthDay('--12-31', '2023-12-31')).toBe('2023-12-31');
    expect(placeMonthDay('--01-30', '2023-12-31')).toBe('2024-01-30');
  });

  it('leaves a month-day no year in the window can hold', () => {
    expect(placeMonthDay('--02-29', '2023-06-01')).toBeNull();
    expect(placeMonthDay('--02-29', '2024-06-01')).toBe('2024-02-29');
  });

  it('is what a story date uses when the publication date is known', () => {
    expect(storyDate({ body: '12月12日，招聘会举行。', publishedOn: '2023-01-05' })).toBe('2022-12-12');
    expect(storyDate({ body: '2月29日，招聘会举行。', publishedOn: '2023-06-01' })).toBe('--02-29');
    expect(storyDate({ body: '12月12日，招聘会举行。', year: 2021 })).toBe('2021-12-12');
    expect(storyDate({ body: '2022年12月12日，招聘会举行。', publishedOn: '2023-06-01' })).toBe('2022-12-12');
  });
});

describe('extractPage with a publication date', () => {
  const page = [
    '2023年1月5日 星期四',
    '',
    '芦淞区举办春风行动招聘会',
    '',
    '株洲日报讯(全媒体记者/王娜) 12月28日,芦淞区人社局在董家墩街道举办春风行动招聘会,吸引了200余名求职者。',
  ].join('\n');

  it('dates the document and every story, places month-days, and keeps the date line out of stories', () => {
    const batch = extractPage({ text: page, source: '01.txt', path: '2023/01-05/01.txt', publication: { fromPath: '2023-01-05' } });
    expect(batch.document).toMatchObject({ path: '2023/01-05/01.txt', publishedOn: '2023-01-05' });
    expect(batch.stories.length).toBeGreaterThan(0);
    for (const story of batch.stories) {
      expect(story.publishedOn).toBe('2023-01-05');
      expect(story.body).not.toContain('星期四');
    }
    expect(batch.stories[0]!.date).toBe('2022-12-28');
    expect(batch.warnings).toEqual([]);
  });

  it('falls back to the printed date line, and without any date leaves publishedOn null', () => {
    expect(extractPage({ text: page, source: '01.txt' }).document.publishedOn).toBe('2023-01-05');
    const undated = page.split('\n').slice(2).join('\n');
    const batch = extractPage({ text: undated, source: '01.txt' });
    expect(batch.document.publishedOn).toBeNull();
    expect(batch.stories[0]!.date).toBe('--12-28');
    expect(extractPage({ text: undated, source: '01.txt', publication: { given: '2023-01-05' } }).stories[0]!.publishedOn).toBe('2023-01-05');
  });
});
