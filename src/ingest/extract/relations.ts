/**
 * Relations stated in one story, each with the shortest clause that states it:
 * - RUNS: the body (or acting place) that 开展/举办/推出/打造 … a programme, as the subject before
 *   the verb; 联合X举办 gives X too; 由A、B主办/承办 after a programme gives every listed body.
 * - HELD_IN: 在X举办 → X (the last of a chain of places, in the programme's clause, in a sentence
 *   after 在X的活动现场, or in the sentence before one that opens on the event's site); a bare
 *   在社区… / 对该基地“…” → the place named last with that ending; 此次…培训班 → where the earlier
 *   report held it; 在X开展 with X unknown → nothing; else the place printed as its modifier
 *   (某县“…工程”); else the acting place that ran it (the most specific co-host's place, or a place
 *   inside it the next sentence names); else the place its name starts with (株洲市…培训活动); else
 *   the place a group entered; else the place the running body's name starts with (天元区民政局 →
 *   天元区), or the one town of a 镇妇联; else the one place the story is about. Cue words in
 *   held-in-markers.json.
 * - HOLDS_POSITION: a body or place, a title, a person (株洲欧微服饰有限公司董事长李玉龙).
 * - BASED_IN: a body whose printed name starts with a place (荷塘区人社局 → 荷塘区).
 */
import heldInData from '../lexicon/held-in-markers.json';
import { alternation, count, defineLexicon, patterns, table, words } from '../lexicon/loader';
import type { ActorMention } from './coreference';
import type { OrganisationFound } from './organisations';
import type { PersonFound } from './people';
import type { PlaceFound } from './places';
import { VEHICLE_AFTER_RE, type ProgrammeFound } from './programmes';
import { HOST_VERB_SOURCE, JOINT_BEFORE_RE, JOINT_OPENS_RE, LIST_HEAD_RE, LOCATIVE_BEFORE_RE, RUN_VERB_SOURCE, SUPPORT_AFTER_RE, THIS_NOUN_RE, UNNAMED_SUBJECT_RE } from './run-cues';
import { evidence, sentenceAt, type PreparedText, type Span } from './sentences';
import type { FoundRelation } from './types';
import { findPositions } from './positions';

const RUN_VERB_RE = new RegExp(RUN_VERB_SOURCE, 'g');
/** 由A、B联合举办 / 由A主办，B承办: the hosts of the programme named before. */
const HOST_VERB_RE = new RegExp(`(${HOST_VERB_SOURCE})`);
const HOST_VERB_ALL_RE = new RegExp(`(${HOST_VERB_SOURCE})`, 'g');
const HELD_IN = defineLexicon('held-in-markers.json', heldInData, {
  atBefore: words,
  heldVerbs: words,
  jointWords: words,
  enterVerbs: words,
  modifierBetween: patterns,
  minNameAfterPlace: count,
  siteContinuation: words,
  areaWords: words,
  widerBodyStarts: words,
  bareSites: words,
  bareBefore: words,
  bareSiteBetween: count,
  anaphors: words,
  eventHeads: words,
  localBodyStarts: table,
  siteAfter: words,
});
/** 在/于 right before an explicit location. */
const AT_BEFORE_RE = new RegExp(`(?:${alternation(HELD_IN.atBefore)})$`);
/** After an explicit location: the verb that says the programme ran there (在X联合开展). */
const HELD_AFTER_RE = new RegExp(`^(?:${alternation(HELD_IN.jointWords)})?(?:${alternation(HELD_IN.heldVerbs)})`);
/** Verbs by which a working group goes into a place to act there. */
const ENTER_RE = new RegExp(`(?:${alternation(HELD_IN.enterVerbs)})$`);
const MODIFIER_BETWEEN = HELD_IN.modifierBetween.map((p) => new RegExp(p, 'u'));
/** A sentence opening on the event's site (活动现场，…), up to the programme. */
const SITE_CONTINUATION_RE = new RegExp(`^\\s*(?:${alternation(HELD_IN.siteContinuation)})[，,：:]`);
const AREA_WORD_RE = new RegExp(`^$|${alternation(HELD_IN.areaWords)}`);
/** 在社区…设立“ / 对该基地“ right before a programme: a bare place word pointing back (group 1). */
const BARE_AT_RE = new RegExp(
  `(?:${alternation(HELD_IN.atBefore)})(?:该|本)?(${alternation(HELD_IN.bareSites)})[^，。；、,;\\s“”]{0,${HELD_IN.bareSiteBetween}}?(?:${alternation(HELD_IN.jointWords)})?(?:${alternation(HELD_IN.heldVerbs)})了?“?$`,
);
const BARE_HOLDER_RE = new RegExp(`(?:${alternation(HELD_IN.bareBefore)})(${alternation(HELD_IN.bareSites)})的?“$`);
/** 此次/本次 right before a mention: it points back at an event reported earlier. */
const ANAPHOR_RE = new RegExp(`(?:${alternation(HELD_IN.anaphors)})“?$`);
/** 在X的活动现场: X is where the sentence's event ran. */
const SITE_AFTER_RE = new RegExp(`^的?(?:${alternation(HELD_IN.siteAfter)})`);
const WIDER_BODY_RE = new RegExp(`^(?:${alternation(HELD_IN.widerBodyStarts)})`);
/** 在X开展“ right before a programme, X a short phrase with no clause break: a stated location. */
const UNKNOWN_AT_RE = new RegExp(`(?:${alternation(HELD_IN.atBefore)})([^，。；、,;\\s]{2,16}?)(?:${alternation(HELD_IN.jointWords)})?(?:${alternation(HELD_IN.heldVerbs)})了?“?$`);

