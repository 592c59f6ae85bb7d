/**
 * Bylines and photo credits: one grammar for Chinese papers and news sites, its vocabulary
 * (role words, mastheads, separators, staff and source labels) in lexicon/credit-markers.json.
 *
 *   credit list := (label sep? names)+ suffix?  |  names suffix?        label: 记者, 通讯员, 作者 …
 *   names       := name (name-separator name)*                          (张三 李四, 张三、李四, 张三李四)
 *
 * and the places a credit list is printed:
 *   株洲日报讯(全媒体记者/王娜 通讯员/文天甲) 近日,…     dispatch: a masthead (with a date) and 讯 / 电,
 *   湖南日报5月30日讯(记者 张三 通讯员 李四 王五)…           the credits in brackets, the story after them
 *   本报讯(张三 李四)…  某某网讯 5月1日,…                    (names only need a surname each; no credits is fine)
 *   株洲日报全媒体记者/杨如   记者 张三                       opening: a credit line under the headline
 *   …摄影报道   张三 摄   (全媒体记者 张三)   …。(通讯员李四)   closing: credits after the text they credit
 *   作者:张三 编辑:李四   来源:某某网 2024-01-01 10:00      meta: a web page's source / author / time line;
 *                                                             it credits its story but anchors none
 * Editors and reviewers (编辑, 审核, 一审 …) are never credits. A credit printed with no role
 * (作者:张三, 本报讯(张三)) has role null: the paper did not say. The outlet a byline or source line
 * names (株洲日报, 华声在线, 湖南日报·华声在线) is returned too: the page's own outlet is no mention.
 */
import { CREDIT_ROLES, type CreditRole } from '../../model';
import { alternation, count, defineLexicon, literals, table, text as textField, words } from '../lexicon/loader';
import data from '../lexicon/credit-markers.json';
import { isFullName, splitNameRun } from './person-names';

export const CREDIT_MARKERS = defineLexicon('credit-markers.json', data, {
  roles: table,
  unroledLabels: words,
  textAndPhotoLabels: literals,
  textSlashLabels: words,
  photoSlashLabels: words,
  roleSeparators: textField,
  nameSeparators: textField,
  mastheads: words,
  outletSuffixes: words,
  mastheadJoiners: textField,
  leadingMarks: textField,
  dispatchMarks: words,
  photoSuffixes: words,
  textAndPhotoSuffixes: literals,
  textSuffixes: words,
  anonymousPhotoSources: words,
  staffLabels: words,
  sourceLabels: words,
  timeLabels: words,
  maxCreditLine: count,
  maxMetaLine: count,
});
const M = CREDIT_MARKERS;

export interface Credit {
  name: string;
  /** The printed role; null when the byline names the person without one (作者:张三, (张三 李四)). */
  role: CreditRole | null;
}

/** Where a credit is printed relative to the text it credits; decides whether it can start a story. */
export type BylinePlacement = 'dispatch' | 'opening' | 'closing' | 'meta';

export interface Byline {
  credits: Credit[];
  /** Story text printed on the same line after a dispatch byline ('' when none). */
  rest: string;
  /** Story text printed on the same line before a closing credit (…。(记者 张三)); '' when none. */
  lead: string;
  /** True when the credit ends with 摄 / 摄影报道 / 供图: it credits pictures (photo news or a photo). */
  photo: boolean;
  placement: BylinePlacement;
  /** Outlets the line names (株洲日报, 湖南日报·华声在线 and its parts); 本报 is not a name. */
  outlets: string[];
}

export interface CaptionCredit {
  /** The caption text without its credit. */
  caption: string;
  /** Photographers, all with role 摄影 (empty for an anonymous 通讯员供图). */
  credits: Credit[];
}

const ROLE_MAP: ReadonlyMap<string, CreditRole> = new Map(Object.entries(M.roles).map(([word, role]) => [word, asRole(role)]));

function asRole(role: string): CreditRole {
  if (!(CREDIT_ROLES as readonly string[]).includes(role)) {
    throw new Error(`src/ingest/lexicon/credit-markers.json: roles maps to unknown role ${role}; expected one of ${CREDIT_ROLES.join(', ')}`);
  }
  return role as CreditRole;
}

