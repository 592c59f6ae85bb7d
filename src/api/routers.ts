/**
 * Express routers the service mounts beside /graphql (exports over HTTP, the explorer page).
 * Kept in one list so that main.ts and the tests mount the same routes.
 */
import type { Router } from 'express';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { explorerRouter } from '../explorer/explorer.router';
import { exportRouter } from '../export/export.router';

export interface RouterDeps {
  driver: Driver;
  database: string;
  config: Config;
}

/** The routers of the service besides /graphql: /export/… and /explore. */
export function apiRouters(deps: RouterDeps): Router[] {
  return [
    exportRouter({ driver: deps.driver, database: deps.database, timeoutMs: deps.config.neo4j.transactionTimeoutMs }),
    explorerRouter({ rootDir: deps.config.rootDir }),
  ];
}