interface RelationsInput {
  prepared: PreparedText;
  sentences: Span[];
  actors: ActorMention[];
  programmes: ProgrammeFound[];
  people: PersonFound[];
  places: PlaceFound[];
  organisations: OrganisationFound[];
  /** Organisation spans and the place their names start with. */
  basedIn: Array<{ organisation: string; place: string; span: Span }>;
  /** Places the story names only inside bodies' names: bases for HELD_IN, never actors. */
  bases?: PlaceFound[];
  /** Places the headline, kicker or subtitle names: what the story is about. */
  headlinePlaces?: string[];
}

/** All relations of a story. */
export function findRelations(input: RelationsInput): FoundRelation[] {
  const out: FoundRelation[] = [];
  const seen = new Set<string>();
  const push = (r: FoundRelation): void => {
    const key = `${r.type}|${r.from.label}|${r.from.name}|${r.to.label}|${r.to.name}`;
    if (seen.has(key) || (r.from.label === r.to.label && r.from.name === r.to.name)) return;
    seen.add(key);
    out.push(r);
  };
  const runs = findRuns(input);
  for (const r of runs) push(r);
  for (const r of findHeldIn(input, runs)) push(r);
  for (const r of findPositions(input)) push(r);
  for (const b of input.basedIn) {
    push({
      type: 'BASED_IN',
      from: { label: 'Organisation', name: b.organisation },
      to: { label: 'Place', name: b.place },
      evidence: evidence(input.prepared, b.span),
    });
  }
  return out;
}

interface ProgrammeMention extends Span {
  programme: ProgrammeFound;
}

function programmeMentions(programmes: ProgrammeFound[]): ProgrammeMention[] {
  const all: ProgrammeMention[] = [];
  for (const p of programmes) for (const m of p.mentions) all.push({ ...m, programme: p });
  return all.sort((a, b) => a.start - b.start);
}

