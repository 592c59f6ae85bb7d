/**
 * Relations stated in one story, each with the shortest clause that states it:
 * - RUNS: the body (or acting place) that 开展/举办/推出/打造 … a programme, as the subject before
 *   the verb; 联合X举办 gives X too; 由A、B主办/承办 after a programme gives every listed body.
 * - HELD_IN: 在X举办 → X; else the acting place that ran it.
 * - HOLDS_POSITION: a body or place, a title, a person (株洲欧微服饰有限公司董事长李玉龙).
 * - BASED_IN: a body whose printed name starts with a place (荷塘区人社局 → 荷塘区).
 */
import cueData from '../lexicon/programme-cues.json';
import titleData from '../lexicon/titles.json';
import type { ActorMention } from './coreference';
import type { OrganisationFound } from './organisations';
import type { PersonFound } from './people';
import type { PlaceFound } from './places';
import type { ProgrammeFound } from './programmes';
import { evidence, sentenceAt, type PreparedText, type Span } from './sentences';
import type { EntityRef, FoundRelation } from './types';

const RUN_VERBS = [...cueData.runVerbs].sort((a, b) => b.length - a.length);
const RUN_VERB_RE = new RegExp(RUN_VERBS.join('|'), 'g');
const TITLES = [...titleData.titles].sort((a, b) => b.length - a.length);
/** 由A、B联合举办 / 由A主办，B承办: the hosts of the programme named before. */
const HOST_VERB_RE = /(联合举办|共同举办|主办|承办|协办|举办|组织|发起)/;
/** Words that make the place after them a location, not the actor (在芦淞区举办). */
const LOCATIVE_BEFORE_RE = /(在|于|到|赴|走进|进驻|入驻|位于|来自|家住|住在)$/;

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

function findRuns({ prepared, sentences, actors, programmes }: RelationsInput): FoundRelation[] {
  const text = prepared.text;
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
    // 以“思享汇”为载体: the vehicle of the subject's campaign is run by the subject.
    const vehicle = text[p.start - 2] === '以' && /^”为(载体|抓手|依托|平台|契机)/.test(text.slice(p.end, p.end + 4));
    const verb = vehicle ? { start: p.start - 2, end: p.start - 1 } : lastVerbBefore(text, sentence.start, p.start);
    if (!verb) continue;
    // Other programmes between the verb and this one are fine (举办了“A”“B”“C”等活动), actors are not.
    const between = actors.filter((a) => a.start >= verb.end && a.end <= p.start);
    if (between.some((a) => !LOCATIVE_BEFORE_RE.test(text.slice(Math.max(0, a.start - 3), a.start)) && a.ref.label === 'Organisation')) continue;
    const subjects = actors.filter((a) => a.start >= sentence.start && a.end <= verb.start && !locative(text, a));
    if (subjects.length === 0) {
      // 自开展…行动以来，井龙街道迅速…: the subject comes after the time clause.
      const since = /^[^，。]{0,12}?以来，/.exec(text.slice(p.end, p.end + 20));
      const after = since ? actors.find((a) => a.start === p.end + since[0].length) : undefined;
      if (after) run(after, p, p.start);
      continue;
    }
    // The subject is the last actor chain before the verb; 联合X gives X as a co-runner.
    const last = subjects[subjects.length - 1];
    const joint = /联合|联手|携手|与|和|会同/.test(text.slice(last.start - 2, last.start));
    if (joint) {
      const main = subjects.slice(0, -1).filter((s) => !(s.ref.label === 'Place' && subjects.some((o) => o.start === s.end)));
      const primary = main[main.length - 1];
      if (primary) run(primary, p, primary.start);
      run(last, p, last.start);
    } else {
      // In a chain of places (天元区三门镇), the last and most specific acts.
      run(last, p, last.start);
    }
  }
  out.push(...hostedBy(text, sentences, actors, mentions, prepared));
  return out;
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

function locative(text: string, a: Span): boolean {
  return LOCATIVE_BEFORE_RE.test(text.slice(Math.max(0, a.start - 3), a.start));
}

/**
 * 此次招聘会由市人社局主办，荷塘区人社局、总工会等单位承办 / 本次活动由A、B联合举办: the bodies listed
 * with a host verb in a sentence that names no programme run the programme named last before it
 * (preferring one whose name ends with the noun after 此次/本次).
 */
