/**
 * @module Dataset downloads into HELM's cache layout (`common/general.py: ensure_file_downloaded`). Nothing is
 * fetched when the target exists, so a directory HELM already downloaded, or files a user placed by hand, are
 * reused as they are. Otherwise the file is downloaded (retried with backoff, unless the host cannot be reached
 * at all) to a temporary name, checked against its SHA-256 when one is known, unpacked when asked, and renamed
 * into place: a failure never leaves a target that looks complete. A scenario's files are ensured together, and
 * every one that failed is named in one error.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LookupFunction } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';
import got, { HTTPError, RequestError } from 'got';
import { firstValueFrom, timer } from 'rxjs';
import { UserError } from '../core/errors.ts';
import { describeError, downloadFailureMessage, isUnreachable, type DownloadFailure } from './download-failure.ts';

/** One file of a dataset: where it comes from, where it goes, how to check and unpack it. */
export interface DownloadSpec {
  readonly url: string;
  /** Where the file (or, when unpacked, the directory) ends up: `<output>/scenarios/<scenario>/…`. */
  readonly targetPath: string;
  /** Expected SHA-256 (hex) of the downloaded bytes. HELM checks none; we check where one is recorded. */
  readonly sha256?: string | undefined;
  /**
   * `tar` (any compression GNU tar detects) or `zip`: unpacked with the system `tar` / `unzip`, as HELM does;
   * an archive holding a single top-level entry becomes targetPath itself, otherwise the folder of all entries
   * does (HELM's rule). `gzip`: the file is gunzipped into targetPath (HELM does so for a `.gz` URL); `zstd`:
   * decompressed with the system `zstd` (HELM does so for a `.zst` URL).
   */
  readonly unpack?: 'tar' | 'gzip' | 'zip' | 'zstd' | undefined;
  /** With tar/zip: take this top-level entry of the archive as targetPath, whatever else the archive holds. */
  readonly unpackedName?: string | undefined;
}

/** How downloads behave; the defaults suit real downloads, tests shrink the delays. */
export interface DownloadOptions {
  /**
   * Further attempts after a failure that may pass (a timeout, a reset connection, HTTP 429 or 5xx). Default 5.
   * A host that cannot be reached at all (its name does not resolve, the connection is refused, no route) is
   * not retried: offline, that is the answer at once instead of after a minute of backoff.
   */
  readonly retries?: number;
  /** Wait before the first retry, doubled for each further one (at most 60 s). Default 1000. */
  readonly retryDelayMs?: number;
  /** Give up an attempt when connecting, or waiting for the next bytes, takes longer than this. Default 60 000. */
  readonly timeoutMs?: number;
  /** Where progress notes go. Default: stderr. */
  readonly log?: (message: string) => void;
  /** How host names are resolved. Default: the system's (`dns.lookup`); tests simulate a machine offline. */
  readonly lookup?: LookupFunction | undefined;
  /** Called as bytes arrive (a progress bar); when given, no progress notes go to `log`. */
  readonly onProgress?: ((transferred: number, total: number | undefined) => void) | undefined;
}

const RETRY_STATUS = new Set([408, 413, 429, 500, 502, 503, 504, 521, 522, 524]); // got's defaults
// got's defaults, less those of an unreachable host (isUnreachable)
const RETRY_CODES = new Set(['ETIMEDOUT', 'ECONNRESET', 'EADDRINUSE', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);
/** How many files of one list are downloaded at once. */
const PARALLEL_DOWNLOADS = 4;

const defaultLog = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** Whether a failed attempt may pass when tried again. */
function isRetryable(error: unknown): boolean {
  if (error instanceof HTTPError) return RETRY_STATUS.has(error.response.statusCode);
  if (error instanceof RequestError) return !isUnreachable(error) && RETRY_CODES.has(error.code);
  return false;
}

/** One attempt: streams the URL into `path` and returns the SHA-256 of what was written. */
async function fetchOnce(url: string, path: string, options: DownloadOptions, log: (m: string) => void): Promise<string> {
  const hash = createHash('sha256');
  let lastNote = Date.now();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const download = got.stream(url, {
    retry: { limit: 0 }, // retried below, where each attempt starts a fresh file
    dnsLookup: options.lookup,
    timeout: { lookup: timeoutMs, connect: timeoutMs, secureConnect: timeoutMs, socket: timeoutMs, response: timeoutMs },
  });
  download.on('downloadProgress', ({ transferred, total }: { transferred: number; total?: number }) => {
    if (options.onProgress !== undefined) return options.onProgress(transferred, total);
    if (Date.now() - lastNote < 10_000) return;
    lastNote = Date.now();
    log(`  ${url}: ${(transferred / 1e6).toFixed(1)} MB${total === undefined ? '' : ` of ${(total / 1e6).toFixed(1)} MB`}`);
  });
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  await pipeline(download, hashing, createWriteStream(path));
  return hash.digest('hex');
}

/** Downloads with retries and exponential backoff; the last error is thrown when every attempt failed. */
async function fetchWithRetries(url: string, path: string, options: DownloadOptions, log: (m: string) => void): Promise<string> {
  const retries = options.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, path, options, log);
    } catch (error) {
      if (attempt >= retries || !isRetryable(error)) throw error;
      const delayMs = Math.min((options.retryDelayMs ?? 1000) * 2 ** attempt, 60_000);
      log(`  ${url}: ${describeError(error)}; retrying in ${delayMs} ms (${attempt + 1} of ${retries})`);
      await firstValueFrom(timer(delayMs));
    }
  }
}

