/**
 * @module Where each line of a file lies, so that a scenario which shuffles all of its lines (HELM's
 * `random.shuffle(lines)`) can hold only their byte offsets and read each one again when its turn comes.
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { UserError } from '../core/errors.ts';

/** One line's bytes `[start, end)` (without its line ending) and its 1-based number. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

const LF = 0x0a;
const CR = 0x0d;
const isBlankByte = (b: number): boolean => b === 0x20 || b === 0x09;

/**
 * The non-blank lines of a file, as Python's text mode splits them (`\n`, `\r\n` and `\r` each end a line).
 * Bytes are scanned, not decoded: no byte of a multi-byte UTF-8 character is a line ending. Lines of only
 * spaces and tabs are left out, as `readJsonLines` leaves them out. Memory: one small record per line.
 */
export async function lineSpans(path: string): Promise<LineSpan[]> {
  const spans: LineSpan[] = [];
  let offset = 0; // of the current chunk's first byte in the file
  let start = 0; // of the current line
  let blank = true;
  let line = 0;
  let afterCr = false;
  const close = (end: number): void => {
    line++;
    if (!blank) spans.push({ start, end, line });
    blank = true;
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      const at = offset + i;
      if (afterCr) {
        afterCr = false;
        if (b === LF) {
          start = at + 1; // the \n of a \r\n
          continue;
        }
      }
      if (b === LF || b === CR) {
        close(at);
        start = at + 1;
        afterCr = b === CR;
      } else if (blank && !isBlankByte(b)) blank = false;
    }
    offset += chunk.length;
  }
  if (start < offset) close(offset);
  return spans;
}

/** The text of one line of an open file, decoded as UTF-8 (bytes that are not UTF-8 are a UserError). */
export async function readSpan(file: FileHandle, span: LineSpan, where: string): Promise<string> {
  const bytes = Buffer.alloc(span.end - span.start);
  const { bytesRead } = await file.read(bytes, 0, bytes.length, span.start);
  if (bytesRead !== bytes.length) throw new UserError(`${where}: the file changed while it was read.`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new UserError(`${where}: not valid UTF-8 text (${(error as Error).message}).`, { cause: error });
  }
}
