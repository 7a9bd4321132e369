/**
 * @module The persistent request cache: one LMDB store per shard (the deployment's host organization,
 * as HELM shards its SQLite cache) under `<local-path>/cache/`. Answers are found by HELM's cache-key strings (stored under
 * their SHA-256).
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { open, type RootDatabase } from 'lmdb';
import { canonicalJson } from '../../core/canonical-json.ts';
import { admitCacheFile } from './cache-admit.ts';
import { cacheWriteFailure, containLmdbCommitFailures, RequestCacheFailure } from './cache-failure.ts';
import { stampWhole } from './cache-stamp.ts';

/**
 * A stored response, under the SHA-256 of HELM's key string. Entries written before 2026-12-07 also hold that key
 * string (`key`), still compared on reading. It is no longer written: a 256-bit hash tells requests apart, and the
 * key string (the whole prompt) made an MMLU entry five times longer, which pushed it over LMDB's compression
 * threshold: a thread-pool job per put, and half the cache's cost on the run's thread (bench/README.md, issue 18).
 */
interface CacheEntry {
  readonly key?: string;
  readonly value: unknown;
}

/** A request cache: `get` then, on a miss, `put` once the response arrived. */
export interface RequestCache {
  get(shard: string, key: unknown): Promise<unknown>;
  /**
   * Stores an answer. It is committed within milliseconds, in a batch with the puts around it; the promise
   * settles as soon as it is queued, so the run does not wait on disk syncs (it waits only when more than
   * MAX_UNCOMMITTED_PUTS are queued). A crash can lose only answers that arrived in the last commit window.
   */
  put(shard: string, key: unknown, value: unknown): Promise<void>;
  /** Resolves when every put so far is committed (durable); rejects with the first failed commit. */
  flush(): Promise<void>;
  /** Waits for the puts, closes the stores; rejects with a failed commit that no call reported yet. */
  close(): Promise<void>;
}

// LMDB keys are limited to ~2 KB, and prompts are longer: the store is keyed by the key's hash.
const hashOf = (keyString: string): string => createHash('sha256').update(keyString).digest('hex');

interface StoreKey {
  readonly keyString: string;
  readonly hash: string;
}
// A request's key object is looked up, then stored under once answered: its key string and hash are made once.
const storeKeys = new WeakMap<object, StoreKey>();
function storeKeyOf(key: unknown): StoreKey {
  const known = typeof key === 'object' && key !== null ? storeKeys.get(key) : undefined;
  if (known !== undefined) return known;
  const keyString = canonicalJson(key);
  const made = { keyString, hash: hashOf(keyString) };
  if (typeof key === 'object' && key !== null) storeKeys.set(key, made);
  return made;
}

// Bounds the memory of queued answers when the disk is slower than the run.
const MAX_UNCOMMITTED_PUTS = 4096;
// Cache keys are hashes, so puts land on pages all over the file and, read through LMDB's memory map, every page of
// a growing cache would stay resident in this process. Reopening the store every so many puts unmaps them: measured
// with 200k puts, 351 MB of mapped file in the process without it, 46 MB with a reopen every 20k.
// Every page touched through the map brings its neighbours with it (the kernel's fault-around, 64 KB), so the mapped
// part grows with the cache: with a reopen every 2,000 puts, up to 190 MB of a 1M-instance cache was resident (the
// 1M scale run's file-backed peak 285 MB, issue 13); with 500, 40 MB at 100k instances instead of about 70. The cost:
// each reopen waits for the puts in flight (at 300k instances a reopen took 17 ms); an earlier measure at 1M,
// 634 s with 500 against 563 s with 2,000.
const PUTS_BEFORE_REOPEN = 500;

/** One shard's store; `reopening` is set while it is closed and opened again. */
interface Shard {
  readonly path: string;
  store: RootDatabase<CacheEntry, string>;
  putsSinceOpen: number;
  reopening?: Promise<void> | undefined;
}

export interface LmdbCacheOptions {
  readonly putsBeforeReopen?: number;
  /** Where notes go: a damaged file set aside, an unreadable answer asked again. Default: `console.warn`. */
  readonly log?: (line: string) => void;
  /** The clock of the dated names given to damaged files. */
  readonly now?: () => Date;
}

/**
 * The LMDB-backed cache. Several processes may use the same directory at once, and committed entries
 * survive `kill -9`. Each shard's file is checked before its first use (cache-admit.ts): a damaged one is set aside
 * and the shard starts afresh. A failed commit (a full disk) makes every later call reject with a
 * RequestCacheFailure, so that no more requests are paid for whose answers cannot be kept.
 * @example const cache = lmdbRequestCache('prod_env/cache'); await cache.get('simple', rawRequest)
 */
