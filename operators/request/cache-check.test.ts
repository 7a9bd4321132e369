import { mkdirSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cutInHalf, garble, makeCacheFile } from './__fixtures__/cache-files.ts';
import { checkCacheFile } from './cache-check.ts';
import { RequestCacheFailure } from './cache-failure.ts';
import { dropStamp, stampWhole } from './cache-stamp.ts';

describe('checkCacheFile', () => {
  const work = mkdtempSync(join(tmpdir(), 'cache-check-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let made = 0;
  const fresh = () => makeCacheFile(join(work, `c${made++}`), 300);

  it('reads a whole file in full when it has no stamp, and stamps it; an unchanged file is then not read again', async () => {
    const path = await fresh();
    dropStamp(path);
    expect(await checkCacheFile(path)).toMatchObject({ kind: 'whole', how: 'read in full' });
    stampWhole(path, (line) => expect.unreachable(line));
    expect(await checkCacheFile(path)).toMatchObject({ kind: 'whole', how: 'unchanged since its stamp' });
  });

  it('finds a file cut in half damaged: the reader crashes past its end; the answers are counted from its meta page', async () => {
    const path = await fresh();
    const size = statSync(path).size;
    cutInHalf(path);
    const verdict = await checkCacheFile(path);
    expect(verdict).toMatchObject({ kind: 'damaged', answers: { count: 300, isExact: true } });
    expect(verdict.kind === 'damaged' && verdict.why).toBe(
      `reading it crashed the reader with SIGBUS; the file is ${(size / 2).toLocaleString('en-US')} bytes, its pages need ${size.toLocaleString('en-US')}`,
    );
  });

  it('finds a file garbled past its meta pages damaged, and still counts its answers', async () => {
    const path = await fresh();
    garble(path, 2 * 4096, statSync(path).size);
    const verdict = await checkCacheFile(path);
    expect(verdict).toMatchObject({ kind: 'damaged', answers: { count: 300, isExact: true } });
    expect(verdict.kind === 'damaged' && verdict.why).toMatch(/^(reading it crashed the reader with SIG(SEGV|BUS|ABRT)|LMDB: MDB_\w+: |its keys are out of order|it lists)/);
  });

  it('finds a file with garbled meta pages damaged, its answers not countable', async () => {
    const path = await fresh();
    garble(path, 0, 2 * 4096);
    const verdict = await checkCacheFile(path);
    expect(verdict).toMatchObject({ kind: 'damaged', answers: undefined });
    expect(verdict.kind === 'damaged' && verdict.why).toMatch(/^(reading it crashed the reader with SIG\w+; no valid meta page|LMDB: MDB_INVALID: )/);
  });

  it('reads a stamped file in full again once it changed (here: garbled without changing its size)', async () => {
    const path = await fresh();
    expect(await checkCacheFile(path)).toMatchObject({ kind: 'whole', how: 'unchanged since its stamp' }); // closed cleanly
    garble(path, 2 * 4096, statSync(path).size);
    expect(await checkCacheFile(path)).toMatchObject({ kind: 'damaged' });
  });

  it('tells an absent file and a zero-length one (LMDB starts both afresh)', async () => {
    expect(await checkCacheFile(join(work, 'none.lmdb'))).toEqual({ kind: 'absent' });
    const path = await fresh();
    truncateSync(path, 0);
    expect(await checkCacheFile(path)).toEqual({ kind: 'empty' });
  });

  it('stops with a RequestCacheFailure, and sets nothing aside, when the file cannot be read at all', async () => {
    const path = join(work, 'dir.lmdb');
    mkdirSync(path);
    writeFileSync(join(path, 'x'), 'x');
    const error = await checkCacheFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestCacheFailure);
    expect((error as Error).message).toMatch(/^Could not check the request cache file .*dir\.lmdb \(.+\)\. Make it readable and writable, move it away to start that cache afresh, or run with --disable-cache\.$/);
  });
});
