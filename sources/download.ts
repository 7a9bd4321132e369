/**
 * @module Dataset downloads into HELM's cache layout (`common/general.py: ensure_file_downloaded`): nothing is
 * fetched when the target exists (so HELM's own downloads and files placed by hand are reused); otherwise the
 * file is downloaded with retries to a temporary name, checked, unpacked, and renamed into place.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { promisify } from 'node:util';
import got from 'got';
import { UserError } from '../core/errors.ts';

export interface DownloadSpec {
  readonly url: string;
  /** Where the file (or, when unpacked, the directory) ends up. */
  readonly targetPath: string;
  /** Expected SHA-256 of the downloaded bytes; HELM checks none, we check where it is known. */
  readonly sha256?: string;
  /** `tar`: a tar archive unpacked into targetPath (its single top folder becomes targetPath, as in HELM). */
  readonly unpack?: 'tar' | 'gzip';
}

export interface DownloadOptions {
  readonly retries?: number;
  readonly timeoutMs?: number;
  /** Where progress notes go (default: stderr). */
  readonly log?: (message: string) => void;
}

const sha256Of = async (path: string): Promise<string> => {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
};

async function unpackTar(archive: string, targetPath: string): Promise<void> {
  const staging = `${targetPath}.tmp2`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await promisify(execFile)('tar', ['-xf', archive, '-C', staging]);
  const entries = await readdir(staging);
  if (entries.length === 1) {
    await rename(join(staging, entries[0]!), targetPath);
    await rmdir(staging);
  } else await rename(staging, targetPath);
}

/** Ensures `spec.targetPath` exists, downloading it if not. A failure is a UserError saying what to do by hand. */
export async function ensureDownloaded(spec: DownloadSpec, options: DownloadOptions = {}): Promise<void> {
  if (existsSync(spec.targetPath)) return;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const tmpPath = `${spec.targetPath}.download`;
  await mkdir(dirname(spec.targetPath), { recursive: true });
  log(`Downloading ${spec.url} to ${spec.targetPath}`);
  try {
    await pipeline(
      got.stream(spec.url, {
        retry: { limit: options.retries ?? 3, methods: ['GET'], backoffLimit: 10_000 },
        timeout: { request: options.timeoutMs ?? 600_000 },
      }),
      createWriteStream(tmpPath),
    );
    if (spec.sha256 !== undefined) {
      const actual = await sha256Of(tmpPath);
      if (actual !== spec.sha256) throw new Error(`checksum mismatch: expected sha256 ${spec.sha256}, got ${actual}`);
    }
    if (spec.unpack === 'tar') await unpackTar(tmpPath, spec.targetPath);
    else if (spec.unpack === 'gzip') {
      await pipeline(createReadStream(tmpPath), createGunzip(), createWriteStream(`${spec.targetPath}.tmp`));
      await rename(`${spec.targetPath}.tmp`, spec.targetPath);
    } else await rename(tmpPath, spec.targetPath);
  } catch (error) {
    const checksum = spec.sha256 === undefined ? '' : ` (expected sha256 ${spec.sha256})`;
    throw new UserError(
      `Could not download ${spec.url}: ${(error as Error).message}. On a machine without internet, fetch that URL ` +
        `elsewhere${spec.unpack === 'tar' ? ', unpack it' : ''} and place it at ${spec.targetPath}${checksum}.`,
      { cause: error },
    );
  } finally {
    await rm(tmpPath, { force: true });
  }
}
