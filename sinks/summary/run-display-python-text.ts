/**
 * @module The Python string rules the display files depend on: `str.strip()` and `re.search` with HELM's
 * `output_mapping_pattern`. (operators/ has the same rules for the metrics; sinks may import only core.)
 */
import { UserError } from '../../core/errors.ts';

/** Python `str.isspace()` characters: JS `trim` differs on U+001C–U+001F, U+0085 and U+FEFF. */
const PY_WHITESPACE = new Set(
  '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000',
);

/** Python `str.strip()` with no argument. */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && PY_WHITESPACE.has(text[start]!)) start++;
  while (end > start && PY_WHITESPACE.has(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/**
 * A Python `re` pattern as a JS RegExp for `re.search`: named groups `(?P<x>…)` and `(?P=x)` rewritten, the `u`
 * flag where the pattern allows it (classes and `.` then work on code points, as in Python). Still different:
 * `\w`, `\d` and `\b` are ASCII-only in JS and Unicode-aware in Python.
 */
export function pythonRegExp(pattern: string): RegExp {
  const js = pattern.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  try {
    return new RegExp(js, 'u');
  } catch (unicodeError) {
    try {
      return new RegExp(js); // e.g. `\-` or `\_`, which Python allows and the u flag refuses
    } catch (cause) {
      throw new UserError(
        `output_mapping_pattern ${JSON.stringify(pattern)} in run_spec.json is not a regular expression JS can read ` +
          `(${(cause as Error).message}; with the u flag: ${(unicodeError as Error).message}).`,
        { cause },
      );
    }
  }
}
