/**
 * Graph-level attributes every format carries (NetworkX's G.graph, GraphML <graph> data), so a
 * file says where it came from and which part of the graph it holds.
 */
import type { GraphReader } from './graph-reader';

export const GRAPH_NAME = '株洲日报 news graph';

/** Name, export time and filters as strings (GraphML attributes are typed; all of these are text). */
export function graphAttributes(input: { reader: GraphReader; now: Date }): Record<string, string> {
  const { filter, place } = input.reader;
  return {
    name: GRAPH_NAME,
    exportedAt: input.now.toISOString(),
    place: place ? `${place.name} (${place.id})` : '',
    kinds: filter.kinds.join(','),
    from: filter.dates?.from ?? '',
    to: filter.dates?.to ?? '',
  };
}
