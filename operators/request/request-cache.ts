/**
 * @module The persistent request cache: one LMDB store per shard (the deployment's host organization,
 * as HELM shards its SQLite cache) under `<local-path>/cache/`. Keys are HELM's cache-key strings.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { open, type RootDatabase } from 'lmdb';
import { canonicalJson } from '../../core/canonical-json.ts';

/** A stored response; `key` is HELM's key string, kept to tell hash collisions from hits. */
interface CacheEntry {
  readonly key: string;
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
  /** Flushes, then closes the stores. */
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
// 2,000: about 40 MB of the cache mapped at a time at 100k instances. Fewer cost time as the cache grows (each reopen
// waits for the puts in flight; at 300k instances a reopen took 17 ms): with 500, 1M instances took 634 s instead of
// 563 s for 135 MB less mapped at the peak.
const PUTS_BEFORE_REOPEN = 2_000;

/** One shard's store; `reopening` is set while it is closed and opened again. */
interface Shard {
  store: RootDatabase<CacheEntry, string>;
  putsSinceOpen: number;
  reopening?: Promise<void> | undefined;
}

/**
 * The LMDB-backed cache. Several processes may use the same directory at once, and committed entries
 * survive `kill -9`.
 * @example const cache = lmdbRequestCache('prod_env/cache'); await cache.get('simple', rawRequest)
 */
export function lmdbRequestCache(directory: string, options: { putsBeforeReopen?: number } = {}): RequestCache {
  const putsBeforeReopen = options.putsBeforeReopen ?? PUTS_BEFORE_REOPEN;
  const shards = new Map<string, Shard>();
  const openStore = (shard: string) =>
    open<CacheEntry, string>({ path: join(directory, `${shard}.lmdb`), compression: true, remapChunks: true });
  /** The shard's store, once any reopening of it is done. */
  const storeFor = async (name: string): Promise<RootDatabase<CacheEntry, string>> => {
    let shard = shards.get(name);
    if (shard === undefined) {
      mkdirSync(directory, { recursive: true });
      shard = { store: openStore(name), putsSinceOpen: 0 };
      shards.set(name, shard);
    }
    while (shard.reopening !== undefined) await shard.reopening;
    return shard.store;
  };
  const uncommitted = new Set<Promise<unknown>>();
  let commitFailure: unknown;
  const flush = async (): Promise<void> => {
    while (uncommitted.size > 0) await Promise.all(uncommitted);
    if (commitFailure !== undefined) throw commitFailure;
  };
  const reopen = (name: string, shard: Shard): void => {
    shard.reopening = (async () => {
      await flush();
      await shard.store.close();
      shard.store = openStore(name);
      shard.putsSinceOpen = 0;
    })().finally(() => {
      shard.reopening = undefined;
    });
  };
  return {
    async get(shard, key) {
      const { keyString, hash } = storeKeyOf(key);
      const entry = (await storeFor(shard)).get(hash);
      return entry !== undefined && entry.key === keyString ? entry.value : undefined;
    },
    async put(name, key, value) {
      const { keyString, hash } = storeKeyOf(key);
      if (commitFailure !== undefined) throw commitFailure;
      const store = await storeFor(name);
      const committed: Promise<unknown> = store
        .put(hash, { key: keyString, value })
        .catch((error: unknown) => {
          commitFailure ??= error;
        })
        .finally(() => uncommitted.delete(committed));
      uncommitted.add(committed);
      const shard = shards.get(name)!;
      if (++shard.putsSinceOpen >= putsBeforeReopen && shard.reopening === undefined) reopen(name, shard);
      if (uncommitted.size >= MAX_UNCOMMITTED_PUTS) await flush();
    },
    flush,
    async close() {
      await flush();
      await Promise.all([...shards.values()].map(async (shard) => {
        while (shard.reopening !== undefined) await shard.reopening;
        await shard.store.close();
      }));
      shards.clear();
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
