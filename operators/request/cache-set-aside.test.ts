import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setAsideDamaged, setAsideMessage } from './cache-set-aside.ts';

describe('setAsideDamaged', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const cacheDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'set-aside-'));
    dirs.push(dir);
    for (const name of ['simple.lmdb', 'simple.lmdb-lock', 'simple.lmdb-checked']) writeFileSync(join(dir, name), name);
    return dir;
  };
  const at = new Date('2026-12-07T12:00:00.345Z');

  it('moves the file and its lock file aside under a dated name, and forgets its stamp', () => {
    const dir = cacheDir();
    const path = join(dir, 'simple.lmdb');
    expect(setAsideDamaged(path, statSync(path, { bigint: true }).ino, at)).toBe(`${path}.corrupt-2026-12-07T12-00-00Z`);
    expect(readdirSync(dir).sort()).toEqual(['simple.lmdb.corrupt-2026-12-07T12-00-00Z', 'simple.lmdb.corrupt-2026-12-07T12-00-00Z-lock']);
  });

  it('never overwrites an earlier one set aside in the same second', () => {
    const dir = cacheDir();
    const path = join(dir, 'simple.lmdb');
    setAsideDamaged(path, statSync(path, { bigint: true }).ino, at);
    writeFileSync(path, 'again');
    expect(setAsideDamaged(path, statSync(path, { bigint: true }).ino, at)).toBe(`${path}.corrupt-2026-12-07T12-00-00Z-2`);
    expect(existsSync(`${path}.corrupt-2026-12-07T12-00-00Z`)).toBe(true);
  });

  it('moves nothing when the file is no longer the one judged (another process replaced it)', () => {
    const dir = cacheDir();
    const path = join(dir, 'simple.lmdb');
    const judged = statSync(path, { bigint: true }).ino;
    writeFileSync(join(dir, 'fresh'), 'a fresh cache of another process'); // exists beside it: another inode
    renameSync(join(dir, 'fresh'), path);
    expect(setAsideDamaged(path, judged, at)).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(['simple.lmdb', 'simple.lmdb-checked', 'simple.lmdb-lock']);
    expect(readFileSync(path, 'utf8')).toBe('a fresh cache of another process');
  });
});

describe('setAsideMessage', () => {
  it('names the file, why, the new name, how many answers it held, and that the run goes on', () => {
    expect(setAsideMessage('/p/cache/simple.lmdb', '/p/cache/simple.lmdb.corrupt-2026-12-07T12-00-00Z', 'reading it crashed the reader with SIGBUS', { count: 1234, isExact: true })).toBe(
      'The request cache file /p/cache/simple.lmdb is damaged (reading it crashed the reader with SIGBUS). Moved it aside as ' +
        'simple.lmdb.corrupt-2026-12-07T12-00-00Z, with its lock file. It held 1,234 answers, set aside with it. ' +
        'The run goes on with a fresh cache: those requests are sent again as they come up.',
    );
  });

  it('says so when the answers could not be counted, or only in part', () => {
    const held = (answers: Parameters<typeof setAsideMessage>[3]) => setAsideMessage('/p/simple.lmdb', '/p/simple.lmdb.corrupt-x', 'why', answers).split('. ')[2];
    expect(held(undefined)).toBe('How many answers it held could not be counted (its meta pages are unreadable)');
    expect(held({ count: 0, isExact: false })).toBe('How many answers it held could not be counted (its meta pages are unreadable)');
    expect(held({ count: 1, isExact: false })).toBe('It held at least 1 answer (one of its two meta pages is unreadable), set aside with it');
  });
});
