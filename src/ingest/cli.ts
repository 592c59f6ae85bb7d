/**
 * `npm run ingest -- <files or folders> [--dry-run] [--json] [--date YYYY-MM-DD] [--force]`
 *
 * Loads pages into Neo4j (NEO4J_URI, or the embedded database it starts and stops), with a
 * progress bar on a terminal and a summary table at the end. --dry-run needs no database;
 * --json prints each page's extracted GraphBatch to stdout (implies --dry-run unless --load).
 * Exit code 1 when any file failed or the database was lost, 2 on bad usage, 130 when interrupted
 * (Ctrl-C, SIGTERM, or the `npm run` wrapper gone: the current page is finished, the summary so
 * far printed).
 */
import 'reflect-metadata';
import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { ConfigError, loadConfig } from '../config';
import { openDatabase, type Database } from '../neo4j/database';
import { flushStdout, stopSignal, writeStdout } from './cli-process';
import { parseIsoDate } from './publication-date';
import { ingestPaths } from './run';
import { printSummary } from './summary';

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('ingest')
    .description('Ingest 株洲日报 pages (.txt files or folders of them) into the news graph')
    .argument('[paths...]', 'page files or folders (default: SEEDS_DIR, i.e. seeds/)')
    .option('--dry-run', 'extract only; needs no database; prints what would be written')
    .option('--json', 'print each page\'s extracted batch as JSON lines on stdout (a dry run unless --load)')
    .option('--load', 'with --json: also write to the database')
    .option('--date <YYYY-MM-DD>', 'publication date of pages whose path and text state none')
    .option('--force', 'extract every page again, even those unchanged since the last run')
    .exitOverride();
  try {
    program.parse(argv);
  } catch {
    return 2;
  }
  const opts = program.opts<{ dryRun?: boolean; json?: boolean; load?: boolean; date?: string; force?: boolean }>();
  const date = opts.date === undefined ? null : parseIsoDate(opts.date);
  if (opts.date !== undefined && date === null) {
    log(`--date must be a calendar date YYYY-MM-DD, got "${opts.date}"`);
    return 2;
  }
  const config = loadConfig();
  const paths = program.args.length > 0 ? program.args : [config.ingest.seedsDir];
  const dryRun = opts.dryRun === true || (opts.json === true && opts.load !== true);

  let database: Database | null = null;
  if (!dryRun) database = await openDatabase({ config, log });
  const stop = stopSignal(log);
  const bar = process.stderr.isTTY && !opts.json ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}' }, Presets.shades_classic) : null;
  try {
    let barStarted = false;
    const summary = await ingestPaths({
      paths,
      driver: database?.driver,
      database: config.neo4j.database,
      maxFileBytes: config.ingest.maxFileBytes,
      timeoutMs: config.neo4j.transactionTimeoutMs,
      workers: config.ingest.workers,
      date,
      force: opts.force === true,
      log,
      onBatch: opts.json ? (batch) => writeStdout(`${JSON.stringify(batch)}\n`) : undefined,
      signal: stop.signal,
      onFile: ({ file, index, total, ok }) => {
        if (bar) {
          if (!barStarted) bar.start(total, 0, { file });
          barStarted = true;
          bar.update(index + 1, { file });
        } else if (!opts.json) {
          log(`[${index + 1}/${total}] ${ok ? 'ok    ' : 'FAILED'} ${file}`);
        }
      },
    });
    bar?.stop();
    printSummary(summary, log);
    if (stop.signal.aborted) return 130;
    return summary.errors.length > 0 || summary.stopped ? 1 : 0;
  } finally {
    stop.dispose();
    await database?.close();
    await flushStdout();
  }
}

main(process.argv)
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    log(error instanceof ConfigError ? `Configuration error: ${error.message}` : `Ingest failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
