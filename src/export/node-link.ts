/**
 * NetworkX node-link JSON (the export contract of DESIGN.md): one object with `directed`,
 * `multigraph`, `graph`, `nodes` and `links`, written as a stream so that the document never
 * exists in memory as a whole. `networkx.node_link_graph(data)` (with `edges="links"` on
 * NetworkX 3.4+, where the default key changes) rebuilds it as a MultiDiGraph.
 */
import type { GraphReader, ExportEdge, ExportNode } from './graph-reader';
import type { TextSink } from './sink';
import type { WrittenCounts } from './written';

export interface NodeLinkOptions {
  reader: GraphReader;
  sink: TextSink;
  /** Goes into `graph` (NetworkX's G.graph): name, export time, filters. */
  graph: Record<string, unknown>;
}

function nodeObject(node: ExportNode): Record<string, unknown> {
  // id, label and name first so that a person reading the file sees what each node is.
  return { id: node.id, label: node.label, name: node.properties.name ?? node.properties.headline ?? node.properties.source ?? node.id, ...node.properties };
}

function linkObject(edge: ExportEdge): Record<string, unknown> {
  // `key` makes NetworkX use the same edge key as the GraphML edge id, so parallel edges stay apart.
  return { source: edge.source, target: edge.target, type: edge.type, key: edge.key, ...edge.properties };
}

/** Writes the whole export as node-link JSON; does not end the sink. */
export async function writeNodeLink(options: NodeLinkOptions): Promise<WrittenCounts> {
  const { reader, sink } = options;
  const counts: WrittenCounts = { nodes: 0, edges: 0 };
  await sink.write(`{"directed":true,"multigraph":true,"graph":${JSON.stringify(options.graph)},"nodes":[`);
  for await (const batch of reader.nodes()) {
    for (const node of batch) {
      await sink.write(`${counts.nodes === 0 ? '\n' : ',\n'}${JSON.stringify(nodeObject(node))}`);
      counts.nodes += 1;
    }
  }
  await sink.write('\n],"links":[');
  for await (const batch of reader.edges()) {
    for (const edge of batch) {
      await sink.write(`${counts.edges === 0 ? '\n' : ',\n'}${JSON.stringify(linkObject(edge))}`);
      counts.edges += 1;
    }
  }
  await sink.write('\n]}\n');
  return counts;
}
