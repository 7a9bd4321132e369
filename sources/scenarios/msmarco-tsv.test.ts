import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pyIntField, tsvFields, tsvRecordBatches, tsvRecordsOf } from './msmarco-tsv.ts';

const work = mkdtempSync(join(tmpdir(), 'msmarco-tsv-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tsvRecordBatches', () => {
  it("splits records as Python's csv reader with a tab delimiter, whatever the chunk size", async () => {
    const path = join(work, 'quoted.tsv');
    writeFileSync(path, '1\t"a\tb"\r\n2\tsay ""hi"" \t\n\n3\t"multi\rline ""q"""x\n4\t"open');
    for (const chunkBytes of [1, 3, 1 << 20]) {
      const rows: string[][] = [];
      for await (const { buffer, records } of tsvRecordBatches(path, { chunkBytes })) {
        for (const record of records) rows.push(tsvFields(buffer, record.s, record.e, path));
      }
      // Python: list(csv.reader(open(path, encoding="utf-8"), delimiter="\t"))
      expect(rows).toEqual([['1', 'a\tb'], ['2', 'say ""hi"" ', ''], [], ['3', 'multi\nline "q"x'], ['4', 'open']]);
    }
  });
});

describe('tsvRecordsOf and pyIntField', () => {
  it('split bytes read back from a file (spaces as tabs for TREC qrels) and read ids as int() does', () => {
    const bytes = Buffer.from('401 0 160 2\r\n401 0 42 1');
    const rows = tsvRecordsOf(bytes, { spaceIsTab: true }).map((r) => tsvFields(bytes, r.s, r.e, 'qrels', { spaceIsTab: true }));
    expect(rows).toEqual([['401', '0', '160', '2'], ['401', '0', '42', '1']]);
    expect(pyIntField(' +1_000 ', 'x')).toBe(1000);
    expect(() => pyIntField('12a', 'qrels:3')).toThrow('qrels:3: "12a" is not an integer');
  });
});
