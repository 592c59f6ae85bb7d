/**
 * Reads one page file: size check before reading it whole, then decoding (UTF-8, or GBK with a
 * warning). Errors name the file and the problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodePage } from './decode';

export interface PageFile {
  text: string;
  warnings: string[];
}

export interface ReadPageOptions {
  file: string;
  maxBytes: number;
}

export class PageFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${path.basename(file)}: ${problem}`);
    this.name = 'PageFileError';
  }
}

export function readPageFile(options: ReadPageOptions): PageFile {
  const { size } = fs.statSync(options.file);
  if (size > options.maxBytes) {
    throw new PageFileError(options.file, `file is ${size} bytes, over the ${options.maxBytes}-byte limit (INGEST_MAX_FILE_BYTES)`);
  }
  return decodePage(fs.readFileSync(options.file), { source: path.basename(options.file), maxBytes: options.maxBytes });
}
