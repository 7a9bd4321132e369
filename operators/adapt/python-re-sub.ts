/**
 * @module Python's `re.sub(pattern, repl, text)` for the substitutions of an AdapterSpec (§5.2): the pattern is
 * translated to a JS RegExp with Python's meaning, and the replacement is parsed as Python's template (its
 * escapes differ from JS `$1`/`$&`). Constructs without a faithful translation are a UserError, never a guess.
 */
import { UserError } from '../../core/errors.ts';
import { PY_SPACE_CHARS, PY_WORD_BOUNDARY, PY_WORD_CHARS } from '../../core/python-text.ts';

const ESCAPES: Readonly<Record<string, string>> = { a: '\x07', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
const CATEGORIES: Readonly<Record<string, string>> = { d: '\\p{Nd}', w: PY_WORD_CHARS, s: PY_SPACE_CHARS };
const OCTAL = /[0-7]/;
/** Characters a JS `u` pattern lets (and needs) us to escape: syntax characters, and `-` inside a set only. */
const JS_SYNTAX = /[\\^$.*+?()[\]{}|/]/;

/** A Python pattern as a JS pattern (for the `u` flag), with its group count and names. */
interface Translated {
  readonly source: string;
  readonly groups: number;
  readonly names: ReadonlyMap<string, number>;
}

/** Translates a Python `re` pattern (str, no flags) to JS, throwing `fail(reason)` for what has no translation. */
function translate(pattern: string, fail: (reason: string) => never): Translated {
  const chars = Array.from(pattern);
  const names = new Map<string, number>();
  let groups = 0;
  let out = '';
  let inClass = false;
  let i = 0; // shared with the helpers below, which consume what they read
  for (; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\') {
      const e = chars[++i];
      if (e === undefined) fail('bad escape (end of pattern)');
      out += escape(e);
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
    } else if (c === '[') {
      inClass = true;
      out += '[';
      if (chars[i + 1] === '^') out += chars[++i];
      if (chars[i + 1] === ']') out += (i++, '\\]'); // Python: a leading ] is literal
    } else if (c === '(' && chars[i + 1] !== '?') {
      groups += 1;
      out += '(';
    } else if (c === '(') {
      out += group();
    } else if (c === '{') out += repeat();
    else if (c === '.') out += '[^\\n]'; // JS `.` also excludes \r, \u2028, \u2029
    else if (c === '$') out += '(?=\\n?$)'; // Python: at the end, or before a final newline
    else out += c === '}' || c === ']' ? `\\${c}` : c;
  }
  if (inClass) fail('unterminated character set');
  return { source: out, groups, names };

  function literal(c: string): string {
    return JS_SYNTAX.test(c) || (inClass && c === '-') ? `\\${c}` : c;
  }

  function escape(e: string): string {
    if (Object.hasOwn(ESCAPES, e)) return literal(ESCAPES[e]!);
    const category = Object.hasOwn(CATEGORIES, e.toLowerCase()) ? CATEGORIES[e.toLowerCase()] : undefined;
    if (category !== undefined) {
      // Python rejects a category as a range end ("bad character range"); JS would read `_-z` as a range.
      if (inClass && chars[i + 1] === '-' && chars[i + 2] !== ']') fail(`bad character range \\${e}-${chars[i + 2] ?? ''}`);
      if (e === e.toLowerCase()) return inClass ? category : `[${category}]`;
      if (inClass) fail(`\\${e} inside a character set`);
      return `[^${category}]`;
    }
    if (e === 'b') return inClass ? '\\x08' : PY_WORD_BOUNDARY;
    if (!inClass && e === 'B') return `(?!${PY_WORD_BOUNDARY})`;
    if (!inClass && e === 'A') return '(?<![\\s\\S])';
    if (!inClass && e === 'Z') return '(?![\\s\\S])';
    if (e === 'x' || e === 'u' || e === 'U') return literal(String.fromCodePoint(hex(e)));
    if (e === '0') return literal(String.fromCodePoint(octal(e)));
    if (/[1-9]/.test(e)) {
      let digits = e;
      if (/\d/.test(chars[i + 1] ?? '')) {
        digits += chars[++i];
        if (OCTAL.test(e) && OCTAL.test(digits[1]!) && OCTAL.test(chars[i + 1] ?? '')) {
          return literal(String.fromCodePoint(Number.parseInt(digits + chars[++i], 8)));
        }
      }
      if (inClass) fail(`bad escape \\${digits}`);
      if (Number(digits) > groups) fail(`invalid group reference ${digits}`);
      return `(?:\\${digits})`;
    }
    if (/[A-Za-z]/.test(e)) fail(`bad escape \\${e}`); // \N{…} and the like included
    return literal(e);
  }

  function hex(e: string): number {
    const length = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const digits = chars.slice(i + 1, i + 1 + length).join('');
    if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digits)) fail(`incomplete escape \\${e}${digits}`);
    i += length;
    const code = Number.parseInt(digits, 16);
    if (code > 0x10ffff) fail(`bad escape \\${e}${digits}`);
    return code;
  }

  function octal(first: string): number {
    let digits = first;
    while (digits.length < 3 && OCTAL.test(chars[i + 1] ?? '')) digits += chars[++i];
    return Number.parseInt(digits, 8);
  }

  function group(): string {
    const count = (s: string): number => Array.from(s).length; // `i` counts code points
    const rest = chars.slice(i + 2).join('');
    const lookaround = /^(:|=|!|<=|<!)/.exec(rest);
    if (lookaround !== null) return (i += 1 + count(lookaround[0])), `(?${lookaround[0]}`;
    const named = /^P<([^>]*)>/.exec(rest);
    if (named !== null) {
      const name = named[1]!;
      if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) fail(`bad character in group name '${name}'`);
      if (names.has(name)) fail(`redefinition of group name '${name}'`);
      names.set(name, ++groups);
      return (i += 1 + count(named[0])), `(?<${name}>`;
    }
    const backref = /^P=([^)]*)\)/.exec(rest);
    if (backref !== null) {
      if (!names.has(backref[1]!)) fail(`unknown group name '${backref[1]}'`);
      return (i += 1 + count(backref[0])), `(?:\\k<${backref[1]}>)`;
    }
    const comment = /^#[^)]*\)/.exec(rest);
    if (comment !== null) return (i += 1 + count(comment[0])), '';
    return fail(`'(?${rest.slice(0, 3)}…' (inline flags, conditionals and atomic groups are not supported)`);
  }

  function repeat(): string {
    const m = /^\{(\d*)(,(\d*))?\}/.exec(chars.slice(i).join(''));
    if (m === null || m[0] === '{}') return '\\{'; // Python reads a brace that starts no repeat as a literal
    i += m[0].length - 1;
    return m[2] === undefined ? `{${m[1]}}` : `{${m[1] || '0'},${m[3]}}`;
  }
}

