/**
 * Run by cache-failure.test.ts in a child process under `ulimit -f`: `node --import tsx first-get.ts <cache-dir>`.
 * Asks the `simple` shard of a cache there for one answer (which creates its file) and prints one JSON line:
 * `{"answer": …}`, or the error's name and message.
 */
import { lmdbRequestCache } from '../request-cache.ts';

const cache = lmdbRequestCache(process.argv[2]!);
try {
  process.stdout.write(`${JSON.stringify({ answer: (await cache.get('simple', { prompt: 'x' })) ?? null })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ name: (error as Error).name, message: (error as Error).message })}\n`);
}
await cache.close();
