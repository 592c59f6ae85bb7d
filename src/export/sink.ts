/**
 * A text sink over a Node Writable (a file or an HTTP response) that respects backpressure:
 * writers await each write, so a slow disk or a slow client pauses the Neo4j paging instead of
 * letting output pile up in memory. Small writes are gathered into chunks to save syscalls.
 */
import type { Writable } from 'node:stream';

export interface TextSink {
  /** Queues text; resolves once the stream can take more. Rejects if the stream failed or closed. */
  write(text: string): Promise<void>;
  /** Flushes and ends the stream; resolves when it has finished (file closed, response sent). */
  end(): Promise<void>;
  /** Bytes (UTF-8) handed to the stream so far. */
  readonly bytes: number;
}

const CHUNK_CHARS = 64 * 1024;

function waitFor(stream: Writable, event: 'drain' | 'finish'): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off(event, onEvent);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onEvent = () => done();
    const onError = (error: Error) => done(error);
    // A closed HTTP response (client went away) never drains: stop the export instead of hanging.
    const onClose = () => done(stream.writableFinished ? undefined : new Error('output stream closed before the export finished'));
    stream.once(event, onEvent);
    stream.once('error', onError);
    stream.once('close', onClose);
  });
}

/** Wraps a Writable; the caller owns the stream and calls end() exactly once. */
export function streamSink(stream: Writable): TextSink {
  let pending: string[] = [];
  let pendingChars = 0;
  let bytes = 0;

  const flush = async () => {
    if (pendingChars === 0) return;
    const chunk = pending.join('');
    pending = [];
    pendingChars = 0;
    const buffer = Buffer.from(chunk, 'utf8');
    bytes += buffer.length;
    if (stream.destroyed) throw new Error('output stream closed before the export finished');
    if (!stream.write(buffer)) await waitFor(stream, 'drain');
  };

  return {
    get bytes() {
      return bytes;
    },
    async write(text: string) {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= CHUNK_CHARS) await flush();
    },
    async end() {
      await flush();
      const finished = waitFor(stream, 'finish');
      stream.end();
      await finished;
    },
  };
}
