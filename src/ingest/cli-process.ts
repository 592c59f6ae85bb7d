/**
 * Process plumbing of the ingest command, kept out of cli.ts: writing to stdout at the pace of
 * whoever reads it, flushing it before exit, and turning Ctrl-C, SIGTERM or the death of the
 * `npm run` wrapper into "stop after the current page".
 */

/**
 * Writes to stdout and resolves once it may take more (on 'drain' when its buffer is full),
 * so that `ingest --json | slow-reader` keeps every byte and memory stays flat.
 */
export function writeStdout(text: string): Promise<void> {
  if (process.stdout.write(text)) return Promise.resolve();
  return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

/** Resolves when everything written to stdout so far has been handed to the system. */
export function flushStdout(): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.writableLength === 0) return resolve();
    process.stdout.write('', () => resolve());
  });
}

/**
 * An AbortSignal that fires on SIGINT, SIGTERM or SIGHUP, or when the parent process (the `npm
 * run` wrapper) goes away: killed with -9 it cannot forward a signal, and a worker writing on
 * without anyone watching is what must not happen. A second Ctrl-C exits at once.
 */
export function stopSignal(log: (message: string) => void): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const stop = (reason: string) => {
    if (controller.signal.aborted) return;
    log(`\n${reason}: finishing the current page, then stopping (Ctrl-C again to quit now)…`);
    controller.abort(reason);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted && signal === 'SIGINT') process.exit(130);
    stop(`interrupted by ${signal}`);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  const parent = process.ppid;
  const watcher = setInterval(() => {
    if (process.ppid !== parent) stop(`the parent process (pid ${parent}) is gone`);
  }, 500);
  watcher.unref();
  return {
    signal: controller.signal,
    dispose() {
      clearInterval(watcher);
      for (const signal of signals) process.off(signal, onSignal);
    },
  };
}