const escapeClass = (chars: string): string => chars.replace(/[\]\\^-]/g, '\\$&');
const byLengthDesc = (a: string, b: string): number => b.length - a.length;

const LABELS = [...ROLE_MAP.keys(), ...M.unroledLabels, ...M.textAndPhotoLabels];
const SLASH_LABELS = [...M.textSlashLabels, ...M.photoSlashLabels];
/**
 * A credit label and the separator after it; longest first, so 全媒体记者 wins over 记者. A
 * one-character label (文/, 图/) counts only before a slash: 文 also begins names (文天甲).
 */
const LABEL_RE = new RegExp(
  `(?:(${alternation(LABELS)})\\s*[${escapeClass(M.roleSeparators)}]?|(${alternation(SLASH_LABELS)})\\s*[/／])\\s*`,
  'gu',
);
const SEPARATOR = new RegExp(`[${escapeClass(M.roleSeparators)}]`, 'u');
const LEADING_MARKS = new RegExp(`^[${escapeClass(M.leadingMarks)}]+\\s*`, 'u');
const NAME_SPLIT = new RegExp(`[\\s${escapeClass(M.nameSeparators)}]+`, 'u');
const SUFFIXES = [...M.textAndPhotoSuffixes, ...M.photoSuffixes, ...M.textSuffixes].sort(byLengthDesc);
const JOINERS = new RegExp(`[${escapeClass(M.mastheadJoiners)}]`, 'u');
const LOOSE_NAME = /^[\p{Script=Han}·]{2,4}$/u;
const MASTHEADS = new Set(M.mastheads);
/** 本报 ("this paper") opens bylines but names no outlet. */
const SELF_REFERENCE = '本报';

/** A roles label → the roles its names get (文/图: the pictures are theirs). */
function rolesOf(label: string): Array<CreditRole | null> {
  const role = ROLE_MAP.get(label);
  if (role !== undefined) return [role];
  return M.textAndPhotoLabels.includes(label) || M.photoSlashLabels.includes(label) ? ['摄影'] : [null];
}

/** The label a LABEL_RE match printed (either alternative). */
const labelOf = (match: RegExpMatchArray): string => match[1] ?? match[2];

/**
 * True for an outlet's name: every part (株洲日报·掌上株洲) is a known masthead or ends with an
 * outlet word (湖南工人报, 咸宁新闻网, 红网衡东站).
 */
export function isOutlet(word: string): boolean {
  const parts = word.split(JOINERS).filter((p) => p.length > 0);
  return (
    parts.length > 0 &&
    parts.every((p) => /^[\p{Script=Han}A-Za-z]{2,12}$/u.test(p) && (MASTHEADS.has(p) || M.outletSuffixes.some((s) => p.endsWith(s) && p.length > s.length) || p === SELF_REFERENCE))
  );
}

/** An outlet and its parts, as names to keep out of the story's mentions. */
function outletNames(word: string | null): string[] {
  if (word === null) return [];
  const parts = word.split(JOINERS).filter((p) => p.length > 0);
  return [...new Set([word, ...parts])].filter((p) => p !== SELF_REFERENCE);
}

interface CreditList {
  credits: Credit[];
  /** The suffix the list ended with (摄, 摄影报道, 供图, 文/图 …) or ''. */
  suffix: string;
  /** True when every part of the text was an outlet, a label, a name or the suffix. */
  complete: boolean;
  /** True when a label was printed (记者, 作者 …); a bare list of names is weaker evidence. */
  labelled: boolean;
  /** The masthead printed before the first label (株洲晚报融媒体记者/…), or null. */
  outlet: string | null;
}

const INCOMPLETE: CreditList = { credits: [], suffix: '', complete: false, labelled: false, outlet: null };

/** Strips a trailing credit suffix (longest first); 文/图 must go before 图 or 摄 would be misread. */
function splitSuffix(text: string): { head: string; suffix: string } {
  const trimmed = text.trimEnd();
  for (const suffix of SUFFIXES) {
    if (trimmed.endsWith(suffix)) return { head: trimmed.slice(0, -suffix.length).trimEnd(), suffix };
  }
  return { head: trimmed, suffix: '' };
}

