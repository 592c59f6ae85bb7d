/**
 * GraphML (http://graphml.graphdrawing.org/) for Gephi, Cytoscape, yEd and networkx.read_graphml.
 *
 * Written by hand, not with a library: the format is a few fixed elements, no GraphML writer is
 * among the project's dependencies, and a streaming one is needed anyway (key declarations
 * first, then one element per node and edge). Every attribute is declared as a <key> with its
 * attr.type before the graph; list properties are JSON strings (GraphML has no list type);
 * the node's kind is the `label` attribute and the relationship type the `type` attribute, as in
 * the node-link JSON. Edge ids are the Neo4j element ids, unique within the file.
 */
import type { NodeLabel, RelationshipType } from '../model';
import { EDGE_COLUMNS, NODE_COLUMNS, unionColumns, type Column } from './columns';
import type { ExportEdge, ExportNode, GraphReader } from './graph-reader';
import type { TextSink } from './sink';
import type { WrittenCounts } from './written';

export const GRAPHML_CONTENT_TYPE = 'application/graphml+xml; charset=utf-8';

export interface GraphmlOptions {
  reader: GraphReader;
  sink: TextSink;
  /** Graph-level data (name, export time, filters); values are written as strings. */
  graph: Record<string, string>;
}

// Characters XML 1.0 forbids even when escaped (C0 controls but tab/LF/CR, lone surrogates,
// U+FFFE/U+FFFF). OCR'd text can hold them; a parser would reject the whole file.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML element content and attribute values, dropping characters XML cannot hold. */
export function xmlEscape(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Attribute values normalise raw CR/LF/tab to spaces; character references keep them.
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

const GRAPHML_TYPE: Record<Column['type'], string> = { string: 'string', int: 'int', 'string[]': 'string', date: 'string' };

function keyId(domain: 'graph' | 'node' | 'edge', name: string): string {
  return `${domain[0]}_${name}`;
}

function keyElement(domain: 'graph' | 'node' | 'edge', column: Column): string {
  const desc = column.type === 'string[]' ? '<desc>JSON array of strings</desc>' : '';
  return `  <key id="${keyId(domain, column.name)}" for="${domain}" attr.name="${xmlEscape(column.name)}" attr.type="${GRAPHML_TYPE[column.type]}"${desc ? `>${desc}</key>` : '/>'}\n`;
}

function dataValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function dataElements(domain: 'node' | 'edge', columns: readonly Column[], properties: Record<string, unknown>): string {
  let out = '';
  for (const column of columns) {
    const value = dataValue(properties[column.name]);
    if (value !== null) out += `<data key="${keyId(domain, column.name)}">${xmlEscape(value)}</data>`;
  }
  return out;
}

function nodeElement(node: ExportNode): string {
  const columns = NODE_COLUMNS[node.label];
  return `  <node id="${xmlEscape(node.id)}"><data key="n_label">${node.label}</data>${dataElements('node', columns, node.properties)}</node>\n`;
}

function edgeElement(edge: ExportEdge): string {
  const columns = EDGE_COLUMNS[edge.type];
  return `  <edge id="${xmlEscape(edge.key)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}"><data key="e_type">${edge.type}</data>${dataElements('edge', columns, edge.properties)}</edge>\n`;
}

/** The key declarations for the labels and types an export may contain. */
export function graphmlKeys(input: { labels: readonly NodeLabel[]; types: readonly RelationshipType[]; graph: readonly string[] }): string {
  const nodeColumns = unionColumns([[{ name: 'label', type: 'string' }], ...input.labels.map((label) => NODE_COLUMNS[label])]);
  const edgeColumns = unionColumns([[{ name: 'type', type: 'string' }], ...input.types.map((type) => EDGE_COLUMNS[type])]);
  return [
    ...input.graph.map((name) => keyElement('graph', { name, type: 'string' })),
    ...nodeColumns.map((column) => keyElement('node', column)),
    ...edgeColumns.map((column) => keyElement('edge', column)),
  ].join('');
}

/** Writes the whole export as one GraphML document; does not end the sink. */
export async function writeGraphml(options: GraphmlOptions): Promise<WrittenCounts> {
  const { reader, sink } = options;
  const counts: WrittenCounts = { nodes: 0, edges: 0 };
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  await sink.write(graphmlKeys({ labels: reader.labels(), types: reader.types(), graph: Object.keys(options.graph) }));
  await sink.write('  <graph id="G" edgedefault="directed">\n');
  for (const [name, value] of Object.entries(options.graph)) {
    await sink.write(`  <data key="${keyId('graph', name)}">${xmlEscape(value)}</data>\n`);
  }
  for await (const batch of reader.nodes()) {
    for (const node of batch) await sink.write(nodeElement(node));
    counts.nodes += batch.length;
  }
  for await (const batch of reader.edges()) {
    for (const edge of batch) await sink.write(edgeElement(edge));
    counts.edges += batch.length;
  }
  await sink.write('  </graph>\n</graphml>\n');
  return counts;
}
