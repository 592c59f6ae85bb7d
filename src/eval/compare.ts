/**
 * The match rules of GUIDELINE "Scoring" for one gold item against one prediction, on names that
 * are already normalised (see normalise.ts). Each returns the tier of the match or null.
 */
import { bigramDice, containsEitherWay } from './normalise';
import type { MatchTier } from './matching';

/** Containment counts only when the shorter form has at least this many characters. */
export const MIN_CONTAINED_LENGTH = 4;
/** Headlines this similar (character-bigram Dice) are the same story. */
export const HEADLINE_DICE_THRESHOLD = 0.8;

/**
 * Any gold form against any predicted form: `exact` when two are equal; `partial` when
 * `containment` is allowed and one contains the other (shorter ≥ 4 characters); else null.
 */
export function compareForms(input: {
  gold: readonly string[];
  predicted: readonly string[];
  containment: boolean;
}): MatchTier | null {
  const { gold, predicted, containment } = input;
  if (gold.some((g) => predicted.includes(g))) return 'exact';
  if (!containment) return null;
  const contained = gold.some((g) =>
    predicted.some((p) => containsEitherWay(g, p, MIN_CONTAINED_LENGTH)),
  );
  return contained ? 'partial' : null;
}

/**
 * Two normalised headlines: `exact` when equal; `partial` when one contains the other (shorter
 * ≥ 4 characters) or their bigram Dice is at least 0.8; else null.
 */
export function compareHeadlines(gold: string, predicted: string): MatchTier | null {
  if (gold === predicted && gold !== '') return 'exact';
  if (containsEitherWay(gold, predicted, MIN_CONTAINED_LENGTH)) return 'partial';
  return bigramDice(gold, predicted) >= HEADLINE_DICE_THRESHOLD ? 'partial' : null;
}

/** A pair matches when both ends match; it is only as good as its weaker end. */
export function combineTiers(a: MatchTier | null, b: MatchTier | null): MatchTier | null {
  if (a === null || b === null) return null;
  return a === 'exact' && b === 'exact' ? 'exact' : 'partial';
}
