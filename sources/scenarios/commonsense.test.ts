import { describe, expect, it } from 'vitest';
import { commonsenseInstance, pyListItem } from './commonsense.ts';

describe('commonsense helpers', () => {
  it("makes HELM's _make_instance: every answer equal to the correct text is correct, val is valid", () => {
    expect(commonsenseInstance('Q', ['a', 'b', 'a'], 'a', 'val')).toEqual({
      input: { text: 'Q' },
      references: [
        { output: { text: 'a' }, tags: ['correct'] },
        { output: { text: 'b' }, tags: [] },
        { output: { text: 'a' }, tags: ['correct'] },
      ],
      split: 'valid',
    });
    expect(commonsenseInstance('Q', ['a'], 'z', 'test').references[0]!.tags).toEqual([]);
  });

  it('indexes a list as Python does with an int', () => {
    expect([0, 2, -1, -3].map((i) => pyListItem(['a', 'b', 'c'], i))).toEqual(['a', 'c', 'c', 'a']);
    expect([3, -4, 1.5, '1', null].map((i) => pyListItem(['a', 'b', 'c'], i))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
