/**
 * Run by open-request-cache.test.ts in a child process, possibly as another user:
 * `node --import tsx open-cache.ts <local-path>`. Opens helm-run's request cache there and prints one JSON line:
 * `{"opened":true}`, or the error's name and message.
 */
import { openRequestCache } from '../open-request-cache.ts';

try {
  const cache = await openRequestCache({ localPath: process.argv[2]!, disableCache: false });
  await cache.close();
  process.stdout.write(`${JSON.stringify({ opened: true })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ name: (error as Error).name, message: (error as Error).message })}\n`);
}
