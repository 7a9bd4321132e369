import { describe, expect, it } from 'vitest';
import { bareStr, pythonRound3 } from './cell-description.ts';

// Expected values printed by Python 3.11 (round) and HELM 0.5.16's Stat.bare_str() (the anchor install).
describe('pythonRound3', () => {
  it("rounds as Python's round(x, 3): ties of the binary value to even, others to nearest", () => {
    const cases: [number, number][] = [
      [0.0625, 0.062], [0.4375, 0.438], [0.1875, 0.188], [0.3125, 0.312], [-0.0625, -0.062],
      [2 / 3, 0.667], [1e-5, 0], [0.0005, 0.001], [0.0015, 0.002], [2.9996, 3], [1234.5678, 1234.568],
    ];
    for (const [x, rounded] of cases) expect([x, pythonRound3(x)]).toEqual([x, rounded]);
  });
});

describe('bareStr', () => {
  const stat = (...values: number[]) => ({
    count: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    min: values.length === 0 ? null : Math.min(...values),
    max: values.length === 0 ? null : Math.max(...values),
  });

  it("writes HELM's min, mean, max, sum and count, integral values as ints", () => {
    expect(bareStr(stat(1, 2))).toBe('min=1, mean=1.5, max=2, sum=3 (2)');
    expect(bareStr(stat(0.0625, 0.0625))).toBe('min=0.062, mean=0.062, max=0.062, sum=0.125 (2)');
    expect(bareStr(stat(0.1, 0.2, 0.3))).toBe('min=0.1, mean=0.2, max=0.3, sum=0.6 (3)');
  });

  it('prints a float that rounds to zero as 0.0, and big integral floats in full', () => {
    expect(bareStr(stat(1e-5, 1, 0.5))).toBe('min=0.0, mean=0.5, max=1, sum=1.5 (3)');
    expect(bareStr(stat(1e20, 3.5))).toBe(
      'min=3.5, mean=50000000000000000000, max=100000000000000000000, sum=100000000000000000000 (2)',
    );
  });

  it('writes (0) for a stat without values', () => {
    expect(bareStr(stat())).toBe('(0)');
  });
});
