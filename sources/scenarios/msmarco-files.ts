/**
 * @module What HELM's MSMARCOScenario loads whole into dicts, read in passes that keep only ids and byte offsets:
 * - id → text files (passages, queries; HELM `create_id_item_dict`): the ids in dict order (first appearance),
 *   then, for the ids an instance needs, where the text of their last appearance lies (Python's dict keeps the
 *   first position and the last value);
 * - keyed files (qrels `<qid> 0 <docid> <rel>`, top-k `<qid> <docid> <rank>`; HELM `create_qrels_dict`,
 *   `create_topk_dict`): every row checked as HELM's `int()` would check it, but only the byte ranges of each
 *   query's rows are kept, and a query's rows are read again when it is looked at.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { UserError } from '../../core/errors.ts';
import { pyIntField, tsvDigitFields, tsvFields, tsvFirstField, tsvRecordBatches, tsvRecordsOf, type TsvOptions, type TsvRecord } from './msmarco-tsv.ts';

/** A Float64Array that grows by doubling (ids and offsets of millions of rows, 8 bytes each). */
class Growable {
  values = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }
  done(): Float64Array {
    return this.values.subarray(0, this.length);
  }
}

const where = (path: string, record: TsvRecord): string => `${path}:${record.line}`;

/** Python `int()` of a record's first field: straight from the bytes when they are plain digits. */
function firstInt(path: string, buffer: Buffer, record: TsvRecord): number {
  const tab = buffer.indexOf(0x09, record.s);
  const digits = tsvDigitFields(buffer, record.s, tab < 0 || tab > record.e ? record.e : tab);
  return digits?.[0] ?? pyIntField(tsvFirstField(buffer, record.s, record.e, where(path, record))!, where(path, record));
}

/** Python `int()` of every field of a record. */
function intFields(path: string, buffer: Buffer, record: TsvRecord, options: TsvOptions): number[] {
  const at = where(path, record);
  return tsvDigitFields(buffer, record.s, record.e, options) ?? tsvFields(buffer, record.s, record.e, at, options).map((field) => pyIntField(field, at));
}

/** HELM unpacks each row into a fixed number of fields: any other count is its ValueError. */
function checkFieldCount(path: string, record: TsvRecord, count: number, format: string): void {
  if (record.fieldCount !== count) {
    throw new UserError(`${where(path, record)}: a row of ${record.fieldCount} tab-separated fields where ${format} has ${count} (HELM fails unpacking it).`);
  }
}

/** The ids of an `<id>\t<text>` file in Python dict order (first appearances), each row checked. */
export async function readIdOrder(path: string): Promise<Float64Array> {
  const ids = new Growable();
  for await (const { buffer, records } of tsvRecordBatches(path)) {
    for (const record of records) {
      checkFieldCount(path, record, 2, '<id>\t<text>');
      ids.push(firstInt(path, buffer, record));
    }
  }
  const all = ids.done();
  const sorted = Float64Array.from(all).sort();
  const repeated = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]!);
  if (repeated.size === 0) return all;
  const seen = new Set<number>();
  return all.filter((id) => {
    if (!repeated.has(id)) return true;
    if (seen.has(id)) return false; // a later row of the id: its text counts (findRows), not its place
    seen.add(id);
    return true;
  });
}

/** Where the text of the last row of each wanted id lies (`[start, start + length)` in the file). */
export async function findRows(path: string, wanted: ReadonlySet<number>): Promise<Map<number, { start: number; length: number }>> {
  const found = new Map<number, { start: number; length: number }>();
  for await (const { buffer, records } of tsvRecordBatches(path)) {
    for (const record of records) {
      const id = firstInt(path, buffer, record);
      if (wanted.has(id)) found.set(id, { start: record.start, length: record.e - record.s });
    }
  }
  return found;
}

/**
 * Positioned reads of a few hundred bytes each, many thousands per run: synchronous `pread`s from the page cache
 * cost microseconds, where each promise-based read costs tens (the thread pool round trip).
 */
export interface OpenFile {
  readonly path: string;
  read(start: number, length: number): Buffer;
  close(): void;
}

/** Opens a file for positioned reads. */
export function openFile(path: string): OpenFile {
  const fd = openSync(path, 'r');
  return {
    path,
    read(start, length) {
      const bytes = Buffer.alloc(length);
      if (readSync(fd, bytes, 0, length, start) !== length) throw new UserError(`${path}: the file changed while it was read.`);
      return bytes;
    },
    close: () => closeSync(fd),
  };
}

/** The text of the row at `row` of an `<id>\t<text>` file. */
export function readText(file: OpenFile, row: { start: number; length: number }): string {
  const bytes = file.read(row.start, row.length);
  const path = file.path;
  return tsvFields(bytes, 0, bytes.length, path)[1]!;
}

/** A keyed file's rows by their first field, read again on demand. */
export interface KeyedRows {
  has(key: number): boolean;
  /** The int fields of the key's rows in file order ([] when it has none). */
  rows(key: number): Promise<number[][]>;
  close(): Promise<void>;
}

/**
 * Indexes a keyed file: every row must have `fieldCount` integer fields; runs of consecutive rows with the same
 * key are kept as byte ranges (MS MARCO's files group their rows by query, so about one run per query).
 */
export async function indexKeyedRows(path: string, fieldCount: number, format: string, options: TsvOptions = {}): Promise<KeyedRows> {
  const keys = new Growable();
  const starts = new Growable();
  const ends = new Growable();
  for await (const { buffer, records } of tsvRecordBatches(path, options)) {
    for (const record of records) {
      checkFieldCount(path, record, fieldCount, format);
      const fields = intFields(path, buffer, record, options);
      const end = record.start + (record.e - record.s);
      if (keys.length > 0 && keys.values[keys.length - 1] === fields[0]) ends.values[ends.length - 1] = end;
      else {
        keys.push(fields[0]!);
        starts.push(record.start);
        ends.push(end);
      }
    }
  }
  const runKeys = keys.done();
  // Runs sorted by key, then by position in the file: a key's runs are one stretch of `order`.
  const order = Int32Array.from({ length: runKeys.length }, (_, i) => i).sort((a, b) => runKeys[a]! - runKeys[b]! || a - b);
  const firstRun = (key: number): number => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (runKeys[order[mid]!]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const file = openFile(path);
  return {
    has: (key) => {
      const i = firstRun(key);
      return i < order.length && runKeys[order[i]!] === key;
    },
    async rows(key) {
      const rows: number[][] = [];
      for (let i = firstRun(key); i < order.length && runKeys[order[i]!] === key; i++) {
        const run = order[i]!;
        const bytes = file.read(starts.values[run]!, ends.values[run]! - starts.values[run]!);
        for (const record of tsvRecordsOf(bytes, options)) rows.push(intFields(path, bytes, record, options));
      }
      return rows;
    },
    close: async () => file.close(),
  };
}