export function lmdbRequestCache(directory: string, options: LmdbCacheOptions = {}): RequestCache {
  const putsBeforeReopen = options.putsBeforeReopen ?? PUTS_BEFORE_REOPEN;
  const log = options.log ?? ((line: string) => console.warn(line));
  const now = options.now ?? (() => new Date());
  containLmdbCommitFailures();
  const shards = new Map<string, Promise<Shard>>();
  const openStore = (path: string): RootDatabase<CacheEntry, string> => {
    try {
      return open<CacheEntry, string>({ path, compression: true, remapChunks: true });
    } catch (error) {
      throw new RequestCacheFailure(`Cannot open the request cache file ${path}: ${(error as Error).message}. Make it readable and writable, or run with --disable-cache.`, { cause: error });
    }
  };
  const openShard = async (name: string): Promise<Shard> => {
    const path = join(directory, `${name}.lmdb`);
    try {
      mkdirSync(directory, { recursive: true });
      await admitCacheFile(path, { log, now });
    } catch (error) {
      if (error instanceof RequestCacheFailure) throw error;
      throw new RequestCacheFailure(`Cannot prepare the request cache file ${path}: ${(error as Error).message}. Run with --disable-cache, or another --local-path.`, { cause: error });
    }
    return { path, store: openStore(path), putsSinceOpen: 0 };
  };
  /** The shard, opened on first use, once any reopening of it is done. */
  const shardFor = async (name: string): Promise<Shard> => {
    let opening = shards.get(name);
    if (opening === undefined) {
      opening = openShard(name);
      shards.set(name, opening);
    }
    const shard = await opening;
    while (shard.reopening !== undefined) await shard.reopening;
    return shard;
  };
  // Each put's commit, settled either way: a failure is kept in `failure`, never left as an unhandled rejection.
  const uncommitted = new Set<Promise<void>>();
  let failure: RequestCacheFailure | undefined;
  let isFailureSeen = false;
  /** Throws the failure; a caller that sees it reports it, so close() does not repeat it. */
  const throwIfFailed = (): void => {
    if (failure === undefined) return;
    isFailureSeen = true;
    throw failure;
  };
  const settlePuts = async (): Promise<void> => {
    while (uncommitted.size > 0) await Promise.all(uncommitted);
  };
  const flush = async (): Promise<void> => {
    await settlePuts();
    throwIfFailed();
  };
  const unreadable = new Set<string>();
  const reopen = (shard: Shard): void => {
    shard.reopening = (async () => {
      await settlePuts();
      if (failure !== undefined) return; // the store stays as it is; the next call reports the failure
      await shard.store.close();
      shard.store = openStore(shard.path);
      shard.putsSinceOpen = 0;
    })()
      .catch((error: unknown) => {
        failure ??= error instanceof RequestCacheFailure ? error : new RequestCacheFailure(`Cannot reopen ${shard.path}: ${String(error)}`, { cause: error });
      })
      .finally(() => {
        shard.reopening = undefined;
      });
  };
  return {
    async get(name, key) {
      throwIfFailed();
      const { keyString, hash } = storeKeyOf(key);
      const shard = await shardFor(name);
      let entry: CacheEntry | undefined;
      try {
        entry = shard.store.get(hash);
      } catch (error) {
        // Garbled bytes inside one stored answer (the check reads every page, not every value): asked again.
        const why = (error as Error).message.slice(0, 60); // msgpackr quotes the bytes it decoded: prompts
        if (!unreadable.has(shard.path)) log(`An answer in ${shard.path} cannot be read (${why}…): its request is sent again (said once per file).`);
        unreadable.add(shard.path);
        return undefined;
      }
      return entry !== undefined && (entry.key === undefined || entry.key === keyString) ? entry.value : undefined;
    },
    async put(name, key, value) {
      const { hash } = storeKeyOf(key);
      throwIfFailed();
      const shard = await shardFor(name);
      const committed: Promise<void> = shard.store
        .put(hash, { value })
        .then(
          () => undefined,
          async (error: unknown) => {
            failure ??= await cacheWriteFailure(directory, error);
          },
        )
        .finally(() => uncommitted.delete(committed));
      uncommitted.add(committed);
      if (++shard.putsSinceOpen >= putsBeforeReopen && shard.reopening === undefined) reopen(shard);
      if (uncommitted.size >= MAX_UNCOMMITTED_PUTS) await flush();
    },
    flush,
    async close() {
      await settlePuts();
      // A shard that failed to open was reported to the call that opened it.
      const opened = (await Promise.allSettled(shards.values())).flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      await Promise.all(
        opened.map(async (shard) => {
          while (shard.reopening !== undefined) await shard.reopening;
          // After a failed commit lmdb-js never settles its flush promise, and its close() would wait on it forever:
          // the store is left to the process's end then.
          const closing = shard.store.close();
          if (failure !== undefined) return;
          await closing;
          stampWhole(shard.path, log);
        }),
      );
      shards.clear();
      if (!isFailureSeen) throwIfFailed();
    },
  };
}

/** HELM's `--disable-cache` (BlackHole): nothing is kept. */
export function disabledRequestCache(): RequestCache {
  return {
    get: async () => undefined,
    put: async () => undefined,
    flush: async () => undefined,
    close: async () => undefined,
  };
}
