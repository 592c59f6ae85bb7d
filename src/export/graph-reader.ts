/**
 * Reads the graph for an export, one page at a time, so that no format ever holds the whole
 * graph: nodes and edges arrive as batches of at most `batchSize` start nodes.
 *
 * Without a place or date filter the reader pages through each label by id (nothing is kept
 * between pages). With one, it first asks Neo4j for the ids in scope (see PLACE_SCOPE and
 * DATE_SCOPE) and keeps only those ids — strings, not properties — to page through them and to
 * test each edge's far end.
 *
 * Each page is its own read transaction, so the export is not a snapshot: run it when no ingest
 * is writing, or accept that a page loaded meanwhile may be half in the file.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { NODE_LABELS, type NodeLabel, type RelationshipType } from '../model';
import { dateRangeParams, ExportFilterError, isScoped, type ExportFilter } from './filter';
import { tablesFor } from './columns';
import * as Q from './export.repository';
import { readOnce } from '../neo4j/read';

export interface ExportNode {
  id: string;
  /** The node's kind: Document, Story, Person, Organisation, Place or Programme. */
  label: NodeLabel;
  /** Every label in the database (entities also carry `Entity`). */
  labels: string[];
  /** Stored properties except `id`. */
  properties: Record<string, unknown>;
}

export interface ExportEdge {
  /** Unique within the database while the relationship exists (Neo4j element id). */
  key: string;
  type: RelationshipType;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export interface ResolvedPlace {
  id: string;
  name: string;
}

export interface GraphReaderOptions {
  driver: Driver;
  database: string;
  filter: ExportFilter;
  /** Server-side timeout of each page's transaction. */
  timeoutMs: number;
  /** Nodes (or edge start nodes) per page. */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 1000;

interface Scope {
  /** Sorted ids per label, restricted to the filter's kinds. */
  idsByLabel: Map<NodeLabel, string[]>;
  /** Every id in scope of the wanted kinds: an edge is exported when its far end is one of them. */
  ids: Set<string>;
  /** With a date filter: the stories in range; an edge with a `story` outside it is left out. */
  stories: Set<string> | null;
}

interface IdRow {
  id: string;
  label: string | null;
}

interface NodeRow {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}

interface EdgeRow {
  source: string;
  target: string | null;
  key: string | null;
  properties: Record<string, unknown> | null;
}

function isNodeLabel(label: string | null): label is NodeLabel {
  return label !== null && (NODE_LABELS as readonly string[]).includes(label);
}

/** Neo4j temporal values (publishedOn is a `date`) as ISO strings, which every format can write. */
function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(properties)) {
    if (neo4j.isDate(value as object) || neo4j.isDateTime(value as object) || neo4j.isLocalDateTime(value as object)) {
      out ??= { ...properties };
      out[key] = String(value);
    }
  }
  return out ?? properties;
}

function toNode(row: NodeRow): ExportNode | null {
  const label = row.labels.find(isNodeLabel);
  if (!label) return null;
  const { id: _id, ...properties } = plainProperties(row.properties);
  // Sorted: Neo4j returns labels in no promised order, and output should not change between runs.
  return { id: row.id, label, labels: [...row.labels].sort(), properties };
}

export class GraphReader {
  private constructor(
    private readonly options: GraphReaderOptions,
    private readonly scope: Scope | null,
    /** The place `--place` resolved to, or null. */
    readonly place: ResolvedPlace | null,
  ) {}

  /** The filter this reader applies. */
  get filter(): ExportFilter {
    return this.options.filter;
  }

  /**
   * Resolves the place (ExportFilterError when unknown or ambiguous) and computes the scope of
   * a filtered export, so that bad input fails before any output is written. An unfiltered
   * export asks the database one trivial question first, for the same reason: a lost database
   * is then a clear error (503 over HTTP), not a download cut after its headers.
   */
  static async open(options: GraphReaderOptions): Promise<GraphReader> {
    const { filter } = options;
    const reader = new GraphReader(options, null, null);
    if (!isScoped(filter)) {
      await reader.run('RETURN 1 AS ok', {});
      return reader;
    }
    const place = filter.place === null ? null : await reader.resolvePlace(filter.place);
    const scope = await reader.computeScope(place);
    return new GraphReader(options, scope, place);
  }

