/**
 * @module Python `re` semantics (str patterns) as JS regex source fragments, for the nltk tokenizer ports: JS `\s`,
 * `\w`, `\d`, `\b` and `$` differ from Python's, so the ports spell these out, in short names, from the Python
 * text rules of core/python-text.ts. Use with the `u` flag.
 */
import { PY_SPACE_CHARS, PY_WORD_BOUNDARY, PY_WORD_CHAR } from '../../core/python-text.ts';

/** Python `\s`. */
export const PY_S = `[${PY_SPACE_CHARS}]`;
/** Python `\S`. */
export const PY_NOT_S = `[^${PY_SPACE_CHARS}]`;
/** Python `\w` (`str.isalnum()` or `_`); JS `\w` is ASCII only. */
export const PY_W = PY_WORD_CHAR;
/** Python `\d` (Unicode decimal digits). */
export const PY_D = '\\p{Nd}';
/** Python `\D`. */
export const PY_NOT_D = '\\P{Nd}';
/** Python `[^\W\d]`: word characters that are not decimal digits. */
export const PY_W_NOT_D = '[\\p{L}\\p{Nl}\\p{No}_]';
/** Python `\b` over Python's `\w` (JS `\b` only knows ASCII word characters). */
export const PY_B = PY_WORD_BOUNDARY;
/** Python `$` without MULTILINE: the end, or just before a final `\n`. */
export const PY_END = '(?=\\n?$)';
/** Python `$` with MULTILINE: before any `\n`, or the end. */
export const PY_END_OF_LINE = '(?=\\n|$)';

/** Python `str.isupper()` of one character (the Unicode `Uppercase` property). */
export const isPyUpper = (char: string): boolean => /^\p{Uppercase}$/u.test(char);

/** Python `str.islower()` of one character (the Unicode `Lowercase` property). */
export const isPyLower = (char: string): boolean => /^\p{Lowercase}$/u.test(char);

/** The first code point of `text` (Python `text[0]`), or '' when empty. */
export const firstCodePoint = (text: string): string => {
  const cp = text.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
};
