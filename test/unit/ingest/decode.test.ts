import iconv from 'iconv-lite';
import {
  BinaryPageError,
  decodePage,
  EmptyPageError,
  PageDecodeError,
  PageTooLargeError,
  UnknownEncodingError,
} from '../../../src/ingest/decode';

const PAGE = '城南街道开展“暖冬行动”\n\n株洲日报讯(全媒体记者/张三 通讯员/李四)近日,城南街道举办招聘会。\n';

describe('decodePage', () => {
  it('reads UTF-8 and removes a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE, 'utf8')]);
    const page = decodePage(bytes, { source: 'a.txt' });
    expect(page.text).toBe(PAGE);
    expect(page.encoding).toBe('utf-8');
    expect(page.warnings).toEqual([]);
  });

  it('decodes a GBK page and says so in a warning', () => {
    const page = decodePage(iconv.encode(PAGE, 'gbk'), { source: 'gbk.txt' });
    expect(page.text).toBe(PAGE);
    expect(page.encoding).toBe('gb18030');
    expect(page.warnings).toHaveLength(1);
    expect(page.warnings[0]).toMatch(/gbk\.txt.*GBK/u);
  });

  it('refuses an empty buffer and a whitespace-only file', () => {
    expect(() => decodePage(Buffer.alloc(0), { source: 'empty.txt' })).toThrow(EmptyPageError);
    expect(() => decodePage(Buffer.from(' \n\n\t \u3000\n', 'utf8'), { source: 'blank.txt' })).toThrow(EmptyPageError);
  });

  it('refuses binary data, naming the file', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(() => decodePage(png, { source: 'photo.png' })).toThrow(BinaryPageError);
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    try {
      decodePage(controls, { source: 'weird.bin' });
      throw new Error('expected a BinaryPageError');
    } catch (error) {
      expect(error).toBeInstanceOf(BinaryPageError);
      expect((error as PageDecodeError).source).toBe('weird.bin');
      expect((error as Error).message).toMatch(/^weird\.bin: .*control characters/u);
    }
  });

  it('refuses a file over the size limit before decoding it', () => {
    const big = Buffer.from('新闻'.repeat(100), 'utf8');
    expect(() => decodePage(big, { source: 'big.txt', maxBytes: 100 })).toThrow(PageTooLargeError);
    expect(() => decodePage(big, { source: 'big.txt', maxBytes: 100 })).toThrow(/big\.txt: the file is 600 bytes, over the 100-byte limit/u);
    expect(decodePage(big, { source: 'big.txt', maxBytes: 600 }).text).toHaveLength(200);
  });

  it('refuses bytes that are neither UTF-8 nor Chinese GBK', () => {
    // Latin-1 accented text: invalid UTF-8, and its GB18030 reading is not Chinese.
    const latin1 = Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, \xe0 la fran\xe7aise. '.repeat(4), 'latin1');
    expect(() => decodePage(latin1, { source: 'latin1.txt' })).toThrow(UnknownEncodingError);
  });
});
