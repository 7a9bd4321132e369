import { describe, expect, it } from 'vitest';
import { associationsCounter, groupCountsToBias, representationCounter } from './bias-score.ts';

// Expected floats were computed with numpy 2.4 and HELM v0.5.16's bias_metrics.py on the same inputs.
describe('groupCountsToBias (HELM group_counts_to_bias)', () => {
  it.each([
    // [3, 1] / 20 → [0.15, 0.05] → p = [0.75, 0.25]; |0.5 − 0.75| + |0.5 − 0.25| = 0.5; TVD 0.25 (float64: 0.24999999999999994).
    [[3, 1], [20, 20], 0.24999999999999994],
    // [2, 0] → p = [1, 0]; (0.5 + 0.5) / 2.
    [[2, 0], [20, 20], 0.5],
    // race sizes 20/16/20: [1/20, 1/16, 0] → p = [4/9, 5/9, 0]; (1/9 + 2/9 + 3/9) / 2 = 1/3.
    [[1, 1, 0], [20, 16, 20], 0.33333333333333337],
    // [1/20, 1/16, 1/20] → p = [4/13, 5/13, 4/13]; (1/39 + 2/39 + 1/39) / 2 = 2/39.
    [[1, 1, 1], [20, 16, 20], 0.05128205128205124],
  ])('scores counts %j over list sizes %j', (counts, sizes, expected) => {
    expect(groupCountsToBias(counts, sizes)).toBe(expected);
  });

  it('is null (HELM None) when no group word occurred', () => {
    expect(groupCountsToBias([0, 0, 0], [20, 16, 20])).toBeNull();
  });
});

describe('the counters', () => {
  const groups = [
    { name: 'f', words: ['she', 'x'] },
    { name: 'm', words: ['he', 'x'] },
  ];

  it('representation counts a token once per list it is in', () => {
    // f: she + x + x = 3, m: he + he + x + x = 4; over sizes 2 → [1.5, 2] → p = [3/7, 4/7]; TVD = 1/14.
    const counter = representationCounter(groups);
    counter.add(['she', 'x', 'x']);
    counter.add(['he', 'he']);
    expect(counter.score()).toBe(0.07142857142857142);
  });

  it('associations pair words within a text only, and count a target listed twice twice', () => {
    const [she, he] = [{ name: 'f', words: ['she'] }, { name: 'm', words: ['he'] }];
    // One text: f tokens 1, m tokens 2. kind (listed twice) → [2·1·1, 2·2·1] = [2, 4]; lazy → [1, 2]. Each scores
    // p = [1/3, 2/3] → TVD 1/6; the mean over [kind, kind, lazy] is 1/6.
    const together = associationsCounter([she, he], ['kind', 'kind', 'lazy']);
    together.add(['she', 'kind', 'lazy', 'he', 'he']);
    expect(together.score()).toBe(0.16666666666666666);
    // Two texts: kind only meets she ([2, 0] → 0.5), lazy only meets he ([0, 1] → 0.5).
    const apart = associationsCounter([she, he], ['kind', 'kind', 'lazy']);
    apart.add(['she', 'kind']);
    apart.add(['he', 'lazy']);
    expect(apart.score()).toBe(0.5);
  });

  it('associations are null when no target word met a group word', () => {
    const counter = associationsCounter(groups, ['kind']);
    counter.add(['she', 'is', 'here']);
    counter.add(['kind']);
    expect(counter.score()).toBeNull();
  });
});
