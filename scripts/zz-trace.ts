import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/neo4j/database';
import { startServer } from '../src/api/server';
import { benchCases } from './bench/cases';
(async () => {
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
  const database = await openDatabase({ config, log: () => {} });
  let t0 = 0;
  const server = await startServer({ api: config.api, driver: database.driver, database: database.database, transactionTimeoutMs: 10000, onQuery: (c) => console.log('  q', (performance.now() - t0).toFixed(1), c.trim().split('\n')[1]?.slice(0, 60)) });
  const cases = benchCases({ place: '芦淞区', agency: '芦淞区', search: 'lusong', pathFrom: 'person:谢恩', pathTo: 'org:株洲市人力资源和社会保障局', text: '就业', publishedFrom: '2023-03-01', publishedTo: '2023-03-31', nodeId: 'place:430203' });
  for (const c of cases) {
    for (let i = 0; i < 30; i++) await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: c.ours.query, variables: c.ours.variables }) });
    t0 = performance.now();
    console.log(c.name);
    await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: c.ours.query, variables: c.ours.variables }) });
    console.log('  done', (performance.now() - t0).toFixed(1));
  }
  await server.stop(); await database.close();
})();
