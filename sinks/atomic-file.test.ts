import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from './atomic-file.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomically', () => {
  it('writes the text as UTF-8 and leaves no .tmp file', async () => {
    const path = join(dir, 'table.json');
    await writeFileAtomically(path, '{"caf\u00e9": "\u{1F600}"}');
    expect(readFileSync(path, 'utf8')).toBe('{"caf\u00e9": "\u{1F600}"}');
    expect(readdirSync(dir)).toEqual(['table.json']);
  });

  it('replaces an existing file whole, and a stale .tmp of an earlier crash', async () => {
    const path = join(dir, 'run_spec.json');
    writeFileSync(path, 'old');
    writeFileSync(`${path}.tmp`, 'half of a crashed wri');
    await writeFileAtomically(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });

  it('removes its .tmp file and keeps what was there when the rename fails', async () => {
    const path = join(dir, 'taken');
    mkdirSync(join(path, 'inside'), { recursive: true }); // a non-empty directory: rename onto it fails
    await expect(writeFileAtomically(path, 'text')).rejects.toThrow();
    expect(existsSync(`${path}.tmp`)).toBe(false);
    expect(readdirSync(path)).toEqual(['inside']);
  });

  it('fails without a trace when the folder does not exist', async () => {
    await expect(writeFileAtomically(join(dir, 'missing', 'x.md'), 'text')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
