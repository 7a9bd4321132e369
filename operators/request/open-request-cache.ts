/**
 * @module helm-run's request cache: `<local-path>/cache`, checked up front to be a directory this process can create
 * and write (a read-only `--local-path` would otherwise fail every request one by one, and send none), or HELM's
 * black hole with `--disable-cache`.
 */
import { accessSync, constants, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { disabledRequestCache, lmdbRequestCache, type LmdbCacheOptions, type RequestCache } from './request-cache.ts';

/** The flags of helm-run that choose the cache. */
export interface CacheFlags {
  readonly localPath: string;
  readonly disableCache: boolean;
}

const ALTERNATIVES = 'Give another --local-path, or run with --disable-cache (then no answer is kept for a rerun).';

/** Throws a UserError naming `directory` unless it can be created and written, and its cache files opened to write. */
function assertWritable(directory: string): void {
  const refuse = (what: string, error: unknown): never => {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UserError(`The request cache directory ${directory} ${what} (${code ?? message}). ${ALTERNATIVES}`, { cause: error });
  };
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    refuse('cannot be created', error);
  }
  const probe = join(directory, `.write-test-${process.pid}`);
  try {
    writeFileSync(probe, 'x', { flag: 'wx' });
  } catch (error) {
    refuse('cannot be written', error);
  } finally {
    rmSync(probe, { force: true });
  }
  for (const name of readdirSync(directory).filter((n) => n.endsWith('.lmdb') || n.endsWith('.lmdb-lock'))) {
    try {
      accessSync(join(directory, name), constants.R_OK | constants.W_OK);
    } catch (error) {
      refuse(`holds ${name}, which cannot be opened to write`, error);
    }
  }
}

/**
 * The request cache helm-run uses for these flags.
 * @example const cache = await openRequestCache(options); try { … } finally { await cache.close(); }
 */
export async function openRequestCache(flags: CacheFlags, options: LmdbCacheOptions = {}): Promise<RequestCache> {
  if (flags.disableCache) return disabledRequestCache();
  const directory = join(flags.localPath, 'cache');
  assertWritable(directory);
  return lmdbRequestCache(directory, options);
}