function findRuns({ prepared, sentences, actors, programmes, organisations, places }: RelationsInput): FoundRelation[] {
  const text = prepared.text;
  const typeOf = new Map(organisations.map((o) => [o.name, o.type]));
  const levelOf = new Map<string, string>(places.map((p) => [p.name, p.level]));
  const out: FoundRelation[] = [];
  const mentions = programmeMentions(programmes);
  const run = (actor: ActorMention, p: ProgrammeMention, from: number): void => {
    out.push({
      type: 'RUNS',
      from: actor.ref,
      to: { label: 'Programme', name: p.programme.name },
      evidence: evidence(prepared, { start: Math.min(from, p.start), end: Math.max(p.end, actor.end) }),
    });
  };
  for (const p of mentions) {
    const sentence = sentenceAt(sentences, p.start);
    // The run verb nearest before the programme, in the same sentence.
    // 以“思享汇”为载体, 以“创新成果转化年”活动为抓手, 以暖企行动为抓手: the vehicle of the subject's
    // work is run by the subject.
    const by = text[p.start - 1] === '以' ? p.start - 1 : text[p.start - 2] === '以' && text[p.start - 1] === '“' ? p.start - 2 : -1;
    const vehicle = by >= 0 && VEHICLE_AFTER_RE.test(text.slice(p.end, p.end + 8).replace(/^”?[\u4e00-\u9fff]{0,4}?(?=为)/, ''));
    // 某县委党校第三期…培训班: a body printed as the first words of the programme's name runs it.
    // Only bodies that run things (a market or a firm at the head of a campaign's name is where it ran).
    const owner = actors.find(
      (a) => a.ref.label === 'Organisation' && !a.pronoun && a.start >= p.start && a.start <= p.start + 1 && a.end < p.end && RUNNING_TYPES.has(typeOf.get(a.ref.name) ?? 'OTHER'),
    );
    if (owner) {
      run(owner, p, p.start);
      continue;
    }
    const verb = vehicle ? { start: by, end: by + 1 } : lastVerbBefore(text, sentence.start, p.start);
    if (!verb) {
      // 某县“大众创业工程”, 区妇联的“暖心驿站”: a body or place printed right before the quoted name owns it.
      const holder = text[p.start - 1] === '“' ? latest(actors.filter((a) => /^的?$/.test(text.slice(a.end, p.start - 1)) && a.end <= p.start - 1 && a.end >= p.start - 2)) : undefined;
      // Not 我市“技能天下”大赛 (the city's, as a figure of speech) nor a province's or a city's name.
      const wide = holder?.ref.label === 'Place' && ['PROVINCE', 'CITY', 'COUNTRY'].includes(levelOf.get(holder.ref.name) ?? 'OTHER');
      // A campaign named after its place (某社区“百日攻坚”活动) runs there, not by it.
      const namedAfter = holder !== undefined && p.programme.name.startsWith(text.slice(holder.start, holder.end));
      if (holder && !holder.pronoun && !wide && !namedAfter && !locative(text, holder, actors)) run(holder, p, holder.start);
      continue;
    }
    // Other programmes between the verb and this one are fine (举办了“A”“B”“C”等活动), actors are not.
    const between = actors.filter((a) => a.start >= verb.end && a.end <= p.start);
    if (between.some((a) => !LOCATIVE_BEFORE_RE.test(text.slice(Math.max(0, a.start - 3), a.start)) && a.ref.label === 'Organisation')) continue;
    const subjects = actors.filter((a) => a.start >= sentence.start && a.end <= verb.start && !locative(text, a, actors) && !supporting(text, a, actors));
    if (subjects.length === 0) {
      // 自开展…行动以来，井龙街道迅速…: the subject comes after the time clause.
      const since = /^[^，。]{0,12}?以来，/.exec(text.slice(p.end, p.end + 20));
      const after = since ? actors.find((a) => a.start === p.end + since[0].length) : undefined;
      if (after) run(after, p, p.start);
      else {
        // No subject printed (同时，组织了…活动): the subject of the sentences just before, in the
        // same paragraph, carries on, as Chinese drops a repeated subject.
        // 在全区范围内开展…: a campaign carried out across the whole district is the district's.
        const whole = actors.find((a) => a.pronoun && a.start >= sentence.start && a.end <= verb.start && text[a.start] === '全');
        // 社区还开展了…: a subject is printed, though it names no one, so none carries over.
        const unnamed = UNNAMED_SUBJECT_RE.test(text.slice(sentence.start, verb.start));
        const carried = unnamed ? whole : (carriedSubject(text, sentences, actors, sentence) ?? whole);
        if (carried) run(carried, p, verb.start);
      }
      continue;
    }
    // The subject is the last actor chain before the verb, with the bodies listed before it
    // (A、B和C联合开展…); 联合X gives X as a co-runner of the subject before.
    const listed = subjectList(text, subjects);
    const first = listed[0];
    // 联合A、B开展 / X…，联合A、B，在Z开展: the joint word before the list, or opening its clause.
    const clauseStart = Math.max(sentence.start, text.lastIndexOf('，', first.start - 1) + 1);
    const joint = JOINT_BEFORE_RE.test(text.slice(Math.max(0, first.start - 2), first.start)) || JOINT_OPENS_RE.test(text.slice(clauseStart, first.start));
    if (joint) {
      const before = Math.min(first.start, clauseStart);
      const main = subjects.filter((s) => s.end <= before || (s.end <= first.start && JOINT_BEFORE_RE.test(text.slice(Math.max(0, first.start - 2), first.start)))).filter((s) => !(s.ref.label === 'Place' && subjects.some((o) => o.start === s.end)));
      const primary = latest(main);
      if (primary) run(primary, p, primary.start);
    }
    // In a chain of places (天元区三门镇), the last and most specific acts.
    for (const member of listed) run(member, p, member.start);
  }
  out.push(...hostedBy(text, sentences, actors, mentions, prepared));
  out.push(...listContinuations({ prepared, sentences, actors, mentions, found: out }));
  return out;
}


/**
 * 在A、B的指导下: bodies listed in a locative or a supporting phrase do not run the work. An actor
 * counts when it is followed by 的…指导下 or listed (、和及与) before or after one that is located
 * or supporting.
 */
function supporting(text: string, a: ActorMention, actors: ActorMention[], seen = new Set<ActorMention>()): boolean {
  if (seen.has(a)) return false;
  seen.add(a);
  if (SUPPORT_AFTER_RE.test(text.slice(a.end, a.end + 8))) return true;
  const next = actors.find((b) => b.start === a.end + 1 && LIST_SEPARATOR_RE.test(text[a.end]));
  if (next && supporting(text, next, actors, seen)) return true;
  const previous = actors.find((b) => b.end === a.start - 1 && LIST_SEPARATOR_RE.test(text[b.end]));
  return previous !== undefined && (locative(text, previous, actors) || supporting(text, previous, actors, seen));
}

/** Types of bodies that run the programmes their names open (县委党校第三期…培训班). */
const RUNNING_TYPES = new Set<string>(['GOVERNMENT', 'PARTY', 'MASS_ORG', 'EDUCATION', 'ASSOCIATION']);

/** The actor printed last (the longest of those that start there: a body's department over the body). */
function latest(actors: ActorMention[]): ActorMention | undefined {
  let best: ActorMention | undefined;
  for (const a of actors) if (!best || a.start > best.start || (a.start === best.start && a.end > best.end)) best = a;
  return best;
}

/** Separators of a list of subjects (A、B和C). */
const LIST_SEPARATOR_RE = /^[、和及与]$/;

/** The last subject and the subjects listed before it, in text order. */
function subjectList(text: string, subjects: ActorMention[]): ActorMention[] {
  const listed = [latest(subjects)!];
  for (;;) {
    const head = listed[0];
    const previous = latest(subjects.filter((s) => s.end <= head.start && LIST_SEPARATOR_RE.test(text.slice(s.end, head.start))));
    if (!previous) return listed;
    listed.unshift(previous);
  }
}

