/**
 * Precision, recall and F1 from counts, with the empty cases defined instead of NaN:
 * - nothing predicted: P = 1 if nothing was expected either, else 0;
 * - nothing expected:  R = 1 if nothing was predicted either, else 0;
 * - F1 = 0 when P + R = 0.
 * So a kind absent from both gold and prediction scores 1/1/1 (nothing to do, nothing done), and
 * an empty prediction against a non-empty gold scores 0/0/0, never NaN.
 */

export interface Counts {
  /** Required gold items (optional ones are not counted). */
  gold: number;
  /** Predictions that count: all except those paired with optional gold items. */
  predicted: number;
  /** True positives. */
  matched: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** P, R and F1 for a set of counts, following the conventions in the module comment. */
export function computeScores(counts: Counts): Scores {
  const { gold, predicted, matched } = counts;
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : matched / predicted;
  const recall = gold === 0 ? (predicted === 0 ? 1 : 0) : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, matched, precision, recall, f1 };
}

/** Micro-average: counts summed over pages before P, R and F1 are taken. */
export function sumCounts(all: readonly Counts[]): Counts {
  return all.reduce<Counts>(
    (sum, c) => ({
      gold: sum.gold + c.gold,
      predicted: sum.predicted + c.predicted,
      matched: sum.matched + c.matched,
    }),
    { gold: 0, predicted: 0, matched: 0 },
  );
}
