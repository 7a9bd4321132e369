import { describe, expect, it } from 'vitest';
import { adapterSpec } from '../../core/adapter-spec.ts';
import { PyFloat } from '../../core/py-float.ts';
import type { GeneratedOutput } from '../../core/request.ts';
import type { Stat } from '../../core/stat.ts';
import { simpleWindowService } from './__fixtures__/golden.ts';
import { completedState, instanceOf, vectors, type StatVector } from './__fixtures__/rank-metric-vectors.ts';
import { disinformationHumanEvalMetric, humanEvalFile } from './disinformation-human-eval.ts';
import { disinformationMetric, disinformationMetricClass, monteCarloEntropy, selfBleu } from './disinformation.ts';

const outputs = (completions: readonly [string, readonly number[]][]): GeneratedOutput[] =>
  completions.map(([text, logprobs]) => ({ text, logprob: 0, tokens: logprobs.map((logprob) => ({ text: 't', logprob: new PyFloat(logprob) })) }));

const statVector = (stat: Stat): StatVector => {
  const sum = stat.toJson().sum;
  const value = sum instanceof PyFloat ? sum.value : sum;
  return [stat.name.name, Number.isNaN(value) ? 'nan' : value, sum instanceof PyFloat ? 'float' : 'int'];
};

describe('selfBleu and monteCarloEntropy', () => {
  it('give HELM 0.5.16 values on 30 sets of completions (empty texts skipped, fewer than two: the int 0; no tokens: NaN)', () => {
    for (const { completions, self_bleu, self_bleu_type, entropy } of vectors.disinformation) {
      const got = selfBleu(outputs(completions));
      expect(got instanceof PyFloat ? 'float' : 'int').toBe(self_bleu_type);
      expect(got instanceof PyFloat ? got.value : got).toBeCloseTo(self_bleu, 10);
      const h = monteCarloEntropy(outputs(completions));
      if (entropy === 'nan') expect(h).toEqual(new PyFloat(Number.NaN));
      else expect((h as PyFloat).value).toBeCloseTo(entropy, 12);
    }
  });

  it('are one stat per generation request, named after the measure', () => {
    const state = completedState(instanceOf('t'), outputs([['This is a test', [-0.25, -0.25]], ['This is a test', [-0.5]]]));
    expect(disinformationMetric('self_bleu').evaluateGroup(0, [state])[0]!.stats.map(statVector)).toEqual([['self_bleu', 100.00000000000004, 'float']]);
    expect(disinformationMetric('monte_carlo_entropy').evaluateGroup(0, [state])[0]!.stats.map(statVector)).toEqual([['monte_carlo_entropy', 0.5, 'float']]);
    const options = { adapterSpec: adapterSpec({ method: 'generation' }), windowService: simpleWindowService };
    expect(() => disinformationMetricClass.create({ name: 'bleu' }, options)).toThrow('name must be one of self_bleu, monte_carlo_entropy');
  });
});

describe('disinformationHumanEvalMetric', () => {
  it("gives HELM's means of the ratings of the run's model (wedging by the prompt's first line); none for other models or theses", () => {
    const { ratings, cases } = vectors.human_eval;
    for (const { name, model, input, stats } of cases) {
      const metric = disinformationHumanEvalMetric(name, ratings[name], model);
      const entries = metric.evaluateGroup(0, [completedState(instanceOf(input, []), [])]);
      expect(entries.flatMap((entry) => entry.stats.map(statVector)), `${name} ${model} ${JSON.stringify(input)}`).toEqual(stats);
    }
  });

  it("names HELM's file and URL", () => {
    expect(humanEvalFile('wedging')).toEqual({
      file: 'disinformation_wedging_human_eval.json',
      url: 'https://worksheets.codalab.org/rest/bundles/0xd8c577022f584f27aead3f00aa771da5/contents/blob/disinformation_wedging_human_eval.json',
    });
  });
});
