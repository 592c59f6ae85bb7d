/**
 * Cleans one OCR'd page into classified blocks, in page order, ready for story segmentation.
 *
 * The order of the passes matters:
 *  1. white space is normalised and the page split into blocks (one printed line each), keeping
 *     how many blank lines preceded each: three or more mark where a picture sat in the layout;
 *  2. each block is classified on its own (byline, caption with a photo credit, editor line,
 *     advertisement marker, section header, heading-like line, prose);
 *  3. classifications that need neighbours: uncredited captions next to picture gaps, section
 *     headers above editor lines, and the advertisement or promo around each ad marker;
 *  4. paragraphs printed twice are dropped (before re-joining, so a repeated half is not glued on);
 *  5. paragraphs broken mid-sentence are re-joined across captions and ads that interrupt them.
 * Captions, ads and editor lines stay in the list as `caption` / `noise` blocks so that the
 * segmenter can still credit a caption's photographer to the story the caption sits in.
 */
import { parseByline, parseCaptionCredit, type Byline, type Credit } from './extract/credits';
import { alternation } from './lexicon/loader';
import { LAYOUT_MARKERS as markers } from './layout-markers';
import {
  endsMidSentence,
  endsSentence,
  isHeadingLike,
  startsWithBullet,
  startsWithSubtitleDash,
  wordSpansBreak,
} from './layout';
import { isDateLine } from './publication-date';

export type BlockKind = 'prose' | 'heading' | 'byline' | 'caption' | 'section' | 'noise';

export interface PageBlock {
  kind: BlockKind;
  text: string;
  /** 1-based line of the page text where the block starts. */
  line: number;
  /** Blank lines before the block; three or more mark a picture's place. */
  gapBefore: number;
  /**
   * For `byline` blocks: the parsed credits and where they stand; on a `noise` block, the meta line
   * (来源:…, 编辑:…) it was, for the outlet it names.
   */
  byline?: Byline;
  /** For `caption` blocks: the photographers it credits (role 摄影). */
  credits: Credit[];
}

export interface CleanPage {
  blocks: PageBlock[];
  warnings: string[];
}

/** A gap of this many blank lines is where the layout had a picture. */
export const PICTURE_GAP = 3;
/** Captions are one short sentence. */
const MAX_GAP_CAPTION = 60;
const MAX_BARE_CAPTION = 15;
const MAX_SECTION = 10;
const MAX_EDITOR_LINE = 40;
const MAX_AD_LINE = 20;
/** Prose shorter than this is too generic to call a duplicate when printed twice (e.g. 【声音】). */
const MIN_DUPLICATE = 16;
const MIN_DUPLICATE_HEADING = 6;

const SECTION = new RegExp(
  `^\\p{Script=Han}{2,4}\\s*[${escapeClass(markers.sectionJoiners)}]\\s*\\p{Script=Han}{2,4}$`,
  'u',
);
const EDITOR_LINE = new RegExp(`^(?:${alternation(markers.editorPrefixes)})\\s*[::/]`, 'u');
const PAGE_EDITOR_LINE = new RegExp(`^(?:${alternation(markers.pageEditorPrefixes)})\\s*[::/]`, 'u');

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/** Cleans a page: see the module comment for the passes. Pure. */
export function cleanPage(text: string): CleanPage {
  const warnings: string[] = [];
  let blocks = splitBlocks(normaliseWhiteSpace(text)).flatMap(classifyBlock);
  placeCredits(blocks);
  markGapCaptions(blocks);
  markSections(blocks);
  markAdvertisements(blocks);
  blocks = dropDuplicates(blocks);
  blocks = joinBrokenParagraphs(blocks);
  for (const block of blocks) if (block.kind === 'prose') block.text = tightenProse(block.text);
  return { blocks, warnings };
}

/** Unifies line ends and space characters; removes zero-width marks OCR leaves behind. */
export function normaliseWhiteSpace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\t\u00a0\u3000\u2002-\u200a]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}

