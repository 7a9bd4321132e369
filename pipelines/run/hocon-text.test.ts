import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { describeHoconError, parseHoconText } from './hocon-text.ts';

const errorOf = async (text: string): Promise<string> => {
  const error = await parseHoconText(text, 'Malformed conf file x.conf').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
};

describe('parseHoconText', () => {
  it('parses what HELM confs hold: entries, comments, substitutions of keys and of set environment variables', async () => {
    process.env['HELM_HOCON_TEXT_TEST_SET'] = 'from-env';
    expect(await parseHoconText('# c\nx: 1\nentries: [ {description: "a", priority: ${x}} ]\ne: ${HELM_HOCON_TEXT_TEST_SET}', 'h')).toEqual({
      x: 1,
      entries: [{ description: 'a', priority: 1 }],
      e: 'from-env',
    });
  });

  // Each input gave the parser's internals before (`Source: ValueNode.2@303b7, Token: { value: "x", … }`).
  const cases: [string, string, string][] = [
    ['a bare word', 'hello\n', "x.conf:1:1: a name with no value: write name: value (or name { … }), or remove this text."],
    ['a missing comma', 'entries: [ {description: "a" priority: 1} ]', "x.conf:1:38: unexpected ':': a key takes one value, so a comma or a line break is probably missing before this key (quote a value that holds ':')."],
    ['two commas', 'entries = [ {description = "a",, } ]', "x.conf:1:32: a comma with no value before it (two commas in a row, or one right after '[' or '{')."],
    ['a stray word after a list', 'entries: [ {description: "a"} ] x\n', "x.conf:1:33: text after a closing ']' on the same line: add a comma or a line break before it, or remove it."],
    ['an object after a list', 'a: [1] {b: 1}\n', 'x.conf:1:8: an object {…} right after a list […] in one value: separate them with a comma or a line break.'],
    ['an object joined to a number', 'entries: [ {description: "a"} ${x} ]\nx: 1\n', 'x.conf:1:12: an object {…} and a plain value joined into one value: separate them with a comma or a line break, or quote the text.'],
    ['+= on a plain value', 'a: "x"\na += 1\n', "x.conf:2:3: '+=' appends to a list, but this key held something else before: write ':' to replace the value, or make it a list."],
    ['a key with two dots', 'a..b: 1\n', `x.conf:1:1: a key with '..' in it: quote a key that holds dots ("a..b"), or remove a dot.`],
    ['two top-level objects', '{entries: []}\n{}\n', "x.conf:2:1: a second '{' at the top level: a file holds one object, so merge the two."],
    ['an unquoted +', 'a: +1\n', `x.conf:1:4: a '+' outside quotes: quote the value ("+1"), or write '+=' to append to a list.`],
    ['a backslash outside quotes', 'a: \\x\n', "x.conf:1:4: the character '\\' cannot appear in an unquoted value: put the value in double quotes."],
    ['a bad escape', 'a: "x\\q"\n', 'x.conf:1:6: a backslash in a quoted string may only come before " \\ / b f n r t or uXXXX: write \\\\ for a backslash.'],
    ['an unset substitution', 'a: ${HELM_HOCON_TEXT_TEST_UNSET}\n', 'x.conf:1:4: ${HELM_HOCON_TEXT_TEST_UNSET} has no value: HELM_HOCON_TEXT_TEST_UNSET is not a key of this file (or it refers back to itself) and no environment variable HELM_HOCON_TEXT_TEST_UNSET is set. Set the environment variable (export HELM_HOCON_TEXT_TEST_UNSET=…) or remove line 1; ${?HELM_HOCON_TEXT_TEST_UNSET} would make it optional.'],
    ['an empty substitution', 'a: ${}\n', "x.conf:1:4: an empty substitution '${}': write ${NAME}, or remove it."],
    ['an unclosed substitution', 'a: ${b\n', "x.conf:1:4: the substitution '${' starting here is not closed by '}' on its line."],
    ['an unbalanced brace', 'entries: [ {description: "a"} ]}\n', "x.conf:1:32: unexpected '}' with nothing open to close."],
  ];
  for (const [what, text, expected] of cases) {
    it(`says what is wrong with ${what} at line:column, in words`, async () => {
      const message = await errorOf(text);
      expect(message).toBe(`Malformed conf file ${expected}`);
      expect(message).not.toMatch(/Source|Node\.|Token|@[0-9a-f]{5}/);
    });
  }
});

describe('describeHoconError', () => {
  it('keeps the first sentence of an unknown message, without node names or quoted text', () => {
    expect(describeHoconError(`Something new about 'sk-secret'. (Source: ValueNode.2@303b7, Token: { value: "x", line: 3, col: 7 })`)).toEqual({
      line: 3,
      column: 7,
      reason: 'Something new about … (HOCON syntax: https://github.com/lightbend/config/blob/main/HOCON.md)',
    });
  });

  it('quotes an unexpected token only when it is punctuation', () => {
    expect(describeHoconError('Unexpected token. (Source: ObjectNode.1@2b4ad, Token: { value: "sk-abc", line: 1, col: 1 })').reason).toBe(
      'unexpected text here: write name: value pairs separated by commas or line breaks',
    );
  });
});
