/**
 * The HTTP server: wiring only. Express hosts Apollo Server at /graphql (with the Sandbox
 * landing page) and any extra routers (exports, explorer) the caller passes in.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Router } from 'express';
import type { Driver } from 'neo4j-driver';
import type { ApiConfig } from '../config';
import { makeContextFactory, type Context } from './context';
import { formatError } from './errors';
import { hostGuard, jsonErrors, MAX_BODY, notFound, originGuard } from './http-guards';
import { limitsPlugin } from './limits';
import { readinessHandler } from './readiness';
import { buildApiSchema } from './schema';

export interface ServerOptions {
  api: ApiConfig;
  driver: Driver;
  database: string;
  transactionTimeoutMs: number;
  /** Mounted before /graphql, e.g. the export and explorer routes. */
  routers?: Router[];
  onQuery?: (cypher: string, params: Record<string, unknown>) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await buildApiSchema(),
    introspection: options.api.introspection,
    csrfPrevention: true,
    formatError: (formatted, error) => formatError(formatted, error),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The schema sets no cache hints; Apollo's cache-control plugin would otherwise wrap every
      // field's resolver to compute them (a measurable share of a programmeRuns request).
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin({
        maxDepth: options.api.maxDepth,
        maxCost: options.api.maxCost,
        assumedListSize: options.api.maxPageSize,
        defaultListSize: options.api.defaultPageSize,
      }),
      options.api.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const log = (message: string) => console.error(message);
  const origins = originGuard(options.api.corsOrigins);
  app.disable('x-powered-by');
  app.use(hostGuard({ bind: options.api.host, allowedHosts: options.api.allowedHosts }), origins.guard);
  // Liveness: the process answers. Readiness: the database answers too.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readinessHandler({ driver: options.driver, database: options.database }));
  for (const router of options.routers ?? []) app.use(router);
  const context = makeContextFactory({
    driver: options.driver,
    database: options.database,
    timeoutMs: options.transactionTimeoutMs,
    limits: { maxPageSize: options.api.maxPageSize, defaultPageSize: options.api.defaultPageSize },
    maxRows: options.api.maxRows,
    prefetch: { depth: options.api.prefetchDepth, maxLists: options.api.prefetchMaxLists },
    relatedStories: options.api.relatedStories,
    onQuery: options.onQuery,
  });
  app.use('/graphql', cors(origins.cors), express.json({ limit: MAX_BODY }), expressMiddleware(apollo, { context }));
  app.use(notFound, jsonErrors(log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.api.port, options.api.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.api.host === '0.0.0.0' || options.api.host === '::' ? 'localhost' : options.api.host;
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}/graphql`,
    port,
    stop: () => apollo.stop(),
  };
}
