import { describe, expect, it } from 'vitest';
import { PandasCsvTokenizer } from './pandas-csv-tokenizer.ts';

/** Rows of `text` pushed in chunks of `size` characters. */
function rowsOf(text: string, size = text.length): string[][] {
  const tokenizer = new PandasCsvTokenizer('f.csv');
  const rows: string[][] = [];
  for (let i = 0; i < text.length; i += size) rows.push(...tokenizer.push(text.slice(i, i + size)).map((r) => [...r.fields]));
  rows.push(...tokenizer.end().map((r) => [...r.fields]));
  return rows;
}

// Expected rows: `pd.read_csv(io.StringIO(text), header=None, dtype=str, na_filter=False).values.tolist()` with the
// anchor's pandas (1.5.3; the C tokenizer is unchanged in 2.x), less the padding of short rows (left to the reader).
const CASES: Record<string, [string, string[][]]> = {
  'a quoted comma': ['a,b,c\n1,"x, y",z\n', [['a', 'b', 'c'], ['1', 'x, y', 'z']]],
  'blank and whitespace-only lines skipped': ['a,b\n\n1,2\n   \n\t\n3,4\n\r\n5,6', [['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]],
  '\\r\\n kept inside quotes, "" and text after quotes': [
    'a,b\n"line1\r\nline2",2\r\n"q""uote",x"y\r3,"end"after\n',
    [['a', 'b'], ['line1\r\nline2', '2'], ['q"uote', 'x"y'], ['3', 'endafter']],
  ],
  'leading spaces kept': ['a,b\n  x,y\n', [['a', 'b'], ['  x', 'y']]],
  'short rows as they are': ['a,b,c\n1\n2,3\n', [['a', 'b', 'c'], ['1'], ['2', '3']]],
  '\\r-ended rows, one starting with a comma': ['a,b\rx,y\r,z\n', [['a', 'b'], ['x', 'y'], ['', 'z']]],
  'the comma after a blank \\r line is eaten': ['a,b\n\r,z\n', [['a', 'b'], ['z']]],
  'a BOM dropped': ['\ufeffa,b\n1,2\n', [['a', 'b'], ['1', '2']]],
  'a trailing comma': ['a,b\n1,\n', [['a', 'b'], ['1', '']]],
};

describe('PandasCsvTokenizer', () => {
  for (const [name, [text, expected]] of Object.entries(CASES)) {
    it(`splits rows as pandas does: ${name}`, () => {
      expect(rowsOf(text)).toEqual(expected);
      expect(rowsOf(text, 1)).toEqual(expected); // the same, one character per chunk
      expect(rowsOf(text, 3)).toEqual(expected);
    });
  }

  it('gives the line where each row starts', () => {
    const tokenizer = new PandasCsvTokenizer('f.csv');
    const rows = [...tokenizer.push('h\n\n"a\nb"\r\nc\rd'), ...tokenizer.end()];
    expect(rows.map((r) => r.line)).toEqual([1, 3, 5, 6]);
  });

  it('refuses a file that ends inside quotes, naming where the field starts', () => {
    const tokenizer = new PandasCsvTokenizer('f.csv');
    tokenizer.push('a,b\n1,"open\n\n');
    expect(() => tokenizer.end()).toThrow('f.csv: the file ends inside a quoted field that starts on line 2 (pandas: "EOF inside string").');
  });
});
