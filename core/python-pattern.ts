/**
 * @module A Python `re` pattern on `str` rewritten as the source of a JS RegExp with the `u` flag, keeping Python's
 * meaning where the two differ: `\d`, `\w`, `\s` (and their negations) are Unicode-aware in Python, `$` also
 * matches before a final "\n", `.` only refuses "\n", `\UXXXXXXXX` spells a code point, and escapes of characters
 * that need none (`\'`, `\!`, `\#`) are literals (the `u` flag refuses them).
 */
import { PY_SPACE_CHARS, PY_WORD_BOUNDARY, PY_WORD_CHARS } from './python-text.ts';

const DIGIT = '\\p{Nd}';
const SYNTAX = new Set('^$\\.*+?()[]{}|/');

/** What a Python class escape stands for inside `[...]`; the negated ones have no such form. */
const IN_CLASS: Readonly<Record<string, string>> = { d: DIGIT, w: PY_WORD_CHARS, s: PY_SPACE_CHARS };
/** What a Python class escape stands for outside `[...]`. */
const OUTSIDE: Readonly<Record<string, string>> = {
  d: DIGIT,
  D: `[^${DIGIT}]`,
  w: `[${PY_WORD_CHARS}]`,
  W: `[^${PY_WORD_CHARS}]`,
  s: `[${PY_SPACE_CHARS}]`,
  S: `[^${PY_SPACE_CHARS}]`,
  A: '^',
  Z: '(?![\\s\\S])',
  b: PY_WORD_BOUNDARY,
};

/**
 * The JS source (for `new RegExp(source, 'u')`) of a Python pattern. Throws for the constructs it does not
 * translate (inline flags other than `(?u)`, `\S`-like escapes inside a class, named groups).
 * @example new RegExp(pythonPatternSource("^\\'|\\d+$"), 'u').test('12\n') // true, as Python's re.search
 */
export function pythonPatternSource(pattern: string): string {
  let source = pattern.startsWith('(?u)') ? pattern.slice(4) : pattern;
  if (/\(\?[aiLmsux]/.test(source)) throw new Error(`inline flags are not translated: ${pattern.slice(0, 40)}`);
  if (source.includes('(?P')) throw new Error('named groups are not translated');
  let out = '';
  let inClass = false;
  let classBodyStart = 0; // where the class's items start in `out`: a `]` there is a literal, as in Python
  const chars = Array.from(source);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\\') {
      const next = chars[++i];
      if (next === undefined) throw new Error('a pattern ending in a backslash');
      if (next === 'U') {
        out += `\\u{${chars.slice(i + 1, i + 9).join('')}}`;
        i += 8;
      } else if (next === 'u' || next === 'x') {
        const width = next === 'u' ? 4 : 2;
        out += `\\${next}${chars.slice(i + 1, i + 1 + width).join('')}`;
        i += width;
      } else if (/[0-9a-zA-Z]/.test(next)) {
        const table = inClass ? IN_CLASS : OUTSIDE;
        if (table[next] !== undefined) out += table[next];
        else if ('nrtfv'.includes(next) || (next === 'b' && inClass)) out += `\\${next}`;
        else throw new Error(`the escape \\${next} is not translated${inClass ? ' inside a class' : ''}`);
      } else if (SYNTAX.has(next) || (inClass && next === '-')) out += `\\${next}`;
      else out += next; // `\'`, `\!`, `\-` outside a class …: the character itself
      continue;
    }
    if (inClass) {
      if (ch === ']' && out.length > classBodyStart) inClass = false;
      else if (ch === '^' && out.length === classBodyStart && out.endsWith('[')) classBodyStart += 1;
      out += ch === '[' || (ch === ']' && inClass) ? `\\${ch}` : ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      classBodyStart = out.length + 1;
    }
    if (ch === '$') out += '(?=\\n?$)';
    else if (ch === '.') out += '[^\\n]';
    else out += ch;
  }
  return out;
}
