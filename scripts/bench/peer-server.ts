/**
 * @neo4j/graphql served the way the service is served (Express 5, Apollo Server, JSON body,
 * cache-control plugin off, no response cache), on the same driver, for the side-by-side
 * benchmark. Its type definitions are ./neo4j-graphql.typedefs.graphql.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import { ROOT_DIR } from '../../src/config';

export const PEER_TYPEDEFS = path.join(ROOT_DIR, 'scripts', 'bench', 'neo4j-graphql.typedefs.graphql');

export interface PeerServer {
  url: string;
  stop(): Promise<void>;
}

export async function startPeerServer(options: { driver: Driver; database: string }): Promise<PeerServer> {
  const library = new Neo4jGraphQL({ typeDefs: fs.readFileSync(PEER_TYPEDEFS, 'utf8'), driver: options.driver });
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({
    schema: await library.getSchema(),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database: options.database } }) }));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => apollo.stop() };
}
