/**
 * The per-request DataLoaders, one per relationship field. createLoaders runs once per request
 * (from the context factory), so a loader's cache lives exactly as long as the request that
 * filled it: no stale data across requests, no data shared between users.
 *
 * Every field that lists related nodes goes through one of these, so N parents cost one query
 * per field, not N: a page of 50 programmes with their agencies, places and stories is four
 * queries (the page, then one per nested field). Lists that grow with the archive take a
 * LimitedKey (the node and the field's `first`) and keep their first items in Cypher.
 */
import type DataLoader from 'dataloader';
import type { Neo4jReader } from '../repositories/reader';
import { relations, type ListBound } from '../repositories/relations.repository';
import type { CreditRow, DocumentRow, EntityRow, PositionRow, RelatedRow, StoryRow } from '../repositories/rows';
import { keyedLoader, limitedLoader, type LimitedKey } from './keyed';

export interface Loaders {
  entity: DataLoader<string, EntityRow | null>;
  story: DataLoader<string, StoryRow | null>;
  storyBody: DataLoader<string, string | null>;
  document: DataLoader<string, DocumentRow | null>;
  storiesMentioning: DataLoader<LimitedKey, StoryRow[], string>;
  related: DataLoader<LimitedKey, RelatedRow[], string>;
  mentionsOfStory: DataLoader<string, EntityRow[]>;
  creditsOfStory: DataLoader<string, CreditRow[]>;
  creditsOfPerson: DataLoader<LimitedKey, CreditRow[], string>;
  positionsOfPerson: DataLoader<LimitedKey, PositionRow[], string>;
  positionsAt: DataLoader<LimitedKey, PositionRow[], string>;
  parentsOfPlace: DataLoader<string, EntityRow[]>;
  childrenOfPlace: DataLoader<LimitedKey, EntityRow[], string>;
  ancestorsOfPlace: DataLoader<string, EntityRow[]>;
  programmesHeldIn: DataLoader<LimitedKey, EntityRow[], string>;
  programmesHeldWithin: DataLoader<LimitedKey, EntityRow[], string>;
  organisationsBasedIn: DataLoader<LimitedKey, EntityRow[], string>;
  programmesRunBy: DataLoader<LimitedKey, EntityRow[], string>;
  placesOfOrganisation: DataLoader<LimitedKey, EntityRow[], string>;
  runnersOfProgramme: DataLoader<LimitedKey, EntityRow[], string>;
  placesOfProgramme: DataLoader<LimitedKey, EntityRow[], string>;
  storiesOfDocument: DataLoader<string, StoryRow[]>;
}

export interface LoaderOptions {
  /** How many of an entity's newest stories `related` counts co-mentions over (GRAPHQL_RELATED_STORIES). */
  relatedStories: number;
}

/** Fresh loaders over one request's reader. */
export function createLoaders(reader: Neo4jReader, options: LoaderOptions): Loaders {
  const one = <V>(read: (r: Neo4jReader, ids: readonly string[]) => Promise<Map<string, V>>) =>
    keyedLoader<V | null>((ids) => read(reader, ids), null);
  const many = <V>(read: (r: Neo4jReader, ids: readonly string[]) => Promise<Map<string, V[]>>) =>
    keyedLoader<V[]>((ids) => read(reader, ids), []);
  const firstOf = <V>(read: (r: Neo4jReader, ids: readonly string[], bound: ListBound) => Promise<Map<string, V[]>>) =>
    limitedLoader<V[]>((ids, limit) => read(reader, ids, { limit }), []);
  return {
    entity: one(relations.entitiesById),
    story: one(relations.storiesById),
    storyBody: one(relations.storyBodies),
    document: one(relations.documentsById),
    storiesMentioning: firstOf(relations.storiesMentioning),
    related: limitedLoader((ids, limit) => relations.related(reader, ids, { limit, window: options.relatedStories }), []),
    mentionsOfStory: many(relations.mentionsOfStories),
    creditsOfStory: many(relations.creditsOfStories),
    creditsOfPerson: firstOf(relations.creditsOfPeople),
    positionsOfPerson: firstOf(relations.positionsOfPeople),
    positionsAt: firstOf(relations.positionsAt),
    parentsOfPlace: many(relations.parentsOfPlaces),
    childrenOfPlace: firstOf(relations.childrenOfPlaces),
    ancestorsOfPlace: many(relations.ancestorsOfPlaces),
    programmesHeldIn: firstOf(relations.programmesHeldIn),
    programmesHeldWithin: firstOf(relations.programmesHeldWithin),
    organisationsBasedIn: firstOf(relations.organisationsBasedIn),
    programmesRunBy: firstOf(relations.programmesRunBy),
    placesOfOrganisation: firstOf(relations.placesOfOrganisations),
    runnersOfProgramme: firstOf(relations.runnersOfProgrammes),
    placesOfProgramme: firstOf(relations.placesOfProgrammes),
    storiesOfDocument: many(relations.storiesOfDocuments),
  };
}
