import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cutInHalf, garble, makeCacheFile } from './__fixtures__/cache-files.ts';
import { bytesOfPages, readCacheMeta } from './cache-meta.ts';

describe('readCacheMeta', () => {
  const work = mkdtempSync(join(tmpdir(), 'cache-meta-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reads the answers, page size and last page of a whole cache file', async () => {
    const path = await makeCacheFile(join(work, 'whole'), 300);
    const meta = readCacheMeta(path)!;
    expect(meta.entries).toBe(300);
    expect(meta.isNewest).toBe(true);
    expect(meta.pageSize).toBe(4096);
    expect(meta.txnid > 0n).toBe(true);
    expect(bytesOfPages(meta)).toBe(statSync(path).size);
  });

  it('still counts the answers of a file cut in half, whose pages then run past its end', async () => {
    const path = await makeCacheFile(join(work, 'cut'), 300);
    cutInHalf(path);
    const meta = readCacheMeta(path)!;
    expect(meta.entries).toBe(300);
    expect(bytesOfPages(meta)).toBe(2 * statSync(path).size);
  });

  it('falls back on the meta page of page 1 when page 0 is garbled', async () => {
    const path = await makeCacheFile(join(work, 'page0'), 300);
    garble(path, 0, 4096);
    const meta = readCacheMeta(path)!;
    expect(meta.isNewest).toBe(false); // page 0 may have held the last commit: a lower bound
    expect(meta.entries).toBeGreaterThan(0);
    expect(meta.entries).toBeLessThanOrEqual(300);
  });

  it('finds no meta page in a file that is not LMDB, nor in one shorter than a page header', () => {
    writeFileSync(join(work, 'text.lmdb'), 'not a database\n'.repeat(1000));
    writeFileSync(join(work, 'tiny.lmdb'), 'x');
    expect(readCacheMeta(join(work, 'text.lmdb'))).toBeUndefined();
    expect(readCacheMeta(join(work, 'tiny.lmdb'))).toBeUndefined();
  });
});
