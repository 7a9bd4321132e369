/**
 * @module How `pandas.read_csv(path)` (its C parser, default dialect) splits a CSV file into rows, streamed: HELM
 * reads some large datasets this way (`civil_comments`), and pandas differs from Python's `csv` module (blank lines
 * skipped, a `\r` inside quotes kept as it is). What pandas makes of the cells is `core/pandas-csv.ts`.
 */
import { UserError } from './errors.ts';

/** The tokenizer states of pandas' `tokenizer.c` that the default dialect reaches. */
type State = 'startRecord' | 'whitespaceLine' | 'startField' | 'inField' | 'inQuoted' | 'quoteInQuoted' | 'eatCrnl' | 'eatCrnlNop';

/** One row of fields and the physical line (1-based) where it starts. */
export interface PandasCsvRow {
  readonly fields: readonly string[];
  readonly line: number;
}

/**
 * Splits CSV text arriving in chunks into rows as pandas' C tokenizer does (`sep=","`, `quotechar='"'`,
 * `doublequote=True`, `skip_blank_lines=True`, line ends `\n`, `\r\n` or `\r`): blank and whitespace-only lines
 * are skipped, newlines and carriage returns inside quotes are kept unchanged, text after a closing quote is
 * appended, and a quote inside an unquoted field is an ordinary character. A leading BOM is dropped.
 * Mutable: `push` each chunk, then `end()`.
 * @example const t = new PandasCsvTokenizer('f.csv'); const rows = [...t.push('a,b\n1,"x\ny"\n'), ...t.end()];
 */
export class PandasCsvTokenizer {
  private state: State = 'startRecord';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private pendingWhitespace = '';
  private isStart = true;

  /** `where` names the file in errors. */
  constructor(private readonly where: string) {}

  /** Parses a chunk and returns the rows it completed. */
  push(chunk: string): PandasCsvRow[] {
    let text = chunk;
    if (this.isStart && text.length > 0) {
      this.isStart = false;
      if (text.startsWith('\ufeff')) text = text.slice(1); // pandas skips a UTF-8 BOM at the start of the file
    }
    const rows: PandasCsvRow[] = [];
    for (let i = 0; i < text.length; i++) {
      if (this.state === 'inQuoted' || this.state === 'inField') {
        const end = this.runEnd(text, i);
        if (end > i) {
          const run = text.slice(i, end);
          this.field += run;
          if (this.state === 'inQuoted') this.line += countBreaks(run);
          i = end - 1;
          continue;
        }
      }
      this.step(text[i]!, rows);
    }
    return rows;
  }

  /** Ends the input: a last row without a line end is returned; an open quoted field is a UserError, as in pandas. */
  end(): PandasCsvRow[] {
    const rows: PandasCsvRow[] = [];
    switch (this.state) {
      case 'inQuoted':
        throw new UserError(`${this.where}: the file ends inside a quoted field that starts on line ${this.recordLine} (pandas: "EOF inside string").`);
      case 'inField':
      case 'startField':
      case 'quoteInQuoted':
        this.endField();
        this.endLine(rows);
        break;
      case 'eatCrnl':
        this.endLine(rows);
        break;
      default:
        break;
    }
    this.state = 'startRecord';
    return rows;
  }

  /** Where the run of characters that only extend the current field ends: a quote in quotes, else a comma or a line end. */
  private runEnd(text: string, start: number): number {
    if (this.state === 'inQuoted') {
      const quote = text.indexOf('"', start);
      return quote < 0 ? text.length : quote;
    }
    let j = start;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === COMMA || c === LF || c === CR) break;
    }
    return j;
  }

  private step(c: string, rows: PandasCsvRow[]): void {
    switch (this.state) {
      case 'startRecord':
        this.recordLine = this.line;
        if (c === '\n') this.line++; // a blank line is skipped
        else if (c === '\r') {
          this.line++;
          this.state = 'eatCrnlNop';
        } else if (c === ' ' || c === '\t') {
          this.pendingWhitespace = c;
          this.state = 'whitespaceLine';
        } else {
          this.state = 'startField';
          this.step(c, rows);
        }
        return;
      case 'whitespaceLine':
        if (c === '\n') {
          this.line++;
          this.pendingWhitespace = '';
          this.state = 'startRecord';
        } else if (c === '\r') {
          this.line++;
          this.pendingWhitespace = '';
          this.state = 'eatCrnlNop';
        } else if (c === ' ' || c === '\t') this.pendingWhitespace += c;
        else {
          // Not blank after all: pandas backtracks to the line's start and reads it as a record.
          const replay = this.pendingWhitespace + c;
          this.pendingWhitespace = '';
          this.state = 'startField';
          for (const d of replay) this.step(d, rows);
        }
        return;
      case 'eatCrnlNop':
        this.state = 'startRecord';
        if (c !== '\n' && c !== ',') this.step(c, rows); // pandas consumes a "\n" (CRLF) or a comma here
        return;
      case 'startField':
        if (c === '\n') this.endFieldAndLine(rows);
        else if (c === '\r') {
          this.endField();
          this.state = 'eatCrnl';
        } else if (c === '"') this.state = 'inQuoted';
        else if (c === ',') this.endField();
        else {
          this.field += c;
          this.state = 'inField';
        }
        return;
      case 'inField':
        if (c === '\n') this.endFieldAndLine(rows);
        else if (c === '\r') {
          this.endField();
          this.state = 'eatCrnl';
        } else if (c === ',') {
          this.endField();
          this.state = 'startField';
        } else this.field += c;
        return;
      case 'inQuoted':
        if (c === '"') this.state = 'quoteInQuoted';
        else {
          if (c === '\n' || c === '\r') this.line += 1;
          this.field += c;
        }
        return;
      case 'quoteInQuoted':
        if (c === '"') {
          this.field += '"';
          this.state = 'inQuoted';
        } else if (c === ',') {
          this.endField();
          this.state = 'startField';
        } else if (c === '\n') this.endFieldAndLine(rows);
        else if (c === '\r') {
          this.endField();
          this.state = 'eatCrnl';
        } else {
          this.field += c;
          this.state = 'inField';
        }
        return;
      case 'eatCrnl':
        this.line++;
        this.endLine(rows);
        if (c !== '\n') this.step(c, rows); // a lone "\r" ended the row: this character starts the next one
        return;
    }
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'startField';
  }

  private endFieldAndLine(rows: PandasCsvRow[]): void {
    this.endField();
    this.line++;
    this.endLine(rows);
  }

  private endLine(rows: PandasCsvRow[]): void {
    rows.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.state = 'startRecord';
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Line breaks in quoted text, for line numbers: `\r\n` counts once. */
function countBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}
