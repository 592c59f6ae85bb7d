/**
 * The evaluation run: gold files in, scores out. Loads and checks every gold file and finds every
 * page before extracting anything, so an input mistake is reported at once rather than after a
 * long run.
 */
import { extractPage } from '../ingest/pipeline';
import type { GraphBatch } from '../ingest/batch';
import { loadGoldFile, type GoldPage } from './gold';
import { pagePath, readPage } from './inputs';
import { predictPage } from './predict';
import { scorePage, scorePages, scoreSites, type EvaluationScore } from './score';
import { findSources, sourceKey } from './sources';

/** The page → GraphBatch function under test; the real pipeline by default. */
export type Extractor = (page: { text: string; source: string }) => GraphBatch;

/** The extractor threw on a page: a defect in the pipeline, reported with the page's path. */
export class ExtractionError extends Error {
  constructor(
    readonly page: string,
    cause: unknown,
  ) {
    super(`extractPage failed on ${page}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`, {
      cause,
    });
    this.name = 'ExtractionError';
  }
}

/** Scores the extractor against each gold file, reading pages from `seedsDir`. */
export function evaluate(input: {
  goldFiles: readonly string[];
  seedsDir: string;
  extract?: Extractor;
}): EvaluationScore {
  const extract = input.extract ?? extractPage;
  const sites = findSources(input.goldFiles);
  const jobs: { gold: GoldPage; page: string; site: string | undefined }[] = input.goldFiles.map((goldFile) => {
    const gold = loadGoldFile(goldFile);
    return { gold, page: pagePath({ goldFile, document: gold.document, seedsDir: input.seedsDir }), site: sites.get(sourceKey(goldFile)) };
  });
  const pages = jobs.map(({ gold, page }) => {
    let batch: GraphBatch;
    try {
      batch = extract({ text: readPage(page), source: gold.document });
    } catch (error) {
      throw new ExtractionError(page, error);
    }
    return scorePage({ gold, predicted: predictPage(batch) });
  });
  const score = scorePages(pages);
  if (sites.size === 0) return score;
  return { ...score, sites: scoreSites(pages.map((page, i) => ({ page, site: jobs[i].site }))) };
}
