/**
 * What a request selects below the current field, for resolvers whose one query can leave out
 * what nobody asked for (programmeRuns without `evidence` skips the sentences and stories).
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** True when `name` is selected directly under the current field (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return within(selection.selectionSet);
      const fragment = info.fragments[selection.name.value];
      if (!fragment || seen.has(fragment.name.value)) return false;
      seen.add(fragment.name.value);
      return within(fragment.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}
