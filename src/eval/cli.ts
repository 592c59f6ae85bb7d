/**
 * `npm run eval -- <gold files or folders> [--seeds DIR] [--verbose] [--json]`
 *
 * Scores the ingestion pipeline's extraction against annotated pages (GUIDELINE.md) and prints a
 * table, or the scores as JSON. Needs no database.
 * Exit codes: 0 when scores were printed (low scores are a result, not a failure); 2 on bad usage
 * or input (missing or malformed gold file, missing page, empty folder); 1 when the extractor
 * itself throws.
 */
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { evaluate, ExtractionError, type Extractor } from './evaluate';
import { GoldFormatError } from './gold';
import { EvalInputError, findGoldFiles, findRepoRoot } from './inputs';
import { formatReport } from './report';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

interface Options {
  seeds?: string;
  verbose?: boolean;
  json?: boolean;
}

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code. `extract` replaces
 * the real pipeline in tests.
 */
export function main(argv: readonly string[], extract?: Extractor): number {
  const program = new Command()
    .name('eval')
    .description('Score the extraction pipeline against annotated gold pages (../shared/eval/GUIDELINE.md).')
    .argument('<gold...>', 'gold .json files, or folders of them')
    .option(
      '--seeds <dir>',
      'folder holding the page .txt files named by each gold "document" (default: seeds/ of the repository)',
    )
    .option('--verbose', 'also list misses, false positives and containment-only matches per page')
    .option('--json', 'print the scores (totals and per page details) as JSON')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; anything else is a usage mistake.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw error;
  }

  const options = program.opts<Options>();
  const seedsDir =
    options.seeds === undefined
      ? path.join(findRepoRoot(__dirname), 'seeds')
      : path.resolve(options.seeds);

  try {
    const goldFiles = findGoldFiles(program.args);
    const score = evaluate({ goldFiles, seedsDir, extract });
    const output =
      options.json === true
        ? JSON.stringify(score, null, 2)
        : formatReport({ score, verbose: options.verbose === true });
    process.stdout.write(`${output}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof EvalInputError || error instanceof GoldFormatError) {
      process.stderr.write(`eval: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ExtractionError) {
      process.stderr.write(`eval: ${error.message}\n`);
      return EXIT_FAILED;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
