/**
 * The GraphQL fields the look-ahead prefetch can answer ahead of their resolvers: for each, the
 * loader its resolver reads (the one the prefetch primes) and the batched read behind that loader,
 * whose one-node form the prefetch nests. A field missing here is simply left to its resolver.
 *
 * Correctness rests on the pair (loader, read), not on the field: a primed value is what the
 * loader's own batch would return for that key, so naming the wrong field here can waste a read
 * but never change an answer. A bounded read's loader is keyed by (id, limit) and the planner
 * gives its branch the limit the resolver asks for (`first` through pageSize). Left out on
 * purpose: Entity.related (it counts shared stories over a window of the newest: an aggregation
 * the one-node forms cannot hold), Place.programmes(includeSubplaces: true) (the roll-up collects
 * the places inside first), and fields keyed by something other than the node's id (Story.document).
 */
import type DataLoader from 'dataloader';
import type { LimitedKey } from '../loaders/keyed';
import type { Loaders } from '../loaders/loaders';
import type { oneNodeReads, OneNodeReadName } from '../repositories/relations.repository';

/** Loaders whose keys are K and whose values are lists of V. */
type ListLoaderOf<K, V> = { [L in keyof Loaders]: Loaders[L] extends DataLoader<K, V[], infer _C> ? L : never }[keyof Loaders];
type ItemOf<R extends OneNodeReadName> = ReturnType<(typeof oneNodeReads)[R]['map']>;
/** A bounded read's loader is keyed by (id, limit), another's by id. */
type KeyOf<R extends OneNodeReadName> = (typeof oneNodeReads)[R]['bounded'] extends true ? LimitedKey : string;

export interface RelationField {
  /** The loader the prefetch primes; its keys and values are the read's (checked by `field`). */
  loader: keyof Loaders;
  read: OneNodeReadName;
  /**
   * Given the field's argument values (defaults applied), whether the loader's value is all the
   * resolver needs. Absent: the field must take no arguments at all but a bounded read's `first`.
   */
  accepts?: (args: Record<string, unknown>) => boolean;
}

/** Ties a read to the loader holding its items (the types must agree). */
function field<R extends OneNodeReadName>(read: R, loader: ListLoaderOf<KeyOf<R>, ItemOf<R>>, accepts?: RelationField['accepts']): RelationField {
  return accepts ? { loader, read, accepts } : { loader, read };
}

/** Entity.stories, on each of its types. */
const STORIES = field('storiesMentioning', 'storiesMentioning');

/** By GraphQL object type, then field name. */
export const RELATION_FIELDS: Readonly<Record<string, Readonly<Record<string, RelationField>>>> = {
  Place: {
    parent: field('parentsOfPlaces', 'parentsOfPlace'),
    children: field('childrenOfPlaces', 'childrenOfPlace'),
    ancestors: field('ancestorsOfPlaces', 'ancestorsOfPlace'),
    // `first` is the planner's (pageSize); includeSubplaces: true reads programmesHeldWithin.
    programmes: field('programmesHeldIn', 'programmesHeldIn', (args) => args.includeSubplaces === false),
    runs: field('programmesRunBy', 'programmesRunBy'),
    organisations: field('organisationsBasedIn', 'organisationsBasedIn'),
    people: field('positionsAt', 'positionsAt'),
    stories: STORIES,
  },
  Organisation: {
    programmes: field('programmesRunBy', 'programmesRunBy'),
    places: field('placesOfOrganisations', 'placesOfOrganisation'),
    people: field('positionsAt', 'positionsAt'),
    stories: STORIES,
  },
  Programme: {
    runBy: field('runnersOfProgrammes', 'runnersOfProgramme'),
    places: field('placesOfProgrammes', 'placesOfProgramme'),
    stories: STORIES,
  },
  Person: {
    credits: field('creditsOfPeople', 'creditsOfPerson'),
    positions: field('positionsOfPeople', 'positionsOfPerson'),
    stories: STORIES,
  },
  Story: {
    // `kinds` filters the loaded list in the resolver: the loader's value does not depend on it.
    mentions: field('mentionsOfStories', 'mentionsOfStory', () => true),
    credits: field('creditsOfStories', 'creditsOfStory'),
  },
};
