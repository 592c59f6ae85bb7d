/**
 * One story → the people, organisations, places and programmes it names and the relations it
 * states. The stage order is written once, here: names (organisations first — their names hold
 * places and words that look like names — then places outside them; `readNames`, used for the
 * body and for each headline line alike), then people outside both, then programmes, then
 * references (该区, 我市) and relations over all of them. Places the story names only in its
 * headline or inside a body's name are listed too, but have no body span and act in no relation.
 */
import { scanPlaces } from '../lexicon/gazetteer';
import { actorMentions } from './coreference';
import { findOrganisations, type OrganisationFound, type PrintedBody } from './organisations';
import { byCode, homeCity, lookupPlace } from '../lexicon/gazetteer';
import { tokenize, type Token } from '../tokenizer';
import { findPeople } from './people';
import { CITY_WORDS, findPlaces, isLocalDivision } from './places';
import { findProgrammes } from './programmes';
import { headlineRuns } from './headline-runs';
import { findRelations } from './relations';
import { prepareText, printed, sentenceSpans, type PreparedText, type Span } from './sentences';
import type { OrganisationType, PlaceLevel } from '../../model';
import type { PlaceFound, PlacesResult } from './places';
import type { FoundRelation, StoryContext, StoryExtraction } from './types';

/** Levels of the gazetteer divisions a headline, kicker or subtitle names that the story lists. */
const HEADLINE_LEVELS = new Set<PlaceLevel>(['CITY', 'DISTRICT', 'SUBDISTRICT', 'TOWN', 'VILLAGE', 'COMMUNITY']);
/**
 * Levels of a division that the story names even when it is printed only at the start of a body's
 * name (天元区 in 天元区民政局, 田心社区 in 田心社区党委): the analyst lists the district whose bureau
 * acts. The city and the province are not (株洲… and 湖南省… are the house style of names).
 */
const NAMED_INSIDE_LEVELS = new Set<PlaceLevel>(['DISTRICT', 'SUBDISTRICT', 'TOWN', 'VILLAGE', 'COMMUNITY', 'ESTATE']);

/** The bodies and places of one text, in the stage order every text of a story goes through. */
export interface Names {
  prepared: PreparedText;
  tokens: Token[];
  organisations: OrganisationFound[];
  places: PlacesResult;
}

/**
 * Names in one text: organisations first, then places outside them. `elsewhere` are bodies the
 * story prints in other lines (the headline), which short forms in this text may fold into;
 * `context` the division codes those lines name, which decide a name several places share.
 */
export function readNames(line: string, elsewhere: PrintedBody[] = [], context: readonly string[] = []): Names {
  const prepared = prepareText(line);
  const tokens = tokenize(prepared.text);
  const organisations = findOrganisations(prepared, tokens, scanPlaces(prepared.text), elsewhere);
  const places = findPlaces({ prepared, tokens, organisationSpans: organisations.flatMap((o) => o.mentions), context });
  return { prepared, tokens, organisations, places };
}

/**
 * A division printed at the start of a body's name that the story names: districts and below,
 * and the story's city when it is not the home paper's and opens a public body's name (长沙市开福区
 * …社工站 is a story about 长沙市; 株洲市… is the house style of the home city's names; a firm's
 * 湘西… says nothing of where the story is).
 */
function namedInside(p: PlaceFound, city: string | null, publicBody: boolean): boolean {
  return NAMED_INSIDE_LEVELS.has(p.level) || (p.level === 'CITY' && publicBody && p.name !== homeCity().name && p.name === city);
}

/** Types of bodies that belong to one city's administration. */
const PUBLIC_BODIES = new Set<OrganisationType>(['GOVERNMENT', 'PARTY', 'MASS_ORG']);

