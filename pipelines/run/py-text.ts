/** @module Python's text rules that run-entry handling depends on: `int()`/`float()` parsing, `str()` (`strip()` and truthiness are core/python-text.ts). */
import { pythonFloatRepr } from '../../core/helm-json.ts';
import { PyFloat } from '../../core/py-float.ts';
import { pyStrip } from '../../core/python-text.ts';

/** A run-entry value: a Python int (JS number), a Python float (PyFloat, always), or a string. */
export type ArgValue = number | PyFloat | string;

const DIGITS = '\\d(?:_?\\d)*';
const INT_RE = new RegExp(`^[+-]?${DIGITS}$`);
const FLOAT_RE = new RegExp(`^[+-]?(?:(?:(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.?)(?:[eE][+-]?${DIGITS})?)$`);
const SPECIAL_FLOAT_RE = /^([+-]?)(inf|infinity|nan)$/i;

const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * Unicode decimal digits (`٣`, `３`) as ASCII, as Python's int()/float() read them. Nd characters come in
 * contiguous runs of whole 0–9 blocks, so a digit's value is its offset from the run's start, mod 10.
 */
function toAsciiDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, (digit) => {
    const cp = digit.codePointAt(0)!;
    let start = cp;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
    return String((cp - start) % 10);
  });
}

/**
 * Python `int(s)` for base 10 (surrounding whitespace, sign, `_` between digits, leading zeros, any
 * Unicode decimal digits), or undefined where Python raises ValueError. Beyond 2^53 precision is lost.
 */
export function parsePyInt(s: string): number | undefined {
  const t = toAsciiDigits(pyStrip(s));
  if (!INT_RE.test(t)) return undefined;
  const n = Number(t.replaceAll('_', ''));
  return n === 0 ? 0 : n; // no -0 for ints
}

/** Python `float(s)`, or undefined where Python raises ValueError. */
export function parsePyFloat(s: string): number | undefined {
  const t = toAsciiDigits(pyStrip(s));
  const special = SPECIAL_FLOAT_RE.exec(t);
  if (special) {
    const negative = special[1] === '-';
    if (special[2]!.toLowerCase() === 'nan') return Number.NaN;
    return negative ? -Infinity : Infinity;
  }
  if (!FLOAT_RE.test(t)) return undefined;
  return Number(t.replaceAll('_', ''));
}

/**
 * Python `repr(float)` (= `str(float)`): shortest round-trip digits, positional for exponents -4..15,
 * `inf`/`nan` as `str()` prints them (the JSON writer's `pythonFloatRepr` writes `Infinity`/`NaN`).
 * @example pyFloatRepr(3) === '3.0'; pyFloatRepr(1e-5) === '1e-05'; pyFloatRepr(1e16) === '1e+16'
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return pythonFloatRepr(x);
}

/** Python `str(value)` of a run-entry value: ints as digits, floats as `repr`, strings as themselves. */
export function pyStr(value: ArgValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

/** A readable form of a value for messages: strings quoted, numbers as Python prints them. */
export function describeValue(value: ArgValue): string {
  return typeof value === 'string' ? `'${value}'` : pyStr(value);
}