/**
 * The names in a stretch of credit text, or null when something else is printed there. OCR
 * splits a name (王 玺), papers run names together (张三李四): both are undone. After a label any
 * short Han word is taken as a name; without one (`strict`) each must start with a surname.
 */
function splitNames(text: string, strict: boolean): string[] | null {
  const tokens = text.split(NAME_SPLIT).filter((t) => t.length > 0);
  const merged: string[] = [];
  for (const token of tokens) {
    const last = merged[merged.length - 1];
    if (token.length === 1 && last !== undefined && last.length === 1) merged[merged.length - 1] = last + token;
    else merged.push(token);
  }
  const names: string[] = [];
  for (const token of merged) {
    if (isFullName(token) || (!strict && LOOSE_NAME.test(token) && token.length < 4)) {
      names.push(token);
      continue;
    }
    const run = token.length >= 4 ? splitNameRun(token) : null;
    if (run !== null) names.push(...run);
    else if (!strict && LOOSE_NAME.test(token)) names.push(token);
    else return null;
  }
  return names.length > 0 ? names : null;
}

/** `全媒体记者/杨如通讯员/宋荣华 摄`, `记者 张三 通讯员 李四 王五`, `张三 李四` → credits. */
function parseCreditList(raw: string): CreditList {
  const { head, suffix } = splitSuffix(raw);
  const matches = [...head.matchAll(LABEL_RE)];
  if (matches.length === 0) {
    const names = splitNames(head, true);
    if (names === null) return { ...INCOMPLETE, suffix };
    return { credits: names.map((name) => ({ name, role: null })), suffix, complete: true, labelled: false, outlet: null };
  }
  const prefix = head.slice(0, matches[0].index).trim();
  if (prefix.length > 0 && !isOutlet(prefix)) return { ...INCOMPLETE, suffix };
  const credits: Credit[] = [];
  for (let i = 0; i < matches.length; i += 1) {
    const start = (matches[i].index ?? 0) + matches[i][0].length;
    const end = i + 1 < matches.length ? (matches[i + 1].index ?? head.length) : head.length;
    const region = head.slice(start, end).trim();
    // 文/本报记者 张三: the masthead of the next label, not a name.
    if (region.length === 0 || isOutlet(region)) continue;
    // After 记者/ any short word is a name (pen names: 记者/咏洲); after 记者 or 记者张三 with no
    // separator each must start with a surname, or 记者手记 would credit 手记.
    const names = splitNames(region, !SEPARATOR.test(matches[i][0]));
    if (names === null) return { ...INCOMPLETE, suffix };
    for (const name of names) for (const role of rolesOf(labelOf(matches[i]))) credits.push({ name, role });
  }
  return { credits, suffix, complete: true, labelled: true, outlet: prefix.length > 0 ? prefix : null };
}

