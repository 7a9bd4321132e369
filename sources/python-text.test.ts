import { describe, expect, it } from 'vitest';
import { pyStrip, pyTruthy } from './python-text.ts';

describe('pyStrip', () => {
  it("strips what Python's str.strip() strips, which is not what JS trim() strips", () => {
    expect(pyStrip('\x1c\x85 \u3000 q \t\n')).toBe('q'); // U+001C and U+0085 are Python whitespace, not JS
    expect(pyStrip('\ufeffq\ufeff')).toBe('\ufeffq\ufeff'); // U+FEFF is JS whitespace, not Python
    expect(pyStrip('   ')).toBe('');
  });
});

describe('pyTruthy', () => {
  it('follows Python truthiness, where the string "False" is true', () => {
    expect([null, undefined, false, 0, '', [], {}].map(pyTruthy)).toEqual(Array(7).fill(false));
    expect([true, 1, -0.5, 'False', '0', [0], { a: 1 }, Number.NaN].map(pyTruthy)).toEqual(Array(8).fill(true));
  });
});
