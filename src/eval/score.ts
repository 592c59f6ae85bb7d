/**
 * The scorer of GUIDELINE "Scoring": one gold page against one predicted page, then the
 * micro-average over pages. Pure: no files, no extractor, so it is tested with hand-made values.
 *
 * Per page and kind it pairs gold items with predictions one-to-one (matching.ts) under these
 * rules (compare.ts), and keeps the misses and false positives so an engineer sees what went wrong:
 * - stories: headlines contain one another (shorter ≥ 4) or bigram Dice ≥ 0.8;
 * - credits: (person, story); a name or alias equals the gold name, and the predicted story is
 *   the one paired with the gold story (a credit of an unmatched story cannot match);
 * - people, places: any form equal; organisations, programmes: equal or containment (≥ 4);
 * - runs, held_in, positions: both ends match, containment allowed at both ends; titles ignored.
 */
import { combineTiers, compareForms, compareHeadlines } from './compare';
import type { GoldPage } from './gold';
import {
  goldCredits,
  goldEntities,
  goldPairs,
  goldStories,
  predictedCredits,
  predictedEntities,
  predictedPairs,
  predictedStories,
  type EntityKind,
  type Item,
  type PairKind,
} from './items';
import { matchOneToOne, type MatchInput, type MatchResult } from './matching';
import { computeScores, sumCounts, type Scores } from './metrics';
import type { PredictedPage } from './predict';

export const KINDS = [
  'stories',
  'credits',
  'people',
  'organisations',
  'places',
  'programmes',
  'runs',
  'held_in',
  'positions',
] as const;
export type Kind = (typeof KINDS)[number];

/** One kind on one page: counts, scores and what did not match. */
export interface KindResult extends Scores {
  /** Labels of required gold items nothing matched. */
  misses: string[];
  /** Labels of predictions that matched no gold item. */
  falsePositives: string[];
  /** `gold ≈ prediction` for pairs that matched only by containment (or headline similarity). */
  partial: string[];
  /** Predictions paired with optional gold items: not counted. */
  ignored: string[];
}

export interface PageScore {
  /** The gold file's `document`. */
  document: string;
  kinds: Record<Kind, KindResult>;
  /** Problems found in the prediction (edges dropped while reading the batch). */
  warnings: string[];
}

export interface EvaluationScore {
  /** Micro-averaged over pages: counts summed, then P/R/F1. */
  totals: Record<Kind, Scores>;
  pages: PageScore[];
  /** Micro-averages per source site, when the gold folder says where its pages came from. */
  sites?: SiteScore[];
}

/** The pages of one source site and their micro-averaged scores. */
export interface SiteScore {
  site: string;
  documents: string[];
  totals: Record<Kind, Scores>;
}

/** Groups page scores by site (pages without one are left out), sites in order of first page. */
export function scoreSites(pages: ReadonlyArray<{ page: PageScore; site: string | undefined }>): SiteScore[] {
  const bySite = new Map<string, PageScore[]>();
  for (const { page, site } of pages) if (site !== undefined) bySite.set(site, [...(bySite.get(site) ?? []), page]);
  return [...bySite].map(([site, group]) => ({ site, documents: group.map((p) => p.document), totals: scorePages(group).totals }));
}

/** Entities compared by containment as well as equality (GUIDELINE: organisations, programmes). */
const CONTAINMENT: Record<EntityKind, boolean> = {
  people: false,
  places: false,
  organisations: true,
  programmes: true,
};

/** Scores one predicted page against its gold page. */
export function scorePage(input: { gold: GoldPage; predicted: PredictedPage }): PageScore {
  const { gold, predicted } = input;
  const stories = run({
    gold: goldStories(gold),
    predicted: predictedStories(predicted),
    compare: (g, p) => compareHeadlines(g.headline, p.headline),
  });
  // Gold story key → predicted story id, so credits can require "the matched story".
  const storyOf = new Map(stories.matched.map((pair) => [pair.gold.key, pair.predicted.key]));
  const credits = run({
    gold: goldCredits(gold),
    predicted: predictedCredits(predicted),
    compare: (g, p) =>
      storyOf.get(g.story) === p.story
        ? compareForms({ gold: g.forms, predicted: p.forms, containment: false })
        : null,
  });

  const entities = (kind: EntityKind): KindResult =>
    summarise(
      run({
        gold: goldEntities(gold, kind),
        predicted: predictedEntities(predicted, kind),
        compare: (g, p) => compareForms({ gold: g.forms, predicted: p.forms, containment: CONTAINMENT[kind] }),
      }),
    );
  const pairs = (kind: PairKind): KindResult =>
    summarise(
      run({
        gold: goldPairs(gold, kind),
        predicted: predictedPairs(predicted, kind),
        compare: (g, p) =>
          combineTiers(
            compareForms({ gold: g.from, predicted: p.from, containment: true }),
            compareForms({ gold: g.to, predicted: p.to, containment: true }),
          ),
      }),
    );

  return {
    document: gold.document,
    kinds: {
      stories: summarise(stories),
      credits: summarise(credits),
      people: entities('people'),
      organisations: entities('organisations'),
      places: entities('places'),
      programmes: entities('programmes'),
      runs: pairs('runs'),
      held_in: pairs('held_in'),
      positions: pairs('positions'),
    },
    warnings: predicted.warnings,
  };
}

/** Micro-average over pages: every kind's counts are summed before P, R and F1 are computed. */
export function scorePages(pages: readonly PageScore[]): EvaluationScore {
  const totals = Object.fromEntries(
    KINDS.map((kind) => [kind, computeScores(sumCounts(pages.map((page) => page.kinds[kind])))]),
  ) as Record<Kind, Scores>;
  return { totals, pages: [...pages] };
}

function run<G extends Item, P extends Item>(input: Omit<MatchInput<G, P>, 'isOptional'>): MatchResult<G, P> {
  return matchOneToOne({ ...input, isOptional: (item) => item.optional });
}

function summarise<G extends Item, P extends Item>(result: MatchResult<G, P>): KindResult {
  const scores = computeScores({
    gold: result.matched.length + result.misses.length,
    predicted: result.matched.length + result.falsePositives.length,
    matched: result.matched.length,
  });
  return {
    ...scores,
    misses: result.misses.map((item) => item.label),
    falsePositives: result.falsePositives.map((item) => item.label),
    partial: result.matched
      .filter((pair) => pair.tier === 'partial')
      .map((pair) => `${pair.gold.label} ≈ ${pair.predicted.label}`),
    ignored: result.ignored.map((pair) => pair.predicted.label),
  };
}