interface ListInput {
  prepared: PreparedText;
  sentences: Span[];
  actors: ActorMention[];
  mentions: ProgrammeMention[];
  /** Runs found so far: a listed programme whose runner the story states elsewhere keeps it. */
  found: FoundRelation[];
}

/**
 * 芦淞区各街道积极开展特色帮扶项目。“A”、“B”等，让…；“C”、“D”等特色劳务品牌，…: a sentence whose
 * subject runs a generic noun (项目, 活动, 品牌) announces the programmes listed at the head of the
 * sentences after it, for as long as each of them opens with a programme.
 */
function listContinuations({ prepared, sentences, actors, mentions, found }: ListInput): FoundRelation[] {
  const text = prepared.text;
  const out: FoundRelation[] = [];
  let carry: { actor: ActorMention; span: Span } | null = null;
  for (const s of sentences) {
    const inside = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    if (carry && inside.length > 0 && /^\s*“?$/.test(text.slice(s.start, inside[0].start))) {
      for (const m of inside) {
        if (actors.some((a) => a.start >= s.start && a.end <= m.start)) break;
        if (found.some((r) => r.to.name === m.programme.name) || out.some((r) => r.to.name === m.programme.name)) continue;
        out.push({ type: 'RUNS', from: carry.actor.ref, to: { label: 'Programme', name: m.programme.name }, evidence: evidence(prepared, carry.span) });
      }
      continue;
    }
    carry = null;
    if (!LIST_HEAD_RE.test(text.slice(s.start, s.end))) continue;
    const verb = lastVerbBefore(text, s.start, s.end);
    if (!verb || inside.some((m) => m.start >= verb.end)) continue;
    const subjects = actors.filter((a) => a.start >= s.start && a.end <= verb.start && !locative(text, a, actors));
    const subject = subjects[subjects.length - 1];
    if (subject) carry = { actor: subject, span: { start: subject.start, end: s.end } };
  }
  return out;
}

/** Time and purpose clauses that may open a sentence before its subject (近年来，/ 9月起，/ 为…，). */
const OPENING_CLAUSE_RE = /^(?:[^，。；\n]{0,24}[，,])?$/;
/** How many sentences back a dropped subject is looked for. */
const SUBJECT_CARRY_SENTENCES = 2;

/**
 * The subject of the nearest sentence before `sentence`, in the same paragraph, that opens with an
 * actor (after an optional time or purpose clause); null when the paragraph starts first.
 */
function carriedSubject(text: string, sentences: Span[], actors: ActorMention[], sentence: Span): ActorMention | null {
  const index = sentences.findIndex((s) => s.start === sentence.start);
  for (let i = index - 1; i >= 0 && i >= index - SUBJECT_CARRY_SENTENCES; i--) {
    const s = sentences[i];
    if (text.slice(s.end, sentence.start).includes('\n') || text[s.end - 1] === '\n') return null;
    const opener = actors.find(
      (a) => a.start >= s.start && a.end <= s.end && OPENING_CLAUSE_RE.test(text.slice(s.start, a.start)) && !locative(text, a, actors),
    );
    if (opener) {
      // A chain of places (天元区三门镇) acts through its last, most specific member.
      let last = opener;
      for (let next = actors.find((b) => b.start === last.end); next; next = actors.find((b) => b.start === last.end)) last = next;
      return last;
    }
  }
  return null;
}

function lastVerbBefore(text: string, from: number, to: number): Span | null {
  const window = text.slice(from, to);
  let found: Span | null = null;
  RUN_VERB_RE.lastIndex = 0;
  for (let m = RUN_VERB_RE.exec(window); m !== null; m = RUN_VERB_RE.exec(window)) {
    found = { start: from + m.index, end: from + m.index + m[0].length };
  }
  // The verb must be close enough to govern the programme (same or next clause).
  if (found && to - found.end > 40) return null;
  return found;
}

function locative(text: string, a: ActorMention, actors: ActorMention[] = []): boolean {
  if (LOCATIVE_BEFORE_RE.test(text.slice(Math.max(0, a.start - 3), a.start))) return true;
  // In a chain of places (入驻田心社区曹四村小区) the words before the chain decide for all of it.
  const before = actors.find((b) => b.end === a.start && b.ref.label === 'Place' && b !== a);
  return before !== undefined && a.ref.label === 'Place' && locative(text, before, actors);
}

/**
 * 此次招聘会由市人社局主办，荷塘区人社局、总工会等单位承办 / 由A、B联合举办的“P” / P由A主办，B承办:
 * the bodies listed before each host verb after 由 run the programme the sentence names right
 * after the verb (…主办的“P”) or before 由; in a sentence that names none, the programme named
 * last before it (preferring one whose name ends with the noun after 此次/本次).
 */
