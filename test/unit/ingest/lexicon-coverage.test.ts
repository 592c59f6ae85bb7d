/**
 * Every data file in src/ingest/lexicon goes through the validating loader: importing the
 * pipeline loads every rule module, and each must have declared the shape of the files it reads.
 * (gazetteer.json is generated data with its own reader and checks in gazetteer.ts;
 * place-variants.json is read, through the same loader, by scripts/build-gazetteer.ts only.)
 */
import fs from 'node:fs';
import path from 'node:path';
import '../../../src/ingest/pipeline';
import { loadedLexicons } from '../../../src/ingest/lexicon/loader';

const BUILD_ONLY = new Set(['place-variants.json']);
const FOLDER = path.join(__dirname, '..', '..', '..', 'src', 'ingest', 'lexicon');

describe('lexicon files', () => {
  it('are each loaded through defineLexicon by the pipeline', () => {
    const files = fs.readdirSync(FOLDER).filter((f) => f.endsWith('.json') && f !== 'gazetteer.json' && !BUILD_ONLY.has(f)).sort();
    expect(files.filter((f) => !loadedLexicons().has(f))).toEqual([]);
  });
});
