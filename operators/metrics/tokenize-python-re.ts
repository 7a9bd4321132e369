/**
 * @module Python `re` semantics (str patterns) as JS regex source fragments, for the nltk tokenizer ports: JS `\s`,
 * `\w`, `\d`, `\b` and `$` differ from Python's, so the ports spell these out. Use with the `u` flag.
 */

/** Python's whitespace (`str.isspace`, `\s`): JS `\s` lacks U+001C–U+001F and U+0085 and adds U+FEFF. */
const PY_SPACE_CHARS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Python `\s`. */
export const PY_S = `[${PY_SPACE_CHARS}]`;
/** Python `\S`. */
export const PY_NOT_S = `[^${PY_SPACE_CHARS}]`;
/** Python `\w` (`str.isalnum()` or `_`); JS `\w` is ASCII only. */
export const PY_W = '[\\p{L}\\p{N}_]';
/** Python `\d` (Unicode decimal digits). */
export const PY_D = '\\p{Nd}';
/** Python `\D`. */
export const PY_NOT_D = '\\P{Nd}';
/** Python `[^\W\d]`: word characters that are not decimal digits. */
export const PY_W_NOT_D = '[\\p{L}\\p{Nl}\\p{No}_]';
/** Python `\b` over Python's `\w` (JS `\b` only knows ASCII word characters). */
export const PY_B = `(?:(?<=${PY_W})(?!${PY_W})|(?<!${PY_W})(?=${PY_W}))`;
/** Python `$` without MULTILINE: the end, or just before a final `\n`. */
export const PY_END = '(?=\\n?$)';
/** Python `$` with MULTILINE: before any `\n`, or the end. */
export const PY_END_OF_LINE = '(?=\\n|$)';

const TRAILING_SPACE = new RegExp(`${PY_S}+$`, 'u');
const LEADING_AND_TRAILING_SPACE = new RegExp(`^${PY_S}+|${PY_S}+$`, 'gu');

/** Python `text.rstrip()`. */
export const pyRstrip = (text: string): string => text.replace(TRAILING_SPACE, '');

/** Python `text.strip()`. */
export const pyStripSpace = (text: string): string => text.replace(LEADING_AND_TRAILING_SPACE, '');

/** Python `str.isupper()` of one character (the Unicode `Uppercase` property). */
export const isPyUpper = (char: string): boolean => /^\p{Uppercase}$/u.test(char);

/** Python `str.islower()` of one character (the Unicode `Lowercase` property). */
export const isPyLower = (char: string): boolean => /^\p{Lowercase}$/u.test(char);

/** The first code point of `text` (Python `text[0]`), or '' when empty. */
export const firstCodePoint = (text: string): string => {
  const cp = text.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
};