/** Unpacks an archive into a staging folder and moves the chosen entry to `targetPath` (HELM's rule). */
async function unpackArchive(archive: string, spec: DownloadSpec, staging: string): Promise<void> {
  await mkdir(staging, { recursive: true });
  const run = promisify(execFile);
  if (spec.unpack === 'zip') await run('unzip', ['-q', archive, '-d', staging]);
  else await run('tar', ['-xf', archive, '-C', staging]);
  const entries = await readdir(staging);
  if (spec.unpackedName !== undefined) {
    if (!entries.includes(spec.unpackedName)) {
      throw new Error(`the archive has no top-level '${spec.unpackedName}' (it has: ${entries.join(', ') || 'nothing'})`);
    }
    await moveIntoPlace(join(staging, spec.unpackedName), spec.targetPath);
  } else if (entries.length === 1) await moveIntoPlace(join(staging, entries[0]!), spec.targetPath);
  else await moveIntoPlace(staging, spec.targetPath);
}

/** Renames into place; if another process put the target there first, its copy is kept and ours dropped. */
async function moveIntoPlace(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if (!(await exists(to))) throw error;
  }
}

/** Downloads one missing target into place; throws what went wrong as it is. */
async function download(spec: DownloadSpec, options: DownloadOptions): Promise<void> {
  if (await exists(spec.targetPath)) return;
  const log = options.log ?? defaultLog;
  // Unique temporary names: several runs may download the same file at once, and each renames atomically.
  const unique = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmpPath = `${spec.targetPath}.tmp-${unique}`;
  const stagingPath = `${spec.targetPath}.tmp2-${unique}`;
  try {
    await mkdir(dirname(spec.targetPath), { recursive: true });
    log(`Downloading ${spec.url} to ${spec.targetPath}`);
    const actual = await fetchWithRetries(spec.url, tmpPath, options, log);
    if (spec.sha256 !== undefined && actual !== spec.sha256.toLowerCase()) {
      throw new Error(`checksum mismatch: got sha256 ${actual}`);
    }
    if (spec.unpack === 'tar' || spec.unpack === 'zip') await unpackArchive(tmpPath, spec, stagingPath);
    else if (spec.unpack === 'gzip') {
      await pipeline(createReadStream(tmpPath), createGunzip(), createWriteStream(stagingPath));
      await moveIntoPlace(stagingPath, spec.targetPath);
    } else if (spec.unpack === 'zstd') {
      await promisify(execFile)('zstd', ['-d', '-q', '-o', stagingPath, tmpPath]);
      await moveIntoPlace(stagingPath, spec.targetPath);
    } else await moveIntoPlace(tmpPath, spec.targetPath);
    log(`Finished downloading ${spec.url} to ${spec.targetPath}`);
  } finally {
    await rm(tmpPath, { force: true });
    await rm(stagingPath, { recursive: true, force: true });
  }
}

/**
 * Ensures every target of `specs` exists, downloading the missing ones (a few at a time). Each file is tried
 * even when another failed, and one UserError then names every file that could not be fetched, each with its
 * URL, the path to fill by hand instead and the checksum expected; the files that did arrive stay in place.
 * @example await ensureAllDownloaded(['train', 'test'].map((s) => ({ url: `${BASE_URL}/${s}.jsonl`, targetPath: join(cacheDir, s) })));
 */
export async function ensureAllDownloaded(specs: readonly DownloadSpec[], options: DownloadOptions = {}): Promise<void> {
  const failed = new Map<number, DownloadFailure>();
  let next = 0;
  async function downloadNext(): Promise<void> {
    while (next < specs.length) {
      const i = next++;
      const spec = specs[i]!;
      await download(spec, options).catch((error: unknown) => failed.set(i, { spec, error }));
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DOWNLOADS, specs.length) }, downloadNext));
  if (failed.size === 0) return;
  const failures = [...failed.keys()].sort((a, b) => a - b).map((i) => failed.get(i)!); // in the order given
  const cause = failures.length === 1 ? failures[0]!.error : new AggregateError(failures.map((f) => f.error));
  throw new UserError(downloadFailureMessage(failures, specs.length), { cause });
}

/**
 * Ensures `spec.targetPath` exists, downloading it if not. A failure is a UserError naming the URL, the path
 * to fill by hand instead, and the checksum expected.
 * @example await ensureDownloaded({ url: 'https://people.eecs.berkeley.edu/~hendrycks/data.tar', targetPath: join(cacheDir, 'data'), unpack: 'tar' });
 */
export const ensureDownloaded = (spec: DownloadSpec, options: DownloadOptions = {}): Promise<void> =>
  ensureAllDownloaded([spec], options);
