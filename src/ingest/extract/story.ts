/**
 * One story → the people, organisations, places and programmes it names and the relations it
 * states. The order matters: organisations first (their names hold places and words that look
 * like names), then places outside them, then people outside both, then programmes, then
 * references (该区, 我市) and relations over all of them. Places the story names only in its
 * headline or inside a body's name are listed too, but have no body span and act in no relation.
 */
import { scanPlaces } from '../lexicon/gazetteer';
import { actorMentions } from './coreference';
import { findOrganisations, tokenize } from './organisations';
import { findPeople } from './people';
import { findPlaces, isLocalDivision } from './places';
import { findProgrammes } from './programmes';
import { headlineRuns } from './headline-runs';
import { findRelations } from './relations';
import { prepareText, printed, sentenceSpans, type Span } from './sentences';
import type { PlaceLevel } from '../../model';
import type { PlaceFound } from './places';
import type { FoundRelation, StoryContext, StoryExtraction } from './types';

/** Levels of the gazetteer divisions a headline, kicker or subtitle names that the story lists. */
const HEADLINE_LEVELS = new Set<PlaceLevel>(['CITY', 'DISTRICT', 'SUBDISTRICT', 'TOWN', 'VILLAGE', 'COMMUNITY']);
/**
 * Levels of a division that the story names even when it is printed only at the start of a body's
 * name (天元区 in 天元区民政局, 田心社区 in 田心社区党委): the analyst lists the district whose bureau
 * acts. The city and the province are not (株洲… and 湖南省… are the house style of names).
 */
const NAMED_INSIDE_LEVELS = new Set<PlaceLevel>(['DISTRICT', 'SUBDISTRICT', 'TOWN', 'VILLAGE', 'COMMUNITY', 'ESTATE']);

/** One story's entities and relations; pure and deterministic. */
export function extractStory(story: StoryContext): StoryExtraction {
  const prepared = prepareText(story.body);
  const tokens = tokenize(prepared.text);
  const sentences = sentenceSpans(prepared.text);

  const divisions = scanPlaces(prepared.text);
  const organisations = findOrganisations(prepared, tokens, divisions);
  const organisationSpans = organisations.flatMap((o) => o.mentions);
  const headline = headlinePlaces(story);
  const context = headline.flatMap((h) => (h.code === null ? [] : [h.code]));
  const { places: allPlaces, inside } = findPlaces({ prepared, tokens, organisationSpans, context });
  // A body printed as a place's exact name (a market both place and operator) stays a body only
  // where it is printed as the body; places keep only spans outside organisation names.
  const places = allPlaces.filter((p) => p.mentions.length > 0);
  const placeSpans = places.flatMap((p) => p.mentions);
  // …and a street or town of the city anywhere in a local body's name (涪口区龙门镇春风小学).
  const insideOnly = allPlaces.filter(
    (p) => p.mentions.length === 0 && inside.some((i) => i.place === p && ((i.atStart && NAMED_INSIDE_LEVELS.has(p.level)) || isLocalDivision(p))),
  );
  // Headline spans are not body spans: the places keep their names and surfaces, not their spans.
  const fromHeadline = headline
    .filter((h) => !allPlaces.some((p) => p.name === h.name && p.mentions.length > 0))
    .map((h) => ({ ...h, mentions: [] }));
  // Listed places: those the body names, then those named only inside a body's name or in the
  // headline; the last two have no body span, so they act in no relation except as a base.
  const named = [...places, ...insideOnly, ...fromHeadline.filter((h) => !insideOnly.some((p) => p.name === h.name))];

  const people = findPeople({ prepared, tokens, blocked: [...organisationSpans, ...placeSpans], creditNames: story.creditNames });
  const entityNames = new Set([...places.map((p) => p.name), ...organisations.map((o) => o.name)]);
  const programmes = findProgrammes({ prepared, tokens, sentences, entityNames });
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
  const relations = findRelations({ prepared, sentences, actors, programmes, people, places, organisations, basedIn, bases: insideOnly });
  // The headline may say who ran what the body names without a runner (高新区举办…提升班).
  const runners = [
    ...organisations.map((o) => ({ label: 'Organisation' as const, name: o.name, aliases: [...o.aliases] })),
    ...listed.map((p) => ({ label: 'Place' as const, name: p.name, aliases: [...p.aliases, ...p.mentions.map((m) => printed(prepared, m))] })),
  ];
  for (const run of headlineRuns({ headline: story.headline, programmes, actors: runners })) {
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
      aliases: [...new Set([...p.aliases, ...p.mentions.map((m) => printed(prepared, m))])].filter((a) => a !== p.name && !/\s/.test(a) && a.length > 1 && !/^(我市|全市|市里|本市)$/.test(a)),
      level: p.level,
      code: p.code,
      parent: p.parent,
      count: Math.max(1, p.mentions.length),
    })),
    programmes: programmes.map((p) => ({ name: p.name, aliases: [...p.aliases].filter((a) => a !== p.name), kind: p.kind, targets: p.targets, count: p.mentions.length })),
    relations: relations.filter(valid),
  };
}

/**
 * Places printed in the headline, kicker or subtitle (云田镇全域卫生大清扫): the story names them even
 * where the body only says 该镇. Bodies printed there keep their places inside them, as in the body.
 */
function headlinePlaces(story: StoryContext): PlaceFound[] {
  const line = [story.kicker, story.headline, story.subtitle].filter((x): x is string => !!x).join('\n');
  if (line.length === 0) return [];
  const prepared = prepareText(line);
  const tokens = tokenize(prepared.text);
  const organisations = findOrganisations(prepared, tokens, scanPlaces(prepared.text));
  const { places } = findPlaces({ prepared, tokens, organisationSpans: organisations.flatMap((o) => o.mentions) });
  // Only divisions from the gazetteer: a headline's abbreviations (湖南工大, 高新区) are too short to
  // tell a province or a park from the start of a name.
  return places.filter((p) => p.mentions.length > 0 && p.code !== null && HEADLINE_LEVELS.has(p.level));
}

function same(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}
