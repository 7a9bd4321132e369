/** @module A Python `re` pattern (as HELM's `output_mapping_pattern`) as a JS RegExp for `re.search`. */

/**
 * A Python `re` pattern as a JS RegExp: named groups `(?P<x>…)` and `(?P=x)` rewritten, the `u` flag where the
 * pattern allows it (classes and `.` then work on code points, as in Python), else no flag (e.g. for `\-` or
 * `\_`, which Python allows and the `u` flag refuses). Still different: `\w`, `\d` and `\b` are ASCII-only in JS
 * and Unicode-aware in Python. Throws a plain Error with the reason when JS can read the pattern neither way;
 * callers say which pattern it was.
 * @example pythonRegExp('(?P<x>[A-D])\\s*(?P=x)').exec('B B')?.groups?.x // 'B'
 */
export function pythonRegExp(pattern: string): RegExp {
  const js = pattern.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  try {
    return new RegExp(js, 'u');
  } catch (unicodeError) {
    try {
      return new RegExp(js);
    } catch (cause) {
      throw new Error(`${(cause as Error).message}; with the u flag: ${(unicodeError as Error).message}`, { cause });
    }
  }
}
