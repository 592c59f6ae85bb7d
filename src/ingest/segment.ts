/**
 * Cleaned page → stories: kicker, headline, subtitle, section, byline credits and body.
 *
 * Stories are anchored on credits, which OCR keeps intact far more reliably than it keeps the
 * headline typography:
 *  - an opening byline (株洲日报讯(…), 株洲日报全媒体记者/…) starts a story whose headline is the
 *    run of heading-like lines right above it (kicker, one or two headline lines, a —— subtitle);
 *  - a closing photo credit (… 摄 / 摄影报道) after a short run of prose under a heading-like
 *    line marks a photo-news item: that line is its headline;
 *  - everything up to the next story's first line belongs to the story (a story interrupted by a
 *    caption or an ad is still one story); captions and photo credits inside it credit its photos.
 * A page where nothing is anchored becomes one untitled story, never nothing.
 */
import { parseCaptionCredit, type Credit } from './extract/credits';
import { isHeadingLike, linesContinue, startsWithSubtitleDash } from './layout';
import { opens, type CleanPage, type PageBlock } from './page';

export interface SegmentedStory {
  headline: string;
  kicker: string | null;
  subtitle: string | null;
  /** The page section header in force (就业·创业), or null. */
  section: string | null;
  /** Body paragraphs in order (subheads included as their own paragraphs). */
  paragraphs: string[];
  /** Byline and photo credits, each (name, role) once. */
  credits: Credit[];
  /**
   * Captions of the story's pictures that carry a photo credit, without the credit (湖南欧微时尚集团
   * 忙碌的生产线。): not body text, but the story names what they name.
   */
  captions: string[];
  /** 1-based line of the page text where the story starts. */
  line: number;
  /**
   * The outlets the page names in its bylines, mastheads and source lines (株洲日报, 华声在线): the
   * page's own outlet, which its stories do not mention (GUIDELINE).
   */
  outlets: string[];
}

export interface SegmentedPage {
  stories: SegmentedStory[];
  warnings: string[];
}

/** Kickers are short labels (天元区三门镇, 盘存量、扩增量、强变量). */
const MAX_KICKER = 16;
/** Headline lines stacked above a byline: kicker plus a headline broken over two lines. */
const MAX_HEADLINE_LINES = 3;
/** Photo-news text is a caption-length item: a few paragraphs at most. */
const MAX_PHOTO_NEWS_PARAGRAPHS = 4;
const MAX_PHOTO_NEWS_CHARS = 700;
/** Text before the first anchored story is kept as a story only if it has a headline and this much prose. */
const MIN_ORPHAN_PROSE = 80;
const UNTITLED_HEADLINE = 30;

interface HeadlineGroup {
  /** Index of the first block of the group (kicker or headline). */
  first: number;
  headline: string;
  kicker: string | null;
  subtitle: string | null;
  /** Every block index the group consumed. */
  used: number[];
}

interface StoryStart {
  first: number;
  group: HeadlineGroup | null;
  /** The credit block that anchors the story (opening byline or closing photo credit). */
  anchor: number;
}

const isOpeningByline = (b: PageBlock): boolean => b.kind === 'byline' && opens(b.byline);
const isClosingCredit = (b: PageBlock): boolean => b.kind === 'byline' && b.byline?.placement === 'closing';
/** A web page's author / source line: it credits the story it sits in, and a headline may sit above it. */
const isMeta = (b: PageBlock): boolean => b.kind === 'byline' && b.byline?.placement === 'meta';