function hostedBy(text: string, sentences: Span[], actors: ActorMention[], mentions: ProgrammeMention[], prepared: PreparedText): FoundRelation[] {
  const out: FoundRelation[] = [];
  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    const by = body.indexOf('由');
    if (by < 0 || !HOST_VERB_RE.test(body.slice(by))) continue;
    const from = s.start + by;
    // Each host verb after 由 closes a group of hosts (由A主办，B、C承办).
    const hosts: ActorMention[] = [];
    let groupStart = from;
    let lastVerbEnd = from;
    for (const m of text.slice(from, s.end).matchAll(HOST_VERB_ALL_RE)) {
      const at = from + m.index;
      hosts.push(...actors.filter((a) => a.start >= groupStart && a.end <= at && !locative(text, a, actors) && !hosts.includes(a)));
      groupStart = at + m[0].length;
      lastVerbEnd = groupStart;
    }
    if (hosts.length === 0) continue;
    const inside = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    let target: ProgrammeMention | undefined;
    if (inside.length > 0) {
      // …主办的“P” / P由A主办.
      const firstVerbEnd = from + (HOST_VERB_RE.exec(text.slice(from, s.end))?.index ?? 0);
      target = inside.find((m) => m.start >= firstVerbEnd && m.start <= lastVerbEnd + 3 && /^[\u4e00-\u9fff]{0,4}的?[“《]?$/.test(text.slice(lastVerbEnd, m.start)));
      target ??= [...inside].reverse().find((m) => m.end <= from);
      if (!target) continue;
    } else {
      const noun = THIS_NOUN_RE.exec(body)?.[1];
      const before = mentions.filter((m) => m.end <= s.start);
      if (before.length === 0) continue;
      const preferred = noun ? [...before].reverse().find((m) => (m.programme.name + [...m.programme.aliases].join('')).includes(noun)) : undefined;
      target = preferred ?? before[before.length - 1];
      if (s.start - target.end > 400) continue;
    }
    for (const h of hosts) {
      out.push({
        type: 'RUNS',
        from: h.ref,
        to: { label: 'Programme', name: target.programme.name },
        evidence: evidence(prepared, { start: Math.min(h.start, target.start), end: Math.max(h.end, target.end) }),
      });
    }
  }
  return out;
}

