/**
 * Reads one page file: size check before reading it whole, then decoding (UTF-8, or GBK with a
 * warning). Errors name the file and the problem. Also the file's fingerprint (a hash of its
 * bytes), by which a re-run knows an unchanged page without extracting it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodePage } from './decode';

export interface PageFile {
  text: string;
  warnings: string[];
  /** See fileHash. */
  fileHash: string;
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

/** First 16 hex digits of the SHA-256 of the file's bytes. */
export function fileHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

function readChecked(options: ReadPageOptions): Buffer {
  const { size } = fs.statSync(options.file);
  if (size > options.maxBytes) {
    throw new PageFileError(options.file, `file is ${size} bytes, over the ${options.maxBytes}-byte limit (INGEST_MAX_FILE_BYTES)`);
  }
  return fs.readFileSync(options.file);
}

/** The file's fingerprint only (a stat, a read and a hash): what a re-run checks first. */
export function readFileHash(options: ReadPageOptions): string {
  return fileHash(readChecked(options));
}

export function readPageFile(options: ReadPageOptions): PageFile {
  const bytes = readChecked(options);
  const decoded = decodePage(bytes, { source: path.basename(options.file), maxBytes: options.maxBytes });
  return { text: decoded.text, warnings: decoded.warnings, fileHash: fileHash(bytes) };
}
