/**
 * @module NDJSON out: one `JSON.stringify` per line (a PyFloat is a plain number through its toJSON), lines
 * gathered into batches of tens of KB per write, backpressure honoured. Written under the final name:
 * NDJSON is valid line by line, and a line only ever reaches the file whole.
 */
import type { Observable } from 'rxjs';
import { batchedFile } from './batched-file.ts';
import { writerSink, type RecordWriter, type SinkReport } from './record-writer.ts';

/** Options of an NDJSON file. */
export interface NdjsonFileOptions {
  /** Add to an existing file (resuming a run) instead of truncating it. */
  readonly append?: boolean;
  /** Characters gathered before one write to disk (default 64 KiB). */
  readonly batchChars?: number;
}

/**
 * Opens an NDJSON writer at `path`. `abort()` keeps the whole lines queued so far and closes the file:
 * what is there stays valid line by line, ready for a resumed run.
 * @example
 * const out = ndjsonFile<StatJson>(join(runDir, 'stats.ndjson'));
 * for (const stat of stats) await out.write(stat.toJson());
 * await out.close();
 */
export function ndjsonFile<T = unknown>(path: string, options: NdjsonFileOptions = {}): RecordWriter<T> {
  const file = batchedFile(path, {
    ...(options.append === undefined ? {} : { append: options.append }),
    ...(options.batchChars === undefined ? {} : { batchChars: options.batchChars }),
  });
  let count = 0;
  let isOpen = true;
  return {
    path,
    get count() {
      return count;
    },
    write(record: T): Promise<void> {
      if (!isOpen) return Promise.reject(new Error(`${path} is already closed`));
      const line = JSON.stringify(record) as string | undefined;
      if (line === undefined) return Promise.reject(new TypeError(`${path}: cannot write ${String(record)} as JSON`));
      count += 1;
      return file.push(`${line}\n`);
    },
    async close(): Promise<void> {
      if (!isOpen) throw new Error(`${path} is already closed`);
      isOpen = false;
      await file.close();
    },
    async abort(): Promise<void> {
      if (!isOpen) return;
      isOpen = false;
      await file.close();
    },
  };
}

/**
 * An RxJS sink writing every item as one NDJSON line (see `ndjsonFile`).
 * @example perInstanceStats$.pipe(map(perInstanceStatsJson), ndjsonSink(join(runDir, 'per_instance_stats.ndjson')))
 */
export function ndjsonSink<T>(
  path: string,
  options: NdjsonFileOptions = {},
): (items$: Observable<T>) => Observable<SinkReport> {
  return writerSink(() => ndjsonFile<T>(path, options));
}
