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

// Bounds the memory of queued answers when the disk is slower than the run.
const MAX_UNCOMMITTED_PUTS = 4096;

/**
 * The LMDB-backed cache. Several processes may use the same directory at once, and committed entries
 * survive `kill -9`.
 * @example const cache = lmdbRequestCache('prod_env/cache'); await cache.get('simple', rawRequest)
 */
export function lmdbRequestCache(directory: string): RequestCache {
  const stores = new Map<string, RootDatabase<CacheEntry, string>>();
  const storeFor = (shard: string): RootDatabase<CacheEntry, string> => {
    let store = stores.get(shard);
    if (store === undefined) {
      mkdirSync(directory, { recursive: true });
      store = open<CacheEntry, string>({ path: join(directory, `${shard}.lmdb`), compression: true, remapChunks: true });
      stores.set(shard, store);
    }
    return store;
  };
  const uncommitted = new Set<Promise<unknown>>();
  let commitFailure: unknown;
  const flush = async (): Promise<void> => {
    while (uncommitted.size > 0) await Promise.all(uncommitted);
    if (commitFailure !== undefined) throw commitFailure;
  };
  return {
    async get(shard, key) {
      const keyString = canonicalJson(key);
      const entry = storeFor(shard).get(hashOf(keyString));
      return entry !== undefined && entry.key === keyString ? entry.value : undefined;
    },
    async put(shard, key, value) {
      const keyString = canonicalJson(key);
      if (commitFailure !== undefined) throw commitFailure;
      const committed: Promise<unknown> = storeFor(shard)
        .put(hashOf(keyString), { key: keyString, value })
        .catch((error: unknown) => {
          commitFailure ??= error;
        })
        .finally(() => uncommitted.delete(committed));
      uncommitted.add(committed);
      if (uncommitted.size >= MAX_UNCOMMITTED_PUTS) await flush();
    },
    flush,
    async close() {
      await flush();
      await Promise.all([...stores.values()].map((store) => store.close()));
      stores.clear();
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
