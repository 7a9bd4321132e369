/**
 * @module Python 3.11 `str` rules that JS lacks: whitespace (`str.isspace`), `strip()`, `rstrip()`, `split()`,
 * truthiness, `string.punctuation`, the `\s`/`\w`/`\b` of a `str` pattern, and `sorted()`'s order of strings.
 */
import { PyFloat } from './py-float.ts';

/**
 * The inside of a RegExp character class matching Python's whitespace (`str.isspace()`, the `\s` of a `str`
 * pattern). JS `\s` lacks U+001C–U+001F and U+0085 and adds U+FEFF, so `String.prototype.trim` is not `strip()`.
 * @example new RegExp(`[${PY_SPACE_CHARS}]+`)
 */
export const PY_SPACE_CHARS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** The inside of a character class matching Python's `\w` on `str`: letters, numbers (`str.isalnum`) and `_`. Use the `u` flag. */
export const PY_WORD_CHARS = '\\p{L}\\p{N}_';

/** Python's `\w` on `str` as a RegExp class (JS `\w` is ASCII-only). Use the `u` flag. */
export const PY_WORD_CHAR = `[${PY_WORD_CHARS}]`;

/** Python's `\b` on `str`: between a word and a non-word character or the text's edge (JS `\b` is ASCII-only). Use the `u` flag. */
export const PY_WORD_BOUNDARY = `(?:(?<=${PY_WORD_CHAR})(?!${PY_WORD_CHAR})|(?<!${PY_WORD_CHAR})(?=${PY_WORD_CHAR}))`;

/** Python `string.punctuation`. */
export const PY_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

const IS_PY_SPACE = new RegExp(`^[${PY_SPACE_CHARS}]$`);
const PY_SPACE_RUN = new RegExp(`[${PY_SPACE_CHARS}]+`);

/** Python `text.strip()` with no argument. */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && IS_PY_SPACE.test(text[start]!)) start++;
  while (end > start && IS_PY_SPACE.test(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Python `text.rstrip()` with no argument. */
export function pyRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && IS_PY_SPACE.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Python `text.split()` with no separator: runs of whitespace separate, and no empty strings result. */
export function pySplit(text: string): string[] {
  const stripped = pyStrip(text);
  return stripped === '' ? [] : stripped.split(PY_SPACE_RUN);
}

/**
 * Python truthiness of a JSON or run-entry value: `None`, `False`, `0`, `0.0` (a `PyFloat` too), `""`, `[]` and
 * `{}` are false; everything else (the string `"False"` and NaN included) is true.
 */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (value instanceof PyFloat) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true; // NaN is truthy in Python too
}

/**
 * Python's order of two strings (`sorted`, `<`): by code point. JS `<` and the default `sort` compare UTF-16
 * units, which differs past U+FFFF (a surrogate sorts before U+E000–U+FFFF).
 * @example names.sort(comparePyStrings)
 */
export function comparePyStrings(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
