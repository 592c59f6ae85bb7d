/**
 * The things the scorer counts, built from one gold page and one predicted page: per-page entity
 * sets, relation pairs and credits, each with its normalised forms and a readable label for the
 * report. Deduplication lives here so that the scorer only pairs items.
 *
 * - Gold entities of a page are merged across stories when they share a normalised form (芦淞区 in
 *   two stories counts once); the merged item is optional only if every copy was optional, and
 *   carries the union of the forms.
 * - Predicted entities are keyed by id (one node may be mentioned by several stories).
 * - A gold relation end is a bare string; it is resolved to the forms of the page's gold entity
 *   that has it as name or alias, so a prediction may use any printed form of that entity.
 * - Relations and credits are deduplicated per page (per story for credits) the same way.
 */
import type { GoldEntity, GoldPage, GoldStory } from './gold';
import { normaliseName } from './normalise';
import type { PredictedEntity, PredictedPage } from './predict';

export interface Item {
  /** For reports: the name as printed (gold) or as extracted (prediction). */
  label: string;
  optional: boolean;
}

export interface EntityItem extends Item {
  /** Normalised name and aliases, without empty strings or duplicates. */
  forms: string[];
}

export interface PairItem extends Item {
  /** Normalised forms of the two ends (organisation/programme, programme/place, person/body). */
  from: string[];
  to: string[];
}

export interface CreditItem extends Item {
  /** Gold: the story key; prediction: the story id. */
  story: string;
  forms: string[];
}

export interface StoryItem extends Item {
  /** Gold: the story key; prediction: the story id. */
  key: string;
  headline: string;
}

export type EntityKind = 'people' | 'organisations' | 'places' | 'programmes';
export type PairKind = 'runs' | 'held_in' | 'positions';

/** Normalised, non-empty, distinct forms of a list of surface strings. */
export function formsOf(names: readonly string[]): string[] {
  return [...new Set(names.map(normaliseName).filter((form) => form !== ''))];
}

function entityLabel(name: string, aliases: readonly string[]): string {
  const others = aliases.filter((alias) => alias !== name);
  return others.length === 0 ? name : `${name} (${others.join(' / ')})`;
}

/** The gold stories of a page, as story items. */
export function goldStories(page: GoldPage): StoryItem[] {
  return page.stories.map((story) => ({
    key: story.key,
    headline: normaliseName(story.headline),
    label: `${story.key} ${story.headline}`,
    optional: story.optional,
  }));
}

/** The predicted stories of a page, as story items. */
export function predictedStories(page: PredictedPage): StoryItem[] {
  return page.stories.map((story) => ({
    key: story.id,
    headline: normaliseName(story.headline),
    label: story.headline,
    optional: false,
  }));
}

/** The page's gold entities of one kind, merged across stories by shared normalised form. */
export function goldEntities(page: GoldPage, kind: EntityKind): EntityItem[] {
  const merged: { names: string[]; forms: Set<string>; optional: boolean }[] = [];
  const all: GoldEntity[] = page.stories.flatMap((story) => story[kind]);
  for (const entity of all) {
    const forms = formsOf([entity.name, ...entity.aliases]);
    // An entity may bridge two earlier groups (name in one, alias in the other): merge them all.
    const hits = merged.filter((group) => forms.some((form) => group.forms.has(form)));
    const target = hits[0] ?? { names: [], forms: new Set<string>(), optional: true };
    if (hits.length === 0) merged.push(target);
    for (const other of hits.slice(1)) {
      other.names.forEach((name) => target.names.push(name));
      other.forms.forEach((form) => target.forms.add(form));
      target.optional &&= other.optional;
      merged.splice(merged.indexOf(other), 1);
    }
    target.names.push(entity.name, ...entity.aliases);
    forms.forEach((form) => target.forms.add(form));
    target.optional &&= entity.optional;
  }
  return merged.map((group) => {
    const names = [...new Set(group.names)];
    return { label: entityLabel(names[0], names.slice(1)), forms: [...group.forms], optional: group.optional };
  });
}

/** The page's predicted entities of one kind: those its stories mention, once per entity id. */
export function predictedEntities(page: PredictedPage, kind: EntityKind): EntityItem[] {
  const byId = new Map<string, PredictedEntity>();
  for (const story of page.stories) {
    for (const entity of story[kind]) if (!byId.has(entity.id)) byId.set(entity.id, entity);
  }
  return [...byId.values()].map(predictedEntityItem);
}

function predictedEntityItem(entity: PredictedEntity): EntityItem {
  return {
    label: entityLabel(entity.name, entity.aliases),
    forms: formsOf([entity.name, ...entity.aliases]),
    optional: false,
  };
}

/** Looks a gold relation end up among the page's gold entities and returns all their forms. */
export class EndResolver {
  private readonly entities: Record<EntityKind, EntityItem[]>;