function splitBlocks(text: string): PageBlock[] {
  const blocks: PageBlock[] = [];
  let gap = 0;
  text.split('\n').forEach((line, index) => {
    if (line.length === 0) {
      gap += 1;
      return;
    }
    blocks.push({ kind: 'prose', text: line, line: index + 1, gapBefore: gap, credits: [] });
    gap = 0;
  });
  return blocks;
}

/**
 * What one block is on its own. A dispatch byline becomes two blocks (byline, then its story
 * text), a paragraph ending in a bracketed credit two (the paragraph, then the credit); a web
 * page's meta line without credits (编辑:…, 来源:…) is noise that still names the outlet.
 */
function classifyBlock(block: PageBlock): PageBlock[] {
  const { text } = block;
  const byline = parseByline(text);
  if (byline !== null) {
    if (byline.placement === 'meta' && byline.credits.length === 0) return [{ ...block, kind: 'noise', byline }];
    if (byline.lead) {
      const lead: PageBlock = { ...block, kind: 'prose', text: byline.lead, credits: [] };
      return [{ ...lead, kind: kindOfText(lead.text) }, { ...block, kind: 'byline', byline, text: text.slice(text.indexOf(byline.lead) + byline.lead.length).trim(), gapBefore: 0 }];
    }
    const head: PageBlock = { ...block, kind: 'byline', byline, text: byline.rest ? text.slice(0, text.length - byline.rest.length).trim() : text };
    if (!byline.rest) return [head];
    const rest: PageBlock = { ...block, kind: 'prose', text: byline.rest, gapBefore: 0, credits: [] };
    return [head, { ...rest, kind: kindOfText(rest.text) }];
  }
  if (text.length <= MAX_EDITOR_LINE && EDITOR_LINE.test(text)) return [{ ...block, kind: 'noise' }];
  // The masthead's date line (2023年3月8日 星期三) dates the page (publication-date.ts), not a story.
  if (isDateLine(text)) return [{ ...block, kind: 'noise' }];
  if (isAdMarker(text)) return [{ ...block, kind: 'noise' }];
  const caption = parseCaptionCredit(text);
  if (caption !== null) return [{ ...block, kind: 'caption', credits: caption.credits }];
  if (SECTION.test(text)) return [{ ...block, kind: 'section' }];
  return [{ ...block, kind: kindOfText(text) }];
}

function kindOfText(text: string): BlockKind {
  return isHeadingLike(text) ? 'heading' : 'prose';
}

function isAdMarker(text: string): boolean {
  return markers.adMarkers.some((marker) => text.includes(marker));
}

const isText = (b: PageBlock): boolean => b.kind === 'prose' || b.kind === 'heading';
const isOpeningByline = (b: PageBlock | undefined): boolean => b?.kind === 'byline' && opens(b.byline);
const isClosingCredit = (b: PageBlock | undefined): boolean => b?.kind === 'byline' && b.byline?.placement === 'closing';

/** Bylines that can start a story: a dispatch or a credit line under a headline. */
export function opens(byline: Byline | undefined): boolean {
  return byline?.placement === 'dispatch' || byline?.placement === 'opening';
}

/** The nearest block before/after `index` that is not an ad or editor line. */
function neighbour(blocks: PageBlock[], index: number, step: 1 | -1): PageBlock | undefined {
  for (let i = index + step; i >= 0 && i < blocks.length; i += step) {
    if (blocks[i].kind !== 'noise') return blocks[i];
  }
  return undefined;
}

/**
 * Where a credit line stands decides what it credits: a credit line stacked right on a closing
 * photo credit (株洲日报全媒体记者/张三 over 通讯员/李四 摄) or printed under a finished paragraph
 * closes the story above, and a bracketed
 * credit right under a headline ((记者 张三) above the text) opens the story.
 */
