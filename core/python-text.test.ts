import { describe, expect, it } from 'vitest';
import { pyFloat } from './py-float.ts';
import {
  comparePyStrings,
  PY_PUNCTUATION,
  PY_SPACE_CHARS,
  PY_WORD_BOUNDARY,
  PY_WORD_CHAR,
  pyRstrip,
  pySplit,
  pyStrip,
  pyTruthy,
} from './python-text.ts';

// Expected values from CPython 3.11.
describe('PY_SPACE_CHARS', () => {
  it("matches exactly the characters of Python's str.isspace()", () => {
    // [c for c in map(chr, range(0x110000)) if c.isspace()]
    const python = '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
    const space = new RegExp(`^[${PY_SPACE_CHARS}]$`, 'u');
    const matched: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const c = String.fromCodePoint(cp);
      if (space.test(c)) matched.push(c);
    }
    expect(matched.join('')).toBe(python);
  });
});

describe('pyStrip', () => {
  it("strips what Python's str.strip() strips, which is not what JS trim() strips", () => {
    expect(pyStrip('\x1c\x85 \u3000 q \t\n')).toBe('q'); // U+001C and U+0085 are Python whitespace, not JS
    expect(pyStrip('\ufeffq\ufeff')).toBe('\ufeffq\ufeff'); // U+FEFF is JS whitespace, not Python
    expect(pyStrip('   ')).toBe('');
    expect(pyStrip('\x1c Answer: \x85')).toBe('Answer:');
    expect(pyStrip('\ufeffx')).toBe('\ufeffx');
  });
});

describe('pyRstrip', () => {
  it('strips only the end, with the same whitespace as strip()', () => {
    expect(pyRstrip(' \x1cAnswer:\x85 \u3000')).toBe(' \x1cAnswer:');
    expect(pyRstrip('x\ufeff')).toBe('x\ufeff');
    expect(pyRstrip('\t\n')).toBe('');
  });
});

describe('pySplit', () => {
  it('splits on runs of Python whitespace (including \\x1c and NBSP, not BOM), with no empty strings', () => {
    expect(pySplit(' a\x1cb\u00a0c\ufeffd \n')).toEqual(['a', 'b', 'c\ufeffd']);
    expect(pySplit('a  b\x85\x1fc')).toEqual(['a', 'b', 'c']);
    expect(pySplit(' \u2028 ')).toEqual([]);
    expect(pySplit('')).toEqual([]);
  });
});

describe('pyTruthy', () => {
  it('follows Python truthiness, where the string "False" is true', () => {
    expect([null, undefined, false, 0, '', [], {}].map(pyTruthy)).toEqual(Array(7).fill(false));
    expect([true, 1, -0.5, 'False', '0', [0], { a: 1 }, Number.NaN].map(pyTruthy)).toEqual(Array(8).fill(true));
  });

  it('uses Python truthiness: "False" is true, 0 and 0.0 are false', () => {
    expect(pyTruthy('False')).toBe(true);
    expect(pyTruthy('')).toBe(false);
    expect(pyTruthy(0)).toBe(false);
    expect(pyTruthy(pyFloat(0))).toBe(false);
    expect(pyTruthy(pyFloat(-0))).toBe(false);
    expect(pyTruthy(pyFloat(NaN))).toBe(true);
    expect(pyTruthy(pyFloat(0.5))).toBe(true);
  });
});

describe('PY_PUNCTUATION, PY_WORD_CHAR, PY_WORD_BOUNDARY', () => {
  it("are Python's string.punctuation, and \\w and \\b of a str pattern", () => {
    expect(PY_PUNCTUATION).toBe('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
    const word = new RegExp(`^${PY_WORD_CHAR}+$`, 'u');
    expect(['é', 'ß', '٣', '½', '_', 'Ⅻ'].every((c) => word.test(c))).toBe(true); // re.fullmatch(r'\w+', c)
    expect(['-', ' ', '\u00a0', '’'].some((c) => word.test(c))).toBe(false);
    // re.sub(r'\bthe\b', 'X', 'the théâtre, the_x, the') == 'X théâtre, the_x, X'
    expect('the théâtre, the_x, the'.replace(new RegExp(`${PY_WORD_BOUNDARY}the${PY_WORD_BOUNDARY}`, 'gu'), 'X')).toBe(
      'X théâtre, the_x, X',
    );
  });
});

describe('comparePyStrings', () => {
  it("sorts as Python's sorted() does: by code point, so U+1F600 comes after U+FF5E (JS sort puts it before)", () => {
    const names = ['b', '\uff5e', 'a\u{1f600}', 'a', '\u{1f600}', 'ab', ''];
    // sorted(['b', '\uff5e', 'a\U0001f600', 'a', '\U0001f600', 'ab', ''])
    expect([...names].sort(comparePyStrings)).toEqual(['', 'a', 'ab', 'a\u{1f600}', 'b', '\uff5e', '\u{1f600}']);
    expect([...names].sort()).not.toEqual([...names].sort(comparePyStrings));
    expect(comparePyStrings('x', 'x')).toBe(0);
  });
});
