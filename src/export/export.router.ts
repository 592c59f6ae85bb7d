/**
 * The exports over HTTP, streamed from Neo4j into the response:
 *
 *   GET /export                       index: formats, CSV tables and their URLs
 *   GET /export/graph.graphml         GraphML (application/graphml+xml)
 *   GET /export/graph.json            NetworkX node-link JSON (application/json)
 *   GET /export/csv                   index of the CSV tables and the neo4j-admin import command
 *   GET /export/csv/<Label|TYPE>.csv  one CSV table (text/csv)
 *
 * Every route takes the CLI's filters as query parameters: place, kinds, from, to. A bad value
 * is a 400 with a JSON body naming it, before any output. A failure after the first byte can no
 * longer change the status, so the connection is cut: the client sees a broken download, never a
 * file that looks complete but is not.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Driver } from 'neo4j-driver';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../model';
import { tablesFor } from './columns';
import { CSV_CONTENT_TYPE, csvFileName, importCommand, writeEdgeCsv, writeNodeCsv } from './csv';
import { ExportFilterError, parseExportFilter, type ExportFilter } from './filter';
import { GraphReader } from './graph-reader';
import { GRAPHML_CONTENT_TYPE, writeGraphml } from './graphml';
import { graphAttributes } from './metadata';
import { writeNodeLink } from './node-link';
import { streamSink, type TextSink } from './sink';
import { databaseFailure } from '../neo4j/errors';

export interface ExportRouterOptions {
  driver: Driver;
  database: string;
  /** Server-side timeout of each page's read transaction. */
  timeoutMs: number;
  log?: (message: string) => void;
}

const FILTER_PARAMS = ['place', 'kinds', 'from', 'to'] as const;

function badRequest(res: Response, message: string): void {
  res.status(400).json({ error: { code: 'BAD_REQUEST', message } });
}

/** Reads the filter from the query string; unknown or repeated parameters are errors, not ignored. */
function filterFromQuery(req: Request): ExportFilter {
  const input: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (!(FILTER_PARAMS as readonly string[]).includes(name)) {
      throw new ExportFilterError(`unknown parameter "${name}"; the export takes ${FILTER_PARAMS.join(', ')}`);
    }
    if (typeof value !== 'string') throw new ExportFilterError(`${name}: give it once, as plain text`);
    input[name] = value;
  }
  return parseExportFilter(input);
}

/** `attachment` with an ASCII file name and, for a place name in Chinese, the RFC 5987 UTF-8 form. */
function contentDisposition(input: { base: string; extension: string; place: string | null }): string {
  const ascii = `${input.base}.${input.extension}`;
  if (!input.place) return `attachment; filename="${ascii}"`;
  const full = `${input.base}-${input.place.replace(/[\\/:*?"<>|\s]+/g, '_')}.${input.extension}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(full)}`;
}

function queryString(req: Request): string {
  const index = req.originalUrl.indexOf('?');
  return index < 0 ? '' : req.originalUrl.slice(index);
}

function tableOf(file: string): { label: NodeLabel } | { type: RelationshipType } | null {
  const name = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : null;
  if (name === null) return null;
  if ((NODE_LABELS as readonly string[]).includes(name)) return { label: name as NodeLabel };
  if ((RELATIONSHIP_TYPES as readonly string[]).includes(name)) return { type: name as RelationshipType };
  return null;
}

