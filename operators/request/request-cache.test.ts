import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/canonical-json.ts';
import { cutInHalf, keyOf, makeCacheFile } from './__fixtures__/cache-files.ts';
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

  it('stores an answer under the SHA-256 of the key string alone, and still reads entries that carry the key string', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    dirs.push(dir);
    const hashOf = (key: object) => createHash('sha256').update(canonicalJson(key)).digest('hex');
    const [kept, collided, fresh] = [{ prompt: 'old', n: 1 }, { prompt: 'other', n: 2 }, { prompt: 'new', n: 3 }];
    // As the cache wrote entries before 2026-12-07: the key string beside the value.
    const store = open({ path: join(dir, 'simple.lmdb'), compression: true, remapChunks: true });
    await store.put(hashOf(kept), { key: canonicalJson(kept), value: { answer: 'old' } });
    await store.put(hashOf(collided), { key: canonicalJson({ prompt: 'not this one' }), value: { answer: 'wrong' } });
    await store.close();
    const cache = lmdbRequestCache(dir);
    expect(await cache.get('simple', kept)).toEqual({ answer: 'old' });
    expect(await cache.get('simple', collided)).toBeUndefined();
    await cache.put('simple', fresh, { answer: 'new' });
    await cache.close();
    const reopened = open({ path: join(dir, 'simple.lmdb'), compression: true, remapChunks: true, readOnly: true });
    expect(reopened.get(hashOf(fresh))).toEqual({ value: { answer: 'new' } });
    await reopened.close();
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

  it('sets a damaged shard file aside on first use, says how many answers it held, and goes on with a fresh one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    dirs.push(dir);
    cutInHalf(await makeCacheFile(dir, 300));
    const logs: string[] = [];
    const cache = lmdbRequestCache(dir, { log: (line) => logs.push(line), now: () => new Date('2026-12-07T12:00:00Z') });
    expect(await cache.get('simple', keyOf(1))).toBeUndefined(); // no crash: the cut file is no longer in use
    await cache.put('simple', keyOf(1), { answer: 'again' });
    await cache.flush();
    expect(await cache.get('simple', keyOf(1))).toEqual({ answer: 'again' });
    await cache.close();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      new RegExp(
        `^The request cache file ${join(dir, 'simple.lmdb')} is damaged \\(reading it crashed the reader with SIGBUS; the file is [\\d,]+ bytes, its pages need [\\d,]+\\)\\. ` +
          'Moved it aside as simple\\.lmdb\\.corrupt-2026-12-07T12-00-00Z, with its lock file\\. It held 300 answers, set aside with it\\. ' +
          'The run goes on with a fresh cache: those requests are sent again as they come up\\.$',
      ),
    );
    expect(readdirSync(dir).sort()).toEqual([
      'simple.lmdb',
      'simple.lmdb-checked',
      'simple.lmdb-lock',
      'simple.lmdb.corrupt-2026-12-07T12-00-00Z',
      'simple.lmdb.corrupt-2026-12-07T12-00-00Z-lock',
    ]);
  });

  it('notes a zero-length shard file and uses it as a fresh one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    dirs.push(dir);
    truncateSync(await makeCacheFile(dir, 10), 0);
    const logs: string[] = [];
    const cache = lmdbRequestCache(dir, { log: (line) => logs.push(line) });
    expect(await cache.get('simple', keyOf(1))).toBeUndefined();
    await cache.put('simple', keyOf(1), { answer: 1 });
    await cache.close();
    expect(logs).toEqual([`The request cache file ${join(dir, 'simple.lmdb')} is empty (0 bytes, no answers in it): it starts afresh.`]);
    const reopened = lmdbRequestCache(dir);
    expect(await reopened.get('simple', keyOf(1))).toEqual({ answer: 1 });
    await reopened.close();
  });

  it('asks again for an answer whose stored bytes are garbled (one note per file), and keeps the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    dirs.push(dir);
    const first = lmdbRequestCache(dir);
    await first.put('simple', { p: 1 }, { text: 'MARKER-ABCDEF' }); // short values are stored uncompressed: findable
    await first.put('simple', { p: 2 }, { text: 'kept' });
    await first.close();
    const path = join(dir, 'simple.lmdb');
    const at = readFileSync(path).indexOf('MARKER-ABCDEF');
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from([0xc1, 0xc1, 0xc1, 0xc1]), 0, 4, at - 4); // 0xc1: a byte MessagePack never uses
    closeSync(fd);
    const logs: string[] = [];
    const cache = lmdbRequestCache(dir, { log: (line) => logs.push(line) });
    expect(await cache.get('simple', { p: 1 })).toBeUndefined();
    expect(await cache.get('simple', { p: 1 })).toBeUndefined();
    expect(await cache.get('simple', { p: 2 })).toEqual({ text: 'kept' });
    await cache.close();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(new RegExp(`^An answer in ${path} cannot be read \\(.{1,60}…\\): its request is sent again \\(said once per file\\)\\.$`));
    expect(existsSync(path)).toBe(true); // one bad answer does not set the file aside
  });

  it('keeps nothing when disabled', async () => {
    const cache = disabledRequestCache();
    await cache.put('simple', { a: 1 }, { b: 2 });
    expect(await cache.get('simple', { a: 1 })).toBeUndefined();
  });
});
