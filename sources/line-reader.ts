/** @module Streaming a text file line by line (JSONL datasets), never reading it whole. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The lines of a UTF-8 file, without their line endings. */
export async function* readLines(path: string): AsyncIterable<string> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    yield* lines;
  } finally {
    lines.close();
  }
}

/** The JSON records of a JSONL file (blank lines skipped); a bad line names the file and line number. */
export async function* readJsonLines(path: string): AsyncIterable<Record<string, unknown>> {
  let lineNumber = 0;
  for await (const line of readLines(path)) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${path}:${lineNumber}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
  }
}
