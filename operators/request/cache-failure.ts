/**
 * @module A request cache that cannot be opened, checked or written stops the run with one clear message (a
 * UserError: no stack, exit ≠ 0), instead of turning every request into a failed result or crashing on an
 * unhandled rejection.
 */
import { readFileSync, statfsSync } from 'node:fs';
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
function freeSpaceIn(directory: string): string | undefined {
  try {
    const stats = statfsSync(directory);
    return bytesInWords(stats.bavail * stats.bsize);
  } catch (error) {
    console.warn(`Could not read the free space under ${directory}: ${(error as Error).message}`);
    return undefined;
  }
}

/** This process's limit on the size of a file it writes (`ulimit -f`), in bytes; undefined when none (or not Linux). */
function fileSizeLimit(): number | undefined {
  let limits: string;
  try {
    limits = readFileSync('/proc/self/limits', 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // no procfs: not Linux
    throw error;
  }
  const soft = /^Max file size\s+(\S+)/m.exec(limits)?.[1];
  return soft === undefined || soft === 'unlimited' ? undefined : Number(soft);
}

/** What a write that the system refused most likely met. */
export const DISK_FULL = 'the disk is full, or a quota or file size limit (ulimit -f) is reached';

/** What can be measured of those causes under `directory`: "12 KB free there", "files limited to 1.0 MB by ulimit -f". */
export function diskFacts(directory: string): string[] {
  const free = freeSpaceIn(directory);
  const limit = fileSizeLimit();
  return [...(free === undefined ? [] : [`${free} free there`]), ...(limit === undefined ? [] : [`files limited to ${bytesInWords(limit)} by ulimit -f`])];
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
 * file size limit (`ulimit -f`), or as ENOSPC / EFBIG: the message names both, with the free space and the limit
 * measured so the user can tell which.
 * @example store.put(k, v).catch(async (e) => { failure = await cacheWriteFailure(directory, e); })
 */
export async function cacheWriteFailure(directory: string, error: unknown): Promise<RequestCacheFailure> {
  const cause = await lmdbCauseOf(error);
  const lmdbSays = `LMDB: ${cause instanceof Error ? cause.message : String(cause)}`;
  return new RequestCacheFailure(
    `The request cache in ${directory} could not be written: ${DISK_FULL} (${[...diskFacts(directory), lmdbSays].join('; ')}). ` +
      'The answers received before this are kept in the cache: free some space (or raise the limit) and run the same ' +
      'command again to resume.',
    { cause },
  );
}

/** lmdb-js's rejection of a failed commit (write.js `rejectCommit`), LMDB's error being in its `commitError`. */
const isLmdbCommitFailure = (reason: unknown): reason is Error & { commitError: Promise<unknown> } =>
  reason instanceof Error && reason.message === 'Commit failed (see commitError for details)' && (reason as { commitError?: unknown }).commitError instanceof Promise;

/**
 * The error lmdb-js makes of a failed commit's status and prints (write.js: `lmdbError(status)`, then
 * `console.error(error)`): LMDB's or the system's numeric code, raised from write.js itself. An error of ours that
 * merely passed through lmdb-js has no numeric code, or another first frame, and is printed as ever.
 */
export function isLmdbStatusError(value: unknown): boolean {
  if (!(value instanceof Error) || typeof (value as { code?: unknown }).code !== 'number') return false;
  const firstFrame = (value.stack ?? '').split('\n').find((line) => line.trimStart().startsWith('at '));
  return firstFrame?.includes('/lmdb/write.js:') === true;
}

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
    if (!(args.length === 1 && isLmdbStatusError(args[0]))) print(...args);
  };
  process.on('unhandledRejection', (reason) => {
    if (!isLmdbCommitFailure(reason)) throw reason;
    reason.commitError.catch(() => undefined); // the same LMDB error the cache already holds
  });
}
