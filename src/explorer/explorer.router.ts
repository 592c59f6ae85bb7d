/**
 * Serves the graph explorer at /explore: three static files kept beside this module in the
 * repository (src/explorer/, found through ROOT_DIR so the same path works from src/ and dist/)
 * and Cytoscape.js from the project's own node_modules, never a CDN. Files are listed one by one
 * rather than served as a folder, so that nothing else in src/ is reachable.
 */
import path from 'node:path';
import express, { type Response, type Router } from 'express';

export interface ExplorerRouterOptions {
  /** The repository root (Config.rootDir). */
  rootDir: string;
}

const PAGE_FILES: Record<string, { file: string; type: string }> = {
  '/explore': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/explore/explorer.js': { file: 'explorer.js', type: 'text/javascript; charset=utf-8' },
  '/explore/explorer.css': { file: 'explorer.css', type: 'text/css; charset=utf-8' },
};

/** The router serving /explore and its assets. */
export function explorerRouter(options: ExplorerRouterOptions): Router {
  const router = express.Router();
  const folder = path.join(options.rootDir, 'src', 'explorer');
  const cytoscape = require.resolve('cytoscape/dist/cytoscape.min.js', { paths: [options.rootDir] });

  const send = (res: Response, file: string, type: string) => {
    res.type(type);
    // The page changes with the code: revalidate every time (express sends ETag/Last-Modified).
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file);
  };

  for (const [route, { file, type }] of Object.entries(PAGE_FILES)) {
    router.get(route, (_req, res) => send(res, path.join(folder, file), type));
  }
  router.get('/explore/vendor/cytoscape.min.js', (_req, res) => send(res, cytoscape, 'text/javascript; charset=utf-8'));
  return router;
}
