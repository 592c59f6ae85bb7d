/**
 * The per-request DataLoaders, one per relationship field. createLoaders runs once per request
 * (from the context factory), so a loader's cache lives exactly as long as the request that
 * filled it: no stale data across requests, no data shared between users.
 *
 * Every field that lists related nodes goes through one of these, so N parents cost one query
 * per field, not N: a page of 50 programmes with their agencies, places and stories is four
 * queries (the page, then one per nested field).
 */
import type DataLoader from 'dataloader';
import type { Neo4jReader } from '../repositories/reader';
import { relations } from '../repositories/relations.repository';
import type { CreditRow, DocumentRow, EntityRow, PositionRow, RelatedRow, StoryRow } from '../repositories/rows';
import { keyedLoader } from './keyed';

export interface Loaders {
  entity: DataLoader<string, EntityRow | null>;
  story: DataLoader<string, StoryRow | null>;
  storyBody: DataLoader<string, string | null>;
  document: DataLoader<string, DocumentRow | null>;
  storiesMentioning: DataLoader<string, StoryRow[]>;
  related: DataLoader<string, RelatedRow[]>;
  mentionsOfStory: DataLoader<string, EntityRow[]>;
  creditsOfStory: DataLoader<string, CreditRow[]>;
  creditsOfPerson: DataLoader<string, CreditRow[]>;
  positionsOfPerson: DataLoader<string, PositionRow[]>;
  positionsAt: DataLoader<string, PositionRow[]>;
  parentsOfPlace: DataLoader<string, EntityRow[]>;
  childrenOfPlace: DataLoader<string, EntityRow[]>;
  ancestorsOfPlace: DataLoader<string, EntityRow[]>;
  programmesHeldIn: DataLoader<string, EntityRow[]>;
  programmesHeldWithin: DataLoader<string, EntityRow[]>;
  organisationsBasedIn: DataLoader<string, EntityRow[]>;
  programmesRunBy: DataLoader<string, EntityRow[]>;
  placesOfOrganisation: DataLoader<string, EntityRow[]>;
  runnersOfProgramme: DataLoader<string, EntityRow[]>;
  placesOfProgramme: DataLoader<string, EntityRow[]>;
  storiesOfDocument: DataLoader<string, StoryRow[]>;
}

/** Fresh loaders over one request's reader. */
export function createLoaders(reader: Neo4jReader): Loaders {
  const one = <V>(read: (r: Neo4jReader, ids: readonly string[]) => Promise<Map<string, V>>) =>
    keyedLoader<V | null>((ids) => read(reader, ids), null);
  const many = <V>(read: (r: Neo4jReader, ids: readonly string[]) => Promise<Map<string, V[]>>) =>
    keyedLoader<V[]>((ids) => read(reader, ids), []);
  return {
    entity: one(relations.entitiesById),
    story: one(relations.storiesById),
    storyBody: one(relations.storyBodies),
    document: one(relations.documentsById),
    storiesMentioning: many(relations.storiesMentioning),
    related: many(relations.related),
    mentionsOfStory: many(relations.mentionsOfStories),
    creditsOfStory: many(relations.creditsOfStories),
    creditsOfPerson: many(relations.creditsOfPeople),
    positionsOfPerson: many(relations.positionsOfPeople),
    positionsAt: many(relations.positionsAt),
    parentsOfPlace: many(relations.parentsOfPlaces),
    childrenOfPlace: many(relations.childrenOfPlaces),
    ancestorsOfPlace: many(relations.ancestorsOfPlaces),
    programmesHeldIn: many(relations.programmesHeldIn),
    programmesHeldWithin: many(relations.programmesHeldWithin),
    organisationsBasedIn: many(relations.organisationsBasedIn),
    programmesRunBy: many(relations.programmesRunBy),
    placesOfOrganisation: many(relations.placesOfOrganisations),
    runnersOfProgramme: many(relations.runnersOfProgrammes),
    placesOfProgramme: many(relations.placesOfProgrammes),
    storiesOfDocument: many(relations.storiesOfDocuments),
  };
}
