import { describe, expect, it } from 'vitest';
import { pythonRegExp } from './python-regexp.ts';

describe('pythonRegExp', () => {
  it('rewrites named groups and their back-references, and reads code points under the u flag', () => {
    const re = pythonRegExp('(?P<x>[A-D])\\s*(?P=x)');
    expect(re.flags).toBe('u');
    expect(re.exec('so B B')?.groups?.['x']).toBe('B');
    expect(pythonRegExp('^.$').test('\u{1F600}')).toBe(true); // one code point, as in Python
  });

  it('falls back to no flag for escapes Python allows and the u flag refuses', () => {
    const re = pythonRegExp('Answer\\: ([A-D]\\-\\_)');
    expect(re.flags).toBe('');
    expect(re.exec('Answer: B-_')?.[1]).toBe('B-_');
  });

  it('throws a plain Error giving both reasons when JS cannot read the pattern', () => {
    let error: unknown;
    try {
      pythonRegExp('([A-D]');
    } catch (thrown) {
      error = thrown;
    }
    expect((error as Error).constructor).toBe(Error);
    expect((error as Error).message).toMatch(/^Invalid regular expression: .*; with the u flag: Invalid regular expression: /);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });
});
