/**
 * `npm run bench:abuse`: replays the hostile and careless probes of the hardening issue against
 * a running service and prints one table row per probe (HTTP status, extensions.code, time), plus
 * the server's resident memory when its pid is given.
 *
 *   BASE_URL=http://127.0.0.1:4000 SERVER_PID=<pid of node dist/src/main.js> npm run bench:abuse
 *
 * Traffic goes only to BASE_URL, which must be a loopback address; every probe is bounded in
 * count and time (a client timeout of PROBE_TIMEOUT_MS), so a service that freezes shows up as
 * "timeout" rather than hanging the script. FAN_N sets the fragment fan-out (default 30: the
 * issue's reproducer, which froze the old service for minutes).
 */
import fs from 'node:fs';
import http from 'node:http';

const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
const SERVER_PID = process.env.SERVER_PID ? Number(process.env.SERVER_PID) : null;
const FAN_N = Number(process.env.FAN_N ?? 30);
const PROBE_TIMEOUT_MS = Number(process.env.PROBE_TIMEOUT_MS ?? 20_000);
const ALIASES = 495;
const PARALLEL = 4;

interface Row {
  probe: string;
  status: string;
  code: string;
  ms: number;
  note?: string;
}

interface Answer {
  status: number;
  code: string;
  bytes: number;
  headers: Headers | null;
}

function residentMb(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

async function send(path: string, init: RequestInit = {}): Promise<Answer> {
  try {
    const response = await fetch(`${BASE_URL}${path}`, { ...init, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const text = await response.text();
    let code = '-';
    try {
      const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }>; error?: { code?: string } };
      code = body.errors?.[0]?.extensions?.code ?? body.error?.code ?? (body.errors ? '?' : 'ok');
    } catch {
      code = response.headers.get('content-type')?.includes('html') ? 'HTML page' : 'not JSON';
    }
    return { status: response.status, code, bytes: text.length, headers: response.headers };
  } catch (error) {
    const name = (error as Error).name;
    return { status: 0, code: name === 'TimeoutError' ? `timeout ${PROBE_TIMEOUT_MS / 1000} s` : (error as Error).message, bytes: 0, headers: null };
  }
}

/** A POST with a Host header of our choosing (fetch does not let a caller set Host). */
function postWithHost(host: string, body: string): Promise<Answer> {
  const url = new URL(`${BASE_URL}/graphql`);
  return new Promise((resolve) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { host, 'content-type': 'application/json' }, timeout: PROBE_TIMEOUT_MS },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          let code = 'not JSON';
          try {
            const parsed = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
            code = parsed.errors?.[0]?.extensions?.code ?? 'ok';
          } catch {
            // keep "not JSON"
          }
          resolve({ status: response.statusCode ?? 0, code, bytes: text.length, headers: null });
        });
      },
    );
    request.on('error', (error) => resolve({ status: 0, code: error.message, bytes: 0, headers: null }));
    request.end(body);
  });
}

