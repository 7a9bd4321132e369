/**
 * @module A file written in batches of text (tens of KB per `write`), honouring the stream's backpressure
 * ('drain'), and flushed to disk (fsync) when closed. The one place the sinks touch `fs` streams.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';

/** Options of a batched file. */
export interface BatchedFileOptions {
  /** Characters gathered before one `write` to the stream (default 64 KiB). */
  readonly batchChars?: number;
  /** Open for appending instead of truncating. */
  readonly append?: boolean;
  /** fsync when closed (default true); a scratch file that is read back at once need not be. */
  readonly durable?: boolean;
}

/** A text file written in batches; `push` takes whole pieces, which are never split across writes. */
export interface BatchedFile {
  readonly path: string;
  /** Queues `text`; the promise settles at once unless a full batch had to wait for 'drain'. */
  push(text: string): Promise<void>;
  /** Writes what is queued, ends the stream, fsyncs and closes the file. Closing again returns the same promise. */
  close(): Promise<void>;
  /** Drops what is queued and closes the file without flushing. */
  destroy(): Promise<void>;
}

const DONE: Promise<void> = Promise.resolve();

/**
 * Opens `path` for batched writing. Memory is bounded by about two batches plus the stream's buffer as long
 * as callers await `push` (an un-awaited burst is queued whole).
 * @example const file = batchedFile('x.ndjson'); await file.push('{"a":1}\n'); await file.close();
 */
export function batchedFile(path: string, options: BatchedFileOptions = {}): BatchedFile {
  const batchChars = options.batchChars ?? 64 * 1024;
  // Node ≥ 20.10: `flush` fsyncs the descriptor before closing it, so close() means durable.
  const stream: WriteStream = createWriteStream(path, {
    flags: options.append === true ? 'a' : 'w',
    highWaterMark: batchChars * 2,
    flush: options.durable ?? true,
  });
  let failure: unknown;
  stream.on('error', (error) => {
    failure ??= error;
  });
  let pending: string[] = [];
  let pendingChars = 0;
  let draining: Promise<void> | undefined;
  const aborted = new AbortController(); // releases a 'drain' waiter when the file is destroyed

  /** Hands the queued text to the stream; waits for 'drain' when the stream says it is full. */
  function flush(): Promise<void> {
    if (draining !== undefined) return draining; // the waiter writes what has queued meanwhile
    if (pendingChars === 0) return DONE;
    const chunk = pending.join('');
    pending = [];
    pendingChars = 0;
    if (stream.write(chunk)) return DONE;
    draining = once(stream, 'drain', { signal: aborted.signal }).then(() => {
      draining = undefined;
      return pendingChars >= batchChars ? flush() : undefined;
    });
    return draining;
  }

  let closing: Promise<void> | undefined;
  async function closeOnce(): Promise<void> {
    if (failure !== undefined) throw failure;
    while (draining !== undefined) await draining;
    if (pendingChars > 0) stream.write(pending.join(''));
    pending = [];
    pendingChars = 0;
    stream.end();
    await once(stream, 'close'); // rejects with the stream's error, if any
    if (failure !== undefined) throw failure;
  }

  return {
    path,
    push(text: string): Promise<void> {
      if (failure !== undefined) return Promise.reject(failure);
      pending.push(text);
      pendingChars += text.length;
      return pendingChars >= batchChars ? flush() : DONE;
    },
    close(): Promise<void> {
      closing ??= closeOnce();
      return closing;
    },
    async destroy(): Promise<void> {
      pending = [];
      pendingChars = 0;
      aborted.abort();
      if (!stream.closed) {
        const closed = once(stream, 'close').catch(() => undefined);
        stream.destroy();
        await closed;
      }
    },
  };
}

/** Removes `path`, which may not exist. */
export async function removeIfExists(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
