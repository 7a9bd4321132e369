/**
 * @module Is a request-cache file whole? Checked before the run opens it, because a damaged LMDB file does not fail
 * with an error: reading it kills the process (SIGBUS past the end of a cut file, SIGSEGV or an assertion on garbled
 * pages). A file unchanged since it was last known whole (its stamp, cache-stamp.ts) is taken as whole after reading
 * its meta pages; any other file is read in full by a child process (cache-check-child.js), where a crash kills only
 * the child. A new or zero-length file is created by that child too (createCacheFile).
 *
 * Start-up cost, measured with admitCacheFile on a 100k-answer cache (88 MB) on the 2-core machine, busy with other
 * work (load 6 to 8): unchanged since its stamp (the usual case: the last run closed the cache cleanly), 0.6 to 1.1 ms
 * (once 5 ms); read in full (the first start after a kill, a crash, a failed commit or any outside change), 0.44 to
 * 0.86 s, about 0.2 s of it starting the child.
 *
 * What the full read finds, tried on a 20k-answer cache (46 MB) cut at 10, 50, 90 and 99% and with 16 KB of random
 * bytes written at 14 places (a run-like use then read every answer and wrote 500): every damage that crashed or broke
 * that use (SIGBUS, SIGSEGV, SIGABRT, MDB_BAD_TXN) was found. Not found, by design: garbled bytes inside one stored
 * answer (LMDB's structure holds; the cache reads that answer as a miss and asks again) and garbled free pages (never
 * read). Known limits: the list of free pages is not walked (LMDB reads it only to write), and a file damaged in place
 * without its size, time or last commit changing (bit rot) still matches its stamp.
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DISK_FULL, diskFacts, RequestCacheFailure } from './cache-failure.ts';
import { bytesOfPages, readCacheMeta } from './cache-meta.ts';
import { matchesStamp } from './cache-stamp.ts';

/** How many answers a damaged file held, from its meta pages: exactly, at least (one meta page unreadable), or unknown. */
export type AnswerCount = { readonly count: number; readonly isExact: boolean } | undefined;

/** What the check found. `ino` names the file judged, so that only that file is ever set aside. */
export type CacheFileVerdict =
  | { readonly kind: 'absent' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'whole'; readonly how: 'unchanged since its stamp' | 'read in full'; readonly ino: bigint }
  | { readonly kind: 'damaged'; readonly why: string; readonly answers: AnswerCount; readonly ino: bigint };

const CHILD = fileURLToPath(new URL('./cache-check-child.js', import.meta.url));
// A crash of the reader on these signals is the damage; any other end of the child (killed, out of memory) proves
// nothing about the file.
const DAMAGE_SIGNALS = new Set(['SIGBUS', 'SIGSEGV', 'SIGABRT', 'SIGILL', 'SIGFPE']);
// Generous: a healthy file is read at 50 to 200 MB/s here, the limit allows 10 MB/s. A garbled file could in
// principle send the reader round in circles; it is never set aside for being slow: the run stops and says so.
const timeoutMsFor = (bytes: number): number => 60_000 + Math.ceil(bytes / 10_000);

type ChildVerdict = { entries: number } | { damage: string } | { error: string } | { created: true };

interface ChildEnd {
  /** The signal that ended the child, or a note that it ran out of time. */
  readonly signal: string | null;
  readonly verdict: ChildVerdict | undefined;
  readonly stderr: string;
}

/** Runs cache-check-child.js on `path` (the deep check, or with `--create` the creation of the file). */
function runChild(args: readonly string[], bytes: number): Promise<ChildEnd> {
  const timeoutMs = timeoutMsFor(bytes);
  return new Promise((resolve) => {
    execFile(process.execPath, [CHILD, ...args], { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const ended = error as { signal?: NodeJS.Signals | null; killed?: boolean } | null;
      const signal = ended?.killed === true ? `no end within ${timeoutMs} ms` : (ended?.signal ?? null);
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ signal, verdict: line === '' ? undefined : (JSON.parse(line) as ChildVerdict), stderr });
      } catch (parseError) {
        resolve({ signal, verdict: undefined, stderr: `${stderr}\nunreadable verdict ${JSON.stringify(line)}: ${(parseError as Error).message}` });
      }
    });
  });
}

