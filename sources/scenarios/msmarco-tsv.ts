/**
 * @module MS MARCO's TSV files as HELM reads them: `csv.reader(open(path, encoding="utf-8"), delimiter="\t")`,
 * i.e. Python's csv rules (a field starting with `"` is quoted, may hold tabs and newlines, `""` is a quote; text
 * after a closing quote is kept) over universal newlines (`\r\n` and `\r` read as `\n`). Records are found on the
 * raw bytes (no byte of a multi-byte UTF-8 character is a tab, quote or line end), so a scan decodes only the
 * fields its caller asks for, and each record's byte span lets it be read again later with one positioned read.
 */
import { createReadStream } from 'node:fs';
import { UserError } from '../../core/errors.ts';
import { PY_SPACE_CHARS } from '../../core/python-text.ts';

/** A record: bytes `[s, e)` of `buffer`, which lie at `[start, start + e - s)` in the file; `line` is 1-based. */
export interface TsvRecord {
  readonly s: number;
  readonly e: number;
  readonly start: number;
  readonly line: number;
  /** How many fields Python's csv gives it (0 for a blank line), counted without decoding. */
  readonly fieldCount: number;
}

/** The records that one chunk of the file completed, with the buffer they lie in. */
export interface TsvBatch {
  readonly buffer: Buffer;
  readonly records: readonly TsvRecord[];
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** CPython `_csv.c` reader states (EAT_CRNL is folded into the CR handling). */
const enum State {
  StartRecord,
  StartField,
  InField,
  InQuoted,
  QuoteInQuoted,
}

/** Options of a TSV reading: `spaceIsTab` reads every space as a tab (HELM rewrites TREC's qrels file so). */
export interface TsvOptions {
  readonly spaceIsTab?: boolean;
  /** Bytes read at a time (tests make it tiny to cross records over chunks). */
  readonly chunkBytes?: number;
}

/**
 * A record finder fed consecutive buffers of one file: each `scan` returns the records the buffer completed and
 * keeps the bytes of a record still open, which it prepends to the next buffer; `finish` returns a last record
 * without a line end.
 */
function tsvScanner(options: TsvOptions) {
  const tabByte = options.spaceIsTab === true ? 0x20 : TAB;
  let state = State.StartRecord;
  let carry: Buffer = Buffer.alloc(0); // bytes of the open record
  let carryStart = 0; // its offset in the file
  let afterCr = false;
  let line = 1;
  let recordLine = 1;
  let fieldCount = 0;
  let offset = 0; // of the next buffer in the file
  return {
    scan(chunk: Buffer): TsvBatch {
      const buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const base = offset - carry.length; // file offset of buffer[0]
      const records: TsvRecord[] = [];
      let recordStart = 0; // in buffer
      // Where the next quote, carriage return and tab lie (recomputed only once passed, so every search moves on).
      let nextQuote = -1;
      let nextCr = -1;
      let nextTab = -1;
      const after = (byte: number, from: number): number => {
        const at = buffer.indexOf(byte, from);
        return at < 0 ? buffer.length : at;
      };
      for (let i = carry.length; i < buffer.length; i++) {
        // Fast path: a record of plain bytes up to its \n (no quote, no \r) is taken whole with native searches.
        while (state === State.StartRecord && !afterCr && options.spaceIsTab !== true && i < buffer.length) {
          const newline = buffer.indexOf(LF, i);
          if (newline < 0) break;
          if (nextQuote < i) nextQuote = after(QUOTE, i);
          if (nextCr < i) nextCr = after(CR, i);
          if (nextQuote < newline || nextCr < newline) break;
          let fields = newline === i ? 0 : 1;
          for (nextTab = nextTab < i ? after(TAB, i) : nextTab; nextTab < newline; nextTab = after(TAB, nextTab + 1)) fields++;
          records.push({ s: i, e: newline, start: base + i, line, fieldCount: fields });
          line++;
          i = newline + 1;
          recordStart = i;
        }
        if (i >= buffer.length) break;
        let b = buffer[i]!;
        if (afterCr) {
          afterCr = false;
          if (b === LF) {
            if (state === State.StartRecord) recordStart = i + 1;
            continue; // the \n of a \r\n
          }
        }
        if (b === tabByte) b = TAB;
        const isNewline = b === LF || b === CR;
        if (isNewline) afterCr = b === CR;
        switch (state) {
          case State.StartRecord:
            recordStart = i;
            recordLine = line;
            if (isNewline) {
              records.push({ s: i, e: i, start: base + i, line: recordLine, fieldCount: 0 });
              recordStart = i + 1;
              line++;
              continue;
            }
            fieldCount = b === TAB ? 2 : 1;
            state = b === QUOTE ? State.InQuoted : b === TAB ? State.StartField : State.InField;
            continue;
          case State.StartField:
          case State.InField:
          case State.QuoteInQuoted:
            if (isNewline) {
              records.push({ s: recordStart, e: i, start: base + recordStart, line: recordLine, fieldCount });
              recordStart = i + 1;
              line++;
              state = State.StartRecord;
            } else if (b === TAB) {
              fieldCount++;
              state = State.StartField;
            } else if (b === QUOTE) state = state === State.InField ? State.InField : State.InQuoted;
            else state = State.InField;
            continue;
          case State.InQuoted:
            if (b === QUOTE) state = State.QuoteInQuoted;
            else if (isNewline) line++;
            continue;
        }
      }
      if (state === State.StartRecord) recordStart = buffer.length;
      carry = Buffer.from(buffer.subarray(recordStart));
      carryStart = base + recordStart;
      offset += chunk.length;
      return { buffer, records };
    },
    finish(): TsvBatch {
      // Python keeps a last line without a newline, and a quoted field still open at the end of the file.
      const records = state === State.StartRecord ? [] : [{ s: 0, e: carry.length, start: carryStart, line: recordLine, fieldCount }];
      return { buffer: carry, records };
    },
  };
}

/**
 * The records of a TSV file, chunk by chunk (memory: one chunk, plus a record still open across chunks). A blank
 * line is a record of no bytes (Python's csv yields `[]` for it).
 * @example for await (const { buffer, records } of tsvRecordBatches(path)) for (const r of records) tsvFields(buffer, r.s, r.e, where)
 */
export async function* tsvRecordBatches(path: string, options: TsvOptions = {}): AsyncGenerator<TsvBatch> {
  const scanner = tsvScanner(options);
  for await (const chunk of createReadStream(path, { highWaterMark: options.chunkBytes ?? 1 << 20 }) as AsyncIterable<Buffer>) {
    const batch = scanner.scan(chunk);
    if (batch.records.length > 0) yield batch;
  }
  const last = scanner.finish();
  if (last.records.length > 0) yield last;
}

/** The records of bytes that hold whole records (one read back from a file). */
export function tsvRecordsOf(bytes: Buffer, options: TsvOptions = {}): TsvRecord[] {
  const scanner = tsvScanner(options);
  const records = [...scanner.scan(bytes).records];
  // The last record, when no line end closes it, is the tail of `bytes`.
  for (const last of scanner.finish().records) records.push({ ...last, s: bytes.length - last.e, e: bytes.length });
  return records;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }); // stateless without `stream`

