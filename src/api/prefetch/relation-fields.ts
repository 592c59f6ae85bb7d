/**
 * The GraphQL fields the look-ahead prefetch can answer ahead of their resolvers: for each, the
 * loader its resolver reads (the one the prefetch primes) and the batched read behind that loader,
 * whose one-node form the prefetch nests. A field missing here is simply left to its resolver.
 *
 * Correctness rests on the pair (loader, read), not on the field: a primed value is what the
 * loader's own batch would return for that key, so naming the wrong field here can waste a read
 * but never change an answer. Left out on purpose: Entity.stories and Entity.related (their `first`
 * is moving into Cypher), Place.programmes(includeSubplaces: true) (the roll-up walks PART_OF
 * under every item), and fields keyed by something other than the node's id (Story.document).
 */
import type DataLoader from 'dataloader';
import type { Loaders } from '../loaders/loaders';
import type { oneNodeReads, OneNodeReadName } from '../repositories/relations.repository';

/** Loaders whose values are lists of V. */
type ListLoaderOf<V> = { [K in keyof Loaders]: Loaders[K] extends DataLoader<string, V[]> ? K : never }[keyof Loaders];
type ItemOf<R extends OneNodeReadName> = ReturnType<(typeof oneNodeReads)[R]['map']>;

export interface RelationField {
  /** The loader the prefetch primes; its values are lists of the read's items (checked by `field`). */
  loader: keyof Loaders;
  read: OneNodeReadName;
  /**
   * Given the field's argument values (defaults applied), whether the loader's value is all the
   * resolver needs. Absent: the field must take no arguments at all.
   */
  accepts?: (args: Record<string, unknown>) => boolean;
}

/** Ties a read to the loader holding its items (the types must agree). */
function field<R extends OneNodeReadName>(read: R, loader: ListLoaderOf<ItemOf<R>>, accepts?: RelationField['accepts']): RelationField {
  return accepts ? { loader, read, accepts } : { loader, read };
}

/** By GraphQL object type, then field name. */
export const RELATION_FIELDS: Readonly<Record<string, Readonly<Record<string, RelationField>>>> = {
  Place: {
    parent: field('parentsOfPlaces', 'parentsOfPlace'),
    ancestors: field('ancestorsOfPlaces', 'ancestorsOfPlace'),
  },
  Story: {
    // `kinds` filters the loaded list in the resolver: the loader's value does not depend on it.
    mentions: field('mentionsOfStories', 'mentionsOfStory', () => true),
    credits: field('creditsOfStories', 'creditsOfStory'),
  },
};
