/**
 * One story → the people, organisations, places and programmes it names and the relations it
 * states. The order matters: organisations first (their names hold places and words that look
 * like names), then places outside them, then people outside both, then programmes, then
 * references (该区, 我市) and relations over all of them.
 */
import { scanPlaces } from '../lexicon/gazetteer';
import { actorMentions } from './coreference';
import { findOrganisations, tokenize } from './organisations';
import { findPeople } from './people';
import { findPlaces } from './places';
import { findProgrammes } from './programmes';
import { findRelations } from './relations';
import { prepareText, printed, sentenceSpans, type Span } from './sentences';
import type { FoundRelation, StoryContext, StoryExtraction } from './types';

/** One story's entities and relations; pure and deterministic. */
export function extractStory(story: StoryContext): StoryExtraction {
  const prepared = prepareText(story.body);
  const tokens = tokenize(prepared.text);
  const sentences = sentenceSpans(prepared.text);

  const divisions = scanPlaces(prepared.text);
  const organisations = findOrganisations(prepared, tokens, divisions);
  const organisationSpans = organisations.flatMap((o) => o.mentions);
  const { places: allPlaces, inside } = findPlaces({ prepared, tokens, organisationSpans });
  // A body printed as a place's exact name (a market both place and operator) stays a body only
  // where it is printed as the body; places keep only spans outside organisation names.
  const places = allPlaces.filter((p) => p.mentions.length > 0);
  const placeSpans = places.flatMap((p) => p.mentions);

  const people = findPeople({ prepared, tokens, blocked: [...organisationSpans, ...placeSpans], creditNames: story.creditNames });
  const entityNames = new Set([...places.map((p) => p.name), ...organisations.map((o) => o.name)]);
  const programmes = findProgrammes({ prepared, tokens, sentences, entityNames });

  const actors = actorMentions({ text: prepared.text, places, organisations });
  const basedIn = inside
    .filter((i) => i.place.mentions.length > 0)
    .map((i) => ({ organisation: organisations.find((o) => o.mentions.some((m) => same(m, i.span)))?.name ?? '', place: i.place.name, span: i.span }))
    .filter((b) => b.organisation !== '');
  const relations = findRelations({ prepared, sentences, actors, programmes, people, places, organisations, basedIn });

  const known = new Set<string>([
    ...people.map((p) => `Person|${p.name}`),
    ...organisations.map((o) => `Organisation|${o.name}`),
    ...places.map((p) => `Place|${p.name}`),
    ...programmes.map((p) => `Programme|${p.name}`),
  ]);
  const valid = (r: FoundRelation): boolean => known.has(`${r.from.label}|${r.from.name}`) && known.has(`${r.to.label}|${r.to.name}`);

  return {
    people: people.map((p) => ({ name: p.name, aliases: [...p.aliases], count: p.mentions.length })),
    organisations: organisations.map((o) => ({ name: o.name, aliases: [...o.aliases].filter((a) => a !== o.name), type: o.type, count: o.mentions.length })),
    places: places.map((p) => ({
      name: p.name,
      aliases: [...new Set([...p.aliases, ...p.mentions.map((m) => printed(prepared, m))])].filter((a) => a !== p.name && !/\s/.test(a) && a.length > 0 && !/^(我市|全市|市里|本市)$/.test(a)),
      level: p.level,
      code: p.code,
      parent: p.parent,
      count: p.mentions.length,
    })),
    programmes: programmes.map((p) => ({ name: p.name, aliases: [...p.aliases].filter((a) => a !== p.name), kind: p.kind, targets: p.targets, count: p.mentions.length })),
    relations: relations.filter(valid),
  };
}

function same(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}
