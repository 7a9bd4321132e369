/**
 * @module HOCON text parsed as HELM reads its confs (pyhocon; here `@pushcorn/hocon-parser` with `strict: true`), every
 * error said in words at line:column. The parser's own messages name its internals (`Source: ValueNode.2@303b7`) and
 * quote the text, which may hold a secret: they never reach the user.
 */
import parseHocon from '@pushcorn/hocon-parser';
import { UserError } from '../../core/errors.ts';
import { findStructuralProblem, parserErrorPosition } from './conf-scan.ts';

/** A parser error in words, with its 1-based position where the parser gives one. */
export interface HoconProblem {
  readonly line?: number;
  readonly column?: number;
  readonly reason: string;
}

/** The token the parser stopped at, when it is punctuation (anything else may be part of a secret). */
function punctuationToken(message: string): string | undefined {
  const token = /Token: \{ value: "([^"]*)"/.exec(message)?.[1];
  return token !== undefined && /^[:=,+[\]{}]{1,2}$/.test(token) ? token : undefined;
}

const KIND_WORDS: Readonly<Record<string, string>> = { object: 'an object {…}', array: 'a list […]', primitive: 'a plain value' };
const kind = (name: string): string => KIND_WORDS[name.trim()] ?? name.trim();
const closerOf = (mode: string): string => (mode === 'array' ? "']'" : "'}'");

type Explain = (match: RegExpExecArray, message: string, line: number | undefined) => string;

/** The parser's messages (`@pushcorn/hocon-parser` 1.3) and what each means for someone writing a conf. */
const EXPLANATIONS: readonly (readonly [RegExp, Explain])[] = [
  [
    /^Unable to resolve '([^']*)'/,
    ([, name], _, line) =>
      `\${${name}} has no value: ${name} is not a key of this file (or it refers back to itself) and no environment ` +
      `variable ${name} is set. Set the environment variable (export ${name}=…) or remove ${line === undefined ? 'it' : `line ${line}`}; ` +
      `\${?${name}} would make it optional`,
  ],
  [
    /^Unexpected token/,
    (_, message) => {
      const token = punctuationToken(message);
      if (token === ',') return "a comma with no value before it (two commas in a row, or one right after '[' or '{')";
      if (token === ':' || token === '=') {
        return `unexpected '${token}': a key takes one value, so a comma or a line break is probably missing before this key (quote a value that holds '${token}')`;
      }
      return `unexpected ${token === undefined ? 'text' : `'${token}'`} here: write name: value pairs separated by commas or line breaks`;
    },
  ],
  [/^No value specified for the field/, () => 'a name with no value: write name: value (or name { … }), or remove this text'],
  [
    /^Unable to concatenate the value in the (\w+) mode/,
    ([, mode]) => `text after a closing ${closerOf(mode!)} on the same line: add a comma or a line break before it, or remove it`,
  ],
  [
    /^Unable to start an? (\w+) in the (\w+) mode/,
    ([, started, mode]) => `${kind(started!)} right after ${kind(mode!)} in one value: separate them with a comma or a line break`,
  ],
  [
    /^Unable to merge the following types: ([^.]*)\./,
    ([, kinds]) => `${kinds!.split(',').map(kind).join(' and ')} joined into one value: separate them with a comma or a line break, or quote the text`,
  ],
  [
    /^Self-referential substitutions cannot be applied to a non-array value/,
    () => "'+=' appends to a list, but this key held something else before: write ':' to replace the value, or make it a list",
  ],
  [/^The substitution is not closed/, () => "the substitution '${' is not closed by '}'"],
  [/^A key cannot contain two consecutive dots/, () => "a key with '..' in it: quote a key that holds dots (\"a..b\"), or remove a dot"],
  [/^A key cannot start or end with a dot/, () => "a key that starts or ends with '.': quote it, or remove the dot"],
  [/^The object node is opened already/, () => "a second '{' at the top level: a file holds one object, so merge the two"],
  [/^Plus sign should be quoted/, () => "a '+' outside quotes: quote the value (\"+1\"), or write '+=' to append to a list"],
  [
    /^Unexpected character '(.)' in an unquoted string/,
    ([, char]) => `the character '${char}' cannot appear in an unquoted value: put the value in double quotes${char === '$' ? ' (a substitution is written ${NAME})' : ''}`,
  ],
  [/^Invalid escape sequence/, () => 'a backslash in a quoted string may only come before " \\ / b f n r t or uXXXX: write \\\\ for a backslash'],
  [/^Invalid Unicode escape sequence/, () => "'\\u' in a quoted string must be followed by four hex digits"],
  [/^Unescaped (control )?character/, () => 'a control character inside a quoted string: write it escaped (\\n, \\t, \\u0001)'],
  [/^(Quoted string not closed|Multi-line string is not closed)/, () => 'the string starting here is never closed'],
  [/^The (object|array) is not closed/, ([, what]) => `this ${what === 'array' ? "'['" : "'{'"} is never closed`],
  [/^(Unable to include|Source .*not found|Including )/, () => 'the file or URL of this include cannot be read'],
];

/**
 * A parser error in words. An unknown message keeps its first sentence, without the parser's node names and without
 * anything it quotes from the text.
 */
export function describeHoconError(message: string): HoconProblem {
  const position = parserErrorPosition(message);
  for (const [pattern, explain] of EXPLANATIONS) {
    const match = pattern.exec(message);
    if (match !== null) return { ...position, reason: explain(match, message, position?.line) };
  }
  const sentence = message
    .split(/\s*\((?:Source|line|text):|\s*Token:/)[0]!
    .replace(/'[^']*'|"[^"]*"/g, '…')
    .replace(/\.$/, '')
    .trim();
  return { ...position, reason: `${sentence} (HOCON syntax: https://github.com/lightbend/config/blob/main/HOCON.md)` };
}

/**
 * Parses HOCON text. A malformed text throws a UserError `<heading>:<line>:<column>: <what was wrong>.` (the position
 * where known). The parser's error is not chained as the cause: its message quotes the text.
 * @example await parseHoconText('entries: [ {description: "mmlu:subject=anatomy"} ]', 'Malformed conf file run.conf')
 */
export async function parseHoconText(text: string, heading: string): Promise<unknown> {
  const problem = findStructuralProblem(text);
  if (problem !== undefined) throw new UserError(`${heading}:${problem.line}:${problem.column}: ${problem.message}.`);
  try {
    return await parseHocon({ text, strict: true });
  } catch (error) {
    const { line, column, reason } = describeHoconError(error instanceof Error ? error.message : String(error));
    throw new UserError(`${heading}${line === undefined ? '' : `:${line}:${column}`}: ${reason}.`);
  }
}
