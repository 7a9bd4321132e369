/**
 * @module A streaming CSV reader with Python `csv.reader`'s default dialect: `,` separated, `"` quoting with
 * `""` as an escaped quote, newlines allowed inside quotes. Rows are yielded as they are read.
 */
import { createReadStream } from 'node:fs';

/** Splits CSV text arriving in chunks into rows; feed chunks, then `end()`. */
export class CsvRowParser {
  private field = '';
  private row: string[] = [];
  private isQuoted = false;
  private quotePending = false;
  private rowHasContent = false;

  /** Parses a chunk; returns the rows it completed. */
  push(chunk: string): string[][] {
    const rows: string[][] = [];
    for (const c of chunk) {
      if (this.isQuoted) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.isQuoted = false; // the quote closed the field; fall through to handle c unquoted
        } else if (c === '"') {
          this.quotePending = true;
          continue;
        } else {
          this.field += c;
          continue;
        }
      }
      if (c === '"' && this.field === '') {
        this.isQuoted = true;
        this.rowHasContent = true;
      } else if (c === ',') {
        this.row.push(this.field);
        this.field = '';
        this.rowHasContent = true;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' || this.rowHasContent || this.field !== '' || this.row.length > 0) this.endRow(rows);
      } else {
        this.field += c;
        this.rowHasContent = true;
      }
    }
    return rows;
  }

  /** Flushes a last row without a trailing newline. */
  end(): string[][] {
    const rows: string[][] = [];
    if (this.quotePending) this.isQuoted = false;
    if (this.rowHasContent || this.field !== '' || this.row.length > 0) this.endRow(rows);
    return rows;
  }

  private endRow(rows: string[][]): void {
    if (!this.rowHasContent && this.field === '' && this.row.length === 0) return; // blank line: csv.reader skips it
    this.row.push(this.field);
    rows.push(this.row);
    this.row = [];
    this.field = '';
    this.rowHasContent = false;
  }
}

/** The rows of a CSV file, streamed. */
export async function* readCsvRows(path: string): AsyncIterable<string[]> {
  const parser = new CsvRowParser();
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) yield* parser.push(chunk as string);
  yield* parser.end();
}