function findHeldIn({ prepared, sentences, actors, programmes, places, organisations, basedIn, bases = [], headlinePlaces = [] }: RelationsInput, runs: FoundRelation[]): FoundRelation[] {
  const text = prepared.text;
  const out: FoundRelation[] = [];
  const named = [...places.filter((p) => p.mentions.length > 0), ...bases];
  const levelOf = (name: string): string | undefined => named.find((x) => x.name === name)?.level;
  // The province is too wide to say where a programme ran; the paper's city is not (我市计划打造…).
  const specific = (name: string): boolean => levelOf(name) !== undefined && levelOf(name) !== 'PROVINCE';
  // Not in a story that names a provincial or national body (a wider programme may be meant).
  const wider = organisations.some((o) => WIDER_BODY_RE.test(o.name)) || basedIn.some((b) => levelOf(b.place) === 'PROVINCE');
  const storyPlace = wider ? null : aboutPlace(places, headlinePlaces);
  for (const p of programmes) {
    const held = (place: string, ev: string): void => {
      out.push({ type: 'HELD_IN', from: { label: 'Programme', name: p.name }, to: { label: 'Place', name: place }, evidence: ev });
    };
    // 在X举办/开展 (在双清区某社区举行: the last of a chain): an explicit location in a sentence naming the programme.
    const located = explicitLocation({ text, sentences, actors, mentions: p.mentions });
    if (located) {
      held(located.place, evidence(prepared, located.span));
      continue;
    }
    // 在社区醒目位置设立“P”, 对该基地“P”模式: a bare place word for the place named last with that ending.
    const bare = bareLocation(text, sentences, actors, places, p.mentions);
    if (bare) {
      held(bare.place, evidence(prepared, bare.span));
      continue;
    }
    // 县妇联举办此次…培训班: the event reported earlier with 在X举办…培训班 ran in X.
    const earlier = anaphoricLocation(text, sentences, actors, p.mentions, [p.name, ...p.aliases]);
    if (earlier) {
      held(earlier.place, evidence(prepared, earlier.span));
      continue;
    }
    // 在某某广场开展“P”: the story says where it ran, but names no place we know; any place the
    // fallbacks below would give (a co-organising community) is a guess against the text.
    if (unknownLocation(text, sentences, actors, p.mentions)) continue;
    // 桃源县“大众创业工程”, 某市首届…大赛: the place printed as the programme's modifier.
    const modifier = modifierPlace({ text, actors, mentions: p.mentions });
    if (modifier && specific(modifier.ref.name)) {
      held(modifier.ref.name, evidence(prepared, { start: modifier.start, end: p.mentions.find((m) => m.start >= modifier.end)?.end ?? modifier.end }));
      continue;
    }
    // The acting place that ran it; with co-hosts, the most specific of the acting places and the
    // bases of the running bodies (由某社区、某小区党支部主办 ran in the estate: the guideline wants the
    // most specific place, and a host's own estate is where such an event is held).
    const hosts = runs.filter((r) => r.to.name === p.name);
    const runner = hosts.find((r) => r.from.label === 'Place' && specific(r.from.name));
    if (runner) {
      let best = { place: runner.from.name, evidence: runner.evidence };
      for (const r of hosts) {
        const candidate = r.from.label === 'Place' ? (specific(r.from.name) ? r.from.name : undefined) : basedIn.find((b) => b.organisation === r.from.name && specific(b.place))?.place;
        if (candidate && levelRank(levelOf(candidate)) > levelRank(levelOf(best.place))) best = { place: candidate, evidence: r.evidence };
      }
      // 某区举行…活动。…在某镇…种下…: the sentence right after, in the same paragraph, puts the
      // event at a place inside the acting place; that is the more specific place it ran in.
      const inside = best.place === runner.from.name ? placeInsideNext(text, sentences, actors, named, p.mentions[0], runner.from.name) : null;
      if (inside) held(inside.place, evidence(prepared, inside.span));
      else held(best.place, best.evidence);
      continue;
    }
    // A name that starts with a place (株洲市…培训活动, 田心…产业社区“百日攻坚”活动): the place it names,
    // the last of a chain (株洲市涪口区…方案 → the district).
    const prefix = [p.name, ...p.aliases].map((n) => namePrefixPlace(n, named)).find((x) => x !== null) ?? null;
    if (prefix) {
      held(prefix, evidence(prepared, p.mentions[0]));
      continue;
    }
    // A body that went into a place to run it (工作组入驻田心社区曹四村小区，…以“微项目”为抓手).
    const entered = enteredPlace({ text, sentences, actors, mentions: p.mentions });
    if (entered && runs.some((r) => r.to.name === p.name)) {
      held(entered.ref.name, evidence(prepared, { start: entered.start, end: p.mentions[0].end }));
      continue;
    }
    // The place the running body's name starts with (天元区民政局 → 天元区).
    const based = hosts
      .filter((x) => x.from.label === 'Organisation')
      .map((r) => ({ r, b: basedIn.find((b) => b.organisation === r.from.name && specific(b.place)) }))
      .find((x) => x.b !== undefined);
    if (based?.b) {
      held(based.b.place, based.r.evidence);
      continue;
    }
    // 镇妇联举办…: a body named by its level alone belongs to the one place of that level the story
    // names (with two towns named, which one is not said).
    const localBody = hosts.map((r) => (r.from.label === 'Organisation' ? levelBodyPlace(r.from.name, places) : null)).find((x) => x !== null);
    if (localBody) {
      held(localBody, hosts.find((r) => levelBodyPlace(r.from.name, places) === localBody)?.evidence ?? evidence(prepared, p.mentions[0]));
      continue;
    }
    // The one place the story is about (岑川镇：…培训班开班), when the body names no place more
    // specific than it: a programme the story reports with no other place context ran there. Not
    // when a body of another place runs it (a provincial bureau's plan).
    const local = hosts.every((r) => r.from.label === 'Organisation' && !basedIn.some((b) => b.organisation === r.from.name && b.place !== storyPlace?.name));
    if (storyPlace && local && p.mentions.length > 0) held(storyPlace.name, evidence(prepared, p.mentions[0]));
  }
  return out;
}

/** Levels from the widest to the most specific (a park sits in a district, a site anywhere). */
const LEVEL_RANK: Readonly<Record<string, number>> = { COUNTRY: 0, PROVINCE: 1, CITY: 2, DISTRICT: 3, PARK: 4, SUBDISTRICT: 5, TOWN: 5, VILLAGE: 6, COMMUNITY: 6, ESTATE: 7, SITE: 8 };
/** Unknown and OTHER levels rank with a site: they never lose to a wider place by rank alone. */
const levelRank = (level: string | undefined): number => LEVEL_RANK[level ?? 'OTHER'] ?? 8;

/**
 * The place the story is about: the most specific place its headline lines name that the body
 * names too, provided the body names no place more specific than it (then the story is about
 * somewhere inside it, and which part is not said).
 */
function aboutPlace(places: PlaceFound[], headlinePlaces: string[]): PlaceFound | null {
  const inBody = places.filter((p) => p.mentions.length > 0);
  const candidates = inBody.filter((p) => headlinePlaces.includes(p.name) && p.level !== 'PROVINCE' && p.level !== 'COUNTRY');
  if (candidates.length === 0) return null;
  const best = candidates.reduce((a, b) => (levelRank(b.level) > levelRank(a.level) ? b : a));
  if (candidates.some((c) => c !== best && levelRank(c.level) === levelRank(best.level))) return null;
  if (inBody.some((p) => p !== best && levelRank(p.level) >= levelRank(best.level))) return null;
  return best;
}

/**
 * 在社区…设立“P” / 对基地“P”: a bare place word (not the tail of a longer name) right before the
 * programme, or after 在 and before a verb of holding, in its clause: the place named last before
 * it whose name ends with that word.
 */
