/**
 * Request-cache files for the tests of the cache's start-up check: a whole one written through the cache itself, and
 * the three damages of issue 12 (cut in half, garbled, zero-length), made the same way every time.
 */
import { openSync, closeSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { lmdbRequestCache } from '../request-cache.ts';

/** The key of answer `i` in `makeCacheFile`'s cache. */
export const keyOf = (i: number) => ({ model: 'simple/model1', prompt: `Question ${i}: ${'context '.repeat(40)}` });

/** Writes `count` answers into the `simple` shard under `directory` and closes it; returns the shard's file. */
export async function makeCacheFile(directory: string, count: number): Promise<string> {
  const cache = lmdbRequestCache(directory, { log: () => undefined });
  for (let i = 0; i < count; i++) await cache.put('simple', keyOf(i), { response: { text: `answer ${i} ${'x'.repeat(i % 50)}` } });
  await cache.close();
  return join(directory, 'simple.lmdb');
}

/** Cuts the file to half its size (a copy or a disk that stopped halfway). */
export function cutInHalf(path: string): void {
  truncateSync(path, Math.floor(statSync(path).size / 2));
}

/**
 * Overwrites bytes [from, to) with pseudo-random bytes from a fixed seed (a linear congruential generator), as a
 * faulty disk or a stray write would.
 */
export function garble(path: string, from: number, to: number, seed = 12): void {
  const bytes = Buffer.alloc(to - from);
  let state = seed;
  for (let i = 0; i < bytes.length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state >>> 16;
  }
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, from);
  } finally {
    closeSync(fd);
  }
}
