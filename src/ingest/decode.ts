/**
 * Page bytes → text, pure (no file system): UTF-8 with or without BOM, or GBK/GB18030 (what
 * older newspaper exports and Windows tools write) with a warning that says so. Files that are
 * not text pages — empty, binary, too large, or in an encoding we cannot identify — are refused
 * with an error that names the file, so a batch ingest can report it and carry on.
 */
import iconv from 'iconv-lite';

/** Default upper bound for one page: real pages are 5–30 KB; anything far larger is not a page. */
export const DEFAULT_MAX_PAGE_BYTES = 2 * 1024 * 1024;

export interface DecodeOptions {
  /** File name, for messages. */
  source: string;
  /** Refuse pages larger than this many bytes (default DEFAULT_MAX_PAGE_BYTES). */
  maxBytes?: number;
}

export interface DecodedPage {
  text: string;
  encoding: 'utf-8' | 'gb18030';
  /** Things a person should know (e.g. the page was decoded from GBK). */
  warnings: string[];
}

/** A page file that cannot be ingested; `source` is the file name and `reason` a stable code. */
export class PageDecodeError extends Error {
  constructor(
    readonly source: string,
    readonly reason: 'empty' | 'binary' | 'too-large' | 'unknown-encoding',
    detail: string,
  ) {
    super(`${source}: ${detail}`);
    this.name = new.target.name;
  }
}

export class EmptyPageError extends PageDecodeError {
  constructor(source: string) {
    super(source, 'empty', 'the file is empty or contains only white space; expected the text of a newspaper page');
  }
}

export class BinaryPageError extends PageDecodeError {
  constructor(source: string, why: string) {
    super(source, 'binary', `the file looks binary (${why}); expected a plain-text page (UTF-8 or GBK)`);
  }
}

export class PageTooLargeError extends PageDecodeError {
  constructor(source: string, bytes: number, maxBytes: number) {
    super(source, 'too-large', `the file is ${bytes} bytes, over the ${maxBytes}-byte limit for one page`);
  }
}

export class UnknownEncodingError extends PageDecodeError {
  constructor(source: string) {
    super(source, 'unknown-encoding', 'the file is neither valid UTF-8 nor GBK/GB18030 Chinese text');
  }
}

/** Share of C0 control characters (other than tab, CR, LF, FF) above which a file is not text. */
const MAX_CONTROL_RATIO = 0.02;
/** Of the non-ASCII characters a GB18030 reading yields, at least this share must be CJK. */
const MIN_CJK_RATIO = 0.7;
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes one page. Throws a PageDecodeError subclass for empty, binary, oversize and
 * undecodable files; returns the text and any warnings otherwise.
 */
export function decodePage(buffer: Uint8Array, options: DecodeOptions): DecodedPage {
  const { source } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PAGE_BYTES;
  if (buffer.length > maxBytes) throw new PageTooLargeError(source, buffer.length, maxBytes);
  if (buffer.length === 0) throw new EmptyPageError(source);
  checkNotBinary(buffer, source);

  const utf8 = tryUtf8(buffer);
  const decoded: DecodedPage =
    utf8 !== null
      ? { text: utf8, encoding: 'utf-8', warnings: [] }
      : {
          text: decodeGb18030(buffer, source),
          encoding: 'gb18030',
          warnings: [`${source}: not valid UTF-8; decoded as GBK/GB18030 Chinese text`],
        };
  if (decoded.text.trim().length === 0) throw new EmptyPageError(source);
  return decoded;
}

function checkNotBinary(buffer: Uint8Array, source: string): void {
  let controls = 0;
  for (const byte of buffer) {
    // NUL never occurs in UTF-8 or GBK text, but is everywhere in images, archives and UTF-16.
    if (byte === 0) throw new BinaryPageError(source, 'it contains NUL bytes');
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls += 1;
  }
  if (controls / buffer.length > MAX_CONTROL_RATIO) {
    const percent = ((100 * controls) / buffer.length).toFixed(1);
    throw new BinaryPageError(source, `${percent}% of its bytes are control characters`);
  }
}

/** The text if the bytes are valid UTF-8 (a BOM is removed), else null. */
function tryUtf8(buffer: Uint8Array): string | null {
  try {
    return UTF8.decode(buffer);
  } catch {
    return null;
  }
}

/**
 * GB18030 (a superset of GBK and GB2312) maps almost any byte sequence to something, so a clean
 * decode alone proves little: the reading must also be mostly CJK, as a Chinese page is.
 */
function decodeGb18030(buffer: Uint8Array, source: string): string {
  const text = iconv.decode(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), 'gb18030');
  if (text.includes('\uFFFD')) throw new UnknownEncodingError(source);
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    nonAscii += 1;
    if (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2014\u2026\u00b7]/u.test(ch)) cjk += 1;
  }
  if (nonAscii === 0 || cjk / nonAscii < MIN_CJK_RATIO) throw new UnknownEncodingError(source);
  return text.replace(/^\uFEFF/u, '');
}
