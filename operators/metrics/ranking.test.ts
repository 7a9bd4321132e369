import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { PyFloat } from '../../core/py-float.ts';
import type { Stat } from '../../core/stat.ts';
import { simpleWindowService } from './__fixtures__/golden.ts';
import { completedState, instanceOf, vectors, type StatVector } from './__fixtures__/rank-metric-vectors.ts';
import { rankingMetric, rankingMetricClass } from './ranking.ts';

const statVector = (stat: Stat): StatVector => {
  const sum = stat.toJson().sum;
  return [stat.name.name, sum instanceof PyFloat ? sum.value : sum, sum instanceof PyFloat ? 'float' : 'int'];
};

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