function placeCredits(blocks: PageBlock[]): void {
  blocks.forEach((block, i) => {
    const byline = block.byline;
    if (block.kind !== 'byline' || byline === undefined) return;
    const above = neighbour(blocks, i, -1);
    if (byline.placement === 'opening' && isClosingCredit(blocks[i + 1]) && blocks[i + 1].byline?.photo) {
      block.byline = { ...byline, placement: 'closing' };
    } else if (byline.placement === 'opening' && above?.kind === 'prose' && endsSentence(above.text)) {
      // 记者 张三 under the last finished paragraph of a story signs that story; it heads nothing.
      block.byline = { ...byline, placement: 'closing' };
    } else if (byline.placement === 'closing' && !byline.lead && !byline.photo && OPEN_BRACKET.test(block.text) && neighbour(blocks, i, -1)?.kind === 'heading') {
      block.byline = { ...byline, placement: 'opening' };
    }
  });
}

const OPEN_BRACKET = /^[((]/u;

/**
 * Captions without a credit, recognised by where they sit: right after a picture gap, one short
 * sentence, and either between a headline and its byline, before another picture, inside a
 * paragraph the picture interrupted, or just above a closing photo credit.
 */
function markGapCaptions(blocks: PageBlock[]): void {
  blocks.forEach((block, i) => {
    if (!isText(block) || block.gapBefore < PICTURE_GAP || block.text.length > MAX_GAP_CAPTION) return;
    if (/[。!?!?]/u.test(block.text.slice(0, -1))) return;
    const next = blocks[i + 1];
    const after = neighbour(blocks, i, 1);
    const before = neighbour(blocks, i, -1);
    const prevIsHeading = before?.kind === 'heading';
    const interrupts = before !== undefined && isText(before) && !prevIsHeading && !endsSentence(before.text);
    const beforePicture = next !== undefined && next.gapBefore >= PICTURE_GAP;
    const bare =
      block.kind === 'heading' &&
      block.text.length <= MAX_BARE_CAPTION &&
      !beforePicture &&
      after?.kind === 'prose' &&
      before !== undefined &&
      before.kind !== 'heading';
    if (
      isOpeningByline(after) ||
      beforePicture ||
      interrupts ||
      (isClosingCredit(after) && !prevIsHeading) ||
      bare
    ) {
      block.kind = 'caption';
    }
  });
}

/** A short line right above an editor line is the page's section header even without a 就业·创业 joiner. */
function markSections(blocks: PageBlock[]): void {
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (
      block.kind === 'heading' &&
      block.text.length <= MAX_SECTION &&
      next?.kind === 'noise' &&
      PAGE_EDITOR_LINE.test(next.text)
    ) {
      block.kind = 'section';
    }
  });
}

/** True when a heading-like block is a story's headline: a byline (or its subtitle, then byline) follows. */
function headsAByline(blocks: PageBlock[], index: number): boolean {
  if (blocks[index]?.kind !== 'heading') return false;
  for (let i = index + 1, seen = 0; i < blocks.length && seen < 3; i += 1) {
    const b = blocks[i];
    if (b.kind === 'caption' || b.kind === 'noise') continue;
    if (isOpeningByline(b)) return true;
    if (b.kind !== 'heading') return false;
    seen += 1;
  }
  return false;
}

/**
 * An ad or promo is a marker line (公益广告, 知株侠视频 …) with the slogans, bullet lists and
 * contact lines printed around it: spread from each marker over neighbouring non-prose lines,
 * stopping at prose, captions, bylines, section headers and any headline of a story.
 */
function markAdvertisements(blocks: PageBlock[]): void {
  const seeds = blocks.flatMap((b, i) => (b.kind === 'noise' && isAdMarker(b.text) ? [i] : []));
  const partOfAd = (i: number): boolean => {
    const b = blocks[i];
    if (b.kind === 'noise') return true;
    if (b.kind === 'heading') return !headsAByline(blocks, i) && !headsProse(blocks, i);
    // Slogans, list items and their lead-ins (我们的业务范围:) are unfinished short lines.
    return b.kind === 'prose' && !endsSentence(b.text) && (startsWithBullet(b.text) || b.text.length <= MAX_AD_LINE);
  };
  for (const seed of seeds) {
    for (let i = seed - 1; i >= 0 && partOfAd(i); i -= 1) blocks[i].kind = 'noise';
    for (let i = seed + 1; i < blocks.length && partOfAd(i); i += 1) blocks[i].kind = 'noise';
  }
}

