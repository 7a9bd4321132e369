import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readXlsSheets, type XlsSheet } from './xls-workbook.ts';

/**
 * `__fixtures__/xls-workbook/book.xls` was written by xlwt 1.3.0 (`make.py`): text (one-byte and UTF-16, past
 * U+FFFF), integers and floats as RK and NUMBER records, a boolean, a styled blank cell, sheets with one row and
 * none, and a shared string table long enough to go on in CONTINUE records, with strings split across them;
 * `book.xlrd.json` is what xlrd 1.2.0 read from it (empty cells as '', booleans as booleans, error cells as null).
 */
const fixture = (name: string): string => fileURLToPath(new URL(`__fixtures__/xls-workbook/${name}`, import.meta.url));
const xlrd = JSON.parse(readFileSync(fixture('book.xlrd.json'), 'utf8')) as XlsSheet[];

describe('readXlsSheets', () => {
  const sheets = readXlsSheets(readFileSync(fixture('book.xls')));

  it('reads every sheet as xlrd does: names, grid size, and each cell', () => {
    expect(sheets.map((s) => s.name)).toEqual(['People', 'Second', 'Empty', 'Many strings']);
    expect(sheets).toEqual(xlrd);
  });

  it('gives numbers as numbers, booleans as booleans, and pads rows with empty text', () => {
    expect(sheets[0]!.rows[1]).toEqual(['S1A-001', 7, 'M', 'Ελληνικά 😀', '']);
    expect(sheets[0]!.rows[3]!.slice(1, 3)).toEqual([123456789.5, true]);
    expect(sheets[0]!.rows[5]).toEqual(['', '', '', '', '']); // the styled blank cell holds no value
    expect(sheets[3]!.rows[100]![0]).toBe('L'.repeat(9000));
    expect(sheets[3]!.rows[101]![0]).toBe('ŵ'.repeat(5000));
  });

  it('reads a small workbook from the mini stream, leaves chart sheets out, and reads formula strings, RK, MULRK and error cells', () => {
    // mini.xls is written byte by byte by make-mini.py; mini.xlrd.json is what xlrd 1.2.0 read from it.
    const mini = readXlsSheets(readFileSync(fixture('mini.xls')));
    expect(mini).toEqual(JSON.parse(readFileSync(fixture('mini.xlrd.json'), 'utf8')));
    expect(mini[0]!.rows[2]).toEqual([7, true, -12.34, '']);
    expect(mini[0]!.rows[3]).toEqual(['', null, 5, 6]);
  });

  it('says what is wrong with bytes that are not a workbook', () => {
    expect(() => readXlsSheets(new TextEncoder().encode('Text,Gender\n'))).toThrow('not an OLE2 compound file (an Excel 97–2003 .xls)');
  });
});
