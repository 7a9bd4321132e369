/**
 * @module One JSON value as Python's `json.loads` reads it, keeping what `JSON.parse` loses and HELM's writer
 * needs back: a number written with a fraction or exponent is a Python float (`PyFloat`, so `1.0` is written
 * `1.0` again), an integer past 2^53 stays exact (`bigint`), and Python's `NaN`, `Infinity`, `-Infinity` parse.
 */
import { helmJson, newlineIndent, pythonJsonString, type WritesHelmJson } from './helm-json.ts';
import { PyFloat } from './py-float.ts';

/**
 * A JSON object with an integer-like key (`"10"`, `"2"`): a JS object would list such keys first, in numeric
 * order, where Python keeps the file's order. It keeps its entries in order and writes itself as HELM would.
 */
export interface OrderedJsonObject extends WritesHelmJson {
  readonly entries: ReadonlyArray<readonly [string, unknown]>;
}

const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;

/** An object that keeps `entries` in the given order when written by `helmJson`. */
export function orderedJsonObject(entries: Array<[string, unknown]>): OrderedJsonObject {
  return {
    entries,
    helmJsonText(indent: number, level: number): string {
      if (entries.length === 0) return '{}';
      const inner = newlineIndent(indent * (level + 1));
      const fields = entries.map(([key, value]) => `${inner}${pythonJsonString(key)}: ${helmJson(value, indent, level + 1)}`);
      return `{${fields.join(',')}${newlineIndent(indent * level)}}`;
    },
  };
}

/** Whether `value` is an object parsed with its key order kept apart (see `OrderedJsonObject`). */
export const isOrderedJsonObject = (value: unknown): value is OrderedJsonObject =>
  typeof value === 'object' && value !== null && Array.isArray((value as Partial<OrderedJsonObject>).entries) &&
  typeof (value as Partial<OrderedJsonObject>).helmJsonText === 'function';

/** A field of a parsed JSON object, plain or ordered; `undefined` when absent. */
export function jsonField(record: unknown, key: string): unknown {
  if (typeof record !== 'object' || record === null) return undefined;
  if (isOrderedJsonObject(record)) {
    let found: unknown;
    for (const [k, v] of record.entries) if (k === key) found = v; // a repeated key: json.loads keeps the last value
    return found;
  }
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** Parses one whole JSON text as Python's `json.loads` (with its NaN/Infinity extension) would. */
export function parsePythonJson(text: string): unknown {
  let pos = 0;

  const fail = (what: string): never => {
    const near = JSON.stringify(text.slice(pos, pos + 40));
    throw new SyntaxError(`invalid JSON at character ${pos}: ${what} (near ${near})`);
  };

  const skipWhitespace = (): void => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.test(text);
    pos = WHITESPACE.lastIndex;
  };

  const parseString = (): string => {
    const start = pos; // at the opening quote
    let end = text.indexOf('"', pos + 1);
    for (;;) {
      if (end < 0) return fail('unterminated string');
      let backslashes = 0;
      while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) break; // an odd run of backslashes escapes this quote
      end = text.indexOf('"', end + 1);
    }
    pos = end + 1;
    const backslash = text.indexOf('\\', start + 1);
    const hasEscape = backslash >= 0 && backslash < end;
    // Escapes (and control characters, which JSON forbids raw) are left to the native parser.
    return hasEscape ? (JSON.parse(text.slice(start, pos)) as string) : text.slice(start + 1, end);
  };

  const parseNumber = (): number | bigint | PyFloat => {
    NUMBER.lastIndex = pos;
    const match = NUMBER.exec(text);
    if (match === null) {
      if (text.startsWith('-Infinity', pos)) {
        pos += '-Infinity'.length;
        return new PyFloat(-Infinity);
      }
      return fail('expected a value');
    }
    pos = NUMBER.lastIndex;
    const literal = match[0];
    if (match[1] !== undefined || match[2] !== undefined) return new PyFloat(Number(literal));
    const value = Number(literal);
    return Number.isSafeInteger(value) ? value : BigInt(literal);
  };

  const parseLiteral = <T>(word: string, value: T): T => {
    if (!text.startsWith(word, pos)) fail('expected a value');
    pos += word.length;
    return value;
  };

  const parseValue = (): unknown => {
    skipWhitespace();
    switch (text.charCodeAt(pos)) {
      case 123 /* { */: {
        pos++;
        const record: Record<string, unknown> = {};
        let entries: Array<[string, unknown]> | undefined; // kept only once an integer-like key shows up
        skipWhitespace();
        if (text.charCodeAt(pos) === 125 /* } */) {
          pos++;
          return record;
        }
        for (;;) {
          skipWhitespace();
          if (text.charCodeAt(pos) !== 34) fail('expected a key');
          const key = parseString();
          skipWhitespace();
          if (text.charCodeAt(pos) !== 58 /* : */) fail("expected ':'");
          pos++;
          const value = parseValue();
          if (entries === undefined && INTEGER_KEY.test(key)) entries = Object.entries(record);
          if (entries !== undefined) {
            const at = entries.findIndex(([k]) => k === key);
            if (at < 0) entries.push([key, value]);
            else entries[at] = [key, value];
          } else if (key === '__proto__') {
            Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
          } else {
            record[key] = value; // as json.loads: a repeated key keeps its first position and its last value
          }
          skipWhitespace();
          const next = text.charCodeAt(pos);
          if (next !== 125 && next !== 44 /* , */) fail("expected ',' or '}'");
          pos++;
          if (next === 125) return entries === undefined ? record : orderedJsonObject(entries);
        }
      }
      case 91 /* [ */: {
        pos++;
        const list: unknown[] = [];
        skipWhitespace();
        if (text.charCodeAt(pos) === 93 /* ] */) {
          pos++;
          return list;
        }
        for (;;) {
          list.push(parseValue());
          skipWhitespace();
          const next = text.charCodeAt(pos);
          if (next !== 93 && next !== 44) fail("expected ',' or ']'");
          pos++;
          if (next === 93) return list;
        }
      }
      case 34 /* " */:
        return parseString();
      case 116 /* t */:
        return parseLiteral('true', true);
      case 102 /* f */:
        return parseLiteral('false', false);
      case 110 /* n */:
        return parseLiteral('null', null);
      case 78 /* N */:
        return parseLiteral('NaN', new PyFloat(NaN));
      case 73 /* I */:
        return parseLiteral('Infinity', new PyFloat(Infinity));
      default:
        return parseNumber();
    }
  };

  const value = parseValue();
  skipWhitespace();
  if (pos !== text.length) fail('unexpected text after the value');
  return value;
}
