/**
 * Express routers the service mounts beside /graphql (exports over HTTP, the explorer page).
 * Kept in one list so that main.ts and the tests mount the same routes.
 */
import type { Router } from 'express';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';

export interface RouterDeps {
  driver: Driver;
  database: string;
  config: Config;
}

export function apiRouters(deps: RouterDeps): Router[] {
  void deps;
  return [];
}