/** One story's entities and relations; pure and deterministic. */
export function extractStory(story: StoryContext): StoryExtraction {
  const lines = [story.kicker, story.headline, story.subtitle].filter((x): x is string => !!x && x.trim().length > 0).map((line) => ({ line, names: readNames(line) }));
  const headline = lines.find((l) => l.line === story.headline)?.names;
  const headlineBodies = lines.flatMap((l) => l.names.organisations.map((o) => ({ name: o.name, type: o.type })));
  const headlineDivisions = lines.flatMap((l) => headlinePlaces(l.names)).flatMap((h) => (h.code === null ? [] : [h.code]));
  const { prepared, tokens, organisations, places: found } = readNames(story.body, headlineBodies, headlineDivisions);
  const sentences = sentenceSpans(prepared.text);
  const organisationSpans = organisations.flatMap((o) => o.mentions);
  const { places: allPlaces, inside } = found;
  const city = storyCity(allPlaces, [...organisations, ...(headline?.organisations ?? [])]);
  const publicSpan = (span: Span): boolean => organisations.some((o) => PUBLIC_BODIES.has(o.type) && o.mentions.some((m) => same(m, span)));
  // A body printed as a place's exact name (a market both place and operator) stays a body only
  // where it is printed as the body; places keep only spans outside organisation names.
  const places = allPlaces.filter((p) => p.mentions.length > 0);
  const placeSpans = places.flatMap((p) => p.mentions);
  // …and a street or town of the city anywhere in a local body's name (涪口区龙门镇春风小学).
  const insideOnly = allPlaces.filter(
    (p) => p.mentions.length === 0 && inside.some((i) => i.place === p && ((i.atStart && namedInside(p, city, publicSpan(i.span))) || isLocalDivision(p))),
  );
  // Headline spans are not body spans: the places keep their names and surfaces, not their spans.
  const fromHeadline = lines
    .flatMap((l) => headlinePlaces(l.names))
    .filter((h, i, all) => all.findIndex((x) => x.name === h.name) === i)
    .filter((h) => !allPlaces.some((p) => p.name === h.name && p.mentions.length > 0))
    .map((h) => ({ ...h, mentions: [] }));
  // Listed places: those the body names, then those named only inside a body's name or in the
  // headline; the last two have no body span, so they act in no relation except as a base.
  const named = [...places, ...insideOnly, ...fromHeadline.filter((h) => !insideOnly.some((p) => p.name === h.name))];

  const people = findPeople({ prepared, tokens, blocked: [...organisationSpans, ...placeSpans], creditNames: story.creditNames });
  const entityNames = new Set([...places.map((p) => p.name), ...organisations.map((o) => o.name)]);
  const programmes = findProgrammes({ prepared, tokens, sentences, entityNames, named: [...organisationSpans, ...placeSpans] });
  // A province printed only as the first words of a programme's or a quoted honour's name
  // (湖南省…孵化基地, “湖南省…培训基地”) is the name's house style, as inside a body's name; the city
  // is kept (株洲市…培训活动 ran there).
  const programmeSpans = programmes.flatMap((p) => p.mentions);
  const startsName = (m: Span): boolean => programmeSpans.some((s) => s.start === m.start && s.end > m.end) || (prepared.text[m.start - 1] === '“' && prepared.text[m.end] !== '”');
  const styleOnly = (p: PlaceFound): boolean => p.level === 'PROVINCE' && p.mentions.length > 0 && p.mentions.every(startsName);
  const listed = named.filter((p) => !styleOnly(p));

  const actors = actorMentions({ text: prepared.text, places, organisations });
  // A body's base counts whether the story names the place on its own or only in the body's name.
  const basedIn = inside
    .filter((i) => i.atStart && (i.place.mentions.length > 0 || insideOnly.includes(i.place)))
    .map((i) => ({ organisation: organisations.find((o) => o.mentions.some((m) => same(m, i.span)))?.name ?? '', place: i.place.name, span: i.span }))
    .filter((b) => b.organisation !== '');
  const relations = findRelations({ prepared, sentences, actors, programmes, people, places, organisations, basedIn, bases: insideOnly, headlinePlaces: lines.flatMap((l) => l.names.places.places.filter((x) => x.mentions.length > 0).map((x) => x.name)) });
  // The headline may say who ran what the body names without a runner (高新区举办…提升班).
  const runners = [
    ...organisations.map((o) => ({ label: 'Organisation' as const, name: o.name, aliases: [...o.aliases] })),
    ...listed.map((p) => ({ label: 'Place' as const, name: p.name, aliases: [...p.aliases, ...p.mentions.map((m) => printed(prepared, m))] })),
  ];
  const headlineSubjects = headline ? { text: headline.prepared.text, organisations: headline.organisations, places: headline.places.places } : null;
  for (const run of headlineSubjects ? headlineRuns({ headline: story.headline, names: headlineSubjects, programmes, actors: runners }) : []) {
    if (!relations.some((r) => r.type === 'RUNS' && r.to.name === run.to.name)) relations.push(run);
  }

  const known = new Set<string>([
    ...people.map((p) => `Person|${p.name}`),
    ...organisations.map((o) => `Organisation|${o.name}`),
    ...listed.map((p) => `Place|${p.name}`),
    ...programmes.map((p) => `Programme|${p.name}`),
  ]);
  const valid = (r: FoundRelation): boolean => known.has(`${r.from.label}|${r.from.name}`) && known.has(`${r.to.label}|${r.to.name}`);

  return {
    people: people.map((p) => ({ name: p.name, aliases: [...p.aliases], count: p.mentions.length })),
    organisations: organisations.map((o) => ({ name: o.name, aliases: [...o.aliases].filter((a) => a !== o.name), type: o.type, count: o.mentions.length })),
    places: listed.map((p) => ({
      name: p.name,
      // Printed forms, less the city words and one-character forms (株 of 来株), too short to find a place by.
      aliases: [...new Set([...p.aliases, ...p.mentions.map((m) => printed(prepared, m))])].filter((a) => a !== p.name && !/\s/.test(a) && a.length > 1 && !CITY_WORDS.has(a)),
      level: p.level,
      code: p.code,
      parent: p.parent,
      count: Math.max(1, p.mentions.length),
    })),
    programmes: programmes.map((p) => ({ name: p.name, aliases: [...p.aliases].filter((a) => a !== p.name), kind: p.kind, targets: p.targets, count: p.mentions.length })),
    relations: relations.filter(valid),
    city,
  };
}

