/** @module The few Python `str` and truth rules that HELM's scenario readers rely on and JS lacks. */

/** Python `str.isspace()` characters (CPython 3.11): JS `trim` differs on U+001C–U+001F, U+0085 and U+FEFF. */
const PY_WHITESPACE = '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

/** Python `str.strip()` with no argument. */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && PY_WHITESPACE.includes(text[start]!)) start++;
  while (end > start && PY_WHITESPACE.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/**
 * Python truthiness of a JSON or run-entry value: `None`, `False`, `0`, `0.0`, `""`, `[]` and `{}` are false;
 * everything else (the string `"False"` included) is true.
 */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true; // NaN is truthy in Python too
}
