import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { makeReadOnly, openToUnprivileged, unprivilegedSpawn } from './__fixtures__/unprivileged.ts';
import { openRequestCache } from './open-request-cache.ts';

const OPEN_CACHE = fileURLToPath(new URL('./__fixtures__/open-cache.ts', import.meta.url));

/** Opens the cache under `localPath` in a child process run as a user for whom a read-only mode holds. */
function openAsUnprivileged(localPath: string): Promise<{ opened?: true; name?: string; message?: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', OPEN_CACHE, localPath], { stdio: ['ignore', 'pipe', 'inherit'], ...unprivilegedSpawn() });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.on('close', () => resolve(JSON.parse(stdout) as { opened?: true })));
}

describe('openRequestCache', () => {
  const work = mkdtempSync(join(tmpdir(), 'open-cache-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const advice = 'Give another --local-path, or run with --disable-cache (then no answer is kept for a rerun).';

  it('creates <local-path>/cache and leaves no trace of its write test', async () => {
    const cache = await openRequestCache({ localPath: join(work, 'fresh', 'prod_env'), disableCache: false });
    await cache.put('simple', { a: 1 }, { b: 2 });
    await cache.flush();
    expect(await cache.get('simple', { a: 1 })).toEqual({ b: 2 });
    await cache.close();
    expect(existsSync(join(work, 'fresh', 'prod_env', 'cache', `.write-test-${process.pid}`))).toBe(false);
  });

  it('with --disable-cache, touches nothing', async () => {
    const cache = await openRequestCache({ localPath: join(work, 'untouched'), disableCache: true });
    await cache.put('simple', { a: 1 }, { b: 2 });
    expect(await cache.get('simple', { a: 1 })).toBeUndefined();
    expect(existsSync(join(work, 'untouched'))).toBe(false);
  });

  it('refuses a --local-path under a file: the directory cannot be created', async () => {
    writeFileSync(join(work, 'a-file'), '');
    const error = await openRequestCache({ localPath: join(work, 'a-file', 'prod_env'), disableCache: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(`The request cache directory ${join(work, 'a-file', 'prod_env', 'cache')} cannot be created (ENOTDIR). ${advice}`);
  });

  it('refuses a --local-path whose cache is a file', async () => {
    mkdirSync(join(work, 'cache-file'));
    writeFileSync(join(work, 'cache-file', 'cache'), '');
    const error = await openRequestCache({ localPath: join(work, 'cache-file'), disableCache: false }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`The request cache directory ${join(work, 'cache-file', 'cache')} cannot be created (EEXIST). ${advice}`);
  });

  it('refuses a read-only --local-path (as root too: the check runs as nobody there)', async () => {
    openToUnprivileged(work);
    const readOnly = join(work, 'read-only');
    mkdirSync(readOnly);
    makeReadOnly(readOnly);
    expect(await openAsUnprivileged(readOnly)).toEqual({
      name: 'UserError',
      message: `The request cache directory ${join(readOnly, 'cache')} cannot be created (EACCES). ${advice}`,
    });
  });

  it('refuses a cache directory that exists but cannot be written', async () => {
    openToUnprivileged(work);
    const local = join(work, 'ro-cache');
    mkdirSync(join(local, 'cache'), { recursive: true });
    openToUnprivileged(local);
    makeReadOnly(join(local, 'cache'));
    expect(await openAsUnprivileged(local)).toEqual({
      name: 'UserError',
      message: `The request cache directory ${join(local, 'cache')} cannot be written (EACCES). ${advice}`,
    });
  });
});
