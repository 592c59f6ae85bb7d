/**
 * Runs an export into the file system: one file for GraphML and node-link JSON, a folder of CSV
 * files (plus the neo4j-admin command that imports them) for CSV. A single file is written under
 * a `.partial` name and renamed when complete, so a failed export never leaves a file that looks
 * whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tablesFor } from './columns';
import { csvFileName, importCommand, writeEdgeCsv, writeNodeCsv } from './csv';
import type { GraphReader } from './graph-reader';
import { writeGraphml } from './graphml';
import { graphAttributes } from './metadata';
import { writeNodeLink } from './node-link';
import { streamSink, type TextSink } from './sink';

export const EXPORT_FORMATS = ['graphml', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportToPathOptions {
  reader: GraphReader;
  format: ExportFormat;
  /** A file for graphml and json; a folder (created if missing) for csv. */
  out: string;
  now?: Date;
}

export interface ExportResult {
  format: ExportFormat;
  /** Files written, absolute. */
  files: string[];
  nodes: number;
  edges: number;
  bytes: number;
}

export const IMPORT_SCRIPT = 'neo4j-admin-import.sh';

async function withFileSink<T>(file: string, write: (sink: TextSink) => Promise<T>): Promise<{ value: T; bytes: number }> {
  const stream = fs.createWriteStream(file);
  const sink = streamSink(stream);
  try {
    const value = await write(sink);
    await sink.end();
    return { value, bytes: sink.bytes };
  } catch (error) {
    stream.destroy();
    throw error;
  }
}

async function exportSingleFile(options: ExportToPathOptions): Promise<ExportResult> {
  const out = path.resolve(options.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  const graph = graphAttributes({ reader: options.reader, now: options.now ?? new Date() });
  try {
    const { value, bytes } = await withFileSink(partial, (sink) =>
      options.format === 'graphml' ? writeGraphml({ reader: options.reader, sink, graph }) : writeNodeLink({ reader: options.reader, sink, graph }),
    );
    fs.renameSync(partial, out);
    return { format: options.format, files: [out], nodes: value.nodes, edges: value.edges, bytes };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

async function exportCsvFolder(options: ExportToPathOptions): Promise<ExportResult> {
  const folder = path.resolve(options.out);
  fs.mkdirSync(folder, { recursive: true });
  const { labels, types } = tablesFor(options.reader.filter.kinds);
  const result: ExportResult = { format: 'csv', files: [], nodes: 0, edges: 0, bytes: 0 };
  for (const label of labels) {
    const file = path.join(folder, csvFileName(label));
    const { value, bytes } = await withFileSink(file, (sink) => writeNodeCsv({ reader: options.reader, sink, label }));
    result.files.push(file);
    result.nodes += value;
    result.bytes += bytes;
  }
  for (const type of types) {
    const file = path.join(folder, csvFileName(type));
    const { value, bytes } = await withFileSink(file, (sink) => writeEdgeCsv({ reader: options.reader, sink, type }));
    result.files.push(file);
    result.edges += value;
    result.bytes += bytes;
  }
  const script = path.join(folder, IMPORT_SCRIPT);
  // Into an empty, stopped database; paths are relative to the folder, hence the cd.
  fs.writeFileSync(script, `#!/bin/sh\nset -e\ncd "$(dirname "$0")"\n${importCommand({ labels, types })}\n`, { mode: 0o755 });
  result.files.push(script);
  return result;
}

/** Writes the reader's graph to `out` in `format`. */
export async function exportToPath(options: ExportToPathOptions): Promise<ExportResult> {
  return options.format === 'csv' ? exportCsvFolder(options) : exportSingleFile(options);
}
