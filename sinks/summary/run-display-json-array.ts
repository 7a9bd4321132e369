/**
 * @module The items of a huge JSON array read one at a time, as UTF-8 bytes (HELM's `per_instance_stats.json`,
 * or the `request_states` of `scenario_state.json`): the caller parses what it needs of each. Memory holds one
 * item and one read block, whatever the file's size.
 */
import { createReadStream } from 'node:fs';
import { UserError } from '../../core/errors.ts';
import { JSON_BYTE, isJsonWhitespace, jsonScan, scanJsonValue } from './run-display-json-bytes.ts';

const { QUOTE, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA, COLON } = JSON_BYTE;

/** Where the array is: the whole file, or the value of one key of a top-level object. */
export interface JsonArrayOptions {
  /** The key of the array inside a top-level object (`'request_states'`); absent: the file is the array. */
  readonly arrayKey?: string;
  /** Bytes read per block (default 1 MiB). */
  readonly blockBytes?: number;
  /**
   * Start at this item (its `byte` and `index` as an earlier read yielded them) instead of the file's start;
   * reading then ends with the array (what follows it is not checked again).
   */
  readonly from?: { readonly byte: number; readonly index: number };
}

/** One item: its bytes, where it starts in the file, and its index in the array. */
export interface JsonArrayItem {
  readonly bytes: Buffer;
  readonly byte: number;
  readonly index: number;
}

/**
 * Yields each item of a JSON array, in file order. Only the brackets and strings are followed: an item's own
 * syntax is left to its parser. A file that ends early, or is not the expected shape, is a `UserError` naming
 * the file and the item.
 * @example for await (const { bytes } of readJsonArrayItems(join(runDir, 'scenario_state.json'), { arrayKey: 'request_states' })) …
 */
export async function* readJsonArrayItems(path: string, options: JsonArrayOptions = {}): AsyncGenerator<JsonArrayItem> {
  const from = options.from;
  const blocks = createReadStream(path, { highWaterMark: options.blockBytes ?? 1 << 20, start: from?.byte ?? 0 });
  const reader = blocks[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let bytes: Buffer = Buffer.alloc(0);
  let pos = 0;
  let consumed = from?.byte ?? 0; // bytes of the file before `bytes`
  let itemIndex = from?.index ?? 0;
  const where = () => (options.arrayKey === undefined ? `item ${itemIndex}` : `${options.arrayKey}[${itemIndex}]`);
  const bad = (what: string): never => {
    throw new UserError(
      `${path} is not a complete HELM JSON file: ${what} at byte ${consumed + pos} (${where()}). ` +
        'Write the run again (helm-run) or remove this run directory.',
    );
  };

  /** Reads one more block; false at the end of the file. */
  const more = async (): Promise<boolean> => {
    const next = await reader.next();
    if (next.done === true) return false;
    consumed += pos;
    bytes = pos < bytes.length ? Buffer.concat([bytes.subarray(pos), next.value]) : next.value;
    pos = 0;
    return true;
  };

  /** The next byte that is not whitespace (pos left on it), or NaN at the end of the file. */
  const peek = async (): Promise<number> => {
    for (;;) {
      while (pos < bytes.length && isJsonWhitespace(bytes[pos]!)) pos++;
      if (pos < bytes.length) return bytes[pos]!;
      if (!(await more())) return NaN;
    }
  };

  /** The bytes of the value at `pos` (after whitespace); `pos` moves past it. */
  const valueBytes = async (): Promise<Buffer> => {
    const first = await peek();
    if (Number.isNaN(first)) bad('the file ends where a value should start');
    const scan = jsonScan(first);
    for (;;) {
      const end = scanJsonValue(bytes, pos, scan);
      if (end >= 0) {
        const value = bytes.subarray(pos, end);
        pos = end;
        return value;
      }
      if (!(await more())) {
        if (!scan.isScalar) bad('the file ends inside a value');
        const value = bytes.subarray(pos);
        pos = bytes.length;
        return value;
      }
    }
  };

  const expect = async (code: number, what: string): Promise<void> => {
    if ((await peek()) !== code) bad(`expected ${what}`);
    pos++;
  };

  async function* arrayItems(isAtItem: boolean): AsyncGenerator<JsonArrayItem> {
    if (!isAtItem) {
      await expect(OPEN_BRACKET, "'['");
      if ((await peek()) === CLOSE_BRACKET) {
        pos++;
        return;
      }
    }
    for (;;) {
      await peek();
      const byte = consumed + pos;
      yield { bytes: await valueBytes(), byte, index: itemIndex };
      itemIndex++;
      const next = await peek();
      if (next !== CLOSE_BRACKET && next !== COMMA) bad("expected ',' or ']' after an item");
      pos++;
      if (next === CLOSE_BRACKET) return;
    }
  }

  try {
    if (from !== undefined) {
      yield* arrayItems(true);
      return;
    }
    if (options.arrayKey === undefined) {
      yield* arrayItems(false);
    } else {
      await expect(OPEN_BRACE, "'{'");
      let isFound = false;
      for (let next = await peek(); next !== CLOSE_BRACE; next = await peek()) {
        if (next !== QUOTE) bad('expected a key');
        const key: unknown = JSON.parse((await valueBytes()).toString('utf8'));
        await expect(COLON, "':'");
        if (key === options.arrayKey) {
          isFound = true;
          yield* arrayItems(false);
        } else {
          await valueBytes(); // another field (adapter_spec): skipped
        }
        if ((await peek()) === COMMA) pos++;
      }
      pos++;
      if (!isFound) bad(`no "${options.arrayKey}" field`);
    }
    if (!Number.isNaN(await peek())) bad('unexpected text after the JSON value');
  } finally {
    await reader.return?.();
    blocks.destroy();
  }
}
