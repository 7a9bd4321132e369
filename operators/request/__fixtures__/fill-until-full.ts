/**
 * Run by cache-failure.test.ts in a child process under `ulimit -f` (a disk that fills up, without root):
 * `node --import tsx fill-until-full.ts <cache-dir>`. Puts answers into the `simple` shard, confirming them in
 * batches of 50 with flush(), until the cache fails; then closes it and prints one JSON line: how many answers were
 * confirmed before the failure, and the failure.
 */
import { keyOf } from './cache-files.ts';
import { RequestCacheFailure } from '../cache-failure.ts';
import { lmdbRequestCache } from '../request-cache.ts';

const cache = lmdbRequestCache(process.argv[2]!);
let confirmed = 0;
let failure: unknown;
try {
  for (let i = 0; i < 100_000; i++) {
    await cache.put('simple', keyOf(i), { response: { text: `answer ${i} ${'y'.repeat(1000)}` } });
    if ((i + 1) % 50 === 0) {
      await cache.flush();
      confirmed = i + 1;
    }
  }
} catch (error) {
  failure = error;
}
await cache.close(); // the failure was seen above: close() does not throw it again
const isCacheFailure = failure instanceof RequestCacheFailure;
process.stdout.write(`${JSON.stringify({ confirmed, isCacheFailure, message: (failure as Error | undefined)?.message })}\n`);
