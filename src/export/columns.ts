/**
 * The property catalogue of the export formats: which properties each node label and
 * relationship type carries, and their types. GraphML key declarations and CSV headers must be
 * written before the first row, so they come from this catalogue rather than from the data; the
 * integration tests check it against `db.schema.nodeTypeProperties()` so that a property the
 * loader starts writing cannot be dropped silently. (Node-link JSON writes every property found.)
 */
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../model';

/** Value types a column can hold; lists are lists of strings in this model; dates are ISO `YYYY-MM-DD`. */
export type ColumnType = 'string' | 'int' | 'string[]' | 'date';

export interface Column {
  name: string;
  type: ColumnType;
}

const ENTITY_COLUMNS: Column[] = [
  { name: 'name', type: 'string' },
  { name: 'aliases', type: 'string[]' },
  { name: 'aliasText', type: 'string' },
  { name: 'pinyin', type: 'string' },
];

/** Node properties other than `id` (which every format writes as the node's identifier). */
export const NODE_COLUMNS: Record<NodeLabel, readonly Column[]> = {
  Document: [
    { name: 'source', type: 'string' },
    { name: 'ingestedAt', type: 'string' },
    { name: 'extractionHash', type: 'string' },
    // Added with archives, after the older columns so that their positions stay.
    { name: 'path', type: 'string' },
    { name: 'realPath', type: 'string' },
    { name: 'publishedOn', type: 'date' },
    { name: 'fileHash', type: 'string' },
    { name: 'extractorKey', type: 'string' },
  ],
  Story: [
    { name: 'headline', type: 'string' },
    { name: 'kicker', type: 'string' },
    { name: 'subtitle', type: 'string' },
    { name: 'section', type: 'string' },
    // A string, not a date: `--12-12` (year not printed) is not a value any date type accepts.
    { name: 'date', type: 'string' },
    { name: 'body', type: 'string' },
    { name: 'position', type: 'int' },
    { name: 'document', type: 'string' },
    { name: 'publishedOn', type: 'date' },
  ],
  Person: ENTITY_COLUMNS,
  Organisation: [...ENTITY_COLUMNS, { name: 'type', type: 'string' }],
  Place: [...ENTITY_COLUMNS, { name: 'level', type: 'string' }, { name: 'code', type: 'string' }],
  Programme: [...ENTITY_COLUMNS, { name: 'kind', type: 'string' }, { name: 'targets', type: 'string[]' }],
};

const STORY: Column = { name: 'story', type: 'string' };
const EVIDENCE: Column = { name: 'evidence', type: 'string' };

/** Relationship properties; `type`, source and target are written by every format separately. */
export const EDGE_COLUMNS: Record<RelationshipType, readonly Column[]> = {
  CONTAINS: [],
  REPORTED: [STORY, { name: 'role', type: 'string' }],
  MENTIONS: [STORY, { name: 'count', type: 'int' }],
  RUNS: [STORY, EVIDENCE],
  HELD_IN: [STORY, EVIDENCE],
  HOLDS_POSITION: [STORY, EVIDENCE, { name: 'title', type: 'string' }],
  BASED_IN: [STORY, EVIDENCE],
  PART_OF: [STORY, EVIDENCE, { name: 'basis', type: 'string' }],
};

/** The kinds each relationship type connects in the graph model (DESIGN.md): what a kinds filter can keep. */
export const EDGE_ENDS: Record<RelationshipType, { from: readonly NodeLabel[]; to: readonly NodeLabel[] }> = {
  CONTAINS: { from: ['Document'], to: ['Story'] },
  REPORTED: { from: ['Person'], to: ['Story'] },
  MENTIONS: { from: ['Story'], to: ['Person', 'Organisation', 'Place', 'Programme'] },
  RUNS: { from: ['Organisation', 'Place'], to: ['Programme'] },
  HELD_IN: { from: ['Programme'], to: ['Place'] },
  HOLDS_POSITION: { from: ['Person'], to: ['Organisation', 'Place'] },
  BASED_IN: { from: ['Organisation'], to: ['Place'] },
  PART_OF: { from: ['Place'], to: ['Place'] },
};

/** The CSV tables (and GraphML key domains) an export of these kinds has: the kinds, and the types whose ends it keeps. */
export function tablesFor(kinds: readonly NodeLabel[]): { labels: NodeLabel[]; types: RelationshipType[] } {
  const kept = (labels: readonly NodeLabel[]) => labels.some((label) => kinds.includes(label));
  return {
    labels: NODE_LABELS.filter((label) => kinds.includes(label)),
    types: RELATIONSHIP_TYPES.filter((type) => kept(EDGE_ENDS[type].from) && kept(EDGE_ENDS[type].to)),
  };
}

/** Every distinct column over the given tables, first occurrence wins (for formats with one key set per domain). */
export function unionColumns(tables: ReadonlyArray<readonly Column[]>): Column[] {
  const seen = new Map<string, Column>();
  for (const table of tables) {
    for (const column of table) {
      const previous = seen.get(column.name);
      if (previous && previous.type !== column.type) {
        throw new Error(`export catalogue: column "${column.name}" is both ${previous.type} and ${column.type}`);
      }
      if (!previous) seen.set(column.name, column);
    }
  }
  return [...seen.values()];
}
