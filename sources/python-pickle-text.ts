/**
 * @module How Python's unpickler turns opcode arguments into ints, floats and strings: little-endian two's
 * complement longs, UTF-8 with lone surrogates allowed (`surrogatepass`), and the text forms of protocol 0.
 */
import { pyFloat, type PyFloat } from '../core/py-float.ts';
import { PickleFormatError } from './python-pickle-opcodes.ts';

/** A Python int as a number when it is safe, else a bigint. */
const narrow = (value: bigint): number | bigint =>
  value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;

/** LONG1/LONG4: a little-endian two's complement integer (no bytes is 0). */
export function toPyInt(bytes: Uint8Array): number | bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
  if (bytes.length > 0 && bytes[bytes.length - 1]! >= 0x80) value -= 1n << BigInt(8 * bytes.length);
  return narrow(value);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Python's `str(data, 'utf-8', 'surrogatepass')`, as pickle decodes BINUNICODE: a lone surrogate (which Python's
 * str may hold and pickle writes as its three-byte form) is kept; any other invalid sequence is an error.
 */
export function utf8SurrogatePass(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    let out = '';
    let start = 0;
    for (let i = 0; i + 2 < bytes.length; i++) {
      if (bytes[i] === 0xed && bytes[i + 1]! >= 0xa0 && bytes[i + 1]! <= 0xbf && (bytes[i + 2]! & 0xc0) === 0x80) {
        out += utf8.decode(bytes.subarray(start, i)) + String.fromCharCode(0xd000 | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f));
        start = i + 3;
        i += 2;
      }
    }
    try {
      return out + utf8.decode(bytes.subarray(start));
    } catch (cause) {
      throw new PickleFormatError('a string that is not UTF-8', { cause });
    }
  }
}

/** Python `float(text)` for the repr forms protocol 0 writes (`1.5`, `1e+100`, `inf`, `-inf`, `nan`). */
function parseFloatText(text: string): PyFloat {
  const special: Record<string, number> = { inf: Infinity, '+inf': Infinity, '-inf': -Infinity, nan: NaN, '-nan': NaN };
  const lower = text.trim().toLowerCase();
  const value = special[lower] ?? Number(lower);
  if (Number.isNaN(value) && !lower.endsWith('nan')) throw new PickleFormatError(`FLOAT ${JSON.stringify(text)} is not a number`);
  return pyFloat(value);
}

function parseIntText(text: string): number | bigint {
  const digits = text.trim().replace(/L$/, '');
  if (!/^[+-]?\d+$/.test(digits)) throw new PickleFormatError(`${JSON.stringify(text)} is not an int`);
  return narrow(BigInt(digits));
}

/** A Python 2 `str` read with Python 3's default `encoding='ASCII'`: any byte past 0x7f is an error, as there. */
function asciiText(bytes: Uint8Array | string): string {
  const text = typeof bytes === 'string' ? bytes : String.fromCharCode(...bytes);
  if (/[^\x00-\x7f]/.test(text)) throw new PickleFormatError("a Python 2 str with bytes past ASCII (Python 3 refuses it too, with encoding='ASCII')");
  return text;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '\n': '', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** `codecs.escape_decode` of a protocol-0 STRING's quoted body: backslash escapes, octal and `\xhh`. */
function escapeDecode(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|[\s\S])/g, (whole, escape: string) => {
    if (escape.startsWith('x') && escape.length === 3) return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCharCode(Number.parseInt(escape, 8) & 0xff);
    return SIMPLE_ESCAPES[escape] ?? whole;
  });
}

/**
 * `raw-unicode-escape`: latin-1 text in which `\uXXXX` and `\UXXXXXXXX` stand for other code points; a backslash
 * escapes only when an odd number of them stand before the `u` (`\\u` stays as written).
 */
const rawUnicodeEscape = (text: string): string =>
  text.replace(/(\\+)(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/g, (whole, slashes: string, escape: string) =>
    slashes.length % 2 === 0 ? whole : slashes.slice(1) + String.fromCodePoint(Number.parseInt(escape.slice(1), 16)),
  );

/** The value of a text opcode of protocol 0–2 (FLOAT, INT, LONG, STRING, BINSTRING, SHORT_BINSTRING, UNICODE). */
export function readPickleText(name: string, arg: string | Uint8Array): number | bigint | boolean | PyFloat | string {
  const text = typeof arg === 'string' ? arg : '';
  switch (name) {
    case 'FLOAT':
      return parseFloatText(text);
    case 'INT':
      return text === '00' ? false : text === '01' ? true : parseIntText(text);
    case 'LONG':
      return parseIntText(text);
    case 'STRING': {
      const quote = text[0];
      if (text.length < 2 || (quote !== '"' && quote !== "'") || text.at(-1) !== quote) throw new PickleFormatError('STRING opcode argument must be quoted');
      return asciiText(escapeDecode(text.slice(1, -1)));
    }
    case 'UNICODE':
      return rawUnicodeEscape(text);
    default:
      return asciiText(arg);
  }
}
