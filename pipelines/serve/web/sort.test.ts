import { describe, expect, it } from 'vitest';

const { compareValues, sortRows, sortKey } = await import('./sort.js' as string);

describe('sort', () => {
  it('reads numbers from numbers and numeric text, and empty cells as null', () => {
    expect([sortKey(0), sortKey('7304.25'), sortKey(''), sortKey('-'), sortKey(null), sortKey(undefined), sortKey('gsm')])
      .toEqual([0, 7304.25, null, null, null, null, 'gsm']);
  });

  it('sorts numbers numerically (10 after 9) and keeps empty cells last in both directions', () => {
    const rows = [{ v: 10 }, { v: null }, { v: 9 }, { v: '' }, { v: 0.5 }];
    expect(sortRows(rows, (r: { v: unknown }) => r.v, 1).map((r: { v: unknown }) => r.v)).toEqual([0.5, 9, 10, null, '']);
    expect(sortRows(rows, (r: { v: unknown }) => r.v, -1).map((r: { v: unknown }) => r.v)).toEqual([10, 9, 0.5, null, '']);
  });

  it('sorts text by locale after numbers, and is stable for equal keys', () => {
    expect(compareValues('b', 'a', 1)).toBeGreaterThan(0);
    expect(compareValues(1, 'a', 1)).toBeLessThan(0);
    expect(compareValues(1, 'a', -1)).toBeLessThan(0);
    const rows = [{ k: 1, id: 'x' }, { k: 1, id: 'y' }, { k: 0, id: 'z' }];
    expect(sortRows(rows, (r: { k: number }) => r.k, 1).map((r: { id: string }) => r.id)).toEqual(['z', 'x', 'y']);
  });
});
