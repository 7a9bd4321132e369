import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { keyOf } from './__fixtures__/cache-files.ts';
import { cacheWriteFailure, isLmdbStatusError, RequestCacheFailure } from './cache-failure.ts';
import { lmdbRequestCache } from './request-cache.ts';

const FILL = fileURLToPath(new URL('./__fixtures__/fill-until-full.ts', import.meta.url));
const FIRST_GET = fileURLToPath(new URL('./__fixtures__/first-get.ts', import.meta.url));

/** Runs a fixture script with files limited to `limitKb` KB (`ulimit -f`: the kernel refuses to write past it). */
function underFileLimit(script: string, directory: string, limitKb: number): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn('bash', ['-c', `ulimit -f ${limitKb} && exec "$0" --import tsx "$1" "$2"`, process.execPath, script, directory], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('a full disk under the request cache', () => {
  const work = mkdtempSync(join(tmpdir(), 'cache-full-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('stops the puts with one clear RequestCacheFailure, and keeps every answer confirmed before it', async () => {
    const directory = join(work, 'cache');
    const run = await underFileLimit(FILL, directory, 1024);
    expect(run.status).toBe(0); // handled: no unhandled rejection, no SIGXFSZ
    const result = JSON.parse(run.stdout) as { confirmed: number; isCacheFailure: boolean; message: string };
    expect(result.isCacheFailure).toBe(true);
    expect(result.message).toMatch(
      new RegExp(
        `^The request cache in ${directory} could not be written: the disk is full, or a quota or file size limit \\(ulimit -f\\) is reached ` +
          '\\([\\d.]+ \\w+ free there; files limited to 1\\.0 MB by ulimit -f; LMDB: (Input/output error|File too large: [^)]+)\\)\\. ' +
          'The answers received before this are kept in the cache: free some space \\(or raise the limit\\) and run the same command again to resume\\.$',
      ),
    );
    expect(run.stderr).not.toContain('Commit failed');
    expect(run.stderr).not.toContain('write.js'); // lmdb-js's own print of the failed commit, with its stack
    // A 1 MB file holds several hundred of these 1 KB answers; all that were confirmed are still there.
    expect(result.confirmed).toBeGreaterThan(200);
    const cache = lmdbRequestCache(directory, { log: () => undefined });
    const answers = await Promise.all(Array.from({ length: result.confirmed }, (_, i) => cache.get('simple', keyOf(i))));
    expect(answers.filter((a) => a === undefined)).toEqual([]);
    expect(answers[result.confirmed - 1]).toEqual({ response: { text: `answer ${result.confirmed - 1} ${'y'.repeat(1000)}` } });
    await cache.close();
  });

  it('stops with a clear RequestCacheFailure when a new shard file cannot be created (LMDB would crash creating it)', async () => {
    const directory = join(work, 'no-room');
    const run = await underFileLimit(FIRST_GET, directory, 4); // a new LMDB file needs 8 KB for its meta pages
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      name: 'UserError',
      message: expect.stringMatching(
        new RegExp(
          `^Could not create the request cache file ${join(directory, 'simple.lmdb')} \\(creating it crashed with SIG(SEGV|BUS)\\); most likely the disk is full, ` +
            'or a quota or file size limit \\(ulimit -f\\) is reached \\([\\d.]+ \\w+ free there; files limited to 4\\.0 KB by ulimit -f\\)\\. ' +
            'Free some space \\(or raise the limit\\), give another --local-path, or run with --disable-cache\\.$',
        ),
      ) as unknown,
    });
  });

  it('takes LMDB\'s error out of the promise lmdb-js hides it in, and names the directory', async () => {
    const lmdbError = Object.assign(new Error('No space left on device'), { code: 28 });
    const commitError = Promise.reject(lmdbError);
    const failure = await cacheWriteFailure(work, Object.assign(new Error('Commit failed (see commitError for details)'), { commitError }));
    expect(failure).toBeInstanceOf(RequestCacheFailure);
    expect(failure.cause).toBe(lmdbError);
    expect(failure.message).toMatch(
      new RegExp(`^The request cache in ${work} could not be written: the disk is full, or a quota or file size limit \\(ulimit -f\\) is reached \\([\\d.]+ \\w+ free there(; files limited to [^;]+ by ulimit -f)?; LMDB: No space left on device\\)\\. `),
    );
  });

  it('hides only lmdb-js\'s own print of a failed commit status, never an error of ours passing through lmdb-js', () => {
    const withStack = (error: Error, frame: string) => Object.assign(error, { stack: `Error: ${error.message}\n    at ${frame}` });
    const status = withStack(Object.assign(new Error('Input/output error'), { code: 5 }), 'Function.<anonymous> (file:///p/node_modules/lmdb/write.js:516:7)');
    const closed = withStack(new Error('Database is closed'), 'LMDBStore.put (file:///p/node_modules/lmdb/write.js:1070:13)');
    const elsewhere = withStack(Object.assign(new Error('EACCES'), { code: 13 }), 'open (file:///p/operators/request/request-cache.ts:90:14)');
    expect([status, closed, elsewhere, 'text'].map(isLmdbStatusError)).toEqual([true, false, false, false]);
  });
});
