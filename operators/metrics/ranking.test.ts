import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { PyFloat } from '../../core/py-float.ts';
import type { Stat } from '../../core/stat.ts';
import { simpleWindowService } from './__fixtures__/golden.ts';
import { completedState, instanceOf, vectors, type StatVector } from './__fixtures__/rank-metric-vectors.ts';
import { rankingMetric, rankingMetricClass } from './ranking.ts';
import { ndcgCutAt, recallAt, recipRank, successAt } from './trec-eval.ts';

const statVector = (stat: Stat): StatVector => {
  const sum = stat.toJson().sum;
  return [stat.name.name, sum instanceof PyFloat ? sum.value : sum, sum instanceof PyFloat ? 'float' : 'int'];
};

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

describe('rankingMetric', () => {
  it('gives HELM 0.5.16 (pytrec_eval 0.5) stats on 40 queries, binary and graded, with and without a top-k rank limit', () => {
    for (const { multiple, rank, measures, tags, completions, stats } of vectors.ranking) {
      const metric = rankingMetric({ measures, correctOutput: 'Yes', wrongOutput: 'No', rank: rank ?? undefined, multipleRelevanceValues: multiple });
      const instance = instanceOf('q', tags.map((t, i) => ({ output: { text: `doc ${i}` }, tags: t })));
      const states = completions.map(([text, logprob], i) => completedState(instance, [{ text, logprob: new PyFloat(logprob), tokens: [] }], i));
      const [entry] = metric.evaluateGroup(0, states);
      const got = entry!.stats.map(statVector);
      expect(got.map(([name, , type]) => [name, type])).toEqual(stats.map(([name, , type]) => [name, type]));
      got.forEach(([, value], i) => expect(value as number).toBeCloseTo(stats[i]![1] as number, 12));
    }
  });

  it('refuses a measure it does not compute and a method other than ranking_binary', () => {
    const options = { adapterSpec: adapterSpec({ method: 'ranking_binary' }), windowService: simpleWindowService };
    const args = { method: 'ranking_binary', measure_names: ['map'], correct_output: 'Yes', wrong_output: 'No' };
    expect(() => rankingMetricClass.create(args, options)).toThrow('measure "map" is not one computed here');
    expect(() => rankingMetricClass.create({ ...args, measure_names: ['recall.5'], method: 'generation' }, options)).toThrow('method must be ranking_binary');
  });
});
