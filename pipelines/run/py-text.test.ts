import { describe, expect, it } from 'vitest';
import { pyFloat } from '../../core/py-float.ts';
import { parsePyFloat, parsePyInt, pyFloatRepr, pyStr } from './py-text.ts';

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

describe('parsePyInt / parsePyFloat', () => {
  it('accept what Python int() accepts', () => {
    expect(parsePyInt('3')).toBe(3);
    expect(parsePyInt(' 3 ')).toBe(3);
    expect(parsePyInt('1_000')).toBe(1000);
    expect(parsePyInt('007')).toBe(7);
    expect(Object.is(parsePyInt('-0'), 0)).toBe(true);
    expect(parsePyInt('+5')).toBe(5);
    expect(parsePyInt('٣')).toBe(3); // ARABIC-INDIC DIGIT THREE
    expect(parsePyInt('１２')).toBe(12); // fullwidth digits
    for (const s of ['3.0', '1__0', '_1', '1_', '0x10', '', 'True', '1e3']) expect(parsePyInt(s)).toBeUndefined();
  });

  it('accept what Python float() accepts', () => {
    expect(parsePyFloat('3.0')).toBe(3);
    expect(parsePyFloat('1e3')).toBe(1000);
    expect(parsePyFloat('.5')).toBe(0.5);
    expect(parsePyFloat('5.')).toBe(5);
    expect(parsePyFloat('1_0.5')).toBe(10.5);
    expect(parsePyFloat('inf')).toBe(Infinity);
    expect(parsePyFloat('-Infinity')).toBe(-Infinity);
    expect(parsePyFloat('NaN')).toBeNaN();
    for (const s of ['1e', 'e5', '3,', '1.2.3', 'abc', '', 'infinit']) expect(parsePyFloat(s)).toBeUndefined();
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
