import { describe, expect, it } from 'vitest';
import { parsePyFloat, parsePyInt } from './python-number.ts';

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
