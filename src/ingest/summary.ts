/** The table an ingest run ends with: pages, stories, entities by kind, relationships by type, warnings. */
import { ENTITY_LABELS, RELATIONSHIP_TYPES } from '../model';
import type { IngestSummary } from './run';

function table(rows: Array<[string, string | number]>): string[] {
  const width = Math.max(...rows.map(([key]) => key.length));
  return rows.map(([key, value]) => `  ${key.padEnd(width)}  ${String(value).padStart(6)}`);
}

export function formatSummary(summary: IngestSummary): string {
  const pages = summary.pages;
  const lines = [
    summary.dryRun ? 'Dry run (nothing written):' : 'Ingest summary:',
    ...table([
      ['files', summary.files],
      ...(summary.dryRun
        ? ([['pages extracted', pages.extracted]] as Array<[string, number]>)
        : ([
            ['pages new', pages.new],
            ['pages replaced', pages.replaced],
            ['pages moved', pages.moved],
            ['pages unchanged', pages.unchanged],
          ] as Array<[string, number]>)),
      ['pages failed', pages.failed],
      ['stories', summary.stories],
      ...ENTITY_LABELS.map((label): [string, number] => [label, summary.entities[label]]),
      ...RELATIONSHIP_TYPES.map((type): [string, number] => [type, summary.relationships[type]]),
      ['warnings', summary.warnings.length],
      ['seconds', (summary.durationMs / 1000).toFixed(2)],
    ]),
  ];
  for (const warning of summary.warnings) lines.push(`  warning  ${warning.file}: ${warning.message}`);
  for (const error of summary.errors) lines.push(`  error    ${error.file}: ${error.message}`);
  if (summary.stopped) lines.push(`  NOT COMPLETE: ${summary.stopped}`);
  return lines.join('\n');
}

export function printSummary(summary: IngestSummary, log: (message: string) => void): void {
  log(formatSummary(summary));
}
