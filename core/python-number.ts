/** @module Python's `int(s)` and `float(s)` on text: what run entries, conf files and datasets spell numbers as. */
import { pyStrip } from './python-text.ts';

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
