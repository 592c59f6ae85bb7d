/**
 * References that point back at a body or place named elsewhere in the story: 该区 / 全区 → the
 * district, 该镇 → the town, 该街道 / a bare 街道 or 社区 as subject → the street or community,
 * 我市 / 全市 / 市里 → 株洲市, 该公司 → the company, 该局 / 该中心 / 该所 / 该站 → the bureau, centre,
 * institute or station named last (lexicon/coreference.json). Only the relation finder uses them (a
 * 该区 that 打造 a programme makes the district the runner); they add no entities.
 */
import { ORGANISATION_TYPES, PLACE_LEVELS, type PlaceLevel } from '../../model';
import data from '../lexicon/coreference.json';
import { alternation, defineLexicon, oneOf, optional, records, text, words } from '../lexicon/loader';
import type { EntityRef } from './types';
import type { OrganisationFound } from './organisations';
import type { PlaceFound } from './places';
import type { Span } from './sentences';

/** A span of the body that refers to an organisation or a place (named or by reference). */
export interface ActorMention extends Span {
  ref: EntityRef;
  /** True when the span is a reference word (该区), not the name itself. */
  pronoun: boolean;
}

const REFERENCES = defineLexicon('coreference.json', data, {
  places: records({ words: words, level: oneOf(PLACE_LEVELS) }),
  subjects: records({ word: text, then: text, level: oneOf(PLACE_LEVELS) }),
  organisations: records({ words: words, type: optional(oneOf(ORGANISATION_TYPES)), nameEnds: optional(words) }),
  organisationSubjects: records({ word: text, then: text, type: oneOf(ORGANISATION_TYPES) }),
});

interface PlaceRule {
  re: RegExp;
  levels: PlaceLevel[];
}

/** A bare word right after punctuation, followed by one of `then`: the subject of its clause. */
const subjectRe = (word: string, then: string): string => `(?<=^|[，。；！？\\n])(?:${alternation([word])})(?=[${then}])`;

const PLACE_REFERENCES: PlaceRule[] = [
  ...REFERENCES.places.map((r) => ({
    re: new RegExp([alternation(r.words), ...REFERENCES.subjects.filter((x) => x.level === r.level).map((x) => subjectRe(x.word, x.then))].join('|'), 'g'),
    levels: [r.level],
  })),
  ...REFERENCES.subjects
    .filter((x) => !REFERENCES.places.some((r) => r.level === x.level))
    .map((x) => ({ re: new RegExp(subjectRe(x.word, x.then), 'g'), levels: [x.level] })),
];

const ORG_REFERENCES: Array<{ re: RegExp; test: (o: OrganisationFound) => boolean }> = [
  ...REFERENCES.organisations.map((r) => ({
    re: new RegExp(alternation(r.words), 'g'),
    test: (o: OrganisationFound) => (r.type === undefined || o.type === r.type) && (r.nameEnds === undefined || r.nameEnds.some((end) => o.name.endsWith(end))),
  })),
  ...REFERENCES.organisationSubjects.map((r) => ({ re: new RegExp(subjectRe(r.word, r.then), 'g'), test: (o: OrganisationFound) => o.type === r.type })),
];

interface ResolveInput {
  text: string;
  places: PlaceFound[];
  organisations: OrganisationFound[];
}

/** Every actor mention of the body, named or by reference, in text order. */
export function actorMentions({ text, places, organisations }: ResolveInput): ActorMention[] {
  const named: ActorMention[] = [];
  for (const p of places) for (const m of p.mentions) named.push({ ...m, ref: { label: 'Place', name: p.name }, pronoun: false });
  for (const o of organisations) for (const m of o.mentions) named.push({ ...m, ref: { label: 'Organisation', name: o.name }, pronoun: false });
  named.sort((a, b) => a.start - b.start);

  const out = [...named];
  const inNamed = (at: number): boolean => named.some((n) => n.start <= at && n.end > at);
  for (const rule of PLACE_REFERENCES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      if (inNamed(m.index)) continue;
      const target = nearestPlace({ places, levels: rule.levels, at: m.index });
      if (target) out.push({ start: m.index, end: m.index + m[0].length, ref: { label: 'Place', name: target.name }, pronoun: true });
    }
  }
  for (const rule of ORG_REFERENCES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      if (inNamed(m.index)) continue;
      const target = nearestOrganisation(organisations, rule.test, m.index);
      if (target) out.push({ start: m.index, end: m.index + m[0].length, ref: { label: 'Organisation', name: target.name }, pronoun: true });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

interface NearestInput {
  places: PlaceFound[];
  levels: PlaceLevel[];
  at: number;
}

/** The place of one of these levels named last before `at`; else the one named most in the story. */
function nearestPlace({ places, levels, at }: NearestInput): PlaceFound | undefined {
  let best: PlaceFound | undefined;
  let bestAt = -1;
  for (const p of places) {
    if (!levels.includes(p.level)) continue;
    for (const m of p.mentions) if (m.start < at && m.start > bestAt) [best, bestAt] = [p, m.start];
  }
  if (best) return best;
  const ofLevel = places.filter((p) => levels.includes(p.level) && p.mentions.length > 0);
  ofLevel.sort((a, b) => b.mentions.length - a.mentions.length);
  return ofLevel[0];
}

function nearestOrganisation(orgs: OrganisationFound[], test: (o: OrganisationFound) => boolean, at: number): OrganisationFound | undefined {
  let best: OrganisationFound | undefined;
  let bestAt = -1;
  for (const o of orgs) {
    if (!test(o)) continue;
    for (const m of o.mentions) if (m.start < at && m.start > bestAt) [best, bestAt] = [o, m.start];
  }
  return best;
}