function bareLocation(text: string, sentences: Span[], actors: ActorMention[], places: PlaceFound[], mentions: Span[]): { place: string; span: Span } | null {
  for (const m of mentions) {
    const s = sentenceAt(sentences, m.start);
    const before = text.slice(s.start, m.start);
    const hit = BARE_AT_RE.exec(before) ?? BARE_HOLDER_RE.exec(before);
    if (!hit) continue;
    const at = s.start + hit.index + hit[0].indexOf(hit[1]);
    if (actors.some((a) => a.start <= at && a.end > at)) continue;
    let best: { place: string; start: number } | null = null;
    for (const p of places) {
      if (!p.name.endsWith(hit[1]) || p.name.length <= hit[1].length) continue;
      for (const x of p.mentions) if (x.end <= at && (!best || x.start > best.start)) best = { place: p.name, start: x.start };
    }
    if (!best) continue;
    // With several such places named (two communities), only the one named in the same sentence,
    // and only when no other one is named there too.
    const alike = places.filter((p) => p.name.endsWith(hit[1]) && p.name.length > hit[1].length && p.mentions.length > 0);
    const inSentence = alike.filter((p) => p.mentions.some((x) => x.start >= s.start && x.end <= at));
    if (alike.length > 1 && (inSentence.length !== 1 || inSentence[0].name !== best.place)) continue;
    return { place: best.place, span: { start: at, end: m.end } };
  }
  return null;
}

/**
 * 此次/本次 before a mention whose name ends with an event's head noun (…培训班): an earlier
 * sentence of the story that says 在X举办…<that head noun> reports the same event, held in X.
 */
function anaphoricLocation(text: string, sentences: Span[], actors: ActorMention[], mentions: Span[], names: string[]): { place: string; span: Span } | null {
  const head = HELD_IN.eventHeads.find((h) => names.some((n) => n.endsWith(h)));
  if (!head) return null;
  for (const m of mentions) {
    if (!ANAPHOR_RE.test(text.slice(Math.max(0, m.start - 3), m.start))) continue;
    const k = sentences.findIndex((x) => x.start <= m.start && x.end > m.start);
    for (let i = k - 1; i >= 0; i--) {
      for (const { first, last } of locationsIn(text, actors, sentences[i])) {
        const clause = /^[^，。；！？,;!?]*/.exec(text.slice(last.end, sentences[i].end))?.[0] ?? '';
        if (clause.includes(head)) return { place: last.ref.name, span: { start: first.start, end: last.end + clause.length } };
      }
    }
  }
  return null;
}

/**
 * The place after 在 in the sentence right after the mention's (same paragraph) that lies inside
 * `outer` by its division code (a town of the acting district): the last of its chain.
 */
function placeInsideNext(text: string, sentences: Span[], actors: ActorMention[], named: PlaceFound[], mention: Span, outer: string): { place: string; span: Span } | null {
  const outerCode = named.find((x) => x.name === outer)?.code;
  if (!outerCode) return null;
  const k = sentences.findIndex((x) => x.start <= mention.start && x.end > mention.start);
  const next = sentences[k + 1];
  if (k < 0 || !next || text.slice(sentences[k].end, next.start).includes('\n') || text[sentences[k].end - 1] === '\n') return null;
  const places = actors.filter((a) => a.ref.label === 'Place' && !a.pronoun && a.start >= next.start && a.end <= next.end);
  for (const first of places) {
    if (!AT_BEFORE_RE.test(text.slice(Math.max(0, first.start - 1), first.start))) continue;
    let last = first;
    for (let n = places.find((a) => a.start === last.end); n; n = places.find((a) => a.start === last.end)) last = n;
    const code = named.find((x) => x.name === last.ref.name)?.code;
    if (code && code !== outerCode && code.startsWith(outerCode)) return { place: last.ref.name, span: { start: mention.start, end: last.end } };
  }
  return null;
}

const LOCAL_STARTS = Object.entries(HELD_IN.localBodyStarts).sort((a, b) => b[0].length - a[0].length);

/** The one place of the level a bare level body's name opens with (镇妇联 → the town), or null. */
function levelBodyPlace(body: string, places: PlaceFound[]): string | null {
  const start = LOCAL_STARTS.find(([word]) => body.startsWith(word) && body.length > word.length);
  if (!start) return null;
  const ofLevel = places.filter((p) => p.level === start[1] && p.mentions.length > 0);
  return ofLevel.length === 1 ? ofLevel[0].name : null;
}

/** 在X开展“P” with X no place the story names: the text gives a location we cannot resolve. */
function unknownLocation(text: string, sentences: Span[], actors: ActorMention[], mentions: Span[]): boolean {
  return mentions.some((m) => {
    const s = sentenceAt(sentences, m.start);
    const clauseStart = Math.max(s.start, text.lastIndexOf('，', m.start - 1) + 1, text.lastIndexOf(',', m.start - 1) + 1);
    const at = UNKNOWN_AT_RE.exec(text.slice(clauseStart, m.start));
    if (!at) return false;
    const from = clauseStart + at.index + at[0].indexOf(at[1]);
    // Known when places cover X from its start, end to end (a chain), up to an area word.
    let end = from;
    for (let next = actors.find((a) => a.ref.label === 'Place' && a.start === end); next; next = actors.find((a) => a.ref.label === 'Place' && a.start === end)) end = next.end;
    // Unknown when no place opens X, unless X is only an area word (在各社区开展: the runner's area).
    if (end === from) return !AREA_WORD_RE.test(at[1]);
    return !AREA_WORD_RE.test(text.slice(end, from + at[1].length));
  });
}

