/**
 * @module HELM's JSON text: Python `json.dumps(obj, indent=2)` byte for byte (ensure_ascii, `4` vs `4.0`,
 * float repr such as `1e-05`, None fields dropped), so our run files match HELM's exactly.
 */
import { PyFloat } from './py-float.ts';

/**
 * Python's `repr(float)`: the shortest digits that round-trip (as JS finds them), laid out the way Python
 * does: positional for exponents -4..15 with at least one fractional digit (`4.0`, `0.0001`,
 * `123456789012345.0`), otherwise `d.ddde±XX` (`1e-05`, `1.5e+16`); `NaN`, `Infinity`, `-Infinity`, `-0.0`.
 * (CPython `float_repr_style == 'short'`: `format_float_short` switches at `decpt <= -4 or decpt > 16`.)
 */
export function pythonFloatRepr(x: number): string {
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    // Python's positional range, where JS's shortest round-trip text is positional too and has the same digits.
    const text = String(x);
    return Number.isInteger(x) ? `${text}.0` : text;
  }
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest round-trip digits: "d.ddde±n".
  const [mantissa = '', exponentText = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${digits[0]}${rest}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intDigits = exponent + 1;
  if (digits.length <= intDigits) return `${sign}${digits.padEnd(intDigits, '0')}.0`;
  return `${sign}${digits.slice(0, intDigits)}.${digits.slice(intDigits)}`;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

// Python json's ESCAPE_ASCII: a backslash, a quote, or anything outside ' '..'~'. JS strings are UTF-16,
// so astral characters come out as their surrogate pairs, as Python writes them.
const NEEDS_ESCAPE = /[\\"]|[^ -~]/g;
const HAS_ESCAPE = /[\\"]|[^ -~]/;

/** A JSON string literal as Python's `json.dumps` (ensure_ascii=True) writes it. */
export function pythonJsonString(s: string): string {
  if (!HAS_ESCAPE.test(s)) return `"${s}"`;
  return `"${s.replace(
    NEEDS_ESCAPE,
    (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}"`;
}

/** An integral JS number as Python prints an int (no exponent, even past 1e21). */
export function intText(x: number): string {
  if (Object.is(x, -0)) return '0';
  return Math.abs(x) < 1e21 ? String(x) : BigInt(x).toString();
}

/** A number as HELM writes it: Python's float repr when Python holds it as a float or it is not integral, else an int. */
export const pythonNumberText = (x: number, isFloat: boolean): string =>
  isFloat || !Number.isInteger(x) ? pythonFloatRepr(x) : intText(x);

/**
 * An object that writes its own HELM JSON text, at the given indent and nesting level (first line not indented),
 * byte for byte what `helmJson` would write for its `toJSON()`; for records written by the million (Stat).
 */
export interface WritesHelmJson {
  helmJsonText(indent: number, level: number): string;
}
const writesHelmJson = (value: object): value is WritesHelmJson =>
  typeof (value as Partial<WritesHelmJson>).helmJsonText === 'function';

/** The value to serialize in place of `value`, or `undefined` when the field is dropped (None, functions). */
function resolve(value: unknown): unknown {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value instanceof PyFloat || value === null || typeof value !== 'object' || writesHelmJson(value)) return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === 'function' ? (toJSON as () => unknown).call(value) : value;
}

/**
 * Serializes `value` exactly as Python `json.dumps(value, indent=indent)` would, for HELM's records:
 * object keys in insertion order with `undefined` fields dropped (HELM drops None), `null` kept, a
 * `PyFloat` or a non-integral number printed as a Python float, an integral number as an int, strings
 * escaped as with `ensure_ascii`. Nested lines are indented relative to `level`, so an item written at
 * `level` 1 can be embedded in a streamed top-level array (the first line is not indented).
 * @example helmJson({ sum: 4, mean: new PyFloat(4) }) // '{\n  "sum": 4,\n  "mean": 4.0\n}'
 */
export function helmJson(value: unknown, indent = 2, level = 0): string {
  const resolved = resolve(value);
  return resolved === undefined ? 'null' : serialize(resolved, indent, level);
}

// Object keys repeat in every record: their literals are kept (HELM's records have a few dozen distinct keys).
const keyLiterals = new Map<string, string>();
function keyLiteral(key: string): string {
  const known = keyLiterals.get(key);
  if (known !== undefined) return known;
  const literal = `${pythonJsonString(key)}: `;
  if (keyLiterals.size < 10_000) keyLiterals.set(key, literal);
  return literal;
}

const newlineIndents: string[] = [];
/** A newline and `width` spaces (kept: every record needs the same few). */
export function newlineIndent(width: number): string {
  return (newlineIndents[width] ??= `\n${' '.repeat(width)}`);
}

/** A scalar's text, or `undefined` for an array or object. */
function scalarText(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (v instanceof PyFloat) return pythonFloatRepr(v.value);
  switch (typeof v) {
    case 'string':
      return pythonJsonString(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return pythonNumberText(v, false);
    case 'bigint':
      return v.toString();
    default:
      return undefined;
  }
}

// Built by appending to one string (V8 joins the pieces once, when the text is written), not by joining arrays.
/** Serializes a value already passed through `resolve`. */
function serialize(v: unknown, indent: number, level: number): string {
  const scalar = scalarText(v);
  if (scalar !== undefined) return scalar;
  if (writesHelmJson(v as object)) return (v as WritesHelmJson).helmJsonText(indent, level);
  const inner = newlineIndent(indent * (level + 1));
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      // An undefined array element has no Python counterpart; like JSON.stringify, write null.
      const item = resolve(v[i]);
      out += (i === 0 ? inner : `,${inner}`) + (item === undefined ? 'null' : serialize(item, indent, level + 1));
    }
    return `${out}${newlineIndent(indent * level)}]`;
  }
  let out = '{';
  let isFirst = true;
  const record = v as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const resolved = resolve(record[key]);
    if (resolved === undefined) continue;
    out += (isFirst ? inner : `,${inner}`) + keyLiteral(key) + serialize(resolved, indent, level + 1);
    isFirst = false;
  }
  return isFirst ? '{}' : `${out}${newlineIndent(indent * level)}}`;
}
