/**
 * References that point back at a body or place named elsewhere in the story: 该区 / 全区 → the
 * district, 该镇 → the town, 该街道 / a bare 街道 or 社区 as subject → the street or community,
 * 我市 / 全市 / 市里 → 株洲市, 该公司 → the company. Only the relation finder uses them (a
 * 该区 that 打造 a programme makes the district the runner); they add no entities.
 */
import type { PlaceLevel } from '../../model';
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

interface PlaceRule {
  re: RegExp;
  levels: PlaceLevel[];
}

// 街道 and 社区 alone count only as the subject of a clause (right after punctuation).
const PLACE_REFERENCES: PlaceRule[] = [
  { re: /该区|全区|区里|本区/g, levels: ['DISTRICT'] },
  { re: /该县|全县|县里/g, levels: ['DISTRICT'] },
  { re: /该镇|全镇|镇里/g, levels: ['TOWN'] },
  { re: /该乡|全乡/g, levels: ['TOWN'] },
  { re: /该街道|(?<=^|[，。；！？\n])街道(?=[还也已将迅正积])/g, levels: ['SUBDISTRICT'] },
  { re: /该社区|(?<=^|[，。；！？\n])社区(?=[还也已将迅正积多以])/g, levels: ['COMMUNITY'] },
  { re: /该村|全村/g, levels: ['VILLAGE'] },
  { re: /我市|全市|市里|本市/g, levels: ['CITY'] },
];

const ORG_REFERENCES: Array<{ re: RegExp; test: (o: OrganisationFound) => boolean }> = [
  { re: /该公司|(?<=^|[，。；\n])公司(?=[董总副招])/g, test: (o) => o.type === 'COMPANY' },
  { re: /该企业/g, test: (o) => o.type === 'COMPANY' },
  { re: /该局/g, test: (o) => o.name.endsWith('局') },
  { re: /该校/g, test: (o) => o.type === 'EDUCATION' },
  { re: /该中心/g, test: (o) => o.name.endsWith('中心') },
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
