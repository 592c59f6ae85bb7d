/**
 * Where each evaluated page came from: a `SOURCES.tsv` beside the gold files (columns document,
 * source URL, and anything after), read so that the report can average scores per source site.
 * The folder may have none; then there is no per-site summary.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EvalInputError } from './inputs';

export const SOURCES_FILE = 'SOURCES.tsv';

/** The page a row describes (its document name without extension) and the site it came from. */
export interface SourceRow {
  document: string;
  url: string;
  /** The URL's host without a leading www. (moment.rednet.cn); the URL itself when it has no host. */
  site: string;
}

/** Parses SOURCES.tsv text: a header row, then document and URL per row. `file` names it in errors. */
export function parseSources(text: string, file: string): SourceRow[] {
  const lines = text.split(/\r?\n/u).filter((line) => line.trim().length > 0);
  return lines.slice(1).map((line, i) => {
    const [document, url] = line.split('\t').map((cell) => cell.trim());
    if (!document || !url) throw new EvalInputError(`${file}: line ${i + 2}: expected a document and a source URL separated by a tab`);
    return { document: stripExtension(document), url, site: siteOf(url) };
  });
}

/** The site of each gold file's page, from the SOURCES.tsv in the gold file's folder (if any). */
export function findSources(goldFiles: readonly string[]): Map<string, string> {
  const sites = new Map<string, string>();
  for (const folder of new Set(goldFiles.map((file) => path.dirname(file)))) {
    const file = path.join(folder, SOURCES_FILE);
    if (!existsSync(file)) continue;
    for (const row of parseSources(readFileSync(file, 'utf8'), file)) sites.set(path.join(folder, row.document), row.site);
  }
  return sites;
}

/** The key findSources uses for a gold file: its folder and its name without extension. */
export function sourceKey(goldFile: string): string {
  return path.join(path.dirname(goldFile), stripExtension(path.basename(goldFile)));
}

function stripExtension(name: string): string {
  return name.replace(/\.(?:json|txt)$/iu, '');
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./u, '') || url;
  } catch {
    return url;
  }
}
