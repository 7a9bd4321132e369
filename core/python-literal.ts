/**
 * @module Python literal expressions (`ast.literal_eval`'s subset: dicts, lists, tuples, strings, numbers, True,
 * False, None), read out of Python source, e.g. a table a dataset loading script declares (`TASKS = {...}`).
 */
import { UserError } from './errors.ts';

/** A Python literal's value: a dict keeps its entries in order in a Map; lists and tuples are arrays; None is null. */
export type PythonLiteral = string | number | bigint | boolean | null | readonly PythonLiteral[] | ReadonlyMap<PythonLiteral, PythonLiteral>;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** A reader over one source text; `at` is the offset of the next character. */
class LiteralReader {
  at = 0;
  constructor(
    readonly text: string,
    readonly where: string,
  ) {}

  fail(message: string): never {
    const line = this.text.slice(0, this.at).split('\n').length;
    throw new UserError(`${this.where}:${line}: ${message}`);
  }

  /** Skips spaces, newlines (inside brackets they do not matter), backslash continuations and comments. */
  skip(): void {
    for (;;) {
      const c = this.text[this.at];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') this.at++;
      else if (c === '\\' && this.text[this.at + 1] === '\n') this.at += 2;
      else if (c === '#') while (this.at < this.text.length && this.text[this.at] !== '\n') this.at++;
      else return;
    }
  }

  value(): PythonLiteral {
    this.skip();
    const c = this.text[this.at];
    if (c === '{') return this.dict();
    if (c === '[') return this.sequence(']');
    if (c === '(') return this.parenthesized();
    if (c !== undefined && /[rRuUbB'"]/.test(c) && this.isStringStart()) return this.strings();
    const word = /^(?:True|False|None)\b/.exec(this.text.slice(this.at, this.at + 6));
    if (word) {
      this.at += word[0].length;
      return word[0] === 'True' ? true : word[0] === 'False' ? false : null;
    }
    const number = /^-?(?:\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.at, this.at + 64));
    if (number) {
      this.at += number[0].length;
      const digits = number[0].replaceAll('_', '');
      return /[.eE]/.test(digits) ? Number(digits) : Number.isSafeInteger(Number(digits)) ? Number(digits) : BigInt(digits);
    }
    return this.fail(`expected a Python literal, found ${JSON.stringify(this.text.slice(this.at, this.at + 20))}.`);
  }

  private isStringStart(): boolean {
    return /^(?:[rRuUbB]|[rR][bB]|[bB][rR])?['"]/.test(this.text.slice(this.at, this.at + 3));
  }

  /** One or more adjacent string literals, concatenated as Python does. */
  private strings(): string {
    let out = '';
    do {
      out += this.string();
      this.skip();
    } while (this.at < this.text.length && this.isStringStart());
    return out;
  }

  private string(): string {
    const prefix = /^[rRuUbB]*/.exec(this.text.slice(this.at, this.at + 2))![0];
    if (/[bB]/.test(prefix)) this.fail('bytes literals are not supported here.');
    const isRaw = /[rR]/.test(prefix);
    this.at += prefix.length;
    const quote = this.text.startsWith(this.text[this.at]!.repeat(3), this.at) ? this.text[this.at]!.repeat(3) : this.text[this.at]!;
    this.at += quote.length;
    let out = '';
    for (;;) {
      if (this.at >= this.text.length) this.fail('unterminated string literal.');
      if (this.text.startsWith(quote, this.at)) {
        this.at += quote.length;
        return out;
      }
      const c = this.text[this.at]!;
      if (c === '\n' && quote.length === 1) this.fail('unterminated string literal.');
      if (c !== '\\') {
        out += c;
        this.at++;
      } else if (isRaw) {
        out += c + (this.text[this.at + 1] ?? '');
        this.at += 2;
      } else out += this.escape();
    }
  }

  /** The character(s) of the escape sequence at `at` (a backslash), which is consumed. */
  private escape(): string {
    const c = this.text[this.at + 1] ?? '';
    if (Object.hasOwn(SIMPLE_ESCAPES, c)) {
      this.at += 2;
      return SIMPLE_ESCAPES[c]!;
    }
    const hex = { x: 2, u: 4, U: 8 }[c];
    if (hex !== undefined) {
      const digits = this.text.slice(this.at + 2, this.at + 2 + hex);
      if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) this.fail(`invalid \\${c} escape.`);
      this.at += 2 + hex;
      return String.fromCodePoint(parseInt(digits, 16));
    }
    const octal = /^[0-7]{1,3}/.exec(this.text.slice(this.at + 1, this.at + 4));
    if (octal) {
      this.at += 1 + octal[0].length;
      return String.fromCodePoint(parseInt(octal[0], 8));
    }
    this.at += 1; // an unknown escape keeps its backslash, as Python does
    return '\\';
  }

  private dict(): ReadonlyMap<PythonLiteral, PythonLiteral> {
    this.at++;
    const map = new Map<PythonLiteral, PythonLiteral>();
    for (;;) {
      this.skip();
      if (this.text[this.at] === '}') {
        this.at++;
        return map;
      }
      const key = this.value();
      this.skip();
      if (this.text[this.at] !== ':') this.fail('expected ":" after a dict key.');
      this.at++;
      map.set(key, this.value());
      this.skip();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== '}') this.fail('expected "," or "}" in a dict.');
    }
  }

  private sequence(close: string): PythonLiteral[] {
    this.at++;
    const items: PythonLiteral[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.at] === close) {
        this.at++;
        return items;
      }
      items.push(this.value());
      this.skip();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== close) this.fail(`expected "," or "${close}".`);
    }
  }

  /** `(x)` is x; `()`, `(x,)` and `(x, y)` are tuples. */
  private parenthesized(): PythonLiteral {
    const start = this.at;
    this.at++;
    this.skip();
    if (this.text[this.at] === ')') {
      this.at++;
      return [];
    }
    const first = this.value();
    this.skip();
    if (this.text[this.at] === ')') {
      this.at++;
      return first;
    }
    this.at = start;
    return this.sequence(')');
  }
}

/**
 * The literal assigned to `name` at the start of a line of Python source (`NAME = <literal>`); a UserError when
 * there is no such assignment or its value is not a literal.
 * @example pythonAssignedLiteral('X = {"a": [1, "b"]}  # note', 'X', 'f.py') // Map { 'a' => [1, 'b'] }
 */
export function pythonAssignedLiteral(source: string, name: string, where: string): PythonLiteral {
  const assignment = new RegExp(`^${name}[ \\t]*=[ \\t]*`, 'm').exec(source);
  if (assignment === null) throw new UserError(`${where}: no assignment '${name} = ...' at the start of a line.`);
  const reader = new LiteralReader(source, where);
  reader.at = assignment.index + assignment[0].length;
  return reader.value();
}