/** Splits a cleaned page into stories. Pure. */
export function segmentPage(page: CleanPage): SegmentedPage {
  const { blocks } = page;
  const warnings: string[] = [];
  const starts = findStarts(blocks, warnings);
  const outlets = [...new Set(blocks.flatMap((b) => b.byline?.outlets ?? []))];
  if (starts.length === 0) return { stories: untitledPage(blocks, warnings).map((s) => ({ ...s, outlets })), warnings };

  const stories: SegmentedStory[] = [];
  const orphan = orphanStory(blocks, starts[0].first, warnings);
  if (orphan !== null) stories.push(orphan);
  const sections = sectionsInForce(blocks);
  starts.forEach((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].first : blocks.length;
    stories.push(buildStory({ blocks, start, end, section: sections[start.first], warnings }));
  });
  return { stories: mergeRepeatedHeadlines(stories).map((s) => ({ ...s, outlets })), warnings };
}

function findStarts(blocks: PageBlock[], warnings: string[]): StoryStart[] {
  const starts: StoryStart[] = [];
  const claimed = new Set<number>();
  blocks.forEach((block, i) => {
    if (!isOpeningByline(block)) return;
    const group = headlineGroup(blocks, i - 1);
    if (group !== null) {
      group.used.forEach((u) => claimed.add(u));
      starts.push({ first: group.first, group, anchor: i });
    } else {
      starts.push({ first: ledeStart(blocks, i), group: null, anchor: i });
      warnings.push(`line ${block.line}: byline with no headline above it; headline taken from the story`);
    }
  });
  blocks.forEach((block, i) => {
    if (!isClosingCredit(block)) return;
    const heading = photoNewsHeading(blocks, i);
    if (heading === null || claimed.has(heading)) return;
    const group = headlineGroup(blocks, heading);
    if (group === null || group.used.some((u) => claimed.has(u))) return;
    group.used.forEach((u) => claimed.add(u));
    starts.push({ first: group.first, group, anchor: i });
  });
  return starts.sort((a, b) => a.first - b.first);
}

/**
 * The headline lines ending at block `last` (walking up): an optional —— subtitle at the bottom,
 * then up to three heading-like lines. Captions and ads printed between them are skipped.
 */
function headlineGroup(blocks: PageBlock[], last: number): HeadlineGroup | null {
  const lines: number[] = [];
  let subtitle: number | null = null;
  for (let j = last; j >= 0 && lines.length < MAX_HEADLINE_LINES; j -= 1) {
    const b = blocks[j];
    if (b.kind === 'caption' || b.kind === 'noise' || isMeta(b)) continue;
    if (b.kind !== 'heading') break;
    if (startsWithSubtitleDash(b.text)) {
      if (lines.length > 0 || subtitle !== null) break;
      subtitle = j;
      continue;
    }
    lines.unshift(j);
  }
  if (lines.length === 0) return null;

  // The bottom line is the headline; lines above join it when the break falls mid-phrase,
  // and the first that does not is the kicker.
  let headline = blocks[lines[lines.length - 1]].text;
  const used = [lines[lines.length - 1]];
  let kicker: string | null = null;
  for (let k = lines.length - 2; k >= 0; k -= 1) {
    const above = blocks[lines[k]].text;
    if (linesContinue(above, headline)) {
      headline = above + headline;
      used.unshift(lines[k]);
      continue;
    }
    if (above.length <= MAX_KICKER) {
      kicker = above;
      used.unshift(lines[k]);
    }
    break;
  }
  if (subtitle !== null) used.push(subtitle);
  return {
    first: used[0],
    headline,
    kicker,
    subtitle: subtitle === null ? null : stripDashes(blocks[subtitle].text),
    used,
  };
}

function stripDashes(text: string): string {
  return text.replace(/^[—\-–]+\s*/u, '').trim();
}

/**
 * The headline of a photo-news item closed by the credit at `credit`: walking up over a few
 * prose paragraphs (and the captions between them) to the first heading-like line. A heading-like
 * caption without a credit counts too: a headline printed right under a picture reads as one.
 */
