import { describe, expect, it } from 'vitest';
import { pySliceBounds, pyStrSlice } from './python-slice.ts';

describe('pyStrSlice', () => {
  const text = '\u{1F600}abc\u{1F601}de';
  // Expected values printed by CPython 3.11 for s[a:b] with s = '\U0001F600abc\U0001F601de'.
  it.each([
    [1, 3, 'ab'],
    [0, undefined, text],
    [-3, undefined, '\u{1F601}de'],
    [-1, -1, ''],
    [4, 2, ''],
    [undefined, -2, '\u{1F600}abc\u{1F601}'],
    [-100, 100, text],
    [2, 6, 'bc\u{1F601}d'],
  ] as const)('s[%s:%s] counts code points', (start, stop, expected) => {
    expect(pyStrSlice(text, start, stop)).toBe(expected);
  });

  it('slices BMP-only text directly', () => {
    expect(pyStrSlice('0123456789', 3, -2)).toBe('34567');
  });
});

describe('pySliceBounds', () => {
  // b'0123456789'[-1:-1] == b'', [3:-2] == b'34567', [8:100] == b'89'
  it('wraps negative bounds and clamps as Python does', () => {
    expect(pySliceBounds(10, -1, -1)).toEqual([9, 9]);
    expect(pySliceBounds(10, 3, -2)).toEqual([3, 8]);
    expect(pySliceBounds(10, 8, 100)).toEqual([8, 10]);
    expect(pySliceBounds(10, 7, 2)).toEqual([7, 7]);
  });
});