/** Decodes bytes as Python's strict UTF-8 would (a UserError naming `where` otherwise). */
function decode(bytes: Uint8Array, where: string): string {
  try {
    return UTF8.decode(bytes);
  } catch (cause) {
    throw new UserError(`${where}: not valid UTF-8 text (${(cause as Error).message}).`, { cause });
  }
}

/** The fields of one record's bytes, by Python's csv rules (`[]` for a blank line). */
export function tsvFields(buffer: Buffer, s: number, e: number, where: string, options: TsvOptions = {}): string[] {
  if (e === s) return [];
  let text = decode(buffer.subarray(s, e), where).replace(/\r\n?/g, '\n');
  if (options.spaceIsTab === true) text = text.replaceAll(' ', '\t');
  const fields: string[] = [];
  let field = '';
  let state = State.StartField;
  for (const c of text) {
    switch (state) {
      case State.StartField:
        if (c === '"') state = State.InQuoted;
        else if (c === '\t') fields.push('');
        else {
          field = c;
          state = State.InField;
        }
        break;
      case State.InField:
        if (c === '\t') {
          fields.push(field);
          field = '';
          state = State.StartField;
        } else field += c;
        break;
      case State.InQuoted:
        if (c === '"') state = State.QuoteInQuoted;
        else field += c;
        break;
      case State.QuoteInQuoted:
        if (c === '"') {
          field += '"';
          state = State.InQuoted;
        } else if (c === '\t') {
          fields.push(field);
          field = '';
          state = State.StartField;
        } else {
          field += c; // text after a closing quote is kept (csv's non-strict mode)
          state = State.InField;
        }
        break;
      default:
        break;
    }
  }
  fields.push(field);
  return fields;
}

const PY_INT = new RegExp(`^[${PY_SPACE_CHARS}]*([+-]?[0-9](?:_?[0-9])*)[${PY_SPACE_CHARS}]*$`, 'u');

/** The first field of a record (decoding only its bytes when it is not quoted); undefined for a blank line. */
export function tsvFirstField(buffer: Buffer, s: number, e: number, where: string): string | undefined {
  if (e === s) return undefined;
  if (buffer[s] === QUOTE) return tsvFields(buffer, s, e, where)[0];
  const tab = buffer.indexOf(TAB, s);
  return decode(buffer.subarray(s, tab < 0 || tab > e ? e : tab), where);
}

/** Python `int(text)` of an id or a number column (ASCII digits); anything else is a UserError naming `where`. */
export function pyIntField(text: string, where: string): number {
  const match = PY_INT.exec(text);
  const value = match === null ? Number.NaN : Number(match[1]!.replaceAll('_', ''));
  if (!Number.isSafeInteger(value)) {
    throw new UserError(`${where}: ${JSON.stringify(text)} is not an integer HELM can read here (int() of it fails, or it is beyond 2^53).`);
  }
  return value === 0 ? 0 : value;
}

/**
 * The fields of a record made only of ASCII digits and delimiters (MS MARCO's ids, qrels and ranks), read
 * straight from the bytes; undefined when any other byte is there (the caller then decodes it as Python would).
 */
export function tsvDigitFields(buffer: Buffer, s: number, e: number, options: TsvOptions = {}): number[] | undefined {
  const delimiter = options.spaceIsTab === true ? 0x20 : TAB;
  const fields: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = s; i < e; i++) {
    const b = buffer[i]!;
    if (b >= 0x30 && b <= 0x39) {
      value = value * 10 + (b - 0x30);
      digits++;
    } else if (b === delimiter || b === TAB) {
      if (digits === 0 || digits > 15) return undefined;
      fields.push(value);
      value = 0;
      digits = 0;
    } else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  fields.push(value);
  return fields;
}
