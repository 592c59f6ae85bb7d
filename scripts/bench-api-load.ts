/**
 * The load generator of bench-api, run as a child process so that autocannon's own HTTP work does
 * not share the server's event loop (a real client never does). The parent sends one LoadRequest;
 * this process answers with every response's latency and exits.
 */

/** The slice of autocannon's API used here (the package ships no types, and none are installed). */
interface AutocannonInstance extends PromiseLike<{ errors: number; timeouts: number }> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}
type Autocannon = (options: {
  url: string;
  method: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  body: string;
}) => AutocannonInstance;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

export interface LoadRequest {
  url: string;
  connections: number;
  seconds: number;
  body: string;
}

export interface LoadReport {
  latencies: number[];
  errors: number;
}

process.once('message', (request: LoadRequest) => {
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url: request.url,
    method: 'POST',
    connections: request.connections,
    duration: request.seconds,
    headers: { 'content-type': 'application/json' },
    body: request.body,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) latencies.push(responseTime);
    else errors += 1;
  });
  instance.then(
    (result) => process.send!({ latencies, errors: errors + result.errors + result.timeouts } satisfies LoadReport, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`load generator failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
});
