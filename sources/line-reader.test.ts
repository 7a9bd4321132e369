import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonLines, readLines } from './line-reader.ts';

const work = mkdtempSync(join(tmpdir(), 'lines-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('readLines', () => {
  it('ends lines at \\n, \\r\\n and \\r like Python text mode, keeping a last line without newline', async () => {
    const path = join(work, 'mixed.txt');
    writeFileSync(path, 'one\ntwo\r\nthree\rfour\u2028still four\n\nlast');
    expect(await collect(readLines(path))).toEqual([
      { text: 'one', line: 1 },
      { text: 'two', line: 2 },
      { text: 'three', line: 3 },
      { text: 'four\u2028still four', line: 4 },
      { text: '', line: 5 },
      { text: 'last', line: 6 },
    ]);
  });

  it('keeps \\r\\n together when a chunk ends between them, and long lines whole', async () => {
    const path = join(work, 'long.txt');
    const long = 'é'.repeat(40_000); // 80 KB of UTF-8 per line: lines and characters cross chunk edges
    writeFileSync(path, `${long}\r\n${long}\r\n`);
    const lines = await collect(readLines(path));
    expect(lines.map((l) => l.text.length)).toEqual([40_000, 40_000]);
    expect(lines.every((l) => l.text === long)).toBe(true);
  });
});

describe('readJsonLines', () => {
  it('yields each object with its file:line, skipping blank lines', async () => {
    const path = join(work, 'a.jsonl');
    writeFileSync(path, '{"a": 1}\n\n{"b": "\\u00e9"}\n');
    expect(await collect(readJsonLines(path))).toEqual([
      { record: { a: 1 }, where: `${path}:1` },
      { record: { b: 'é' }, where: `${path}:3` },
    ]);
  });

  it('names the file and line of a bad line', async () => {
    const path = join(work, 'bad.jsonl');
    writeFileSync(path, '{"a": 1}\n{"a": \n');
    await expect(collect(readJsonLines(path))).rejects.toThrow(`${path}:2: not valid JSON`);
    writeFileSync(path, '[1, 2]\n');
    await expect(collect(readJsonLines(path))).rejects.toThrow(`${path}:1: expected a JSON object`);
  });
});
