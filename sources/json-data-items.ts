/**
 * @module The entries of a JSON file's top-level `"data"` list (SQuAD-style datasets: QuAC, NewsQA), streamed one
 * at a time where HELM's `json.load(f)["data"]` reads the whole file.
 */
import { createReadStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream';
import pick from 'stream-json/filters/pick.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import { UserError } from '../core/errors.ts';

/** One entry of `"data"`, with where it is (`path: data[i]`) for error messages. */
export interface JsonDataItem {
  readonly value: unknown;
  readonly where: string;
}

/**
 * The items of `{"data": [...]}` in `path`, in file order. A file that is not JSON, or has no item under
 * `"data"`, is a UserError naming it and `format` (what the file should hold).
 */
export async function* readJsonDataItems(path: string, format: string): AsyncGenerator<JsonDataItem> {
  if (!existsSync(path)) throw new UserError(`${path} does not exist; it should hold ${format}.`);
  const items = pipeline(createReadStream(path), pick.withParserAsStream({ filter: 'data' }), streamArray.asStream(), () => undefined);
  let count = 0;
  try {
    for await (const { key, value } of items as AsyncIterable<{ key: number; value: unknown }>) {
      count++;
      yield { value, where: `${path}: data[${key}]` };
    }
  } catch (cause) {
    if (cause instanceof UserError) throw cause;
    throw new UserError(`${path}: cannot read it as JSON (${(cause as Error).message}); it should hold ${format}.`, { cause });
  } finally {
    items.destroy();
  }
  if (count === 0) throw new UserError(`${path}: no entries under "data"; it should hold ${format}.`);
}