/**
 * The city a bare 市 means (市人社局, 市残联): the one city among those whose names open the story's
 * public bodies (邵阳市民政局, 衡阳残联) and the home city when the story names a place in it; with
 * neither, the home paper's city unless the story names another city; else none, and such names
 * stay as printed.
 */
function storyCity(places: PlaceFound[], organisations: OrganisationFound[]): string | null {
  const home = homeCity();
  const cities = new Set<string>();
  // Only public bodies place the story: a firm of another city (深圳某公司) may do business anywhere.
  // A county's or district's body (浏阳市司法局, 赫山区民政局) places the story in its city too.
  for (const o of organisations.filter((x) => PUBLIC_BODIES.has(x.type))) {
    for (let len = Math.min(o.name.length - 1, 6); len >= 2; len--) {
      const found = lookupPlace(o.name.slice(0, len)).filter((p) => ['CITY', 'DISTRICT'].includes(p.level));
      const inCities = new Set(found.map((p) => (p.level === 'CITY' ? p.name : byCode(p.code.slice(0, 4))?.name)).filter((n): n is string => !!n));
      if (inCities.size === 0) continue;
      if (inCities.size === 1) cities.add([...inCities][0]);
      break;
    }
  }
  // A place of the home city, or a name several places share of which one is the home city's
  // (云田镇 with no code): the story may be the home paper's own, so it is not placed elsewhere.
  const homePlace = (p: PlaceFound): boolean =>
    p.code !== null ? p.code.startsWith(home.code) : lookupPlace(p.name).some((g) => g.code.startsWith(home.code));
  if (places.some(homePlace)) cities.add(home.name);
  if (cities.size === 1) return [...cities][0];
  if (cities.size > 1) return null;
  return places.some((p) => p.level === 'CITY' && p.name !== home.name) ? null : home.name;
}

/**
 * Places printed in the headline, kicker or subtitle (云田镇全域卫生大清扫): the story names them even
 * where the body only says 该镇. Bodies printed there keep their places inside them, as in the body.
 */
function headlinePlaces(names: Names): PlaceFound[] {
  // Only divisions from the gazetteer: a headline's abbreviations (湖南工大, 高新区) are too short to
  // tell a province or a park from the start of a name.
  return names.places.places.filter((p) => p.mentions.length > 0 && p.code !== null && HEADLINE_LEVELS.has(p.level));
}

function same(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}
