import { describe, expect, it } from 'vitest';
import { pandasCellText, pandasColumn, pandasRowDtype, pandasTable } from './pandas-csv.ts';

// Expected values: pandas 1.5.3 `read_csv` on the same cells (quoted, so the spaces are kept), and f"{v}" of
// each value of `iterrows()`.
describe('pandasColumn', () => {
  it("infers read_csv's dtypes", () => {
    expect(pandasColumn(['1', '', '2.5'])).toEqual({ dtype: 'float64', cells: [1, null, 2.5] });
    expect(pandasColumn([' 7', '+3', '-0'])).toEqual({ dtype: 'int64', cells: [7, 3, 0] });
    expect(pandasColumn(['True', 'false'])).toEqual({ dtype: 'bool', cells: [true, false] });
    expect(pandasColumn(['inf', '-Infinity'])).toEqual({ dtype: 'float64', cells: [Infinity, -Infinity] });
    expect(pandasColumn(['NA', 'n/a'])).toEqual({ dtype: 'float64', cells: [null, null] });
  });

  it('keeps texts when any cell is not a number: hex, "None" (not missing before pandas 2.0), bools with a gap', () => {
    expect(pandasColumn(['0x10', '2'])).toEqual({ dtype: 'object', cells: ['0x10', '2'] });
    expect(pandasColumn(['None', 'x'])).toEqual({ dtype: 'object', cells: ['None', 'x'] });
    expect(pandasColumn(['True', ''])).toEqual({ dtype: 'object', cells: ['True', null] }); // printed True and nan either way
  });
});

describe('pandasTable and pandasCellText', () => {
  it('mangles repeated names, pads short rows, and prints ints as floats in an all-number row', () => {
    const table = pandasTable(['a', 'a', 'b'], [['1', '2'], ['3', '4', '5']], (i) => `row ${i}`);
    expect(table.columns).toEqual(['a', 'a.1', 'b']);
    const rowDtype = pandasRowDtype(table.dtypes);
    expect(table.rows.map((row) => row.map((cell, c) => pandasCellText(cell, table.dtypes[c]!, rowDtype)))).toEqual([
      ['1.0', '2.0', 'nan'],
      ['3.0', '4.0', '5.0'],
    ]);
  });

  it('prints floats as Python repr does', () => {
    const table = pandasTable(['x', 'y'], [['2', '1e-05'], ['3', '1e16']], (i) => `row ${i}`);
    const rowDtype = pandasRowDtype(table.dtypes);
    expect(table.rows.map((row) => row.map((cell, c) => pandasCellText(cell, table.dtypes[c]!, rowDtype)))).toEqual([
      ['2.0', '1e-05'],
      ['3.0', '1e+16'],
    ]);
    expect(pandasCellText(7, 'int64', pandasRowDtype(['int64', 'object']))).toBe('7'); // a mixed row keeps ints
  });

  it('refuses a row longer than the header, as pandas does', () => {
    expect(() => pandasTable(['a'], [['1'], [], ['2', '3']], (i) => `f.csv row ${i}`)).toThrow('f.csv row 2: expected 1 fields, saw 2');
  });
});
