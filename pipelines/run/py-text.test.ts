import { describe, expect, it } from 'vitest';
import { pyFloat } from '../../core/py-float.ts';
import { pyFloatRepr, pyStr } from './py-text.ts';

describe('pyFloatRepr', () => {
  it('prints floats as Python repr does (values from CPython 3.11)', () => {
    const cases: [number, string][] = [
      [0, '0.0'],
      [-0, '-0.0'],
      [3, '3.0'],
      [0.1, '0.1'],
      [1e-4, '0.0001'],
      [1e-5, '1e-05'],
      [1.5e-7, '1.5e-07'],
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [123456789012345678, '1.2345678901234568e+17'],
      [1 / 3, '0.3333333333333333'],
      [1e22, '1e+22'],
      [-2.5e-10, '-2.5e-10'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [100, '100.0'],
      [0.7, '0.7'],
      [Infinity, 'inf'],
      [-Infinity, '-inf'],
      [NaN, 'nan'],
    ];
    for (const [value, expected] of cases) expect(pyFloatRepr(value)).toBe(expected);
  });
});

describe('pyStr', () => {
  it('prints values as Python str() does', () => {
    expect(pyStr(3)).toBe('3');
    expect(pyStr(pyFloat(3))).toBe('3.0');
    expect(pyStr('a/b')).toBe('a/b');
    expect(pyStr(1e21)).toBe('1000000000000000000000');
  });
});
