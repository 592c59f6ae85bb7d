/**
 * Plain-text rendering of an evaluation: the micro-averaged table, and for `--verbose` what each
 * page missed and invented. Only formats; all numbers come from score.ts.
 */
import type { Scores } from './metrics';
import { KINDS, type EvaluationScore, type Kind, type KindResult, type PageScore, type SiteScore } from './score';

const HEADER = ['kind', 'gold', 'predicted', 'matched', 'P', 'R', 'F1'] as const;

/** The table of kind, gold, predicted, matched, P, R, F1 (P/R/F1 with three decimals). */
export function formatTable(totals: EvaluationScore['totals']): string {
  const rows: string[][] = [
    [...HEADER],
    ...KINDS.map((kind) => row(kind, totals[kind])),
  ];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
  const lines = rows.map((cells) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  '),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return lines.join('\n');
}

function row(kind: string, scores: Scores): string[] {
  return [
    kind,
    String(scores.gold),
    String(scores.predicted),
    String(scores.matched),
    scores.precision.toFixed(3),
    scores.recall.toFixed(3),
    scores.f1.toFixed(3),
  ];
}

/** Lines of cells, the first column left-aligned and the rest right-aligned, with a rule under the header. */
function align(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
  const lines = rows.map((cells) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return lines.join('\n');
}

/** F1 with three decimals; '-' where the page has nothing of the kind and nothing was predicted. */
function f1Cell(scores: Scores): string {
  return scores.gold === 0 && scores.predicted === 0 ? '-' : scores.f1.toFixed(3);
}

/** F1 over every kind of a set of scores (counts summed across kinds). */
function overallF1(kinds: Record<Kind, Scores>): string {
  const sum = KINDS.reduce((acc, kind) => ({ gold: acc.gold + kinds[kind].gold, predicted: acc.predicted + kinds[kind].predicted, matched: acc.matched + kinds[kind].matched }), { gold: 0, predicted: 0, matched: 0 });
  const p = sum.predicted === 0 ? 0 : sum.matched / sum.predicted;
  const r = sum.gold === 0 ? 0 : sum.matched / sum.gold;
  return (p + r === 0 ? 0 : (2 * p * r) / (p + r)).toFixed(3);
}

/** One row per page: F1 per kind and over all kinds together. */
export function formatPageTable(pages: readonly PageScore[]): string {
  return align([['page', ...KINDS, 'all'], ...pages.map((page) => [page.document, ...KINDS.map((kind) => f1Cell(page.kinds[kind])), overallF1(page.kinds)])]);
}

/** One row per source site: its pages and their micro-averaged F1 per kind and over all kinds. */
export function formatSiteTable(sites: readonly SiteScore[]): string {
  return align([
    ['site', 'pages', ...KINDS, 'all'],
    ...sites.map((site) => [site.site, String(site.documents.length), ...KINDS.map((kind) => f1Cell(site.totals[kind])), overallF1(site.totals)]),
  ]);
}

/** One page's misses, false positives, containment-only matches and warnings, kind by kind. */
export function formatPageDetails(page: PageScore): string {
  const lines = [`== ${page.document}`];
  for (const warning of page.warnings) lines.push(`  warning: ${warning}`);
  for (const kind of KINDS) {
    const result = page.kinds[kind];
    if (result.misses.length + result.falsePositives.length + result.partial.length === 0) continue;
    lines.push(`  ${kind}: gold ${result.gold}, predicted ${result.predicted}, matched ${result.matched}`);
    lines.push(...section('missed', result.misses));
    lines.push(...section('false positive', result.falsePositives));
    lines.push(...section('partial match', result.partial));
  }
  if (lines.length === 1) lines.push('  everything matched');
  return lines.join('\n');
}

function section(title: string, labels: KindResult['misses']): string[] {
  return labels.map((label) => `    ${title}: ${label}`);
}

/** The full text report: a heading, the table and, when verbose, the per-page details. */
export function formatReport(input: { score: EvaluationScore; verbose: boolean }): string {
  const { score, verbose } = input;
  const heading =
    `Evaluated ${score.pages.length} page(s); micro-averaged over pages. ` +
    'Optional gold items are not counted.';
  const parts = [heading, '', formatTable(score.totals), '', 'F1 per page (- where the page has none of a kind and none was predicted):', '', formatPageTable(score.pages)];
  if (score.sites !== undefined && score.sites.length > 0) {
    parts.push('', 'F1 per source site (SOURCES.tsv; micro-averaged over its pages):', '', formatSiteTable(score.sites));
  }
  if (verbose) {
    for (const page of score.pages) parts.push('', formatPageDetails(page));
  }
  return parts.join('\n');
}
