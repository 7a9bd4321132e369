import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { checkOutputPath } from './output-checks.ts';

const work = mkdtempSync(join(tmpdir(), 'helm-output-checks-'));
afterAll(() => {
  chmodSync(work, 0o755);
  for (const name of readdirSync(work)) chmodSync(join(work, name), 0o755);
  rmSync(work, { recursive: true, force: true });
});

const messageOf = (outputPath: string, suite = 'v1'): string => {
  try {
    checkOutputPath({ outputPath, suite });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).message;
  }
  throw new Error('expected an error');
};

/**
 * A directory no write into succeeds: chmod 555 for a user; root writes through chmod, so for root a directory of
 * sysfs, which refuses new files even to root (the check is then as meaningful either way).
 */
function unwritableDir(): string {
  if (process.getuid?.() !== 0) {
    const dir = join(work, 'read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    return dir;
  }
  const sysfs = '/sys/kernel/mm';
  expect(existsSync(sysfs), 'root runs this test against sysfs, which refuses new files').toBe(true);
  return sysfs;
}

describe('checkOutputPath', () => {
  it('accepts a new or an existing output directory and leaves nothing behind', () => {
    const out = join(work, 'fresh');
    checkOutputPath({ outputPath: out, suite: 'v1' });
    expect(existsSync(out)).toBe(false);
    mkdirSync(join(out, 'runs', 'v1'), { recursive: true });
    checkOutputPath({ outputPath: out, suite: 'v1' });
    expect(readdirSync(join(out, 'runs', 'v1'))).toEqual([]);
    expect(readdirSync(work).filter((name) => name.startsWith('.helm-write-probe'))).toEqual([]);
  });

  it('refuses an output path that is a file', () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'x');
    expect(messageOf(file)).toBe(
      `-o/--output-path ${file} is a file, not a directory: give a directory (it is created if missing), e.g. -o benchmark_output.`,
    );
  });

  it('names the file in the way when the suite folder cannot be created under it', () => {
    const file = join(work, 'another-file');
    writeFileSync(file, 'x');
    const out = join(file, 'out');
    expect(messageOf(out)).toBe(
      `Cannot create the output directory ${join(out, 'runs', 'v1')}: ${file} is a file, not a directory. ` +
        'Give -o/--output-path a directory you can write to.',
    );
    const runsIsAFile = join(work, 'runs-is-a-file');
    mkdirSync(runsIsAFile);
    writeFileSync(join(runsIsAFile, 'runs'), 'x');
    expect(messageOf(runsIsAFile)).toBe(
      `Cannot create the output directory ${join(runsIsAFile, 'runs', 'v1')}: ${join(runsIsAFile, 'runs')} is a file, not a directory. ` +
        'Give -o/--output-path a directory you can write to.',
    );
  });

  it('says so up front when the suite folder exists but cannot be written', () => {
    const out = join(work, 'unwritable');
    mkdirSync(join(out, 'runs'), { recursive: true });
    symlinkSync(unwritableDir(), join(out, 'runs', 'v1'));
    expect(messageOf(out)).toBe(
      `Cannot write in the output directory ${join(out, 'runs', 'v1')}: permission denied. Give -o/--output-path a directory you can write to.`,
    );
  });

  it('says so up front when the output directory cannot be created', () => {
    const parent = unwritableDir();
    const out = join(parent, 'helm-out');
    expect(messageOf(out)).toBe(
      `Cannot create the output directory ${join(out, 'runs', 'v1')}: permission denied (in ${parent}). Give -o/--output-path a directory you can write to.`,
    );
  });
});
