/** @module Python `re` semantics that JS regexes lack, written as JS pattern source (use with the `u` flag). */

/** Python's `\w` on `str`: letters, numbers (`str.isalnum`) and `_`. JS `\w` and `\b` are ASCII-only. */
const PY_WORD_CHAR = '[\\p{L}\\p{N}_]';

/** Python's `\b` on `str`: a position between a word and a non-word character (or the text's edge). */
export const PY_WORD_BOUNDARY = `(?:(?<=${PY_WORD_CHAR})(?!${PY_WORD_CHAR})|(?<!${PY_WORD_CHAR})(?=${PY_WORD_CHAR}))`;

/**
 * Pattern source that, under the JS `iu` flags, matches like Python's `re.IGNORECASE` for ASCII
 * letters: Python also lets `i` match `İ` (U+0130) and `ı` (U+0131), which JS case folding does not
 * (`s`/`ſ` and `k`/`K` agree in both). Regex syntax is passed through unescaped, as HELM does.
 */
export const pythonIgnoreCase = (source: string): string => source.replace(/[iI]/g, '[iIİı]');
