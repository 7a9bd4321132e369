/**
 * @module A run's Parquet writer on a thread of its own (worker_threads): the store's conversions are sent to it as
 * COPY statements and run there, one at a time, by one DuckDB instance kept for the whole run (see
 * parquet-worker-thread.js). The run's thread only posts messages: it neither opens nor closes a DuckDB instance.
 *
 * One instance, its work on one thread: DuckDB's allocator then reuses the memory of the last conversion for the
 * next. An instance per segment faulted in ~50 MB of fresh pages for every segment (page faults were a third of a
 * conversion's CPU on the 2-core VM) and its synchronous close cost the run's thread ~14 ms per segment. Measured in
 * 100k-instance MMLU runs (issue 18): the conversions' CPU ~0.23 → ~0.07 ms per instance, the process's peak RSS
 * unchanged (the worker's own ~12 MB is won back by the smaller staging files of staged-segment.ts).
 * The worker does not keep the process alive while it has nothing to do.
 */
import { Worker } from 'node:worker_threads';
import { CONVERTER_CONFIG, parquetCopySql, type ParquetWriter, type SqlParams } from './run-store.ts';

const THREAD = new URL('./parquet-worker-thread.js', import.meta.url);

export interface ParquetWorker extends ParquetWriter {
  /** Closes DuckDB on the worker's thread once what was sent is done, and ends the worker. Idempotent. */
  close(): Promise<void>;
}

interface Waiting {
  resolve(): void;
  reject(error: Error): void;
}

/** Starts a Parquet worker. Copies run in the order they are sent; a failed one rejects alone. */
export function openParquetWorker(): ParquetWorker {
  const worker = new Worker(THREAD, {
    workerData: { config: CONVERTER_CONFIG },
    execArgv: [], // not the process's preloads (such as `--import tsx`): the thread is plain JavaScript
  });
  worker.unref();
  const waiting: Waiting[] = [];
  let ended: Error | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const fail = (error: Error) => {
    ended ??= error;
    for (const w of waiting.splice(0)) w.reject(ended);
    worker.unref();
  };
  worker.on('message', (reply: { error?: string }) => {
    const w = waiting.shift();
    if (waiting.length === 0) worker.unref();
    if (reply.error === undefined) w?.resolve();
    else w?.reject(new Error(reply.error));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the store's Parquet worker has ended (exit code ${code})`)));

  const send = (message: object) =>
    new Promise<void>((resolve, reject) => {
      if (ended !== undefined) {
        reject(ended);
        return;
      }
      waiting.push({ resolve, reject });
      worker.ref(); // a reply is awaited: the process stays up for it
      worker.postMessage(message);
    });

  let closing: Promise<void> | undefined;
  return {
    copy(select: string, params: SqlParams, path: string) {
      const tmp = `${path}.tmp`;
      return send({ sql: parquetCopySql(select, tmp), params, tmp, path });
    },
    close() {
      closing ??= (async () => {
        if (ended === undefined) await send({ close: true }).catch(() => undefined);
        worker.ref(); // until it has ended
        await exited;
      })();
      return closing;
    },
  };
}