function hostedBy(text: string, sentences: Span[], actors: ActorMention[], mentions: ProgrammeMention[], prepared: PreparedText): FoundRelation[] {
  const out: FoundRelation[] = [];
  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    const by = body.indexOf('由');
    if (by < 0 || !HOST_VERB_RE.test(body.slice(by))) continue;
    if (mentions.some((m) => m.start >= s.start && m.end <= s.end)) continue;
    const noun = /^(?:此次|本次|这次|该|今年的)([\u4e00-\u9fff]{2,4}?)(由|，)/.exec(body)?.[1];
    const before = mentions.filter((m) => m.end <= s.start);
    if (before.length === 0) continue;
    const preferred = noun ? [...before].reverse().find((m) => (m.programme.name + [...m.programme.aliases].join('')).includes(noun)) : undefined;
    const target = preferred ?? before[before.length - 1];
    if (s.start - target.end > 400) continue;
    const hosts = actors.filter((a) => a.start >= s.start + by && a.end <= s.end && !locative(text, a));
    for (const h of hosts) {
      out.push({
        type: 'RUNS',
        from: h.ref,
        to: { label: 'Programme', name: target.programme.name },
        evidence: evidence(prepared, { start: h.start, end: h.end }),
      });
    }
  }
  return out;
}

function findHeldIn({ prepared, sentences, actors, programmes, places, organisations, basedIn }: RelationsInput, runs: FoundRelation[]): FoundRelation[] {
  const text = prepared.text;
  const out: FoundRelation[] = [];
  const placeNames = new Set(places.filter((p) => p.mentions.length > 0).map((p) => p.name));
  for (const p of programmes) {
    let where: { place: string; span: Span } | null = null;
    // 在X举办/开展: an explicit location in a sentence naming the programme.
    for (const m of p.mentions) {
      const s = sentenceAt(sentences, m.start);
      const located = actors.find(
        (a) => a.ref.label === 'Place' && a.start >= s.start && a.end <= s.end && /(在|于)$/.test(text.slice(a.start - 1, a.start)) && /^(举办|举行|开展|召开|启动|开班|设立|进行)/.test(text.slice(a.end, a.end + 4)),
      );
      if (located) {
        where = { place: located.ref.name, span: { start: Math.min(located.start, m.start), end: Math.max(located.end, m.end) } };
        break;
      }
    }
    if (!where) {
      const runner = runs.find((r) => r.to.name === p.name && r.from.label === 'Place');
      if (runner && placeNames.has(runner.from.name)) {
        const level = places.find((x) => x.name === runner.from.name)?.level;
        if (level !== 'CITY' && level !== 'PROVINCE') where = { place: runner.from.name, span: { start: p.mentions[0].start, end: p.mentions[0].end } };
        if (where) {
          out.push({ type: 'HELD_IN', from: { label: 'Programme', name: p.name }, to: { label: 'Place', name: where.place }, evidence: runner.evidence });
          continue;
        }
      }
      const orgRunner = runs.find((r) => r.to.name === p.name && r.from.label === 'Organisation');
      const based = orgRunner && basedIn.find((b) => b.organisation === orgRunner.from.name && placeNames.has(b.place));
      const level = based ? places.find((x) => x.name === based.place)?.level : undefined;
      if (orgRunner && based && level !== 'CITY' && level !== 'PROVINCE') {
        out.push({ type: 'HELD_IN', from: { label: 'Programme', name: p.name }, to: { label: 'Place', name: based.place }, evidence: orgRunner.evidence });
      }
      void organisations;
      continue;
    }
    out.push({ type: 'HELD_IN', from: { label: 'Programme', name: p.name }, to: { label: 'Place', name: where.place }, evidence: evidence(prepared, where.span) });
  }
  return out;
}

/** A body or place, then a title (with printed modifiers), then the person: 小区自治委员会主任陈国斌. */
function findPositions({ prepared, actors, people }: RelationsInput): FoundRelation[] {
  const text = prepared.text;
  const out: FoundRelation[] = [];
  for (const person of people) {
    for (const m of person.mentions) {
      const window = text.slice(Math.max(0, m.start - 16), m.start);
      // The titles run back from the name to the body: 党委书记、网络长.
      const titleMatch = /([\u4e00-\u9fff]{0,6}?)((?:[\u4e00-\u9fff]{1,8}、)*[\u4e00-\u9fff]{1,8})$/.exec(window);
      if (!titleMatch) continue;
      const actor = [...actors].reverse().find((a) => a.end <= m.start && a.end >= m.start - 16);
      if (!actor) continue;
      const titleText = text.slice(actor.end, m.start);
      if (titleText.length === 0 || titleText.length > 12 || /[，。；：“”（）]/.test(titleText)) continue;
      const last = titleText.split('、')[0];
      const title = TITLES.find((t) => last.endsWith(t));
      if (!title) continue;
      out.push({
        type: 'HOLDS_POSITION',
        from: { label: 'Person', name: person.name },
        to: actor.ref as EntityRef,
        title: last,
        evidence: evidence(prepared, { start: actor.start, end: m.end }),
      });
    }
  }
  return out;
}
