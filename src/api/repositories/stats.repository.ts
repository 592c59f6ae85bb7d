import { RELATIONSHIP_TYPES } from '../../model';
import type { Neo4jReader } from './reader';

export interface StatsRow {
  documents: number;
  stories: number;
  people: number;
  organisations: number;
  places: number;
  programmes: number;
  relationships: number;
}

// Label and type counts come from the count store, so this is constant-time whatever the graph's
// size. Relationships are the graph model's types, one count each: the pair edges are not facts.
const RELATIONSHIP_COUNTS = RELATIONSHIP_TYPES.map((type) => `MATCH ()-[r:${type}]->() RETURN count(r) AS n`).join(' UNION ALL ');

export const STATS_QUERY = `
CALL () { MATCH (n:Document) RETURN count(n) AS documents }
CALL () { MATCH (n:Story) RETURN count(n) AS stories }
CALL () { MATCH (n:Person) RETURN count(n) AS people }
CALL () { MATCH (n:Organisation) RETURN count(n) AS organisations }
CALL () { MATCH (n:Place) RETURN count(n) AS places }
CALL () { MATCH (n:Programme) RETURN count(n) AS programmes }
CALL () { CALL () { ${RELATIONSHIP_COUNTS} } RETURN sum(n) AS relationships }
RETURN documents, stories, people, organisations, places, programmes, relationships`;

export async function readStats(reader: Neo4jReader): Promise<StatsRow> {
  const [row] = await reader.read<StatsRow>(STATS_QUERY, {});
  if (!row) throw new Error('stats query returned no row');
  return row;
}
