import { describe, expect, it } from 'vitest';
import { pythonPatternSource } from './python-pattern.ts';

const search = (pattern: string, text: string): boolean => new RegExp(pythonPatternSource(pattern), 'u').test(text);

describe('pythonPatternSource', () => {
  // Each expectation is what CPython 3.11's re.search gives for the same pattern and text.
  it("keeps Python's meaning of $, \\d, \\w, \\s, \\S, \\b and .", () => {
    expect(search('\\d+$', '12\n')).toBe(true); // $ also matches before a final newline
    expect(search('\\d+$', '12\n\n')).toBe(false);
    expect(search('^\\w+$', 'é٣_')).toBe(true); // Unicode letters and digits
    expect(search('a.b', 'a\rb')).toBe(true); // . refuses only \n
    expect(search('a.b', 'a\nb')).toBe(false);
    expect(search('\\S+', '\x1c')).toBe(false); // U+001C is whitespace to Python
    expect(search('\\bx', 'éx')).toBe(false); // é is a word character
  });

  it('reads \\U escapes, needless escapes and a ] first in a class', () => {
    expect(search('\\U0001F600', '😀')).toBe(true);
    expect(search("^\\'\\!", "'!")).toBe(true);
    expect(search('[\\]a]+$', ']a]')).toBe(true);
    expect(search('[]a]+$', ']a]')).toBe(true);
    expect(search('^[^]a]$', 'b')).toBe(true);
    expect(pythonPatternSource('(?u)^[\\w\\-]{2,}$')).toBe('^[\\p{L}\\p{N}_\\-]{2,}(?=\\n?$)');
  });

  it('refuses what it does not translate', () => {
    expect(() => pythonPatternSource('(?i)abc')).toThrow('inline flags are not translated');
    expect(() => pythonPatternSource('[\\S]')).toThrow('the escape \\S is not translated inside a class');
  });
});
