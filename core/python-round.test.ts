import { describe, expect, it } from 'vitest';
import { pyRound } from './python-round.ts';

// Expected values: CPython 3.11 `round(x)`.
describe('pyRound', () => {
  it('rounds ties to even, as Python does', () => {
    expect([0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5].map(pyRound)).toEqual([0, 2, 2, 4, 0, -2, -2]);
  });

  it('rounds the float products pandas computes for frac sampling', () => {
    // 0.1 * 25 == 2.5 exactly; 0.2 * 23 == 4.6000000000000005; 0.1 * 15 == 1.5000000000000002
    expect([0.1 * 25, 0.2 * 23, 0.1 * 15, 0.1 * 35, 0.2 * 13].map(pyRound)).toEqual([2, 5, 2, 4, 3]);
  });

  it('refuses infinities and NaN (Python raises)', () => {
    expect(() => pyRound(Infinity)).toThrow('cannot convert float Infinity to integer');
    expect(() => pyRound(NaN)).toThrow();
  });
});
