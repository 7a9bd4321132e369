/**
 * @module A bracket, string and substitution check over HOCON text, run before the parser: it reports unbalanced
 * `{}`/`[]`, unclosed strings and empty or unclosed `${…}` with line and column, which the parser either accepts
 * silently (a stray closing brace after the root, `${}` read as the whole file) or reports at an unhelpful token.
 */

/** A structural problem in HOCON text, with 1-based line and column. */
export interface ConfProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

interface Open {
  readonly char: '{' | '[';
  readonly line: number;
  readonly column: number;
}

const CLOSER_OF = { '{': '}', '[': ']' } as const;

/** The first structural problem in `text`, or undefined. Comments (`#`, `//`) and strings are skipped. */
export function findStructuralProblem(text: string): ConfProblem | undefined {
  const stack: Open[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  const advance = (n: number): void => {
    for (let k = 0; k < n && i < text.length; k++, i++) {
      if (text[i] === '\n') {
        line += 1;
        column = 1;
      } else {
        column += 1;
      }
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#' || text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') advance(1);
    } else if (text.startsWith('"""', i)) {
      const start = { line, column };
      const end = text.indexOf('"""', i + 3);
      if (end < 0) return { ...start, message: 'the triple-quoted string starting here is never closed' };
      advance(end + 3 - i);
      while (text[i] === '"') advance(1); // HOCON: extra quotes before the closing """ belong to the string
    } else if (c === '"') {
      const start = { line, column };
      advance(1);
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\n') return { ...start, message: 'the quoted string starting here is not closed on its line' };
        advance(text[i] === '\\' ? 2 : 1);
      }
      if (i >= text.length) return { ...start, message: 'the quoted string starting here is never closed' };
      advance(1);
    } else if (text.startsWith('${', i)) {
      const lineEnd = text.indexOf('\n', i);
      const substitution = /^\$\{\??([^}]*)\}/.exec(text.slice(i, lineEnd < 0 ? undefined : lineEnd));
      if (substitution === null) return { line, column, message: "the substitution '${' starting here is not closed by '}' on its line" };
      if (substitution[1]!.trim() === '') return { line, column, message: "an empty substitution '${}': write ${NAME}, or remove it" };
      advance(substitution[0].length);
    } else if (c === '{' || c === '[') {
      stack.push({ char: c, line, column });
      advance(1);
    } else if (c === '}' || c === ']') {
      const open = stack.pop();
      if (open === undefined) return { line, column, message: `unexpected '${c}' with nothing open to close` };
      if (CLOSER_OF[open.char] !== c) {
        return {
          line,
          column,
          message: `'${c}' does not match the '${open.char}' opened at line ${open.line}, column ${open.column}`,
        };
      }
      advance(1);
    } else {
      advance(1);
    }
  }
  const open = stack.pop();
  if (open !== undefined) {
    return { line: open.line, column: open.column, message: `this '${open.char}' is never closed` };
  }
  return undefined;
}

/** Line and column of the parser's own error message (`line: 2, col: 32`), if it names them. */
export function parserErrorPosition(message: string): { line: number; column: number } | undefined {
  const match = /line:\s*(\d+),\s*col:\s*(\d+)/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}