/** The start of a dispatch: a masthead, an optional date and 讯 / 电, before a space or a bracket. */
const DISPATCH = new RegExp(
  `^([^\\s(),,。::;;!?!?“”"/、]{2,24}?)(\\d{1,2}月\\d{1,2}日)?(?:${alternation(M.dispatchMarks)})(?=[\\s((]|$)`,
  'u',
);
/** A masthead printed right before the bracketed credits, with no 讯 (株洲日报(全媒体记者/…)). */
const MASTHEAD_BRACKET = /^([^\s(),,。::;;!?!?“”"/、]{2,24}?)\s*(?=[((])/u;
const OPEN = /^[((]/u;
const CLOSE = /[))]/u;
/** A closing credit in brackets after the last sentence of a paragraph: …万元。(通讯员 张三). */
const TRAILING = /^(.*[。!?!?”"…])\s*[((]([^()()]{2,40})[))]$/u;
const WHOLE_BRACKET = /^[((]([^()()]{2,58})[))]$/u;

/**
 * A byline, closing credit or web page's meta line, or null when the line is something else.
 * A dispatch needs a masthead (a bracket alone is too common in prose); a standalone credit line
 * must consist of nothing but an outlet, labels, names and a suffix.
 */
export function parseByline(line: string): Byline | null {
  const text = line.trim().replace(LEADING_MARKS, '');
  const base = { rest: '', lead: '', photo: false };

  const dispatch = DISPATCH.exec(text);
  if (dispatch && (dispatch[2] !== undefined || isOutlet(dispatch[1]))) {
    const after = text.slice(dispatch[0].length).trim();
    const bracket = bracketedCredits(after);
    const outlets = [...outletNames(dispatch[1]), ...outletNames(bracket?.outlet ?? null)];
    if (bracket) return { ...base, credits: bracket.credits, rest: bracket.rest, placement: 'dispatch', outlets };
    return { ...base, credits: [], rest: after, placement: 'dispatch', outlets };
  }
  const masthead = MASTHEAD_BRACKET.exec(text);
  if (masthead && isOutlet(masthead[1])) {
    const bracket = bracketedCredits(text.slice(masthead[0].length));
    if (bracket && bracket.credits.length > 0) {
      return { ...base, credits: bracket.credits, rest: bracket.rest, placement: 'dispatch', outlets: [...outletNames(masthead[1]), ...outletNames(bracket.outlet)] };
    }
  }

  // Most lines are prose: the bracketed forms need a closing bracket at the end.
  const bracketed = text.endsWith(')') || text.endsWith('）');
  const whole = bracketed ? WHOLE_BRACKET.exec(text) : null;
  if (whole) {
    const list = parseCreditList(whole[1]);
    if (list.complete) return { ...base, credits: photographed(list), photo: isPhoto(list.suffix), placement: 'closing', outlets: outletNames(list.outlet) };
  }
  const trailing = bracketed ? TRAILING.exec(text) : null;
  if (trailing) {
    const list = parseCreditList(trailing[2]);
    // …现场。(张三 摄) is a caption with its photographer: parseCaptionCredit reads it.
    if (list.complete && !isPhoto(list.suffix) && (list.labelled || list.credits.length <= 4)) {
      return { ...base, lead: trailing[1], credits: list.credits, photo: isPhoto(list.suffix), placement: 'closing', outlets: outletNames(list.outlet) };
    }
  }

  const meta = parseMetaLine(text);
  if (meta !== null) return meta;

  if (text.length > M.maxCreditLine) return null;
  const list = parseCreditList(text);
  // A bare list of names is a credit only with a photo suffix (张三 摄); alone it may be anything.
  if (!list.complete || (!list.labelled && list.suffix === '')) return null;
  const photo = isPhoto(list.suffix);
  return { ...base, credits: photographed(list), photo, placement: photo ? 'closing' : 'opening', outlets: outletNames(list.outlet) };
}

/** A photo credit's names printed with no role (张三 摄) are the photographers. */
function photographed(list: CreditList): Credit[] {
  if (!isPhoto(list.suffix)) return list.credits;
  return list.credits.map((c) => (c.role === null ? { ...c, role: '摄影' } : c));
}

const isPhoto = (suffix: string): boolean => M.photoSuffixes.includes(suffix);

/** `(全媒体记者/王娜 通讯员/文天甲) 近日,…` → the credits and the text after the bracket. */
function bracketedCredits(text: string): { credits: Credit[]; rest: string; outlet: string | null } | null {
  if (!OPEN.test(text)) return null;
  const close = text.search(CLOSE);
  if (close <= 0 || close > M.maxCreditLine) return null;
  const list = parseCreditList(text.slice(1, close));
  if (!list.complete) return null;
  return { credits: list.credits, rest: text.slice(close + 1).trim(), outlet: list.outlet };
}

const FIELD_LABELS = [...M.staffLabels, ...M.sourceLabels, ...M.timeLabels, ...LABELS];
const FIELD = new RegExp(`^(${alternation(FIELD_LABELS)})\\s*[::]\\s*(.*)$`, 'u');
const DATE = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/u;
const TIME = /^\d{1,2}:\d{2}(?::\d{2})?$/u;
const META_BRACKETS = /[[\]【】()()|]/gu;

type FieldMode = { kind: 'credit'; roles: Array<CreditRole | null> } | { kind: 'staff' } | { kind: 'none' };

/**
 * A web page's meta line: fields such as 作者:张三, 编辑:李四, 来源:某某网, 发布时间:…, a bare date
 * and time, bare names and an outlet (张三 李四 某某报 2024-01-01 10:00). Every token must be one
 * of these, and the line must carry a date or a labelled field that is not a role; otherwise null.
 */
function parseMetaLine(text: string): Byline | null {
  if (text.length > M.maxMetaLine) return null;
  const tokens = text.replace(META_BRACKETS, ' ').split(/\s+/u).filter((t) => t.length > 0);
  const credits: Credit[] = [];
  const outlets: string[] = [];
  let mode: FieldMode = { kind: 'none' };
  let qualifies = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (DATE.test(token) || TIME.test(token)) {
      qualifies = true;
      mode = { kind: 'none' };
      continue;
    }
    const field = FIELD.exec(token);
    if (field) {
      const [, label, inline] = field;
      const value = inline.length > 0 ? inline : '';
      if (M.staffLabels.includes(label)) {
        qualifies = true;
        mode = { kind: 'staff' };
      } else if (M.sourceLabels.includes(label)) {
        qualifies = true;
        mode = { kind: 'none' };
        const source = value || tokens[++i] || '';
        if (isOutlet(source)) outlets.push(...outletNames(source));
      } else if (M.timeLabels.includes(label)) {
        qualifies = true;
        mode = { kind: 'none' };
        if (value.length > 0 && !DATE.test(value) && !TIME.test(value)) return null;
      } else {
        const roles = rolesOf(label);
        if (roles.includes(null)) qualifies = true;
        mode = { kind: 'credit', roles };
        if (value.length > 0) {
          const names = splitNames(value, false);
          if (names === null) return null;
          for (const name of names) for (const role of roles) credits.push({ name, role });
        }
      }
      continue;
    }
    // A label printed with a space instead of a colon (编辑 李四, 作者 张三).
    if (M.staffLabels.includes(token)) {
      qualifies = true;
      mode = { kind: 'staff' };
      continue;
    }
    if (M.unroledLabels.includes(token)) {
      qualifies = true;
      mode = { kind: 'credit', roles: [null] };
      continue;
    }
    if (mode.kind === 'staff') continue; // the names after 拍摄: are crew, not credits
    const roled = parseCreditList(token);
    if (roled.complete && roled.labelled) {
      credits.push(...roled.credits);
      continue;
    }
    const names = splitNames(token, mode.kind !== 'credit');
    if (names !== null) {
      const roles = mode.kind === 'credit' ? mode.roles : [null];
      for (const name of names) for (const role of roles) credits.push({ name, role });
      continue;
    }
    if (isOutlet(token)) {
      outlets.push(...outletNames(token));
      continue;
    }
    return null;
  }
  if (!qualifies) return null;
  return { credits, rest: '', lead: '', photo: false, placement: 'meta', outlets: [...new Set(outlets)] };
}

const BRACKETED_PHOTO_CREDIT = new RegExp(`[((]([^()()]{1,30}(?:${alternation(M.photoSuffixes)}))[))]$`, 'u');

/** Where a caption's sentence ends and its credit begins. */
const CAPTION_BOUNDARY = /[。!?!?.;;,,▲▶\s]/u;
const MAX_CAPTION = 120;

/**
 * A photo caption that ends in a photo credit (`…生产线。记者/杨凌凌摄`, `…新城。咏洲 摄`,
 * `…一角。通讯员供图`), or null. Every credited name gets role 摄影: the credit is for the picture.
 */
export function parseCaptionCredit(line: string): CaptionCredit | null {
  // …现场。(张三 摄): the credit in brackets reads as one printed after a space.
  const text = line.trim().replace(BRACKETED_PHOTO_CREDIT, (_, inner: string) => ` ${inner.trim()}`);
  if (text.length > MAX_CAPTION) return null;
  const { head, suffix } = splitSuffix(text);
  if (isPhoto(suffix)) {
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
  const anonymous = M.anonymousPhotoSources.find((source) => bare.endsWith(source));
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
  const list = parseCreditList(tail);
  if (list.credits.length > 0 && list.complete && list.labelled) return list.credits.map(({ name }) => ({ name, role: '摄影' }));
  // A bare name needs the space before 摄: otherwise 正在拍摄 would read as a credit to 正在拍.
  if (!spaced) return null;
  const names = splitNames(tail, false);
  return names !== null && names.length <= 3 ? names.map((name) => ({ name, role: '摄影' })) : null;
}
