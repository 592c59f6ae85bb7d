/**
 * HOLDS_POSITION: the titles a story gives a person and the body (or place) each one is at.
 *
 *   某市委常委、市委秘书长、副市长张三        a chain of titles before the name, one position each: the body
 *                                            printed in each link; a link with none (秘书长) belongs to
 *                                            the body before it, and 副市长 to the city of the chain
 *   小区自治委员会主任张三、李四              names listed after one title share it
 *   社区书记张三                             a bare level word: the one community the story names
 *   张三是某校的校长 / 张三创办的某技校        the title after the body, and the founder
 * Vocabulary in lexicon/position-cues.json and lexicon/titles.json.
 */
import data from '../lexicon/position-cues.json';
import { alternation, defineLexicon, table, text as chars, words } from '../lexicon/loader';
import type { ActorMention } from './coreference';
import type { PersonFound } from './people';
import type { PlaceFound } from './places';
import { evidence, type PreparedText, type Span } from './sentences';
import { TITLES } from './titles';
import type { EntityRef, FoundRelation } from './types';

const CUES = defineLexicon('position-cues.json', data, {
  copulaAfter: words,
  foundedAfter: words,
  chainSeparators: chars,
  levelUnits: table,
  genericBodySuffixes: words,
  headTitles: table,
  titleModifiers: words,
  notPositions: words,
});

const COPULA = new RegExp(`^(?:${alternation(CUES.copulaAfter)})`, 'u');
const FOUNDED = new RegExp(`^(?:${alternation(CUES.foundedAfter)})(?:的|了)`, 'u');
const SEPARATORS = new Set([...CUES.chainSeparators]);
/** Marks that end a clause: a chain of titles never runs across one. */
const CLAUSE_MARK = /[，。；：！？“”‘’（）《》\n,.;:!?()]/u;
/** A bare level word, maybe with a party or committee suffix (社区, 社区党委): no body of its own. */
const GENERIC_BODY = new RegExp(`^(${alternation(Object.keys(CUES.levelUnits))})(?:${alternation(CUES.genericBodySuffixes)})?$`, 'u');
const MODIFIER = new RegExp(`^(?:${alternation(CUES.titleModifiers)})`, 'u');
/** How far before a name a link of the chain may start, and how long the title text after a body may be. */
const MAX_LINK = 20;
const MAX_TITLE_TEXT = 12;
const MAX_CHAIN = 4;
/** Marks between one person's name and the next person's titles (局长张三，副局长李四). */
const LIST_MARK = /[，、；]/u;

export interface PositionsInput {
  prepared: PreparedText;
  actors: ActorMention[];
  people: PersonFound[];
  places: PlaceFound[];
  /** Bodies and the place their printed names start with (娄底市委 → 娄底市). */
  basedIn: Array<{ organisation: string; place: string; span: Span }>;
  /** Places the story names only inside bodies' names (白芷湖社区 in 白芷湖社区党总支). */
  bases?: PlaceFound[];
}

/** One link of a title chain: the title text and the body printed in it (null when none is). */
interface Link {
  start: number;
  title: string;
  actor: ActorMention | null;
  /** The bare level word or generic body printed before the title (社区书记), if any. */
  level: string | null;
  /** Text printed before the title that is not a body the story names (市委 in 市委秘书长). */
  head: string;
}

const NOT_POSITIONS = new Set(CUES.notPositions);
/** The title a text ends with; residents and learners (居民, 学员) hold no post. */
/** The longest title a text ends with (the earliest start that matches to the end). */
const TITLE_AT_END = new RegExp(`(?:${alternation(TITLES)})$`, 'u');
const titleEnding = (text: string): string | undefined => {
  const title = TITLE_AT_END.exec(text)?.[0];
  return title === undefined || NOT_POSITIONS.has(title) ? undefined : title;
};