/** The router serving /export; one GraphReader (and its scope) per request. */
export function exportRouter(options: ExportRouterOptions): Router {
  const router = express.Router();
  const log = options.log ?? ((message: string) => console.error(message));

  /** The request's filter, or null after answering 400. */
  const parseFilter = (req: Request, res: Response): ExportFilter | null => {
    try {
      return filterFromQuery(req);
    } catch (error) {
      if (error instanceof ExportFilterError) {
        badRequest(res, error.message);
        return null;
      }
      throw error;
    }
  };

  /**
   * Opens the reader (an unknown place is still a 400 here), then streams. The body starts only
   * after the reader opened, so every input error gets a proper status.
   */
  const stream = async (input: {
    req: Request;
    res: Response;
    filter: ExportFilter;
    contentType: string;
    download: (reader: GraphReader) => string;
    write: (reader: GraphReader, sink: TextSink) => Promise<unknown>;
  }): Promise<void> => {
    const { req, res } = input;
    let reader: GraphReader;
    try {
      reader = await GraphReader.open({ driver: options.driver, database: options.database, filter: input.filter, timeoutMs: options.timeoutMs });
    } catch (error) {
      if (error instanceof ExportFilterError) return badRequest(res, error.message);
      if (databaseFailure(error) === 'UNAVAILABLE') {
        res.status(503).json({ error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is not answering; try again shortly (see /readyz)' } });
        return;
      }
      log(`export ${req.originalUrl} failed: ${error instanceof Error ? error.stack : String(error)}`);
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'The export could not be started' } });
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', input.contentType);
    res.setHeader('Content-Disposition', input.download(reader));
    res.setHeader('Cache-Control', 'no-store');
    const sink = streamSink(res);
    try {
      await input.write(reader, sink);
      await sink.end();
    } catch (error) {
      log(`export ${req.originalUrl} failed while streaming: ${error instanceof Error ? error.message : String(error)}`);
      res.destroy();
    }
  };

  const placeName = (reader: GraphReader) => reader.place?.name ?? null;

  // `?format=` is what a user tries first: a known format redirects to its URL, anything else
  // (and any other unknown parameter) is a 400 that lists what is accepted, never a 200 index.
  const FORMAT_PATHS: Record<string, string> = { graphml: '/export/graph.graphml', json: '/export/graph.json', csv: '/export/csv' };
  router.get('/export', (req, res) => {
    const { format, ...rest } = req.query;
    if (format !== undefined) {
      if (typeof format !== 'string' || !(format in FORMAT_PATHS)) {
        return badRequest(res, `unknown format "${String(format)}"; the export formats are ${Object.keys(FORMAT_PATHS).join(', ')}`);
      }
      const params = new URLSearchParams(Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      const target = `${FORMAT_PATHS[format]}${params.size > 0 ? `?${params.toString()}` : ''}`;
      return res.redirect(302, target);
    }
    if (!parseFilter(req, res)) return;
    const query = queryString(req);
    res.json({
      formats: {
        graphml: `/export/graph.graphml${query}`,
        json: `/export/graph.json${query}`,
        csv: `/export/csv${query}`,
      },
      parameters: {
        place: 'a place id, name or alias: the place, everything PART_OF it, and what happened there',
        kinds: `comma-separated node kinds (${NODE_LABELS.join(', ')})`,
        from: 'YYYY-MM-DD: stories dated on or after (a --MM-DD story matches if its day can fall in range)',
        to: 'YYYY-MM-DD: stories dated on or before',
      },
    });
  });

  router.get('/export/graph.graphml', async (req, res) => {
    const filter = parseFilter(req, res);
    if (!filter) return;
    await stream({
      req,
      res,
      filter,
      contentType: GRAPHML_CONTENT_TYPE,
      download: (reader) => contentDisposition({ base: 'zhuzhou-graph', extension: 'graphml', place: placeName(reader) }),
      write: (reader, sink) => writeGraphml({ reader, sink, graph: graphAttributes({ reader, now: new Date() }) }),
    });
  });

  router.get('/export/graph.json', async (req, res) => {
    const filter = parseFilter(req, res);
    if (!filter) return;
    await stream({
      req,
      res,
      filter,
      contentType: 'application/json; charset=utf-8',
      download: (reader) => contentDisposition({ base: 'zhuzhou-graph', extension: 'json', place: placeName(reader) }),
      write: (reader, sink) => writeNodeLink({ reader, sink, graph: graphAttributes({ reader, now: new Date() }) }),
    });
  });

  // The table list depends only on the kinds, so the index needs no database round trip.
  router.get('/export/csv', (req, res) => {
    const filter = parseFilter(req, res);
    if (!filter) return;
    const { labels, types } = tablesFor(filter.kinds);
    const query = queryString(req);
    const entry = (table: NodeLabel | RelationshipType, kind: 'nodes' | 'relationships') => ({
      name: csvFileName(table),
      kind,
      url: `/export/csv/${csvFileName(table)}${query}`,
    });
    res.json({
      files: [...labels.map((label) => entry(label, 'nodes')), ...types.map((type) => entry(type, 'relationships'))],
      importCommand: importCommand({ labels, types }),
    });
  });

  router.get('/export/csv/:file', async (req, res) => {
    const filter = parseFilter(req, res);
    if (!filter) return;
    const file = String(req.params.file);
    const table = tableOf(file);
    const { labels, types } = tablesFor(filter.kinds);
    if (!table) return badRequest(res, `unknown CSV table "${file}"; see /export/csv for the list`);
    // A table the kinds filter leaves out has no file: say so, rather than serve a header alone.
    if (('label' in table && !labels.includes(table.label)) || ('type' in table && !types.includes(table.type))) {
      return badRequest(res, `${file} is not part of an export of kinds ${filter.kinds.join(',')}; see /export/csv for the list`);
    }
    await stream({
      req,
      res,
      filter,
      contentType: CSV_CONTENT_TYPE,
      download: (reader) => contentDisposition({ base: file.slice(0, -'.csv'.length), extension: 'csv', place: placeName(reader) }),
      write: (reader, sink) => ('label' in table ? writeNodeCsv({ reader, sink, label: table.label }) : writeEdgeCsv({ reader, sink, type: table.type })),
    });
  });

  return router;
}