/** One part of a parsed replacement: literal text or a group number. */
type TemplatePart = string | number;

/** Python `sre_parse.parse_template`: `\n`-style escapes, `\1`, `\g<1>`, `\g<name>`, octal `\0`, `\123`. */
function parseTemplate(template: string, pattern: Translated, fail: (reason: string) => never): TemplatePart[] {
  const chars = Array.from(template);
  const parts: TemplatePart[] = [];
  const group = (index: number): void => {
    if (index > pattern.groups) fail(`invalid group reference ${index}`);
    parts.push(index);
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== '\\') {
      parts.push(c);
      continue;
    }
    const e = chars[++i];
    if (e === undefined) fail('bad escape (end of pattern)');
    if (e === 'g') {
      const m = /^<([^>]*)>/.exec(chars.slice(i + 1).join(''));
      if (m === null) fail('missing < or > in \\g<…>');
      i += Array.from(m[0]).length;
      const name = m[1]!;
      if (/^\d+$/.test(name)) group(Number(name));
      else if (pattern.names.has(name)) group(pattern.names.get(name)!);
      else fail(`unknown group name '${name}'`);
    } else if (e === '0') {
      let digits = '0';
      while (digits.length < 3 && OCTAL.test(chars[i + 1] ?? '')) digits += chars[++i];
      parts.push(String.fromCodePoint(Number.parseInt(digits, 8) & 0xff));
    } else if (/\d/.test(e)) {
      let digits = e;
      if (/\d/.test(chars[i + 1] ?? '')) {
        digits += chars[++i];
        if (OCTAL.test(e) && OCTAL.test(digits[1]!) && OCTAL.test(chars[i + 1] ?? '')) {
          const code = Number.parseInt(digits + chars[++i], 8);
          if (code > 0o377) fail(`octal escape value \\${digits}${chars[i]} outside of range 0-0o377`);
          parts.push(String.fromCodePoint(code));
          continue;
        }
      }
      group(Number(digits));
    } else if (Object.hasOwn(ESCAPES, e) || e === 'b') parts.push(e === 'b' ? '\b' : ESCAPES[e]!);
    else if (/[A-Za-z]/.test(e)) fail(`bad escape \\${e}`);
    else parts.push(`\\${e}`); // Python keeps an unknown non-letter escape as written
  }
  return parts;
}

/**
 * Compiles `re.sub(source, target, ·)` once: a UserError names the substitution that Python would reject
 * or that has no faithful JS translation. The result is pure.
 * @example pythonReSub('\n', '<br>\n')('a\nb') // 'a<br>\nb'
 */
export function pythonReSub(source: string, target: string): (text: string) => string {
  const fail = (reason: string): never => {
    throw new UserError(`Substitution ${JSON.stringify(source)} → ${JSON.stringify(target)}: ${reason}.`);
  };
  const pattern = translate(source, fail);
  const template = parseTemplate(target, pattern, fail);
  let regex: RegExp;
  try {
    regex = new RegExp(pattern.source, 'gu');
  } catch (cause) {
    throw new UserError(`Substitution ${JSON.stringify(source)}: not a valid regular expression (${String(cause)}).`, { cause });
  }
  const isLiteral = template.every((part) => typeof part === 'string');
  const constant = isLiteral ? template.join('') : '';
  return (text) =>
    text.replace(regex, (...args: unknown[]) => {
      if (isLiteral) return constant;
      // Unmatched groups are replaced by "" (Python ≥ 3.5).
      return template.map((part) => (typeof part === 'string' ? part : ((args[part] as string | undefined) ?? ''))).join('');
    });
}
