/**
 * `path`: the shortest connection between two nodes (entities or stories), found by Neo4j's
 * shortestPath over the text-derived relationships and containment. CONTAINS (page → story) is
 * left out: two stories on one page are not connected by anything the paper says.
 *
 * Of equally short paths, one made only of facts the paper states (PART_OF, RUNS, posts …) wins
 * over one through co-mentions: it says more, and it makes the answer independent of the order
 * in which Neo4j happens to expand a tie.
 *
 * A variable-length bound cannot be a parameter, so there is one constant query per hop limit,
 * 1 to MAX_PATH_HOPS, chosen by the (validated) maxHops.
 */
import type { Neo4jReader } from './reader';
import { entityHeader, storyMap } from './fragments.repository';
import { toEntityRow, type EntityRow, type EntityTuple, type StoryRow } from './rows';

export const MAX_PATH_HOPS = 6;

// An end is found by id (entity or story) or, for convenience, by an entity's exact name.
const END = (v: string, p: string) => `
CALL () {
  MATCH (${v}:Entity {id: ${p}}) RETURN ${v}, 0 AS rank
  UNION MATCH (${v}:Story {id: ${p}}) RETURN ${v}, 0 AS rank
  UNION MATCH (${v}:Entity {name: ${p}}) RETURN ${v}, 1 AS rank
}`;

const ANY_EDGE = 'MENTIONS|REPORTED|RUNS|HELD_IN|HOLDS_POSITION|BASED_IN|PART_OF';
// Stated facts: every kind of edge but co-mention.
const FACT_EDGE = 'REPORTED|RUNS|HELD_IN|HOLDS_POSITION|BASED_IN|PART_OF';

function pathQuery(hops: number): string {
  return `${END('a', '$from')}
WITH a ORDER BY rank, a.id LIMIT 1${END('b', '$to')}
WITH a, b ORDER BY rank, b.id LIMIT 1
WITH a, b WHERE a <> b
MATCH any = shortestPath((a)-[:${ANY_EDGE}*..${hops}]-(b))
// A path of facts wins only when it is as short as the shortest of all, so it is searched to that
// length and no further: searched to the full bound, a reporter with no fact path to the other end
// walked the whole REPORTED graph around them (at 10k pages, six times the cost of the answer).
CALL (a, b, any) {
  ${Array.from({ length: hops }, (_, index) => `WITH a, b, any WHERE length(any) = ${index + 1}
  OPTIONAL MATCH fact = shortestPath((a)-[:${FACT_EDGE}*..${index + 1}]-(b))
  RETURN fact`).join('\n  UNION ALL\n  ')}
}
WITH coalesce(fact, any) AS p
RETURN [n IN nodes(p) | {
          id: n.id,
          label: head([l IN labels(n) WHERE l <> 'Entity']),
          name: coalesce(n.name, n.headline),
          entity: CASE WHEN n:Entity THEN ${entityHeader('n')} END,
          story: CASE WHEN n:Story THEN ${storyMap('n')} END
        }] AS nodes,
       [r IN relationships(p) | {
          type: type(r), from: startNode(r).id, to: endNode(r).id,
          story: r.story, evidence: r.evidence, detail: coalesce(r.title, r.role)
        }] AS edges`;
}

/** PATH_QUERIES[h] finds paths of at most h relationships. */
export const PATH_QUERIES: Readonly<Record<number, string>> = Object.fromEntries(
  Array.from({ length: MAX_PATH_HOPS }, (_, index) => [index + 1, pathQuery(index + 1)]),
);

export interface PathNodeRow {
  id: string;
  label: string;
  name: string;
  entity: EntityRow | null;
  story: StoryRow | null;
}

export interface PathEdgeRow {
  type: string;
  from: string;
  to: string;
  story: string | null;
  evidence: string | null;
  detail: string | null;
}

export interface PathRow {
  nodes: PathNodeRow[];
  edges: PathEdgeRow[];
}

export interface PathRequest {
  from: string;
  to: string;
  maxHops: number;
}

/** The shortest path, or null when the ends are unknown or further apart than maxHops. */
export async function readShortestPath(reader: Neo4jReader, request: PathRequest): Promise<PathRow | null> {
  const cypher = PATH_QUERIES[request.maxHops];
  if (!cypher) throw new RangeError(`maxHops must be 1 to ${MAX_PATH_HOPS}, got ${request.maxHops}`);
  const [row] = await reader.read<{ nodes: Array<Omit<PathNodeRow, 'entity'> & { entity: EntityTuple | null }>; edges: PathEdgeRow[] }>(cypher, {
    from: request.from,
    to: request.to,
  });
  if (!row) return null;
  return {
    nodes: row.nodes.map((node) => ({ ...node, entity: node.entity ? toEntityRow(node.entity) : null })),
    edges: row.edges,
  };
}
