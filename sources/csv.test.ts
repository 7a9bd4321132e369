import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.ts';
import { CsvRowParser, readCsvRows } from './csv.ts';

const work = mkdtempSync(join(tmpdir(), 'csv-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Expected rows: `list(csv.reader(io.StringIO(text, newline=None)))` in CPython 3.11, i.e. what
// `csv.reader(open(path))` gives HELM for a file with these contents.
const PYTHON_CASES: readonly [string, string[][]][] = [
  ['q,a,b,C\n', [['q', 'a', 'b', 'C']]],
  ['"What, exactly?","say ""hi""","line1\nline2",A\n', [['What, exactly?', 'say "hi"', 'line1\nline2', 'A']]],
  ['a,b\r\nc,d\re,f\n', [['a', 'b'], ['c', 'd'], ['e', 'f']]],
  ['"x\r\ny",z\n', [['x\ny', 'z']]],
  ['\n\na,b\n', [[], [], ['a', 'b']]],
  ['a,\n,b\n', [['a', ''], ['', 'b']]],
  ['"abc"def,"un\n', [['abcdef', 'un\n']]],
  ['a"b,c\n"" ,""""\n', [['a"b', 'c'], [' ', '"']]],
  ['last,row', [['last', 'row']]],
  ['', []],
  ['\ufeffq,a,A\n', [['\ufeffq', 'a', 'A']]],
];

const parseAll = (chunks: readonly string[]): string[][] => {
  const parser = new CsvRowParser();
  const rows = chunks.flatMap((chunk) => parser.push(chunk));
  return [...rows, ...parser.end()].map((row) => [...row.fields]);
};

describe('CsvRowParser', () => {
  it.each(PYTHON_CASES)('reads %j as Python csv.reader does', (text, expected) => {
    expect(parseAll([text])).toEqual(expected);
  });

  it.each(PYTHON_CASES)('gives the same rows for %j fed one character at a time', (text, expected) => {
    expect(parseAll([...text])).toEqual(expected);
  });

  it('numbers each row by the physical line it starts on', () => {
    const parser = new CsvRowParser();
    const rows = [...parser.push('a,b\n"multi\nline",c\r\n\nlast,x\n'), ...parser.end()];
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5]);
  });
});

describe('readCsvRows', () => {
  it('streams the rows of a file, and reads it again on each call', async () => {
    const path = join(work, 'rows.csv');
    writeFileSync(path, '"Q, with comma",x,y,A\nplain,x,y,B\n');
    const read = async () => {
      const rows: string[][] = [];
      for await (const row of readCsvRows(path)) rows.push([...row.fields]);
      return rows;
    };
    expect(await read()).toEqual([['Q, with comma', 'x', 'y', 'A'], ['plain', 'x', 'y', 'B']]);
    writeFileSync(path, 'changed,x,A\n');
    expect(await read()).toEqual([['changed', 'x', 'A']]);
  });

  it('reads a file larger than one stream chunk, with a quoted newline across chunks', async () => {
    const path = join(work, 'big.csv');
    const row = `"${'x'.repeat(1000)}\n${'y'.repeat(1000)}",é,A\n`;
    writeFileSync(path, row.repeat(200)); // ~400 KB: several 64 KB chunks, split inside fields and characters
    let count = 0;
    for await (const { fields, line } of readCsvRows(path)) {
      expect(fields).toEqual([`${'x'.repeat(1000)}\n${'y'.repeat(1000)}`, 'é', 'A']);
      expect(line).toBe(2 * count + 1);
      count++;
    }
    expect(count).toBe(200);
  });

  it('says which file is not UTF-8', async () => {
    const path = join(work, 'latin1.csv');
    writeFileSync(path, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x41, 0x0a])); // "café,A" in Latin-1
    const rows = async () => {
      for await (const _ of readCsvRows(path)) void _;
    };
    await expect(rows()).rejects.toThrow(UserError);
    await expect(rows()).rejects.toThrow(`${path} is not valid UTF-8`);
  });
});
