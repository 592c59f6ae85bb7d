/**
 * CSV files for `neo4j-admin database import full`: one file per node label (`Person.csv` …) and
 * per relationship type (`MENTIONS.csv` …), each with the tool's typed header.
 *
 * - Node ids share one global id space (`id:ID`): ids are already unique across labels (`doc:`,
 *   `story:`, `person:` … prefixes), so `:START_ID`/`:END_ID` need no id group, and the import
 *   stores the id as the `id` property, as the service expects.
 * - `:LABEL` holds every label (`Entity;Place`), so the imported graph has the same labels.
 * - Typed columns (`position:int`, `aliases:string[]`); arrays use the tool's default `;`
 *   delimiter. An ASCII `;` inside a list element (never seen in this newspaper's Chinese, which
 *   prints `；`) is written as `；`, since the format has no escape for the array delimiter.
 * - Every text field is quoted, quotes doubled (RFC 4180). Story bodies hold line breaks, so the
 *   import needs `--multiline-fields=true`; see importCommand().
 * - An absent property is an empty, unquoted field, which the import reads as no property.
 */
import type { NodeLabel, RelationshipType } from '../model';
import { EDGE_COLUMNS, NODE_COLUMNS, type Column } from './columns';
import type { ExportEdge, ExportNode, GraphReader } from './graph-reader';
import type { TextSink } from './sink';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const ARRAY_DELIMITER = ';';

/** The file a label's nodes or a type's relationships are written to. */
export function csvFileName(table: NodeLabel | RelationshipType): string {
  return `${table}.csv`;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function field(column: Column, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? String(value) : '';
    case 'string[]':
      return quote((Array.isArray(value) ? value : [value]).map((item) => String(item).replace(/;/g, '；')).join(ARRAY_DELIMITER));
    case 'string':
      return quote(typeof value === 'string' ? value : JSON.stringify(value));
    case 'date':
      // neo4j-admin reads `:date` columns as ISO dates, unquoted.
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
  }
}

function headerName(column: Column): string {
  return `${column.name}:${column.type}`;
}

/** The header line of a label's node file. */
export function nodeHeader(label: NodeLabel): string {
  return ['id:ID', ':LABEL', ...NODE_COLUMNS[label].map(headerName)].join(',');
}

/** The header line of a type's relationship file. */
export function edgeHeader(type: RelationshipType): string {
  return [':START_ID', ':END_ID', ':TYPE', ...EDGE_COLUMNS[type].map(headerName)].join(',');
}

function nodeLine(node: ExportNode): string {
  const columns = NODE_COLUMNS[node.label];
  return [quote(node.id), quote(node.labels.join(ARRAY_DELIMITER)), ...columns.map((column) => field(column, node.properties[column.name]))].join(',');
}

function edgeLine(edge: ExportEdge): string {
  const columns = EDGE_COLUMNS[edge.type];
  return [quote(edge.source), quote(edge.target), edge.type, ...columns.map((column) => field(column, edge.properties[column.name]))].join(',');
}

export interface CsvTableOptions {
  reader: GraphReader;
  sink: TextSink;
}

/** Writes one label's node file (header and rows); returns the row count; does not end the sink. */
export async function writeNodeCsv(options: CsvTableOptions & { label: NodeLabel }): Promise<number> {
  await options.sink.write(`${nodeHeader(options.label)}\n`);
  let rows = 0;
  for await (const batch of options.reader.nodes([options.label])) {
    for (const node of batch) await options.sink.write(`${nodeLine(node)}\n`);
    rows += batch.length;
  }
  return rows;
}

/** Writes one type's relationship file (header and rows); returns the row count; does not end the sink. */
export async function writeEdgeCsv(options: CsvTableOptions & { type: RelationshipType }): Promise<number> {
  await options.sink.write(`${edgeHeader(options.type)}\n`);
  let rows = 0;
  for await (const batch of options.reader.edges([options.type])) {
    for (const edge of batch) await options.sink.write(`${edgeLine(edge)}\n`);
    rows += batch.length;
  }
  return rows;
}

/** The neo4j-admin command that imports a folder of these files into an empty database. */
export function importCommand(input: { labels: readonly NodeLabel[]; types: readonly RelationshipType[]; database?: string }): string {
  const nodes = input.labels.map((label) => `--nodes=${csvFileName(label)}`);
  const relationships = input.types.map((type) => `--relationships=${csvFileName(type)}`);
  return [
    'neo4j-admin database import full',
    ...nodes,
    ...relationships,
    `--array-delimiter="${ARRAY_DELIMITER}"`,
    '--multiline-fields=true',
    input.database ?? 'neo4j',
  ].join(' \\\n  ');
}