function photoNewsHeading(blocks: PageBlock[], credit: number): number | null {
  let paragraphs = 0;
  let chars = 0;
  let sawCaption = false;
  for (let j = credit - 1; j >= 0; j -= 1) {
    const b = blocks[j];
    if (b.kind === 'noise') continue;
    if (b.kind === 'caption') {
      if (paragraphs > 0 && b.credits.length === 0 && isHeadingLike(b.text)) return j;
      sawCaption = true;
      continue;
    }
    if (b.kind === 'heading') {
      if (/^[【\[]|^\d{1,2}\s/u.test(b.text)) return null; // a numbered or bracketed subhead of a longer story
      return paragraphs > 0 || sawCaption ? j : null;
    }
    if (b.kind !== 'prose') return null;
    paragraphs += 1;
    chars += b.text.length;
    if (paragraphs > MAX_PHOTO_NEWS_PARAGRAPHS || chars > MAX_PHOTO_NEWS_CHARS) return null;
  }
  return null;
}

/**
 * A byline with no headline above it: a lede printed above the byline belongs to the story when
 * a section header or an ad separates it from the story before.
 */
function ledeStart(blocks: PageBlock[], byline: number): number {
  let j = byline - 1;
  while (j >= 0 && (blocks[j].kind === 'caption' || blocks[j].kind === 'noise')) j -= 1;
  if (j < 0 || blocks[j].kind !== 'prose') return byline;
  let k = j - 1;
  while (k >= 0 && blocks[k].kind === 'noise') k -= 1;
  const separated = k < 0 || blocks[k].kind === 'section' || k < j - 1;
  return separated ? j : byline;
}

/** Section header in force at each block: the last one printed above it (null above the first). */
function sectionsInForce(blocks: PageBlock[]): (string | null)[] {
  let current: string | null = null;
  return blocks.map((b) => {
    if (b.kind === 'section') current = b.text;
    return current;
  });
}

interface BuildInput {
  blocks: PageBlock[];
  start: StoryStart;
  end: number;
  section: string | null;
  warnings: string[];
}

function buildStory({ blocks, start, end, section, warnings }: BuildInput): SegmentedStory {
  const used = new Set(start.group?.used ?? []);
  const paragraphs: string[] = [];
  const credits: Credit[] = [];
  const captions: string[] = [];
  const pending: string[] = [];
  const addCredits = (list: Credit[]): void => mergeCredits(credits, list);
  for (let i = start.first; i < end; i += 1) {
    const b = blocks[i];
    if (used.has(i)) continue;
    if (b.kind === 'byline' && b.byline) {
      // The story's own credit keeps the printed roles; any other photo credit inside it is for a picture.
      const own = i === start.anchor || !b.byline.photo;
      addCredits(own ? b.byline.credits : b.byline.credits.map(({ name }) => ({ name, role: '摄影' as const })));
    } else if (b.kind === 'caption') {
      addCredits(b.credits);
      const caption = b.credits.length > 0 ? parseCaptionCredit(b.text)?.caption : undefined;
      if (caption) pending.push(caption);
    } else if (b.kind === 'prose' || b.kind === 'heading') {
      paragraphs.push(b.text);
      // A caption printed inside the story's text is its picture's; one after the story's last
      // paragraph may as well belong to the next column, so its words are not the story's.
      if (paragraphs.length > 1) captions.push(...pending.splice(0));
    }
  }

  let headline = start.group?.headline ?? null;
  if (headline === null) {
    const firstHeading = blocks.findIndex((b, i) => i > start.anchor && i < end && b.kind === 'heading');
    headline = firstHeading >= 0 ? blocks[firstHeading].text : untitledHeadline(paragraphs);
    if (firstHeading >= 0) paragraphs.splice(paragraphs.indexOf(headline), 1);
  }
  if (credits.length === 0) warnings.push(`line ${blocks[start.first].line}: story "${headline}" has no credits`);
  return {
    headline,
    kicker: start.group?.kicker ?? null,
    subtitle: start.group?.subtitle ?? null,
    section,
    paragraphs,
    credits,
    captions,
    line: blocks[start.first].line,
    outlets: [],
  };
}

/**
 * Adds credits to a story's list, each (name, role) once; a name printed without a role where the
 * story prints it with one (作者:张三 over 通讯员 张三) adds nothing.
 */
function mergeCredits(into: Credit[], list: readonly Credit[]): void {
  for (const c of list) {
    if (into.some((d) => d.name === c.name && (d.role === c.role || c.role === null))) continue;
    const unroled = into.findIndex((d) => d.name === c.name && d.role === null);
    if (unroled >= 0) into.splice(unroled, 1);
    into.push(c);
  }
}

/** The credits a block carries outside the story's anchor: a caption's photographers or a byline's names. */
function blockCredits(b: PageBlock): Credit[] {
  if (b.kind === 'caption') return b.credits;
  return b.kind === 'byline' && b.byline ? b.byline.credits : [];
}

function collectCredits(blocks: PageBlock[]): Credit[] {
  const credits: Credit[] = [];
  for (const b of blocks) mergeCredits(credits, blockCredits(b));
  return credits;
}

function untitledHeadline(paragraphs: string[]): string {
  const first = paragraphs[0] ?? '';
  const sentence = first.split(/[。!?!?]/u)[0];
  return sentence.length <= UNTITLED_HEADLINE ? sentence : `${sentence.slice(0, UNTITLED_HEADLINE)}…`;
}

/** Text above the first anchored story: kept as a story when it has its own headline and body. */
function orphanStory(blocks: PageBlock[], first: number, warnings: string[]): SegmentedStory | null {
  const text = blocks.slice(0, first).filter((b) => b.kind === 'prose' || b.kind === 'heading');
  if (text.length === 0) return null;
  const prose = text.filter((b) => b.kind === 'prose').reduce((n, b) => n + b.text.length, 0);
  if (text[0].kind !== 'heading' || prose < MIN_ORPHAN_PROSE) {
    warnings.push(`lines ${text[0].line}–${text[text.length - 1].line}: text before the first story has no headline; not kept`);
    return null;
  }
  warnings.push(`line ${text[0].line}: story "${text[0].text}" has no byline`);
  return {
    headline: text[0].text,
    kicker: null,
    subtitle: null,
    section: null,
    paragraphs: text.slice(1).map((b) => b.text),
    credits: collectCredits(blocks.slice(0, first)),
    captions: [],
    line: text[0].line,
    outlets: [],
  };
}

/** No byline and no photo credit anywhere: the page is one untitled story, headed by its first line. */
function untitledPage(blocks: PageBlock[], warnings: string[]): SegmentedStory[] {
  const text = blocks.filter((b) => b.kind === 'prose' || b.kind === 'heading');
  if (text.length === 0) {
    warnings.push('the page has no story text (only ads, captions or editor lines)');
    return [];
  }
  warnings.push('no byline or headline recognised; the page is kept as one untitled story');
  const first = text[0].text;
  return [
    {
      headline: first.length <= UNTITLED_HEADLINE ? first : `${first.slice(0, UNTITLED_HEADLINE)}…`,
      kicker: null,
      subtitle: null,
      section: blocks.find((b) => b.kind === 'section')?.text ?? null,
      paragraphs: text.map((b) => b.text),
      credits: collectCredits(blocks),
      captions: [],
      line: text[0].line,
      outlets: [],
    },
  ];
}

const compact = (s: string): string => s.replace(/\s+/g, '');

/** A headline printed twice in a row is one story: fold the second into the first. */
function mergeRepeatedHeadlines(stories: SegmentedStory[]): SegmentedStory[] {
  const out: SegmentedStory[] = [];
  for (const story of stories) {
    const prev = out[out.length - 1];
    if (prev !== undefined && compact(prev.headline) === compact(story.headline)) {
      prev.paragraphs.push(...story.paragraphs.filter((p) => !prev.paragraphs.includes(p)));
      mergeCredits(prev.credits, story.credits);
      continue;
    }
    out.push(story);
  }
  return out;
}
