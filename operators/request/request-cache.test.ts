import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { disabledRequestCache, lmdbRequestCache } from './request-cache.ts';

describe('lmdbRequestCache', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('returns what was put, by key content, across reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    dirs.push(dir);
    const key = { prompt: 'x'.repeat(5000), engine: 'model1', num_completions: 1 };
    const first = lmdbRequestCache(dir);
    expect(await first.get('simple', key)).toBeUndefined();
    await first.put('simple', key, { response: { completions: ['x'] }, request_time: 0.5, request_datetime: 7 });
    await first.close();
    const second = lmdbRequestCache(dir);
    expect(await second.get('simple', { num_completions: 1, engine: 'model1', prompt: 'x'.repeat(5000) })).toEqual({
      response: { completions: ['x'] },
      request_time: 0.5,
      request_datetime: 7,
    });
    expect(await second.get('openai', key)).toBeUndefined();
    await second.close();
  });

  it('reopens a shard every few puts (to unmap its pages) without losing or blocking entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    dirs.push(dir);
    const cache = lmdbRequestCache(dir, { putsBeforeReopen: 3 });
    const puts: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      puts.push(cache.put('simple', { i }, { answer: i }));
      if (i % 4 === 0) await cache.get('simple', { i }); // a get while a reopen may be under way waits for it
    }
    await Promise.all(puts);
    await cache.flush();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => cache.get('simple', { i })));
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => ({ answer: i })));
    await cache.close();
    const reopened = lmdbRequestCache(dir);
    expect(await reopened.get('simple', { i: 19 })).toEqual({ answer: 19 });
    await reopened.close();
  });

  it('keeps nothing when disabled', async () => {
    const cache = disabledRequestCache();
    await cache.put('simple', { a: 1 }, { b: 2 });
    expect(await cache.get('simple', { a: 1 })).toBeUndefined();
  });
});