/** A heading directly followed by a finished paragraph is a headline or subhead, not ad copy. */
function headsProse(blocks: PageBlock[], index: number): boolean {
  const next = neighbour(blocks, index, 1);
  return next?.kind === 'prose' && endsSentence(next.text) && next.text.length >= 40;
}

const compact = (text: string): string => text.replace(/\s+/g, '');

/**
 * Paragraphs printed twice: keep the later copy, which is the one the layout continues (the
 * earlier is the overflow preview). Headlines printed twice: keep the copy a byline follows,
 * else the first.
 */
function dropDuplicates(blocks: PageBlock[]): PageBlock[] {
  const drop = new Set<number>();
  const copies = new Map<string, number[]>();
  blocks.forEach((b, i) => {
    if (!isText(b) && b.kind !== 'caption') return;
    const key = `${b.kind === 'heading' ? 'h' : 'p'}:${compact(b.text)}`;
    copies.set(key, [...(copies.get(key) ?? []), i]);
  });
  for (const [key, indexes] of copies) {
    if (indexes.length < 2) continue;
    const heading = key.startsWith('h:');
    const length = key.length - 2;
    if (length < (heading ? MIN_DUPLICATE_HEADING : MIN_DUPLICATE)) continue;
    let keep: number;
    if (blocks[indexes[0]].kind === 'caption') keep = indexes[0];
    else if (heading) keep = indexes.find((i) => headsAByline(blocks, i)) ?? indexes[0];
    else keep = indexes[indexes.length - 1];
    for (const i of indexes) if (i !== keep) drop.add(i);
  }
  return blocks.filter((_, i) => !drop.has(i));
}

/** Blocks that cannot be the continuation of a broken paragraph: lists, 【labels】, numbered subheads. */
function opensNewUnit(text: string): boolean {
  return startsWithBullet(text) || startsWithSubtitleDash(text) || /^[【\[]/u.test(text) || /^\d{1,2}\s/u.test(text);
}

/**
 * Re-joins a paragraph the layout broke (across blank lines, a caption or an ad) with the text
 * block that continues it. A line that stops mid-clause or mid-word always continues; a long
 * unfinished prose line continues into prose; a short heading-like line only when a word runs
 * across the break, since it is otherwise a headline or subhead. A headline of the next story
 * (a byline follows it) is never swallowed.
 */
function joinBrokenParagraphs(blocks: PageBlock[]): PageBlock[] {
  const out = [...blocks];
  for (let i = 0; i < out.length; i += 1) {
    const a = out[i];
    if (!isText(a) || endsSentence(a.text) || startsWithSubtitleDash(a.text)) continue;
    let j = i + 1;
    while (j < out.length && (out[j].kind === 'caption' || out[j].kind === 'noise')) j += 1;
    const b = out[j];
    if (b === undefined || !isText(b) || opensNewUnit(b.text) || headsAByline(out, j)) continue;
    if (!shouldJoin(a, b)) continue;
    a.text = a.text + b.text;
    a.kind = kindOfText(a.text);
    out.splice(j, 1);
    i -= 1; // the joined paragraph may itself continue further on
  }
  return out;
}

function shouldJoin(a: PageBlock, b: PageBlock): boolean {
  if (endsMidSentence(a.text) || wordSpansBreak(a.text, b.text)) return true;
  return a.kind === 'prose' && b.kind === 'prose';
}

const CJK_SIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’《》【】]/u;
const ASCII_WORD = /[A-Za-z]/;

/**
 * Removes the spaces OCR puts inside justified Chinese prose (国际劳动妇 女节, 3 月8日) but keeps
 * those between Latin words.
 */
function tightenProse(text: string): string {
  return text.replace(/(\S) (?=(\S))/gu, (match, left: string, right: string) => {
    if (ASCII_WORD.test(left) && ASCII_WORD.test(right)) return match;
    return CJK_SIDE.test(left) || CJK_SIDE.test(right) ? left : match;
  });
}
