/**
 * @module JSON values found in UTF-8 bytes without parsing them: where a value ends, an object's fields, an
 * array's first item. A request state's result holds every token of every completion; the display needs only
 * the first completion, so the rest is skipped by this scan rather than parsed. A multi-byte UTF-8 character
 * never contains a byte below 0x80, so quotes, backslashes and brackets are found as single bytes.
 */

/** The bytes of JSON's syntax. */
export const JSON_BYTE = {
  QUOTE: 0x22,
  BACKSLASH: 0x5c,
  OPEN_BRACE: 0x7b,
  CLOSE_BRACE: 0x7d,
  OPEN_BRACKET: 0x5b,
  CLOSE_BRACKET: 0x5d,
  COMMA: 0x2c,
  COLON: 0x3a,
} as const;
const { QUOTE, BACKSLASH, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA, COLON } = JSON_BYTE;

/** JSON's four whitespace bytes. */
export const isJsonWhitespace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Where the scan of one value stands; it survives more bytes being appended (positions relative to its start). */
export interface JsonScan {
  offset: number;
  depth: number;
  inString: boolean;
  /** A number or literal: it ends at `,`, `]`, `}` or whitespace. */
  readonly isScalar: boolean;
}

/** A fresh scan of the value whose first byte is `first`. */
export const jsonScan = (first: number): JsonScan => ({
  offset: 0,
  depth: 0,
  inString: false,
  isScalar: first !== QUOTE && first !== OPEN_BRACE && first !== OPEN_BRACKET,
});

/**
 * The index just past the value that starts at `start`, or -1 when `bytes` ends first (`scan` then says where
 * to go on once more bytes are appended). Follows only strings and brackets.
 */
export function scanJsonValue(bytes: Uint8Array, start: number, scan: JsonScan): number {
  const length = bytes.length;
  let i = start + scan.offset;
  if (scan.isScalar) {
    for (i = Math.max(i, start + 1); i < length; i++) {
      const c = bytes[i]!;
      if (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || isJsonWhitespace(c)) return i;
    }
    scan.offset = i - start;
    return -1;
  }
  let depth = scan.depth;
  let inString = scan.inString;
  while (i < length) {
    if (inString) {
      const quote = bytes.indexOf(QUOTE, i);
      if (quote < 0) {
        i = length;
        break;
      }
      // An odd run of backslashes before it escapes this quote (the run lies inside the string, after `start`).
      let backslashes = 0;
      while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
      i = quote + 1;
      if (backslashes % 2 === 0) {
        inString = false;
        if (depth === 0) return i;
      }
      continue;
    }
    const c = bytes[i++]!;
    if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i;
  }
  scan.offset = i - start;
  scan.depth = depth;
  scan.inString = inString;
  return -1;
}

const skipWhitespace = (bytes: Uint8Array, i: number): number => {
  while (i < bytes.length && isJsonWhitespace(bytes[i]!)) i++;
  return i;
};

/** The end of the complete value at `start` (after whitespace) in `bytes`, which must hold all of it. */
function valueEnd(bytes: Uint8Array, start: number): number {
  const scan = jsonScan(bytes[start] ?? QUOTE);
  const end = scanJsonValue(bytes, start, scan);
  if (end >= 0) return end;
  if (scan.isScalar && start < bytes.length) return bytes.length; // a number or literal that ends the bytes
  throw new SyntaxError(`incomplete JSON value at byte ${start}`);
}

/**
 * The fields of a JSON object, each as the bytes of its value (views into `bytes`, not copies), in file order.
 * A repeated key keeps its last value, as Python's `json.loads` does. With `lastKey`, the scan stops after that
 * key's value (the object's rest is then neither scanned nor checked).
 */
export function jsonObjectFields(bytes: Buffer, lastKey?: string): Map<string, Buffer> {
  const fields = new Map<string, Buffer>();
  let i = skipWhitespace(bytes, 0);
  if (bytes[i] !== OPEN_BRACE) throw new SyntaxError('expected a JSON object');
  i = skipWhitespace(bytes, i + 1);
  if (bytes[i] === CLOSE_BRACE) return fields;
  for (;;) {
    if (bytes[i] !== QUOTE) throw new SyntaxError(`expected a key at byte ${i}`);
    const keyEnd = valueEnd(bytes, i);
    const key = JSON.parse(bytes.toString('utf8', i, keyEnd)) as string;
    i = skipWhitespace(bytes, keyEnd);
    if (bytes[i] !== COLON) throw new SyntaxError(`expected ':' at byte ${i}`);
    const start = skipWhitespace(bytes, i + 1);
    const end = valueEnd(bytes, start);
    fields.set(key, bytes.subarray(start, end));
    if (key === lastKey) return fields;
    i = skipWhitespace(bytes, end);
    if (bytes[i] === CLOSE_BRACE) return fields;
    if (bytes[i] !== COMMA) throw new SyntaxError(`expected ',' or '}' at byte ${i}`);
    i = skipWhitespace(bytes, i + 1);
  }
}

/** The bytes of a JSON array's items (views into `bytes`), at most `limit` of them: the rest is not scanned. */
export function jsonArrayItems(bytes: Buffer, limit = Infinity): Buffer[] {
  const items: Buffer[] = [];
  let i = skipWhitespace(bytes, 0);
  if (bytes[i] !== OPEN_BRACKET) throw new SyntaxError('expected a JSON array');
  i = skipWhitespace(bytes, i + 1);
  if (bytes[i] === CLOSE_BRACKET) return items;
  while (items.length < limit) {
    const end = valueEnd(bytes, i);
    items.push(bytes.subarray(i, end));
    i = skipWhitespace(bytes, end);
    if (bytes[i] === CLOSE_BRACKET) break;
    if (bytes[i] !== COMMA) throw new SyntaxError(`expected ',' or ']' at byte ${i}`);
    i = skipWhitespace(bytes, i + 1);
  }
  return items;
}