function graphql(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

async function timed(probe: string, run: () => Promise<Answer>, note?: (answer: Answer) => string): Promise<Row> {
  const started = performance.now();
  const answer = await run();
  return { probe, status: String(answer.status || '-'), code: answer.code, ms: Math.round(performance.now() - started), note: note?.(answer) };
}

function fanOut(n: number): string {
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Place { ...F${i + 1} ...F${i + 1} }`).join(' ');
  return `${fragments} fragment F${n} on Place { name } { node(id: "place:430203") { ...F0 } }`;
}

const FLAGSHIP = 'programmeRuns(where: {place: "芦淞区"}) { agency { name } programme { name } places { name } evidence { sentence story { headline } } }';
const NORMAL = '{ programmeRuns(where: {place: "芦淞区"}, first: 5) { programme { name } } }';

async function main(): Promise<void> {
  const host = new URL(BASE_URL).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) throw new Error(`BASE_URL must be a loopback address, got ${BASE_URL}`);
  const rows: Row[] = [];
  const idle = residentMb(SERVER_PID);

  rows.push(await timed('normal query', () => graphql({ query: NORMAL })));

  // 1. Fragment fan-out, with /healthz asked meanwhile (a blocked event loop answers neither).
  const fan = timed(`fragment fan-out n=${FAN_N} (${fanOut(FAN_N).length} B)`, () => graphql({ query: fanOut(FAN_N) }));
  await new Promise((resolve) => setTimeout(resolve, 20));
  const health = timed('/healthz during the fan-out', () => send('/healthz'));
  rows.push(await fan, await health);

  // 2. Aliases of the flagship with evidence, four in parallel, and a normal query meanwhile.
  const aliases = `{ ${Array.from({ length: ALIASES }, (_, i) => `a${i}: ${FLAGSHIP}`).join(' ')} }`;
  let peak = residentMb(SERVER_PID) ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentMb(SERVER_PID) ?? 0);
  }, 50);
  const heavy = Array.from({ length: PARALLEL }, (_, i) => timed(`${ALIASES} flagship aliases with evidence (#${i + 1} of ${PARALLEL})`, () => graphql({ query: aliases }), (a) => `${(a.bytes / 1e6).toFixed(1)} MB`));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const during = timed(`normal query during the ${PARALLEL} heavy ones`, () => graphql({ query: NORMAL }));
  rows.push(...(await Promise.all(heavy)), await during);
  clearInterval(sampler);

  // A mentions list of 70 000 names.
  const names = Array.from({ length: 70_000 }, (_, i) => `名字${i}`);
  rows.push(await timed('stories(mentions: 70 000 names)', () => graphql({ query: 'query Q($n: [String!]) { stories(first: 5, where: {mentions: $n}) { totalCount } }', variables: { n: names } })));

  // 7. Careless clients.
  rows.push(await timed('malformed JSON body', () => graphql('{"query": "{ stats { stories } }"')));
  rows.push(await timed('body over the limit (2 MB)', () => graphql({ query: `{ stats { stories } } # ${'x'.repeat(2_000_000)}` })));
  // Written as text: JSON.stringify itself overflows the stack on 10 000 levels.
  const nested = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
  rows.push(await timed('variables nested 10 000 deep', () => graphql(`{"query":"{ stats { stories } }","variables":{"v":${nested}}}`)));
  rows.push(await timed('/export?format=unknown', () => send('/export?format=unknown')));

  // 8. Exposure.
  rows.push(
    await timed(
      'POST from Origin https://evil.example',
      () => graphql({ query: '{ stats { stories } }' }, { origin: 'https://evil.example' }),
      (a) => `ACAO ${a.headers?.get('access-control-allow-origin') ?? 'none'}`,
    ),
  );
  rows.push(
    await timed(
      'POST from Origin https://studio.apollographql.com',
      () => graphql({ query: '{ stats { stories } }' }, { origin: 'https://studio.apollographql.com' }),
      (a) => `ACAO ${a.headers?.get('access-control-allow-origin') ?? 'none'}`,
    ),
  );
  rows.push(await timed('Host: rebound.evil.example (DNS rebinding)', () => postWithHost('rebound.evil.example', JSON.stringify({ query: '{ stats { stories } }' }))));
  rows.push(await timed('/readyz', () => send('/readyz')));

  const after = residentMb(SERVER_PID);
  process.stdout.write('| probe | HTTP | extensions.code | ms | note |\n|---|---|---|---|---|\n');
  for (const row of rows) process.stdout.write(`| ${row.probe} | ${row.status} | ${row.code} | ${row.ms} | ${row.note ?? ''} |\n`);
  if (SERVER_PID !== null) process.stdout.write(`\nServer RSS: idle ${idle} MB, peak during the ${PARALLEL} heavy requests ${peak} MB, after ${after} MB\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:abuse failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