  private get batchSize(): number {
    return this.options.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  private async run<T>(cypher: string, params: Record<string, unknown>): Promise<T[]> {
    // One transaction per page, not retried: a timeout or a lost database ends the export at once.
    return readOnce<T>(this.options.driver, cypher, params, { database: this.options.database, timeoutMs: this.options.timeoutMs });
  }

  private async resolvePlace(place: string): Promise<ResolvedPlace> {
    const rows = await this.run<{ id: string; name: string; byId: boolean; byName: boolean }>(Q.RESOLVE_PLACE, { place });
    const [first] = rows;
    if (!first) throw new ExportFilterError(`place: no place has the id, name or alias "${place}"`);
    if (first.byId) return { id: first.id, name: first.name };
    const best = rows.filter((row) => row.byName === first.byName);
    if (best.length > 1) {
      const candidates = best.map((row) => `${row.name} (${row.id})`).join(', ');
      throw new ExportFilterError(`place: "${place}" names ${best.length} places; give one of their ids: ${candidates}`);
    }
    return { id: first.id, name: first.name };
  }

  private async scopeIds(cypher: string, params: Record<string, unknown>): Promise<IdRow[]> {
    return this.run<IdRow>(cypher, params);
  }

  private async computeScope(place: ResolvedPlace | null): Promise<Scope> {
    const { filter } = this.options;
    let rows: IdRow[] | null = null;
    let stories: Set<string> | null = null;
    if (place !== null) rows = await this.scopeIds(Q.PLACE_SCOPE, { placeId: place.id });
    if (filter.dates !== null) {
      const dated = await this.scopeIds(Q.DATE_SCOPE, { ...dateRangeParams(filter.dates) });
      stories = new Set(dated.filter((row) => row.label === 'Story').map((row) => row.id));
      const datedIds = new Set(dated.map((row) => row.id));
      rows = rows === null ? dated : rows.filter((row) => datedIds.has(row.id));
    }
    const idsByLabel = new Map<NodeLabel, string[]>();
    const ids = new Set<string>();
    for (const row of rows ?? []) {
      if (!isNodeLabel(row.label) || !filter.kinds.includes(row.label)) continue;
      ids.add(row.id);
      const list = idsByLabel.get(row.label) ?? [];
      list.push(row.id);
      idsByLabel.set(row.label, list);
    }
    // Pages come out in id order, as in the unfiltered export, so output is deterministic.
    for (const list of idsByLabel.values()) list.sort();
    return { idsByLabel, ids, stories };
  }

  /** Labels this export writes, in catalogue order, optionally narrowed to `only`. */
  labels(only?: readonly NodeLabel[]): NodeLabel[] {
    return tablesFor(this.filter.kinds).labels.filter((label) => only === undefined || only.includes(label));
  }

  /** Relationship types this export can contain (the model allows both ends' kinds), optionally narrowed to `only`. */
  types(only?: readonly RelationshipType[]): RelationshipType[] {
    return tablesFor(this.filter.kinds).types.filter((type) => only === undefined || only.includes(type));
  }

  /** Nodes of the wanted labels, label by label, in id order, one page per batch. */
  async *nodes(only?: readonly NodeLabel[]): AsyncGenerator<ExportNode[]> {
    for (const label of this.labels(only)) {
      if (this.scope) {
        const ids = this.scope.idsByLabel.get(label) ?? [];
        for (let start = 0; start < ids.length; start += this.batchSize) {
          const rows = await this.run<NodeRow>(Q.NODES_BY_IDS[label], { ids: ids.slice(start, start + this.batchSize) });
          yield rows.map(toNode).filter((node): node is ExportNode => node !== null);
        }
        continue;
      }
      let after = '';
      for (;;) {
        const rows = await this.run<NodeRow>(Q.NODE_PAGE[label], { after, batch: neo4j.int(this.batchSize) });
        if (rows.length === 0) break;
        yield rows.map(toNode).filter((node): node is ExportNode => node !== null);
        after = rows[rows.length - 1]!.id;
        if (rows.length < this.batchSize) break;
      }
    }
  }

  /** Edges of the wanted types whose two ends are both exported, type by type, one page per batch. */
  async *edges(only?: readonly RelationshipType[]): AsyncGenerator<ExportEdge[]> {
    for (const type of this.types(only)) {
      if (this.scope) {
        yield* this.scopedEdges(type, this.scope);
        continue;
      }
      let after = '';
      for (;;) {
        const rows = await this.run<EdgeRow>(Q.EDGE_PAGE[type], { after, batch: neo4j.int(this.batchSize), labels: this.filter.kinds });
        if (rows.length === 0) break;
        yield this.toEdges(type, rows, null);
        // Rows are sorted by source, so the last row holds the page's last start node.
        after = rows[rows.length - 1]!.source;
        if (new Set(rows.map((row) => row.source)).size < this.batchSize) break;
      }
    }
  }

  private async *scopedEdges(type: RelationshipType, scope: Scope): AsyncGenerator<ExportEdge[]> {
    const startLabel = Q.START_LABEL[type];
    const starts = startLabel === 'Entity'
      ? NODE_LABELS.filter((label) => label !== 'Document' && label !== 'Story').flatMap((label) => scope.idsByLabel.get(label) ?? []).sort()
      : scope.idsByLabel.get(startLabel) ?? [];
    for (let start = 0; start < starts.length; start += this.batchSize) {
      const rows = await this.run<EdgeRow>(Q.EDGES_BY_IDS[type], { ids: starts.slice(start, start + this.batchSize) });
      const edges = this.toEdges(type, rows, scope);
      if (edges.length > 0) yield edges;
    }
  }

  private toEdges(type: RelationshipType, rows: EdgeRow[], scope: Scope | null): ExportEdge[] {
    const edges: ExportEdge[] = [];
    for (const row of rows) {
      if (row.target === null || row.key === null) continue;
      const properties = row.properties ?? {};
      if (scope) {
        if (!scope.ids.has(row.target)) continue;
        const story = properties.story;
        if (scope.stories && typeof story === 'string' && !scope.stories.has(story)) continue;
      }
      edges.push({ key: row.key, type, source: row.source, target: row.target, properties });
    }
    return edges;
  }
}
