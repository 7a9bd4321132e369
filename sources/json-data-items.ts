/**
 * @module The entries of a JSON file's top-level `"data"` list (SQuAD-style datasets: QuAC, NewsQA), streamed one
 * at a time where HELM's `json.load(f)["data"]` reads the whole file.
 */
import { createReadStream, existsSync } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import pick from 'stream-json/filters/pick.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import { UserError } from '../core/errors.ts';

/** One entry of `"data"`, with where it is (`path: data[i]`) for error messages. */
export interface JsonDataItem {
  readonly value: unknown;
  readonly where: string;
}

/**
 * The items of `{"data": [...]}` in `path`, in file order (none for `"data": []`, as in HELM). A file that is not
 * JSON, or has no `"data"` list, is a UserError naming it and `format` (what the file should hold).
 */
export async function* readJsonDataItems(path: string, format: string): AsyncGenerator<JsonDataItem> {
  if (!existsSync(path)) throw new UserError(`${path} does not exist; it should hold ${format}.`);
  let hasData = false; // whether "data" was found at all: pick passes on no token otherwise
  const seen = new Transform({
    objectMode: true,
    transform(token, _encoding, done) {
      hasData = true;
      done(null, token);
    },
  });
  const items = pipeline(createReadStream(path), pick.withParserAsStream({ filter: 'data' }), seen, streamArray.asStream(), () => undefined);
  try {
    for await (const { key, value } of items as AsyncIterable<{ key: number; value: unknown }>) yield { value, where: `${path}: data[${key}]` };
  } catch (cause) {
    if (cause instanceof UserError) throw cause;
    throw new UserError(`${path}: cannot read it as JSON (${(cause as Error).message}); it should hold ${format}.`, { cause });
  } finally {
    items.destroy();
  }
  if (!hasData) throw new UserError(`${path}: no "data" list; it should hold ${format}.`);
}
