/**
 * Turns a prefetch answer into loader primes: for every node read, its row for the root loader
 * and, for every branch, the key's list, mapped by the batched read's own row mapper. What the
 * loader's batch returns for a key it finds nothing for (null for a node, [] for a list) is what a
 * key the prefetch found nothing for is primed with, so that no resolver queries again for it.
 * A bounded list is primed under the LimitedKey its resolver asks for: the node and the limit
 * the plan computed as the resolver computes it (pageSize), which the one-node form kept.
 */
import type { LimitedKey } from '../loaders/keyed';
import type { Loaders } from '../loaders/loaders';
import { branchKeys, type PrefetchedNode, type PrefetchRoot } from '../repositories/prefetch.repository';
import { oneNodeReads } from '../repositories/relations.repository';
import { toEntityRow, type EntityTuple, type StoryRow } from '../repositories/rows';
import type { PlannedBranch } from './selection-plan';

export interface Prime {
  loader: keyof Loaders;
  /** A node id, or for a bounded list's loader the node and the limit. */
  key: string | LimitedKey;
  value: unknown;
}

/** The root loader of each kind of root, with the row mapper of its batched read (entitiesById, storiesById). */
const ROOTS: Record<PrefetchRoot, { loader: keyof Loaders; map: (raw: unknown) => unknown }> = {
  Entity: { loader: 'entity', map: (raw) => toEntityRow(raw as EntityTuple) },
  Story: { loader: 'story', map: (raw) => raw as StoryRow },
};

/** Every (loader, key, value) the answer for `ids` settles, roots first, then depth-first. */
export function primesOf(root: PrefetchRoot, branches: readonly PlannedBranch[], ids: readonly string[], found: Map<string, PrefetchedNode>): Prime[] {
  const primes: Prime[] = [];
  const below = (node: PrefetchedNode, id: string, level: readonly PlannedBranch[]): void => {
    const keys = branchKeys(level);
    level.forEach((branch, i) => {
      const items = node.next?.[keys[i]!];
      // null: a label guard kept the branch from running for this node; its loader is left alone.
      if (!items) return;
      const map = oneNodeReads[branch.read].map as (raw: unknown) => unknown;
      const key = branch.limit === null ? id : { id, limit: branch.limit };
      if (branch.next.length === 0) {
        primes.push({ loader: branch.key, key, value: items.map(map) });
        return;
      }
      const nodes = items as PrefetchedNode[];
      const values = nodes.map((item) => map(item.row));
      primes.push({ loader: branch.key, key, value: values });
      nodes.forEach((item, j) => below(item, (values[j] as { id: string }).id, branch.next));
    });
  };
  const { loader, map } = ROOTS[root];
  for (const id of ids) {
    const node = found.get(id);
    primes.push({ loader, key: id, value: node ? map(node.row) : null });
    if (node) below(node, id, branches);
  }
  return primes;
}