/** "the file is 14,336 bytes, its pages need 28,672", when the meta page says more pages than the file holds. */
function cutShortNote(path: string): string {
  const meta = readCacheMeta(path);
  if (meta === undefined) return 'no valid meta page';
  const needed = bytesOfPages(meta);
  return meta.fileSize < needed ? `the file is ${meta.fileSize.toLocaleString('en-US')} bytes, its pages need ${needed.toLocaleString('en-US')}` : '';
}

const cannotCheck = (path: string, why: string, cause?: unknown): RequestCacheFailure =>
  new RequestCacheFailure(
    `Could not check the request cache file ${path} (${why}). Make it readable and writable, move it away to start ` +
      'that cache afresh, or run with --disable-cache.',
    { cause },
  );

/** The check itself; fs errors (a file that cannot be read) propagate. */
async function check(path: string): Promise<CacheFileVerdict> {
  const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
  if (stats === undefined) return { kind: 'absent' };
  if (stats.size === 0n) return { kind: 'empty' };
  if (matchesStamp(path)) return { kind: 'whole', how: 'unchanged since its stamp', ino: stats.ino };
  const { signal, verdict, stderr } = await runChild([path], Number(stats.size));
  const meta = readCacheMeta(path);
  const answers: AnswerCount = meta === undefined ? undefined : { count: meta.entries, isExact: meta.isNewest };
  if (signal !== null && DAMAGE_SIGNALS.has(signal)) {
    const note = cutShortNote(path);
    return { kind: 'damaged', why: `reading it crashed the reader with ${signal}${note === '' ? '' : `; ${note}`}`, answers, ino: stats.ino };
  }
  if (verdict !== undefined && 'damage' in verdict) return { kind: 'damaged', why: verdict.damage, answers, ino: stats.ino };
  if (verdict !== undefined && 'entries' in verdict) return { kind: 'whole', how: 'read in full', ino: stats.ino };
  throw cannotCheck(path, verdict !== undefined && 'error' in verdict ? verdict.error : `${signal ?? 'no verdict'} ${stderr.trim()}`.trim());
}

/**
 * Checks the cache file at `path`. Throws a RequestCacheFailure when the file cannot be checked (unreadable, or the
 * check ended for a reason that says nothing about the file): it is never set aside on a doubt.
 * @example if ((await checkCacheFile('prod_env/cache/simple.lmdb')).kind === 'damaged') …
 */
export async function checkCacheFile(path: string): Promise<CacheFileVerdict> {
  try {
    return await check(path);
  } catch (error) {
    throw error instanceof RequestCacheFailure ? error : cannotCheck(path, (error as Error).message, error);
  }
}

/**
 * Creates the absent or zero-length cache file at `path` in a child process: LMDB maps a new file before its first
 * pages are on disk, and on a disk too full to hold them the process that creates it crashes (SIGSEGV or SIGBUS,
 * seen with 4 to 8 KB left). Throws a RequestCacheFailure saying so when the child does not create it.
 * @example await createCacheFile('prod_env/cache/simple.lmdb')
 */
export async function createCacheFile(path: string): Promise<void> {
  const { signal, verdict, stderr } = await runChild([path, '--create'], 0);
  if (verdict !== undefined && 'created' in verdict) return;
  const why = signal !== null ? `creating it crashed with ${signal}` : verdict !== undefined && 'error' in verdict ? verdict.error : stderr.trim();
  const facts = diskFacts(dirname(path));
  throw new RequestCacheFailure(
    `Could not create the request cache file ${path} (${why}); most likely ${DISK_FULL}${facts.length === 0 ? '' : ` (${facts.join('; ')})`}. ` +
      'Free some space (or raise the limit), give another --local-path, or run with --disable-cache.',
  );
}