/** The places a name starts with, one after another; the last (most specific) one, or null. */
function namePrefixPlace(name: string, places: PlaceFound[]): string | null {
  // A printed year leads some names (2021年度株洲高新区…培训班); the place follows it.
  let at = /^[0-9０-９]{4}年度?/.exec(name)?.[0].length ?? 0;
  let last: string | null = null;
  for (;;) {
    let best: { place: PlaceFound; length: number } | null = null;
    for (const x of places) {
      if (x.level === 'PROVINCE' || x.level === 'COUNTRY') continue;
      for (const surface of [x.name, ...x.aliases]) {
        if (surface.length > 1 && name.startsWith(surface, at) && (!best || surface.length > best.length)) best = { place: x, length: surface.length };
      }
    }
    if (!best || at + best.length + HELD_IN.minNameAfterPlace > name.length) return last;
    last = best.place.name;
    at += best.length;
  }
}

/** 在X举办 / 于X举行, in a sentence naming the programme: X, the last of a chain of places. */
function explicitLocation({ text, sentences, actors, mentions }: { text: string; sentences: Span[]; actors: ActorMention[]; mentions: Span[] }): { place: string; span: Span } | null {
  for (const m of mentions) {
    const s = sentenceAt(sentences, m.start);
    for (const { first, last } of locationsIn(text, actors, s)) {
      // The programme and the location in one clause (P在X举行, 在X举办P), not a list of
      // participants after a comma.
      const between = m.end <= first.start ? text.slice(m.end, first.start) : text.slice(last.end, m.start);
      if (m.start < last.end && m.end > first.start) continue;
      // 在X的活动现场，…开展了“P”: the site holds for the whole sentence after it.
      const site = m.start >= last.end && SITE_AFTER_RE.test(text.slice(last.end, last.end + 6));
      if (!site && /[，。；！？,;!?]/.test(between)) continue;
      return { place: last.ref.name, span: { start: Math.min(first.start, m.start), end: Math.max(last.end, m.end) } };
    }
  }
  // 活动现场，开展了“A”: a sentence that opens on the event's site goes on where the sentence
  // before it (in the same paragraph) said the event was held.
  for (const m of mentions) {
    const s = sentenceAt(sentences, m.start);
    if (!SITE_CONTINUATION_RE.test(text.slice(s.start, m.start))) continue;
    const k = sentences.findIndex((x) => x.start === s.start);
    const previous = k > 0 ? sentences[k - 1] : undefined;
    if (!previous || text.slice(previous.end, s.start).includes('\n')) continue;
    const [location] = locationsIn(text, actors, previous);
    if (location) return { place: location.last.ref.name, span: { start: location.first.start, end: m.end } };
  }
  return null;
}

/** Every 在X举办 of a sentence, X a chain of places (在某区某社区举行 → first and last). */
function locationsIn(text: string, actors: ActorMention[], s: Span): Array<{ first: ActorMention; last: ActorMention }> {
  const places = actors.filter((a) => a.ref.label === 'Place' && a.start >= s.start && a.end <= s.end);
  const out: Array<{ first: ActorMention; last: ActorMention }> = [];
  for (const first of places) {
    if (!AT_BEFORE_RE.test(text.slice(Math.max(0, first.start - 1), first.start))) continue;
    let last = first;
    for (let next = places.find((a) => a.start === last.end); next; next = places.find((a) => a.start === last.end)) last = next;
    if (HELD_AFTER_RE.test(text.slice(last.end, last.end + 6)) || SITE_AFTER_RE.test(text.slice(last.end, last.end + 6))) out.push({ first, last });
  }
  return out;
}

/**
 * A place printed right before a mention of the programme, with at most an edition or a year
 * between (桃源县“大众创业工程”, 某市首届…大赛): the last of a chain of places.
 */
function modifierPlace({ text, actors, mentions }: { text: string; actors: ActorMention[]; mentions: Span[] }): ActorMention | null {
  for (const m of mentions) {
    const before = actors.filter((a) => a.ref.label === 'Place' && a.end <= m.start && m.start - a.end <= 8);
    const place = before.find((a) => MODIFIER_BETWEEN.some((re) => re.test(text.slice(a.end, m.start))));
    if (place) return place;
  }
  return null;
}

/** The place entered (入驻X) before a mention of the programme, in its sentence: the last of a chain. */
function enteredPlace({ text, sentences, actors, mentions }: { text: string; sentences: Span[]; actors: ActorMention[]; mentions: Span[] }): ActorMention | null {
  for (const m of mentions) {
    const s = sentenceAt(sentences, m.start);
    const places = actors.filter((a) => a.ref.label === 'Place' && a.start >= s.start && a.end <= m.start);
    for (const first of places) {
      if (!ENTER_RE.test(text.slice(Math.max(0, first.start - 4), first.start))) continue;
      let last = first;
      for (let next = places.find((a) => a.start === last.end); next; next = places.find((a) => a.start === last.end)) last = next;
      return last;
    }
  }
  return null;
}
