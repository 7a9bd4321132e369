/** @module Python `str` behaviours the metrics depend on: whitespace, `strip()`, `split()`, `string.punctuation`. */

/**
 * Python's whitespace (`str.isspace`): JS `\s` lacks U+001C–U+001F and U+0085, and adds U+FEFF,
 * so `String.prototype.trim` is not Python's `strip()`.
 */
const PY_WHITESPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${PY_WHITESPACE}]+|[${PY_WHITESPACE}]+$`, 'g');
const RUNS = new RegExp(`[${PY_WHITESPACE}]+`);

/** Python `text.strip()`. */
export const pyStrip = (text: string): string => text.replace(STRIP, '');

/** Python `text.split()` (no separator): whitespace runs, no empty strings. */
export const pySplit = (text: string): string[] => {
  const stripped = pyStrip(text);
  return stripped === '' ? [] : stripped.split(RUNS);
};

/** Python `string.punctuation`. */
export const PY_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/**
 * Python's `\w` in a `str` pattern: letters, numbers (`str.isalnum`) and `_`; JS `\b` only knows ASCII,
 * so word boundaries are written as lookarounds over this class.
 */
export const PY_WORD_CHAR = '[\\p{L}\\p{N}_]';
