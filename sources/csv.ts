/**
 * @module A streaming CSV reader that gives what Python's `csv.reader(open(path))` gives with the default
 * dialect (HELM's readers): `,` separated, `"` quoting, `""` for a quote inside quotes, newlines kept inside
 * quotes, universal newlines (`\r\n` and `\r` read as `\n`, as a file opened in text mode does), and a blank
 * line read as an empty row. The file is decoded and parsed chunk by chunk, never read whole.
 */
import { createReadStream } from 'node:fs';
import { UserError } from '../core/errors.ts';

/** One parsed row and the physical line (1-based) where it starts. */
export interface CsvRow {
  readonly fields: readonly string[];
  readonly line: number;
}

/** The states of CPython's `Modules/_csv.c` reader that the default dialect reaches. */
type State = 'startRecord' | 'startField' | 'inField' | 'inQuotedField' | 'quoteInQuotedField';

const CR = 13;
const LF = 10;
const QUOTE = 34;
const COMMA = 44;

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Splits CSV text arriving in chunks into rows: `push` each chunk, then `end()`. */
export class CsvRowParser {
  private state: State = 'startRecord';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private pendingCr = false;

  /** Parses a chunk and returns the rows it completed. */
  push(chunk: string): CsvRow[] {
    const rows: CsvRow[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (!this.pendingCr) {
        const end = this.plainRunEnd(chunk, i);
        if (end > i) {
          // A run of characters that only extend the current field: taken whole rather than one by one.
          const run = chunk.slice(i, end);
          if (this.state === 'inQuotedField') this.line += countNewlines(run);
          else this.state = 'inField';
          this.field += run;
          i = end;
          continue;
        }
      }
      let c = chunk[i]!;
      i++;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === '\n') continue; // the \n of a \r\n, already read as a newline
      }
      if (c === '\r') {
        this.pendingCr = true;
        c = '\n';
      }
      this.step(c, rows);
    }
    return rows;
  }

  /**
   * Where the run of characters from `start` that the current state appends to the field as they are ends:
   * in a quoted field, at the next quote or carriage return; in an unquoted one, at the next separator, quote
   * (at a field's start) or line end. `start` when there is none.
   */
  private plainRunEnd(chunk: string, start: number): number {
    const isQuoted = this.state === 'inQuotedField';
    if (!isQuoted && this.state !== 'inField' && this.state !== 'startField') return start;
    let j = start;
    for (; j < chunk.length; j++) {
      const code = chunk.charCodeAt(j);
      if (code === CR || code === QUOTE) {
        if (isQuoted || code === CR || (this.state === 'startField' && j === start)) break;
      } else if (!isQuoted && (code === COMMA || code === LF)) break;
    }
    return j;
  }

  /** Ends the input: a last row without a newline, or an unterminated quoted field, is returned as Python does. */
  end(): CsvRow[] {
    const rows: CsvRow[] = [];
    // Python feeds an end-of-line after a last line without "\n", and keeps a quoted field still open at EOF.
    if (this.state !== 'startRecord') this.endRecord(rows);
    return rows;
  }

  private step(c: string, rows: CsvRow[]): void {
    switch (this.state) {
      case 'startRecord':
        this.recordLine = this.line;
        if (c === '\n') {
          this.line++;
          rows.push({ fields: [], line: this.recordLine }); // csv.reader yields [] for a blank line
          return;
        }
        this.state = 'startField';
        this.step(c, rows);
        return;
      case 'startField':
        if (c === '\n') this.endRecord(rows);
        else if (c === '"') this.state = 'inQuotedField';
        else if (c === ',') this.saveField();
        else {
          this.field += c;
          this.state = 'inField';
        }
        return;
      case 'inField':
        if (c === '\n') this.endRecord(rows);
        else if (c === ',') this.saveField();
        else this.field += c;
        return;
      case 'inQuotedField':
        if (c === '"') this.state = 'quoteInQuotedField';
        else {
          if (c === '\n') this.line++;
          this.field += c;
        }
        return;
      case 'quoteInQuotedField':
        if (c === '"') {
          this.field += '"';
          this.state = 'inQuotedField';
        } else if (c === ',') this.saveField();
        else if (c === '\n') this.endRecord(rows);
        else {
          this.field += c; // text after a closing quote is kept (csv's non-strict mode)
          this.state = 'inField';
        }
        return;
    }
  }

  private saveField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'startField';
  }

  private endRecord(rows: CsvRow[]): void {
    this.fields.push(this.field);
    rows.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.field = '';
    this.state = 'startRecord';
    this.line++;
  }
}

/**
 * The rows of a UTF-8 CSV file, streamed. Each iteration reads the file again. Bytes that are not UTF-8 are
 * a UserError naming the file (Python's `open` raises `UnicodeDecodeError` there).
 * @example for await (const { fields, line } of readCsvRows('data/test/anatomy_test.csv')) …
 */
export async function* readCsvRows(path: string): AsyncGenerator<CsvRow> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }); // Python's "utf-8" keeps a BOM
  const parser = new CsvRowParser();
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch (error) {
      throw new UserError(`${path} is not valid UTF-8 text (${(error as Error).message}).`, { cause: error });
    }
  };
  for await (const chunk of createReadStream(path)) yield* parser.push(decode(chunk as Buffer));
  yield* parser.push(decode());
  yield* parser.end();
}
