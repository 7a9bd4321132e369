/** @module What every streaming file writer of the sinks offers, and the RxJS sink made from one (STYLE §4). */
import { concatMap, concatWith, defer, finalize, ignoreElements, type Observable } from 'rxjs';

/** A streaming writer of records into one file. */
export interface RecordWriter<T> {
  /** The file's final name. */
  readonly path: string;
  /** Records written so far. */
  readonly count: number;
  /** Queues one record; await it to honour backpressure (it settles at once unless a batch waits for 'drain'). */
  write(record: T): Promise<void>;
  /** Writes what is queued and makes the file durable under its final name. */
  close(): Promise<void>;
  /** Gives up after an error: nothing half-written may look complete afterwards. */
  abort(): Promise<void>;
}

/** What a sink reports once its bytes are durable. */
export interface SinkReport {
  readonly path: string;
  readonly count: number;
}

/**
 * An RxJS sink over a writer opened per subscription: writes every item in order, then closes and emits one
 * report; on error or unsubscription it aborts the writer instead.
 * @example items$.pipe(writerSink(() => ndjsonFile<Row>('rows.ndjson')))
 */
export function writerSink<T>(open: () => RecordWriter<T>): (items$: Observable<T>) => Observable<SinkReport> {
  return function writeItems(items$) {
    return defer(() => {
      const writer = open();
      let isClosed = false;
      return items$.pipe(
        concatMap((item) => writer.write(item)),
        ignoreElements(),
        concatWith(
          defer(async (): Promise<SinkReport> => {
            await writer.close();
            isClosed = true;
            return { path: writer.path, count: writer.count };
          }),
        ),
        finalize(() => {
          if (!isClosed) {
            writer.abort().catch((error: unknown) => {
              // The stream's own error is already on its way to the subscriber; a failed cleanup is only logged.
              console.error(`could not clean up ${writer.path}:`, error);
            });
          }
        }),
      );
    });
  };
}
