/** @module Streaming a UTF-8 text file line by line (JSONL datasets), never reading it whole. */
import { createReadStream } from 'node:fs';
import { UserError } from '../core/errors.ts';

/** One line of a file, without its line ending, and its 1-based number. */
export interface TextLine {
  readonly text: string;
  readonly line: number;
}

/**
 * The lines of a UTF-8 file as Python's text mode reads them: `\n`, `\r\n` and `\r` all end a line (universal
 * newlines), a BOM is kept, and bytes that are not UTF-8 are a UserError naming the file.
 */
export async function* readLines(path: string): AsyncGenerator<TextLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending = '';
  let lineNumber = 0;
  let done = false;
  let searchFrom = 0;
  const stream = createReadStream(path);
  try {
    const chunks = stream[Symbol.asyncIterator]();
    while (!done) {
      const next = (await chunks.next()) as IteratorResult<Buffer>;
      let text: string;
      try {
        text = next.done === true ? decoder.decode() : decoder.decode(next.value, { stream: true });
      } catch (error) {
        throw new UserError(`${path} is not valid UTF-8 text (${(error as Error).message}).`, { cause: error });
      }
      done = next.done === true;
      pending += text;
      let start = 0;
      for (;;) {
        const end = nextBreak(pending, Math.max(start, searchFrom));
        if (end < 0) {
          searchFrom = pending.length; // a long line spanning chunks is scanned once, not once per chunk
          break;
        }
        // A \r at the end of a chunk may be the first half of a \r\n: wait for the next chunk to tell.
        if (pending[end] === '\r' && end === pending.length - 1 && !done) {
          searchFrom = end;
          break;
        }
        yield { text: pending.slice(start, end), line: ++lineNumber };
        start = end + (pending[end] === '\r' && pending[end + 1] === '\n' ? 2 : 1);
      }
      pending = pending.slice(start);
      searchFrom -= start;
    }
    if (pending !== '') yield { text: pending, line: ++lineNumber };
  } finally {
    stream.destroy();
  }
}

function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

/** One record of a JSONL file and where it was read (`path:line`), for error messages. */
export interface JsonLine {
  readonly record: Readonly<Record<string, unknown>>;
  readonly where: string;
}

/**
 * The JSON objects of a JSONL file, streamed. Blank lines are skipped (HELM's `json.loads` would fail on
 * them); a line that is not a JSON object is a UserError naming the file and line.
 */
export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  for await (const { text, line } of readLines(path)) {
    if (text.trim() === '') continue;
    const where = `${path}:${line}`;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new UserError(`${where}: not valid JSON (${(error as Error).message}).`, { cause: error });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UserError(`${where}: expected a JSON object on each line.`);
    }
    yield { record: value as Record<string, unknown>, where };
  }
}
