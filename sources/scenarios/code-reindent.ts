/**
 * @module How HELM re-indents an APPS solution (`code_scenario.py: _reindent_code`, running the `reindent.py`
 * of the APPS code, `code_scenario_helper.run`, with `tabs` on): the indentation of the first indented line is
 * taken as one level, and every line's whole levels of it become tabs.
 */
import { PY_SPACE_CHARS } from '../../core/python-text.ts';

const ALL_SPACE = new RegExp(`^[${PY_SPACE_CHARS}]+$`);

/** The lines `io.StringIO(text).readline()` gives (split after each "\n"), each without its trailing "\r"/"\n" characters. */
function readLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const line = end < 0 ? text.slice(start) : text.slice(start, end + 1);
    lines.push(line.replace(/[\r\n]+$/, '')); // Python line.rstrip("\r\n")
    start = end < 0 ? text.length : end + 1;
  }
  return lines;
}

/** `_find_indentation`: the leading run of spaces and tabs of the first line that starts with one and is not blank. */
function indentationOf(line: string): { width: number; isTabs: boolean } | undefined {
  if (line === '' || (line[0] !== ' ' && line[0] !== '\t') || ALL_SPACE.test(line)) return undefined;
  return { width: /^[ \t]*/.exec(line)![0].length, isTabs: line[0] === '\t' };
}

/**
 * HELM `_reindent_code`: until a line sets the indentation unit, lines are kept as they are; from then on each
 * line's leading whole units become one tab each. Every line ends with "\n" (Python `print`).
 * @example reindentCode('def f():\n  if x:\n    return 1') // 'def f():\n\tif x:\n\t\treturn 1\n'
 */
export function reindentCode(code: string): string {
  let indent: string | undefined;
  let out = '';
  for (const line of readLines(code)) {
    if (indent === undefined) {
      const found = indentationOf(line);
      if (found === undefined) {
        out += `${line}\n`;
        continue;
      }
      indent = (found.isTabs ? '\t' : ' ').repeat(found.width);
    }
    let level = 0;
    while (line.startsWith(indent.repeat(level + 1))) level += 1;
    out += `${'\t'.repeat(level)}${line.slice(indent.length * level)}\n`;
  }
  return out;
}
