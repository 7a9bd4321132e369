/**
 * @module HELM's run files (`per_instance_stats.json`, `stats.json`, `scenario_state.json`, …) written as
 * Python's `json.dumps(whole, indent=2)` would write them, but streamed: the list is never held in memory.
 * Bytes go to `<name>.tmp`, renamed to `<name>` only on `close()`, so a crash leaves nothing looking complete.
 */
import { rename } from 'node:fs/promises';
import { helmJson } from '../core/helm-json.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { batchedFile, removeIfExists } from './batched-file.ts';
import { writerSink, type RecordWriter, type SinkReport } from './record-writer.ts';
import type { Observable } from 'rxjs';

const INDENT = 2;
const pad = (level: number): string => ' '.repeat(INDENT * level);

/** Shape of a streamed HELM JSON file. Without `arrayKey` it is a top-level array. */
export interface HelmJsonFileOptions {
  /**
   * For an object whose last field is the streamed array: that field's key
   * (`scenario_state.json`: `'request_states'`).
   */
  readonly arrayKey?: string;
  /** The object's fields before the array, in order (`scenario_state.json`: `{ adapter_spec }`). */
  readonly head?: Readonly<Record<string, unknown>>;
  /** Characters gathered before one write to disk (default 64 KiB). */
  readonly batchChars?: number;
}

/** A streaming writer of one HELM JSON file; `tmpPath` holds the bytes until `close()`. */
export interface HelmJsonFileWriter extends RecordWriter<unknown> {
  readonly tmpPath: string;
}

/**
 * Opens a streaming HELM JSON file. Items are serialized by `helmJson` at their nesting level, so the result
 * is byte for byte `json.dumps(whole, indent=2)` of the whole list (or object), with no trailing newline.
 * @example
 * const file = helmJsonFile(join(runDir, 'scenario_state.json'), { head: { adapter_spec }, arrayKey: 'request_states' });
 * for await (const state of states) await file.write(requestStateJson(state));
 * await file.close();
 */
export function helmJsonFile(path: string, options: HelmJsonFileOptions = {}): HelmJsonFileWriter {
  if (options.head !== undefined && options.arrayKey === undefined) {
    throw new Error(`helmJsonFile(${path}): 'head' needs 'arrayKey', the key of the streamed array`);
  }
  const tmpPath = `${path}.tmp`;
  const file = batchedFile(tmpPath, options.batchChars === undefined ? {} : { batchChars: options.batchChars });
  const isObject = options.arrayKey !== undefined;
  const level = isObject ? 1 : 0; // nesting level of the array itself
  let opening = '';
  if (isObject) {
    // The head and the array key, as json.dumps writes the object's first fields.
    const headText = helmJson({ ...options.head, [options.arrayKey!]: [] }, INDENT, 0);
    opening = headText.slice(0, headText.length - '[]\n}'.length);
  }
  let count = 0;
  let state: 'open' | 'closed' | 'aborted' = 'open';

  return {
    path,
    tmpPath,
    get count() {
      return count;
    },
    write(item: unknown): Promise<void> {
      if (state !== 'open') return Promise.reject(new Error(`${path} is already ${state}`));
      const separator = count === 0 ? `${opening}[\n${pad(level + 1)}` : `,\n${pad(level + 1)}`;
      count += 1;
      return file.push(separator + helmJson(item, INDENT, level + 1));
    },
    async close(): Promise<void> {
      if (state !== 'open') throw new Error(`${path} is already ${state}`);
      state = 'closed';
      const array = count === 0 ? `${opening}[]` : `\n${pad(level)}]`;
      await file.push(isObject ? `${array}\n}` : array);
      await file.close();
      await rename(tmpPath, path);
    },
    async abort(): Promise<void> {
      if (state === 'aborted') return;
      state = 'aborted';
      await file.destroy();
      await removeIfExists(tmpPath);
    },
  };
}

/**
 * An RxJS sink writing every item into one streamed HELM JSON file (see `helmJsonFile`).
 * @example stats$.pipe(map((s) => s.toJson()), helmJsonFileSink(join(runDir, 'stats.json')))
 */
export function helmJsonFileSink(
  path: string,
  options: HelmJsonFileOptions = {},
): (items$: Observable<unknown>) => Observable<SinkReport> {
  return writerSink(() => helmJsonFile(path, options));
}

/**
 * Writes a small HELM JSON file (`run_spec.json`, `scenario.json`) whole, atomically: `<name>.tmp`, fsync,
 * rename.
 */
export async function writeHelmJsonFile(path: string, value: unknown): Promise<void> {
  await writeFileAtomically(path, helmJson(value, INDENT, 0));
}
