import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { pythonReSub } from './python-re-sub.ts';

// [pattern, replacement, text, re.sub(pattern, replacement, text)] computed with CPython 3.11.
const VECTORS: readonly (readonly [string, string, string, string])[] = [
    ["\n", ";\n", "a\nb\n", "a;\nb;\n"],
    ["\n", "<br>\n", "Q: x\nA:", "Q: x<br>\nA:"],
    ["(\\w+)@(\\w+)", "\\2 at \\1", "me@host, you@there", "host at me, there at you"],
    ["(?P<word>\\w+)", "<\\g<word>|\\g<1>|\\g<0>>", "h\u00e9llo w\u00f6rld", "<h\u00e9llo|h\u00e9llo|h\u00e9llo> <w\u00f6rld|w\u00f6rld|w\u00f6rld>"],
    ["a", "\\;\\\\\\n\\t", "xax", "x\\;\\\n\tx"],
    ["a", "\\0\\012\\101", "a", "\u0000\nA"],
    ["(a)|b", "[\\1]", "ab", "[a][]"],
    ["x*", "-", "abxd", "-a-b--d-"],
    ["$", "!", "ab\n", "ab!\n!"],
    ["^", ">", "ab\ncd", ">ab\ncd"],
    ["\\d+", "#", "a1b\u0663\u0664c", "a#b#c"],
    ["\\s+", "_", "a \u001c\u0085b\ufeffc", "a_b\ufeffc"],
    ["\\bcat\\b", "dog", "cat concat \u00e9cat cat_ cat.", "dog concat \u00e9cat cat_ dog."],
    [".", "*", "a\rb\u2028", "****"],
    ["a{,2}", "-", "aaa", "---"],
    ["a{x}", "-", "a{x}", "-"],
    ["[]a]", "-", "]ab", "--b"],
    ["[^]a]", "-", "]ab", "]a-"],
    ["[\\w.-]+", "W", "foo.bar-baz qux", "W W"],
    ["\\Aab|cd\\Z", "X", "abcd", "XX"],
    ["\\x41\\u00e9", "E", "A\u00e9", "E"],
    ["\ud835\udd38.", "Z", "\ud835\udd38b\ud835\udd38\ud835\udd39", "ZZ"],
    ["(?:ab)+(?=c)", "Y", "ababc", "Yc"],
    ["(?P<q>['\"]).*?(?P=q)", "Q", "say 'hi' and \"yo\"", "say Q and Q"],
    ["a(?#comment)b", "Z", "ab", "Z"],
    ["\\.", "\\\\", "a.b", "a\\b"],
    ["/", "|", "a/b", "a|b"],
    ["(?P<\ud835\udd38x>a)", "[\\g<\ud835\udd38x>]", "bab", "b[a]b"],
];

describe('pythonReSub', () => {
  it.each(VECTORS)('re.sub(%j, %j, %j) = %j', (pattern, replacement, text, expected) => {
    expect(pythonReSub(pattern, replacement)(text)).toBe(expected);
  });

  it('applies the expanders’ substitutions (newline → ";" + newline, "<br>" + newline)', () => {
    // HELM v0.5.16 run_expander.py: NewlineRunExpander-style Substitution("\n", ";\n") and ("\n", "<br>\n").
    expect(pythonReSub('\n', ';\n')('Question: 1\nAnswer:')).toBe('Question: 1;\nAnswer:');
    expect(pythonReSub('\n', '<br>\n')('a\n\nb')).toBe('a<br>\n<br>\nb');
  });

  it('reads replacement escapes the Python way, not the JS way', () => {
    expect(pythonReSub('b', '$&$1')('abc')).toBe('a$&$1c');
    expect(pythonReSub('b', String.raw`\n`)('abc')).toBe('a\nc');
  });

  it.each([
    ['a', String.raw`\d`, /bad escape/],
    ['a', String.raw`\g<2>`, /invalid group reference 2/],
    ['(a)', String.raw`\2`, /invalid group reference 2/],
    [String.raw`\q`, 'x', /bad escape/],
    ['[a', 'x', /unterminated/],
    ['a\\', 'x', /end of pattern/],
    ['a', '\\', /end of pattern/],
    ['(?i)a', 'x', /not supported/],
    [String.raw`[\w-z]`, 'x', /bad character range/],
  ])('rejects %j → %j as Python does (or as untranslatable) with a UserError', (pattern, replacement, message) => {
    expect(() => pythonReSub(pattern, replacement)).toThrow(UserError);
    expect(() => pythonReSub(pattern, replacement)).toThrow(message);
  });
});
