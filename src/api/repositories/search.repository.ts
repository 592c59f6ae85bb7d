/**
 * Fulltext search over entity names, aliases and pinyin (the `entity_search` index). The Lucene
 * query text comes from ../search-query.ts, which escapes user input; here it is a parameter.
 */
import type { EntityLabel } from '../../model';
import type { Neo4jReader } from './reader';
import { entityHeader } from './fragments.repository';
import { toEntityRow, type EntityRow, type EntityTuple } from './rows';

// An exact name or alias first, then Lucene's score, then the shorter name (prefix matches all
// score alike, and `lusong` means 芦淞区 before 芦淞服饰城); id last for a total order.
export const SEARCH_QUERY = `
CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: toInteger($candidates)}) YIELD node, score
WHERE $kinds IS NULL OR any(l IN labels(node) WHERE l IN $kinds)
WITH node, score,
     CASE WHEN toLower(node.name) = toLower($exact) OR $exact IN coalesce(node.aliases, []) THEN 1 ELSE 0 END AS exact
ORDER BY exact DESC, score DESC, size(node.name) ASC, node.id ASC
LIMIT toInteger($first)
RETURN ${entityHeader('node')} AS entity, score`;

export interface SearchRequest {
  lucene: string;
  exact: string;
  kinds: EntityLabel[] | null;
  first: number;
}

/** Ranked matches; asks the index for more candidates than needed so a kind filter still fills the page. */
export async function searchEntities(reader: Neo4jReader, request: SearchRequest): Promise<EntityRow[]> {
  const rows = await reader.read<{ entity: EntityTuple }>(SEARCH_QUERY, {
    ...request,
    candidates: Math.min(Math.max(request.first * 5, 50), 1000),
  });
  return rows.map((row) => toEntityRow(row.entity));
}