/** All HOLDS_POSITION relations of a story. */
export function findPositions(input: PositionsInput): FoundRelation[] {
  const { prepared, actors, people } = input;
  const text = prepared.text;
  const out: FoundRelation[] = [];
  const position = (person: string, to: EntityRef, title: string, span: Span): FoundRelation => ({
    type: 'HOLDS_POSITION',
    from: { label: 'Person', name: person },
    to,
    title,
    evidence: evidence(prepared, span),
  });
  /** Positions from titles printed before a name, by the offset where the name ends. */
  const titledAt = new Map<number, { positions: FoundRelation[]; start: number }>();
  // In page order: a title with no body after a titled name (局长张三，副局长李四) is of that body.
  const mentions = people.flatMap((person) => person.mentions.map((m) => ({ ...m, person }))).sort((a, b) => a.start - b.start);
  for (const m of mentions) {
    const name = m.person.name;
    out.push(...afterName({ input, person: name, mention: m, make: position }));
    const links = chainBefore(text, m.start, actors);
    if (links.length === 0) continue;
    const start = links[links.length - 1].start;
    const found: FoundRelation[] = [];
    links.forEach((link, i) => {
      const to = resolveLink({ input, links, index: i });
      if (to !== null) found.push(position(name, to, link.title, { start, end: m.end }));
    });
    const before = LIST_MARK.test(text[start - 1] ?? '') ? titledAt.get(start - 1) : undefined;
    if (found.length === 0 && before !== undefined && links.every((l) => l.actor === null && l.level === null && l.head === '')) {
      const bodies = [...new Map(before.positions.map((p) => [`${p.to.label}|${p.to.name}`, p.to])).values()];
      if (bodies.length === 1) for (const link of links) found.push(position(name, bodies[0], link.title, { start: before.start, end: m.end }));
    }
    if (found.length === 0) continue;
    out.push(...found);
    titledAt.set(m.end, { positions: found, start });
  }
  // 副厅长张三、李四: names listed after a titled name share its bodies and titles.
  for (const m of mentions) {
    const previous = text[m.start - 1] === '、' ? titledAt.get(m.start - 1) : undefined;
    if (!previous || titledAt.has(m.end)) continue;
    const shared = previous.positions.map((p) => ({ ...p, from: { label: 'Person' as const, name: m.person.name }, evidence: evidence(prepared, { start: previous.start, end: m.end }) }));
    out.push(...shared);
    titledAt.set(m.end, { positions: shared, start: previous.start });
  }
  return out;
}

interface AfterNameInput {
  input: PositionsInput;
  person: string;
  mention: Span;
  make: (person: string, to: EntityRef, title: string, span: Span) => FoundRelation;
}

/** 张三是某校的校长 / 张三担任某社区党支部书记, and 张三创办的某技校 (创办人). */
function afterName({ input, person, mention: m, make }: AfterNameInput): FoundRelation[] {
  const text = input.prepared.text;
  const out: FoundRelation[] = [];
  const copula = COPULA.exec(text.slice(m.end, m.end + 2));
  // A place holds posts as the printed unit (张三担任某村党支部书记 → 某村).
  const held = copula && input.actors.find((a) => a.start === m.end + copula[0].length && (a.ref.label === 'Organisation' || a.ref.label === 'Place'));
  if (held) {
    const after = /^的?([\u4e00-\u9fff]{1,8}?)(?=[，。；、\n]|$)/u.exec(text.slice(held.end, held.end + 10));
    if (after && titleEnding(after[1])) out.push(make(person, held.ref, after[1], { start: m.start, end: held.end + after[0].length }));
  }
  // 张三（某公司总经理）: a body and a title in brackets right after the name.
  const bracket = /^（([^（）]{2,30})）/u.exec(text.slice(m.end, m.end + 32));
  if (bracket) {
    const close = m.end + bracket[0].length - 1;
    const body = [...input.actors].reverse().find((a) => a.start > m.end && a.end < close && (a.ref.label === 'Organisation' || a.ref.label === 'Place'));
    const titleText = body ? text.slice(body.end, close) : '';
    if (body && titleText.length <= MAX_TITLE_TEXT && !CLAUSE_MARK.test(titleText) && titleEnding(titleText)) {
      out.push(make(person, body.ref, titleText, { start: m.start, end: close + 1 }));
    }
  }
  const founded = FOUNDED.exec(text.slice(m.end, m.end + 6));
  const body = founded && input.actors.find((a) => a.ref.label === 'Organisation' && a.start === m.end + founded[0].length);
  if (body) out.push(make(person, body.ref, '创办人', { start: m.start, end: body.end }));
  return out;
}

