import { describe, expect, it } from 'vitest';
import { pandasInnerMergeOrder } from './pandas-merge.ts';

// Expected values: pandas 1.5.3 `pd.merge(left, right, on="k")` (inner, sort=False), the row pairs it returns.
describe('pandasInnerMergeOrder', () => {
  it('groups rows by key, keys in order of first appearance on the left (not the left rows\' order, as pandas 2.2 has it)', () => {
    expect(pandasInnerMergeOrder([2, 1, 2], [1, 2])).toEqual([[0, 1], [2, 1], [1, 0]]);
  });

  it('pairs each left row of a key with each right row of it, in order', () => {
    expect(pandasInnerMergeOrder([1, 1], [1, 1])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
  });

  it('matches 3.0 with 3 and drops keys found on one side only', () => {
    expect(pandasInnerMergeOrder([3.0, 1, 2], [2, 3, 9])).toEqual([[0, 1], [2, 0]]);
  });
});
