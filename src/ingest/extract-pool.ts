/**
 * Extraction in worker threads (INGEST_WORKERS), so that the loader — the only writer — is fed
 * while the database works. Tasks go to the first idle worker; results come back as promises,
 * which the caller awaits in file order. A worker that dies fails only its current page (with
 * the file's name) and is replaced.
 *
 * With 0 workers, or when running from TypeScript sources (tests: there is no compiled worker
 * script to start), pages are prepared on the calling thread by the same function.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { preparePage, type PageTask, type PreparedPage } from './prepare-page';

export interface ExtractPool {
  /** Worker threads in use (0: in-process). */
  readonly size: number;
  run(task: PageTask): Promise<PreparedPage>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  task: PageTask;
  resolve: (result: PreparedPage) => void;
}

const WORKER_SCRIPT = path.join(__dirname, 'extract-worker.js');

function inProcessPool(): ExtractPool {
  return {
    size: 0,
    // A macrotask between pages lets I/O (the driver's socket, a Ctrl-C) through.
    run: (task) => new Promise((resolve) => setImmediate(() => resolve(preparePage(task)))),
    close: async () => {},
  };
}

export interface PoolOptions {
  /** The worker script and Node options to start it with; tests start the TypeScript source through a require hook. */
  script?: string;
  execArgv?: string[];
}

export function createExtractPool(workers: number, options: PoolOptions = {}): ExtractPool {
  const script = options.script ?? WORKER_SCRIPT;
  if (workers <= 0 || (options.script === undefined && !__filename.endsWith('.js')) || !fs.existsSync(script)) return inProcessPool();
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let nextId = 0;
  let closed = false;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage({ id: job.id, task: job.task });
    }
  };

  const spawn = (): void => {
    const worker = new Worker(script, options.execArgv ? { execArgv: options.execArgv } : {});
    worker.on('message', (message: { id: number; result: PreparedPage }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (job && job.id === message.id) job.resolve(message.result);
      dispatch();
    });
    const fail = (why: string) => {
      const job = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      job?.resolve({ ok: false, message: `${path.basename(job.task.file)}: extraction worker failed: ${why}` });
      if (!closed) {
        spawn();
        dispatch();
      }
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => {
      if (!closed && (busy.has(worker) || idle.includes(worker))) fail(`exited with code ${code}`);
    });
    idle.push(worker);
  };

  for (let i = 0; i < workers; i++) spawn();
  return {
    size: workers,
    run: (task) =>
      new Promise<PreparedPage>((resolve) => {
        queue.push({ id: nextId++, task, resolve });
        dispatch();
      }),
    close: async () => {
      closed = true;
      const all = [...idle, ...busy.keys()];
      idle.length = 0;
      await Promise.all(all.map((worker) => worker.terminate()));
    },
  };
}
