/**
 * Readers the export tests use to read each format back the way a consumer would: GraphML with
 * fast-xml-parser, node-link JSON with JSON.parse, CSV with a small RFC 4180 parser (quoted
 * fields may hold commas, doubled quotes and line breaks, as neo4j-admin's --multiline-fields
 * allows).
 */
import { XMLParser } from 'fast-xml-parser';

export interface GraphmlDocument {
  keys: Array<{ id: string; for: string; name: string; type: string }>;
  graphData: Record<string, string>;
  nodes: Array<{ id: string; data: Record<string, string> }>;
  edges: Array<{ id: string; source: string; target: string; data: Record<string, string> }>;
  edgedefault: string;
}

type XmlNode = Record<string, unknown>;

function dataOf(element: XmlNode): Record<string, string> {
  const data: Record<string, string> = {};
  for (const item of (element.data as XmlNode[] | undefined) ?? []) data[String(item['@_key'])] = String(item['#text'] ?? '');
  return data;
}

/** Parses a GraphML document; throws if the root or the graph element is missing. */
export function parseGraphml(xml: string): GraphmlDocument {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
  });
  const root = parser.parse(xml) as XmlNode;
  const graphml = root.graphml as XmlNode | undefined;
  if (!graphml) throw new Error('no <graphml> root');
  const graph = graphml.graph as XmlNode | undefined;
  if (!graph) throw new Error('no <graph> element');
  return {
    keys: ((graphml.key as XmlNode[] | undefined) ?? []).map((key) => ({
      id: String(key['@_id']),
      for: String(key['@_for']),
      name: String(key['@_attr.name']),
      type: String(key['@_attr.type']),
    })),
    graphData: dataOf(graph),
    edgedefault: String(graph['@_edgedefault']),
    nodes: ((graph.node as XmlNode[] | undefined) ?? []).map((node) => ({ id: String(node['@_id']), data: dataOf(node) })),
    edges: ((graph.edge as XmlNode[] | undefined) ?? []).map((edge) => ({
      id: String(edge['@_id']),
      source: String(edge['@_source']),
      target: String(edge['@_target']),
      data: dataOf(edge),
    })),
  };
}

export interface NodeLinkDocument {
  directed: boolean;
  multigraph: boolean;
  graph: Record<string, unknown>;
  nodes: Array<Record<string, unknown> & { id: string; label: string; name: string }>;
  links: Array<Record<string, unknown> & { source: string; target: string; type: string }>;
}

/** Parses CSV text into rows of fields (RFC 4180: quoted fields, doubled quotes, embedded newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
