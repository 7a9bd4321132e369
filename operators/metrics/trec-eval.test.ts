import { describe, expect, it } from 'vitest';
import { ndcgCutAt, recallAt, recipRank, successAt } from './trec-eval.ts';

describe('trec_eval measures', () => {
  it('rank by score (ties by name, descending) and read qrels as trec_eval does', () => {
    const qrels = new Map([['q0', 0], ['q1', 2], ['q2', 1], ['q3', -1]]);
    const run = new Map([['q0', 3], ['q1', 1], ['q2', 2], ['q9', 2]]); // q9 ties with q2 and goes first
    expect(recipRank(qrels, run)).toBe(1 / 3);
    expect(successAt(qrels, run, 2)).toBe(0);
    expect(successAt(qrels, run, 3)).toBe(1);
    expect(recallAt(qrels, run, 3)).toBe(0.5);
    expect(ndcgCutAt(qrels, run, 4)).toBeCloseTo((1 / 2 + 2 / Math.log2(5)) / (2 + 1 / Math.log2(3)), 15);
    expect(recallAt(new Map(), run, 3)).toBe(0);
  });
});
