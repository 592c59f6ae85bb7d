/**
 * `npm run export -- --format graphml|json|csv --out PATH [--place NAME_OR_ID] [--kinds Person,Place]
 *  [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--batch-size N]`
 *
 * Streams the graph (NEO4J_URI, or the embedded database: a running one is shared, otherwise
 * started and stopped) into a file (graphml, json) or a folder of CSV files, then prints what it
 * wrote, how long it took and the peak memory. Exit code 2 on bad usage, a bad filter value or an
 * --out path that cannot be written (checked before the database is opened).
 */
import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { openDatabase, type Database } from '../neo4j/database';
import { EXPORT_FORMATS, exportToPath, type ExportFormat } from './export-files';
import { ExportFilterError, parseExportFilter } from './filter';
import { DEFAULT_BATCH_SIZE, GraphReader } from './graph-reader';
import { outPathProblem } from './out-path';

const log = (message: string) => process.stderr.write(`${message}\n`);

interface CliOptions {
  format: ExportFormat;
  out: string;
  place?: string;
  kinds?: string;
  from?: string;
  to?: string;
  batchSize: string;
}

function parseBatchSize(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100_000) throw new ExportFilterError(`batch-size: expected a whole number from 1 to 100000, got "${raw}"`);
  return value;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('export')
    .description('Export the news graph for analytics tools (Gephi, NetworkX, pandas, neo4j-admin)')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <path>', 'output file (graphml, json) or folder (csv)')
    .option('--place <nameOrId>', 'only this place, the places PART_OF it, and what happened there (see README)')
    .option('--kinds <labels>', 'only these node kinds, comma-separated: Document,Story,Person,Organisation,Place,Programme')
    .option('--from <date>', 'only stories dated on or after YYYY-MM-DD (and what they mention)')
    .option('--to <date>', 'only stories dated on or before YYYY-MM-DD (and what they mention)')
    .option('--batch-size <n>', 'nodes per page read from Neo4j', String(DEFAULT_BATCH_SIZE))
    .exitOverride();
  try {
    program.parse(argv);
  } catch {
    return 2;
  }
  const opts = program.opts<CliOptions>();
  let filter;
  let batchSize;
  try {
    filter = parseExportFilter({ place: opts.place, kinds: opts.kinds, from: opts.from, to: opts.to });
    batchSize = parseBatchSize(opts.batchSize);
    const problem = outPathProblem({ format: opts.format, out: opts.out });
    if (problem) throw new ExportFilterError(problem);
  } catch (error) {
    if (error instanceof ExportFilterError) {
      log(`export: ${error.message}`);
      return 2;
    }
    throw error;
  }

  const config = loadConfig();
  const started = Date.now();
  let database: Database | null = null;
  try {
    database = await openDatabase({ config, log });
    const exportStarted = Date.now();
    const reader = await GraphReader.open({
      driver: database.driver,
      database: database.database,
      filter,
      timeoutMs: config.neo4j.transactionTimeoutMs,
      batchSize,
    });
    const result = await exportToPath({ reader, format: opts.format, out: opts.out });
    const seconds = ((Date.now() - exportStarted) / 1000).toFixed(2);
    const peakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
    log(`Exported ${result.nodes} nodes and ${result.edges} relationships as ${result.format} (${(result.bytes / 1024).toFixed(1)} KiB) in ${seconds} s; peak RSS ${peakMb} MiB.`);
    for (const file of result.files) log(`  ${file}`);
    if (Date.now() - started > Date.now() - exportStarted + 1000) log(`(database start-up took ${((exportStarted - started) / 1000).toFixed(1)} s)`);
    return 0;
  } catch (error) {
    if (error instanceof ExportFilterError) {
      log(`export: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await database?.close();
  }
}

main(process.argv)
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    log(error instanceof ConfigError ? `Configuration error: ${error.message}` : `Export failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
