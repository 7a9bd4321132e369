/**
 * @module The cells of an Excel 97–2003 workbook (`.xls`: BIFF8 records in an OLE2 compound file), as xlrd reads
 * them with its defaults (`formatting_info=False`): the worksheets in order, each a grid from row 0 and column 0
 * up to the last cell that holds a value, padded with `''` (blank cells hold no value, as in xlrd). Numbers
 * (dates too: no formats are read) are numbers, booleans booleans, error cells null. Read whole from bytes.
 */
import { readCompoundStream } from './ole2-compound-file.ts';

/** A cell's value: text, a number, a boolean, or null for an error cell. Empty cells are `''`, as in xlrd. */
export type XlsCell = string | number | boolean | null;

/** One worksheet: its name and its rows (every row as long as the longest). */
export interface XlsSheet {
  readonly name: string;
  readonly rows: readonly (readonly XlsCell[])[];
}

const BOF = 0x0809;
const EOF = 0x000a;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;

interface BiffRecord {
  readonly type: number;
  readonly data: Uint8Array;
}

function* records(stream: Uint8Array, from: number): Generator<BiffRecord> {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  for (let at = from; at + 4 <= stream.length; ) {
    const type = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    yield { type, data: stream.subarray(at + 4, at + 4 + length) };
    at += 4 + length;
  }
}

const viewOf = (data: Uint8Array): DataView => new DataView(data.buffer, data.byteOffset, data.byteLength);

/** Characters of a BIFF8 string: one byte each (the low byte of UTF-16) or UTF-16LE. */
function chars(data: Uint8Array, at: number, count: number, isWide: boolean): string {
  if (isWide) return new TextDecoder('utf-16le').decode(data.subarray(at, at + 2 * count));
  let text = '';
  for (let i = 0; i < count; i++) text += String.fromCharCode(data[at + i]!);
  return text;
}

/**
 * Reads the strings of the shared string table, whose record and CONTINUE records are `segments`: a string's
 * characters may go on in the next segment, which then starts with a new flags byte; run and phonetic data are
 * skipped across segments as plain bytes.
 */
function sharedStrings(segments: readonly Uint8Array[]): string[] {
  let segment = 0;
  let at = 8; // total and unique counts
  const unique = segments[0] === undefined || segments[0].length < 8 ? 0 : viewOf(segments[0]).getUint32(4, true);
  const current = (): Uint8Array => {
    while (segments[segment] !== undefined && at >= segments[segment]!.length) {
      segment++;
      at = 0;
    }
    const data = segments[segment];
    if (data === undefined) throw new Error('the shared string table ends early');
    return data;
  };
  const byte = (): number => current()[at++]!;
  const u16 = (): number => byte() | (byte() << 8);
  const u32 = (): number => (u16() | (u16() << 16)) >>> 0;
  const skip = (count: number): void => {
    for (let left = count; left > 0; ) {
      const step = Math.min(left, current().length - at);
      at += step;
      left -= step;
    }
  };
  const out: string[] = [];
  for (let n = 0; n < unique; n++) {
    const count = u16();
    const flags = byte();
    const runs = (flags & 0x08) !== 0 ? u16() : 0;
    const extra = (flags & 0x04) !== 0 ? u32() : 0;
    let isWide = (flags & 0x01) !== 0;
    let text = '';
    while (text.length < count) {
      let data = segments[segment]!;
      if (at >= data.length) {
        segment++;
        at = 0;
        data = segments[segment] ?? new Uint8Array();
        if (data.length === 0) throw new Error('the shared string table ends inside a string');
        isWide = (data[at++]! & 0x01) !== 0; // a continued string restates its width
      }
      const fit = Math.min(count - text.length, Math.floor((data.length - at) / (isWide ? 2 : 1)));
      text += chars(data, at, fit, isWide);
      at += fit * (isWide ? 2 : 1);
    }
    skip(4 * runs + extra);
    out.push(text);
  }
  return out;
}

/** An XLUnicodeString (16-bit length, flags, characters) at `at`. */
function unicodeString(data: Uint8Array, at: number): string {
  const view = viewOf(data);
  const count = view.getUint16(at, true);
  return chars(data, at + 3, count, (data[at + 2]! & 0x01) !== 0);
}

/** An RK number: a 30-bit integer or the high 30 bits of a double, maybe divided by 100. */
function rkNumber(rk: number): number {
  let value: number;
  if ((rk & 0x02) !== 0) value = rk >> 2;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    value = view.getFloat64(0, true);
  }
  return (rk & 0x01) !== 0 ? value / 100 : value;
}

