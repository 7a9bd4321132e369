/**
 * @module Python `re.IGNORECASE` as JS pattern source (use with the `iu` flags). Python's `\w` and `\b` are in
 * core/python-text.ts.
 */

/**
 * Pattern source that, under the JS `iu` flags, matches like Python's `re.IGNORECASE` for ASCII
 * letters: Python also lets `i` match `İ` (U+0130) and `ı` (U+0131), which JS case folding does not
 * (`s`/`ſ` and `k`/`K` agree in both). Regex syntax is passed through unescaped, as HELM does.
 */
export const pythonIgnoreCase = (source: string): string => source.replace(/[iI]/g, '[iIİı]');