/**
 * The links of the title chain that ends right before a name, nearest first: each link runs back
 * to a 、 or a clause mark and is a body plus a title, a level word plus a title, or a title alone.
 */
function chainBefore(text: string, nameStart: number, actors: ActorMention[]): Link[] {
  const links: Link[] = [];
  let end = nameStart;
  while (links.length < MAX_CHAIN) {
    let start = end;
    while (start > 0 && end - start < MAX_LINK && !SEPARATORS.has(text[start - 1]) && !CLAUSE_MARK.test(text[start - 1])) start -= 1;
    const link = readLink({ text, start, end, actors });
    if (link === null) break;
    links.push(link);
    if (!SEPARATORS.has(text[link.start - 1] ?? '')) break;
    end = link.start - 1;
  }
  return links;
}

function readLink({ text, start, end, actors }: { text: string; start: number; end: number; actors: ActorMention[] }): Link | null {
  // The body printed last in the link with a title after it (市人社局副局长, 某社区党委书记).
  const inside = actors.filter((a) => a.end < end && a.end >= end - MAX_TITLE_TEXT && a.start >= start - MAX_LINK && a.end > start);
  for (const actor of [...inside].sort((a, b) => b.end - a.end)) {
    const titleText = text.slice(actor.end, end);
    if (CLAUSE_MARK.test(titleText) || [...titleText].some((c) => SEPARATORS.has(c))) continue;
    const title = titleEnding(titleText);
    if (title === undefined) continue;
    const generic = actor.ref.label === 'Organisation' ? GENERIC_BODY.exec(actor.ref.name) : null;
    // 社区党委书记: the title as printed after the level word.
    const printed = generic ? text.slice(actor.start + generic[1].length, end) : titleText;
    return { start: Math.min(actor.start, start), title: printed, actor: generic ? null : actor, level: generic ? generic[1] : null, head: '' };
  }
  // No body: a title alone (秘书长), after a level word (社区书记) or a short head (市委秘书长).
  const part = text.slice(start, end);
  const title = titleEnding(part);
  if (title === undefined) return null;
  const headOnly = part.slice(0, part.length - title.length);
  const level = GENERIC_BODY.exec(headOnly)?.[1] ?? null;
  const head = headOnly.replace(MODIFIER, '');
  if (head.length > 4 && level === null) return null;
  return { start, title: part.slice(headOnly.length), actor: null, level, head: level === null ? head : '' };
}

interface ResolveInput {
  input: PositionsInput;
  links: Link[];
  index: number;
}

/** The body or place a link's title is at, or null when the text does not say which. */
function resolveLink({ input, links, index }: ResolveInput): EntityRef | null {
  const link = links[index];
  if (link.actor !== null) return link.actor.ref;
  if (link.level !== null) {
    // 社区书记张三: the community, if the story names exactly one.
    const level = CUES.levelUnits[link.level];
    const named = [...input.places.filter((p) => p.mentions.length > 0), ...(input.bases ?? [])];
    const candidates = [...new Set(named.filter((p) => p.level === level).map((p) => p.name))];
    return candidates.length === 1 ? { label: 'Place', name: candidates[0] } : null;
  }
  // The bodies printed elsewhere in the chain, the nearest before this link first.
  const others = [...links.slice(index + 1), ...links.slice(0, index).reverse()].flatMap((l) => (l.actor ? [l.actor] : []));
  const bare = link.title.replace(MODIFIER, '');
  const unit = CUES.headTitles[bare];
  if (unit !== undefined && link.head === '') {
    // 副市长 in a chain of the city's bodies: the city they are based in.
    for (const actor of others) {
      if (actor.ref.label === 'Place' && actor.ref.name.endsWith(unit)) return actor.ref;
      const base = input.basedIn.find((b) => b.organisation === actor.ref.name && b.place.endsWith(unit));
      if (base) return { label: 'Place', name: base.place };
    }
    return null;
  }
  // 市委秘书长 after 某市委常委: the body of the chain whose name ends with the printed head.
  if (link.head !== '') {
    const named = others.find((a) => a.ref.label === 'Organisation' && a.ref.name.endsWith(link.head));
    return named ? named.ref : null;
  }
  return others[0]?.ref ?? null;
}
