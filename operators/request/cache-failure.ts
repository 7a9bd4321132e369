/**
 * @module A request cache that cannot be opened, checked or written stops the run with one clear message (a
 * UserError: no stack, exit ≠ 0), instead of turning every request into a failed result or crashing on an
 * unhandled rejection.
 */
import { statfsSync } from 'node:fs';
import { UserError } from '../../core/errors.ts';

/** The request cache cannot be used; the message says why and what to do. */
export class RequestCacheFailure extends UserError {}

/** "1.2 MB" */
function bytesInWords(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Free space for this user on the disk that holds `directory`, in words, or undefined when it cannot be read. */
function freeSpaceOf(directory: string): string | undefined {
  try {
    const stats = statfsSync(directory);
    return bytesInWords(stats.bavail * stats.bsize);
  } catch (error) {
    console.warn(`Could not read the free space under ${directory}: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * What lmdb-js rejects a failed commit with: `Commit failed (see commitError for details)`, whose `commitError` is a
 * rejected promise holding LMDB's error. That promise is handled here; left alone, it would end the process as an
 * unhandled rejection.
 */
async function lmdbCauseOf(error: unknown): Promise<unknown> {
  const commitError = (error as { commitError?: unknown } | undefined)?.commitError;
  if (!(commitError instanceof Promise)) return error;
  return commitError.then(
    () => error,
    (cause: unknown) => cause,
  );
}

/**
 * The failure of a commit to the cache in `directory`. LMDB reports a full disk as EIO (a short write), as it does a
 * file size limit (`ulimit -f`): both read as a full disk, with the free space measured to tell them apart.
 * @example store.put(k, v).catch(async (e) => { failure = await cacheWriteFailure(directory, e); })
 */
export async function cacheWriteFailure(directory: string, error: unknown): Promise<RequestCacheFailure> {
  const cause = await lmdbCauseOf(error);
  const free = freeSpaceOf(directory);
  const lmdbSays = cause instanceof Error ? cause.message : String(cause);
  return new RequestCacheFailure(
    `The request cache in ${directory} could not be written: the disk is full` +
      `${free === undefined ? '' : ` (${free} free there)`}, or a quota or file size limit (ulimit -f) is reached ` +
      `(LMDB: ${lmdbSays}). The answers received before this are kept in the cache: free some space and run the same ` +
      'command again to resume.',
    { cause },
  );
}

/** lmdb-js's rejection of a failed commit (write.js `rejectCommit`), LMDB's error being in its `commitError`. */
const isLmdbCommitFailure = (reason: unknown): reason is Error & { commitError: Promise<unknown> } =>
  reason instanceof Error && reason.message === 'Commit failed (see commitError for details)' && (reason as { commitError?: unknown }).commitError instanceof Promise;

/**
 * Keeps lmdb-js's own reports of a failed commit from reaching the user: the cache reports that failure itself, once,
 * as a RequestCacheFailure. lmdb-js 3.5.6 (write.js) prints every failed commit with its stack (`console.error`), and
 * rejects promises that no caller holds (the commit promise of each event turn's batch start), which would end the
 * process as unhandled rejections. This drops those prints, and those rejections only; any other unhandled rejection
 * is thrown on, as Node does without a listener. Once per process: a marker on `process` makes a second call a no-op.
 */
export function containLmdbCommitFailures(): void {
  const marker = Symbol.for('helm.request-cache.lmdb-commit-failures');
  const host = process as NodeJS.Process & { [marker]?: true };
  if (host[marker] === true) return;
  host[marker] = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [first] = args;
    const isLmdbPrint = args.length === 1 && first instanceof Error && (first.stack ?? '').includes('/lmdb/write.js');
    if (!isLmdbPrint) print(...args);
  };
  process.on('unhandledRejection', (reason) => {
    if (!isLmdbCommitFailure(reason)) throw reason;
    reason.commitError.catch(() => undefined); // the same LMDB error the cache already holds
  });
}
