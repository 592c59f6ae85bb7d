/**
 * Plain-text rendering of an evaluation: the micro-averaged table, and for `--verbose` what each
 * page missed and invented. Only formats; all numbers come from score.ts.
 */
import type { Scores } from './metrics';
import { KINDS, type EvaluationScore, type KindResult, type PageScore } from './score';

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
  const parts = [heading, '', formatTable(score.totals)];
  if (verbose) {
    for (const page of score.pages) parts.push('', formatPageDetails(page));
  }
  return parts.join('\n');
}
