/**
 * Byline and photo-credit parsing: the printed credit forms of 株洲日报 into {name, role} pairs.
 *
 * Forms handled (mastheads, roles and suffixes come from lexicon/credit-markers.json):
 *   株洲日报讯(全媒体记者/王娜 通讯员/文天甲) 近日,…        opening byline with the body after it
 *   株洲日报·掌上株洲记者/杨凌凌 通讯员/安蓉                 opening byline on its own line
 *   株洲日报全媒体记者/李逸峰 通讯员/周灏坤 摄影报道          closing credit of a photo-news item
 *   湖南欧微时尚集团忙碌的生产线。记者/杨凌凌摄             a caption ending in a photo credit
 * Several names after one role (`通讯员/周媛 钟一苇`) are separate credits.
 */
import markers from '../lexicon/credit-markers.json';
import { CREDIT_ROLES, type CreditRole } from '../../model';

export interface Credit {
  name: string;
  role: CreditRole;
}

export interface Byline {
  credits: Credit[];
  /** Story text printed on the same line after a parenthesised byline ('' when none). */
  rest: string;
  /** True when the credit ends with 摄 / 摄影报道 / 供图: it credits pictures (photo news or a photo). */
  photo: boolean;
  /** True for the parenthesised dispatch form (株洲日报讯(…)), which always opens a story. */
  dispatch: boolean;
}

export interface CaptionCredit {
  /** The caption text without its credit. */
  caption: string;
  /** Photographers, all with role 摄影 (empty for an anonymous 通讯员供图). */
  credits: Credit[];
}

const ROLE_MAP: Record<string, CreditRole> = Object.fromEntries(
  Object.entries(markers.roles).map(([word, role]) => [word, asRole(role)]),
);

function asRole(role: string): CreditRole {
  if (!(CREDIT_ROLES as readonly string[]).includes(role)) {
    throw new Error(`credit-markers.json maps to unknown role ${role}; expected one of ${CREDIT_ROLES.join(', ')}`);
  }
  return role as CreditRole;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const byLengthDesc = (a: string, b: string): number => b.length - a.length;

/** Longest role words first, so 全媒体记者 wins over 记者 at the same position. */
const ROLE_PATTERN = Object.keys(ROLE_MAP).sort(byLengthDesc).map(escape).join('|');
const ROLE_SLASH = new RegExp(`(${ROLE_PATTERN})\\s*[//]\\s*`, 'gu');
const MASTHEAD = new RegExp(
  `^(?:(?:${markers.newspapers.map(escape).join('|')})[·•・.\\s]?)+(?:${markers.dispatchMarks.map(escape).join('|')})?\\s*`,
  'u',
);
const SUFFIXES = [...markers.textAndPhotoSuffixes, ...markers.photoSuffixes].sort(byLengthDesc);
const NAME = /^[\p{Script=Han}·]{2,4}$/u;
/** Standalone credit lines are short; a longer line that starts like one is prose quoting a reporter. */
const MAX_CREDIT_LINE = 60;

interface CreditList {
  credits: Credit[];
  /** The suffix the list ended with (摄, 摄影报道, 供图, 文/图 …) or ''. */
  suffix: string;
  /** True when every part of the text was a role, a name or the suffix. */
  complete: boolean;
}

/** Strips a trailing credit suffix (longest first); 文/图 must go before 图 or 摄 would be misread. */
function splitSuffix(text: string): { head: string; suffix: string } {
  const trimmed = text.trimEnd();
  for (const suffix of SUFFIXES) {
    if (trimmed.endsWith(suffix)) return { head: trimmed.slice(0, -suffix.length).trimEnd(), suffix };
  }
  return { head: trimmed, suffix: '' };
}

/** Names printed after one role: split on spaces and list marks; OCR sometimes splits a name (王 玺). */
function splitNames(text: string): { names: string[]; complete: boolean } {
  const tokens = text.split(/[\s、,,;;]+/u).filter((t) => t.length > 0);
  const merged: string[] = [];
  for (const token of tokens) {
    const last = merged[merged.length - 1];
    if (token.length === 1 && last !== undefined && last.length === 1) merged[merged.length - 1] = last + token;
    else merged.push(token);
  }
  const names = merged.filter((t) => NAME.test(t));
  return { names, complete: names.length === merged.length && names.length > 0 };
}

/** `全媒体记者/杨如通讯员/宋荣华 摄` → credits with the printed roles. */
function parseCreditList(text: string): CreditList {
  const { head, suffix } = splitSuffix(text);
  const matches = [...head.matchAll(ROLE_SLASH)];
  if (matches.length === 0 || (matches[0].index ?? 0) !== 0) {
    return { credits: [], suffix, complete: false };
  }
  const credits: Credit[] = [];
  let complete = true;
  matches.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = i + 1 < matches.length ? (matches[i + 1].index ?? head.length) : head.length;
    const { names, complete: namesComplete } = splitNames(head.slice(start, end));
    complete &&= namesComplete;
    for (const name of names) credits.push({ name, role: ROLE_MAP[match[1]] });
  });
  return { credits, suffix, complete };
}

