/**
 * autocannon against a GraphQL endpoint from a child process (bench-api-load.ts), as a client
 * would: its HTTP work does not share the server's event loop. Resolves with every 200
 * response's latency and the count of the others.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { LoadReport, LoadRequest } from '../bench-api-load';

export async function loadFromChild(request: LoadRequest): Promise<LoadReport> {
  const child = fork(path.join(__dirname, '..', 'bench-api-load.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise<LoadReport>((resolve, reject) => {
    child.once('message', (message) => resolve(message as LoadReport));
    child.once('exit', (code) => reject(new Error(`the load generator exited (${code}) without a report`)));
    child.send(request);
  });
}
