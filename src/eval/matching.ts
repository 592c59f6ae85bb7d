/**
 * One-to-one pairing of gold items with predictions, in tiers, as GUIDELINE "Scoring" requires:
 * each gold item matches at most one prediction (and each prediction at most one gold item), and
 * exact matches are paired before containment ("partial") ones.
 *
 * Within a tier the pairing is a maximum bipartite matching (Kuhn's augmenting paths), not a
 * greedy one, so a prediction that could serve two gold items goes where it lets the most items
 * match. Gold items are offered in the order required-first: augmenting paths never unmatch a gold
 * item, so required items get every match they can have before optional ones take the rest.
 * Pairs made in the exact tier are fixed before the partial tier starts, so a prediction equal
 * to an optional gold item is "that item" (ignored) even if it would contain a required one.
 */

export type MatchTier = 'exact' | 'partial';

export interface MatchInput<G, P> {
  gold: readonly G[];
  predicted: readonly P[];
  /** Optional gold items: neither missed nor rewarded; predictions paired with them are ignored. */
  isOptional: (gold: G) => boolean;
  /** How well a prediction matches a gold item, or null when it does not. */
  compare: (gold: G, predicted: P) => MatchTier | null;
}

export interface MatchedPair<G, P> {
  gold: G;
  predicted: P;
  tier: MatchTier;
}

export interface MatchResult<G, P> {
  /** Required gold items with their prediction: the true positives. */
  matched: MatchedPair<G, P>[];
  /** Predictions paired with optional gold items: not counted either way. */
  ignored: MatchedPair<G, P>[];
  /** Required gold items no prediction matched. */
  misses: G[];
  /** Predictions that matched no gold item. */
  falsePositives: P[];
}

const TIERS: readonly MatchTier[] = ['exact', 'partial'];

/** Pairs gold items with predictions one-to-one, exact tier first; see the module comment. */
export function matchOneToOne<G, P>(input: MatchInput<G, P>): MatchResult<G, P> {
  const { gold, predicted, isOptional, compare } = input;
  const tiers = gold.map((g) => predicted.map((p) => compare(g, p)));
  // Required gold first: Kuhn's algorithm keeps every gold item it has matched matched.
  const order = gold
    .map((_, i) => i)
    .sort((a, b) => Number(isOptional(gold[a])) - Number(isOptional(gold[b])) || a - b);

  const predOfGold = new Array<number>(gold.length).fill(-1);
  const goldOfPred = new Array<number>(predicted.length).fill(-1);

  for (const tier of TIERS) {
    // Pairs from an earlier tier are fixed: only this tier's pairs may be re-routed.
    const locked = new Set(predicted.map((_, p) => p).filter((p) => goldOfPred[p] >= 0));
    const edges = (g: number): number[] =>
      predicted.map((_, p) => p).filter((p) => !locked.has(p) && reaches(tiers[g][p], tier));
    for (const g of order) {
      if (predOfGold[g] >= 0) continue;
      augment({ start: g, edges, predOfGold, goldOfPred });
    }
  }

  const result: MatchResult<G, P> = { matched: [], ignored: [], misses: [], falsePositives: [] };
  gold.forEach((g, i) => {
    const p = predOfGold[i];
    if (p < 0) {
      if (!isOptional(g)) result.misses.push(g);
      return;
    }
    const pair = { gold: g, predicted: predicted[p], tier: tiers[i][p] ?? 'partial' };
    (isOptional(g) ? result.ignored : result.matched).push(pair);
  });
  predicted.forEach((p, i) => {
    if (goldOfPred[i] < 0) result.falsePositives.push(p);
  });
  return result;
}

/** True when a comparison of quality `actual` is allowed in tier `tier` (exact fits both tiers). */
function reaches(actual: MatchTier | null, tier: MatchTier): boolean {
  return tier === 'exact' ? actual === 'exact' : actual !== null;
}

interface AugmentInput {
  start: number;
  edges: (gold: number) => number[];
  predOfGold: number[];
  goldOfPred: number[];
}

/** One augmenting-path search from gold item `start`; updates the matching in place. */
function augment({ start, edges, predOfGold, goldOfPred }: AugmentInput): boolean {
  const visited = new Set<number>();
  const visit = (g: number): boolean => {
    for (const p of edges(g)) {
      if (visited.has(p)) continue;
      visited.add(p);
      if (goldOfPred[p] < 0 || visit(goldOfPred[p])) {
        goldOfPred[p] = g;
        predOfGold[g] = p;
        return true;
      }
    }
    return false;
  };
  return visit(start);
}