  constructor(page: GoldPage) {
    this.entities = {
      people: goldEntities(page, 'people'),
      organisations: goldEntities(page, 'organisations'),
      places: goldEntities(page, 'places'),
      programmes: goldEntities(page, 'programmes'),
    };
  }

  /** The forms of every gold entity of `kinds` named `name`; just `name` when none is. */
  resolve(name: string, kinds: readonly EntityKind[]): string[] {
    const own = formsOf([name]);
    const found = kinds
      .flatMap((kind) => this.entities[kind])
      .filter((entity) => own.some((form) => entity.forms.includes(form)));
    return formsOf([...own, ...found.flatMap((entity) => entity.forms)]);
  }
}

/** Which entity kinds each end of a relation may be (an acting place runs programmes too). */
const END_KINDS: Record<PairKind, [readonly EntityKind[], readonly EntityKind[]]> = {
  runs: [['organisations', 'places'], ['programmes']],
  held_in: [['programmes'], ['places']],
  positions: [['people'], ['organisations', 'places']],
};

/** The page's gold relations of one kind, ends resolved, deduplicated across stories. */
export function goldPairs(page: GoldPage, kind: PairKind): PairItem[] {
  const resolver = new EndResolver(page);
  const [fromKinds, toKinds] = END_KINDS[kind];
  const byKey = new Map<string, PairItem>();
  for (const story of page.stories) {
    for (const relation of goldRelationEnds(story, kind)) {
      const item: PairItem = {
        label: `${relation.from} → ${relation.to}`,
        from: resolver.resolve(relation.from, fromKinds),
        to: resolver.resolve(relation.to, toKinds),
        optional: relation.optional,
      };
      // Resolved forms are shared by every printed form of an entity, so they make a stable key.
      const key = `${[...item.from].sort().join('|')}→${[...item.to].sort().join('|')}`;
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, item);
      else seen.optional &&= item.optional;
    }
  }
  return [...byKey.values()];
}

/** A relation's two ends as printed, whatever its kind. */
interface RelationEnds {
  from: string;
  to: string;
  optional: boolean;
}

function goldRelationEnds(story: GoldStory, kind: PairKind): RelationEnds[] {
  switch (kind) {
    case 'runs':
      return story.runs.map((r) => ({ from: r.organisation, to: r.programme, optional: r.optional }));
    case 'held_in':
      return story.held_in.map((h) => ({ from: h.programme, to: h.place, optional: h.optional }));
    case 'positions':
      return story.positions.map((p) => ({ from: p.person, to: p.organisation, optional: p.optional }));
  }
}

/** The page's predicted relations of one kind, once per (start entity, end entity). */
export function predictedPairs(page: PredictedPage, kind: PairKind): PairItem[] {
  const byKey = new Map<string, PairItem>();
  for (const story of page.stories) {
    const ends: [PredictedEntity, PredictedEntity][] =
      kind === 'runs'
        ? story.runs.map((r) => [r.organisation, r.programme])
        : kind === 'held_in'
          ? story.held_in.map((h) => [h.programme, h.place])
          : story.positions.map((p) => [p.person, p.organisation]);
    for (const [from, to] of ends) {
      const key = `${from.id}→${to.id}`;
      if (byKey.has(key)) continue;
      byKey.set(key, {
        label: `${from.name} → ${to.name}`,
        from: formsOf([from.name, ...from.aliases]),
        to: formsOf([to.name, ...to.aliases]),
        optional: false,
      });
    }
  }
  return [...byKey.values()];
}

/** Gold credits as (person, story) pairs: one per name per story, required if any copy is. */
export function goldCredits(page: GoldPage): CreditItem[] {
  const byKey = new Map<string, CreditItem>();
  for (const story of page.stories) {
    for (const credit of story.credits) {
      const forms = formsOf([credit.name]);
      const key = `${story.key}\u0000${forms.join('|')}`;
      const seen = byKey.get(key);
      if (seen !== undefined) {
        seen.optional &&= credit.optional;
        continue;
      }
      byKey.set(key, { label: `${credit.name} @ ${story.key}`, story: story.key, forms, optional: credit.optional });
    }
  }
  return [...byKey.values()];
}

/** Predicted credits as (person, story) pairs: one per person per story whatever the roles. */
export function predictedCredits(page: PredictedPage): CreditItem[] {
  const items: CreditItem[] = [];
  for (const story of page.stories) {
    const seen = new Set<string>();
    for (const { person } of story.credits) {
      if (seen.has(person.id)) continue;
      seen.add(person.id);
      items.push({
        label: `${person.name} @ ${story.headline}`,
        story: story.id,
        forms: formsOf([person.name, ...person.aliases]),
        optional: false,
      });
    }
  }
  return items;
}