const OPEN_PAREN = /^[((]/u;
const CLOSE_PAREN = /[))]/u;

/**
 * A byline or closing credit line, or null when the line is something else.
 * The dispatch form needs a masthead (a parenthesis alone is too common in prose); the standalone
 * form must consist of nothing but roles, names and a suffix.
 */
export function parseByline(line: string): Byline | null {
  const text = line.trim();
  const masthead = MASTHEAD.exec(text);
  const afterMasthead = masthead ? text.slice(masthead[0].length) : text;

  if (masthead && masthead[0].length > 0 && OPEN_PAREN.test(afterMasthead)) {
    const close = afterMasthead.search(CLOSE_PAREN);
    if (close > 0 && close <= MAX_CREDIT_LINE) {
      const list = parseCreditList(afterMasthead.slice(1, close));
      if (list.credits.length > 0) {
        return {
          credits: list.credits,
          rest: afterMasthead.slice(close + 1).trim(),
          photo: false,
          dispatch: true,
        };
      }
    }
    return null;
  }

  if (text.length > MAX_CREDIT_LINE) return null;
  const list = parseCreditList(afterMasthead);
  if (!list.complete) return null;
  return {
    credits: list.credits,
    rest: '',
    photo: (markers.photoSuffixes as string[]).includes(list.suffix),
    dispatch: false,
  };
}

/** Where a caption's sentence ends and its credit begins. */
const CAPTION_BOUNDARY = /[。!?!?.;;,,▲▶\s]/u;
const MAX_CAPTION = 120;

/**
 * A photo caption that ends in a photo credit (`…生产线。记者/杨凌凌摄`, `…新城。咏洲 摄`,
 * `…一角。通讯员供图`), or null. Every credited name gets role 摄影: the credit is for the picture.
 */
export function parseCaptionCredit(line: string): CaptionCredit | null {
  const text = line.trim();
  if (text.length > MAX_CAPTION) return null;
  const { head, suffix } = splitSuffix(text);
  if ((markers.photoSuffixes as string[]).includes(suffix)) {
    const spaced = /\s$/u.test(text.slice(0, text.length - suffix.length));
    // The credit is the tail after the last sentence boundary that parses as roles + names.
    for (let cut = lastBoundary(head); ; cut = lastBoundary(head.slice(0, cut))) {
      const tail = head.slice(cut + 1).trim();
      const credits = captionTailCredits({ tail, spaced });
      if (credits !== null) return { caption: head.slice(0, cut + 1).trim(), credits };
      if (cut < 0 || tail.length > 30) break;
    }
  }
  // 通讯员供图, (资料图): a picture credited to no one by name.
  const bare = text.replace(/[。.))\s]+$/u, '');
  const anonymous = markers.anonymousPhotoSources.find((source) => bare.endsWith(source));
  if (anonymous === undefined) return null;
  return { caption: bare.slice(0, -anonymous.length).replace(/[((]$/u, '').trim(), credits: [] };
}

function lastBoundary(text: string): number {
  for (let i = text.length - 1; i >= 0; i -= 1) if (CAPTION_BOUNDARY.test(text[i])) return i;
  return -1;
}

interface CaptionTail {
  tail: string;
  /** Whether the suffix was separated from the names by a space (咏洲 摄). */
  spaced: boolean;
}

/** The photographers named in a caption's credit tail, or null when the tail is not a credit. */
function captionTailCredits({ tail, spaced }: CaptionTail): Credit[] | null {
  if (tail.length === 0) return null;
  const withoutMasthead = tail.replace(MASTHEAD, '');
  const list = parseCreditList(withoutMasthead);
  if (list.credits.length > 0 && list.complete) return list.credits.map(({ name }) => ({ name, role: '摄影' }));
  // A bare name needs the space before 摄: otherwise 正在拍摄 would read as a credit to 正在拍.
  if (!spaced) return null;
  const { names, complete } = splitNames(withoutMasthead);
  return complete && names.length <= 3 ? names.map((name) => ({ name, role: '摄影' })) : null;
}