/** The cells of the sheet whose BOF is at `from`, as xlrd lays them out. */
function readSheet(stream: Uint8Array, from: number, strings: readonly string[]): XlsCell[][] {
  const cells = new Map<number, Map<number, XlsCell>>();
  let rowCount = 0;
  let colCount = 0;
  const put = (row: number, col: number, value: XlsCell): void => {
    if (!cells.has(row)) cells.set(row, new Map());
    cells.get(row)!.set(col, value);
    rowCount = Math.max(rowCount, row + 1);
    colCount = Math.max(colCount, col + 1);
  };
  let formulaCell: readonly [number, number] | undefined; // a string formula's value comes in the next STRING record
  let isFirst = true;
  for (const { type, data } of records(stream, from)) {
    if (isFirst) {
      isFirst = false;
      if (type !== BOF) throw new Error('a sheet does not start with a BOF record');
      continue;
    }
    if (type === EOF) break;
    const view = viewOf(data);
    const row = data.length >= 4 ? view.getUint16(0, true) : 0;
    const col = data.length >= 4 ? view.getUint16(2, true) : 0;
    if (type === LABELSST) {
      const index = view.getUint32(6, true);
      const text = strings[index];
      if (text === undefined) throw new Error(`a cell names shared string ${index} of ${strings.length}`);
      put(row, col, text);
    } else if (type === LABEL || type === RSTRING) put(row, col, unicodeString(data, 6));
    else if (type === NUMBER) put(row, col, view.getFloat64(6, true));
    else if (type === RK) put(row, col, rkNumber(view.getUint32(6, true)));
    else if (type === MULRK) {
      for (let at = 4, c = col; at + 6 <= data.length - 2; at += 6, c++) put(row, c, rkNumber(view.getUint32(at + 2, true)));
    } else if (type === BOOLERR) put(row, col, data[7] === 0 ? data[6] !== 0 : null);
    else if (type === FORMULA) {
      if (view.getUint16(12, true) !== 0xffff) put(row, col, view.getFloat64(6, true));
      else if (data[6] === 0) formulaCell = [row, col];
      else if (data[6] === 1) put(row, col, data[8] !== 0);
      else if (data[6] === 2) put(row, col, null);
      else put(row, col, '');
    } else if (type === STRING && formulaCell !== undefined) {
      put(formulaCell[0], formulaCell[1], unicodeString(data, 0));
      formulaCell = undefined;
    }
  }
  return Array.from({ length: rowCount }, (_, r) => {
    const row = cells.get(r);
    return Array.from({ length: colCount }, (_, c): XlsCell => (row !== undefined && row.has(c) ? (row.get(c) as XlsCell) : ''));
  });
}

/**
 * The worksheets of an `.xls` file's bytes, in workbook order (charts and macro sheets left out, as xlrd does).
 * Throws a plain Error saying what is wrong for a file that is not an unencrypted BIFF8 workbook; callers name it.
 * @example readXlsSheets(readFileSync('HKRecords.xls'))[0]?.rows[1]?.[0]
 */
export function readXlsSheets(bytes: Uint8Array): XlsSheet[] {
  const stream = readCompoundStream(bytes, ['Workbook']);
  const sheets: { name: string; offset: number }[] = [];
  const sst: Uint8Array[] = [];
  let previous = -1;
  let isFirst = true;
  for (const { type, data } of records(stream, 0)) {
    if (isFirst) {
      isFirst = false;
      if (type !== BOF || data.length < 2 || viewOf(data).getUint16(0, true) !== 0x0600) {
        throw new Error('not an Excel 97–2003 (BIFF8) workbook');
      }
      continue;
    }
    if (type === EOF) break;
    if (type === FILEPASS) throw new Error('the workbook is encrypted');
    if (type === BOUNDSHEET) {
      const view = viewOf(data);
      const count = data[6]!;
      const name = chars(data, 8, count, (data[7]! & 0x01) !== 0);
      if (data[5] === 0) sheets.push({ name, offset: view.getUint32(0, true) }); // worksheets only
    } else if (type === SST) sst.push(data);
    else if (type === CONTINUE && previous === SST) sst.push(data);
    if (type !== CONTINUE) previous = type;
  }
  const strings = sharedStrings(sst);
  return sheets.map(({ name, offset }) => ({ name, rows: readSheet(stream, offset, strings) }));
}
