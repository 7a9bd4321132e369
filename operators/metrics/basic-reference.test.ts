import { describe, expect, it } from 'vitest';
import { adapterSpec, type AdaptationMethod } from '../../core/adapter-spec.ts';
import { reference, type Instance } from '../../core/instance.ts';
import { PyFloat } from '../../core/py-float.ts';
import { request, type CompletedRequest, type RequestMode } from '../../core/request.ts';
import { simpleWindowService } from './__fixtures__/golden.ts';
import { basicReferenceMetric, softmax } from './basic-reference.ts';

const instance = (texts: readonly string[], correct: number, split: 'valid' | 'test' = 'test'): Instance => ({
  id: 'id1',
  input: { text: 'Is 70 even or odd?' },
  references: texts.map((t, i) => reference(t, i === correct)),
  split,
});

/** An echoed completion whose last characters are the reference, each token with `logprob`. */
function state(of: Instance, index: number, logprob: number, mode: RequestMode = 'original'): CompletedRequest {
  const text = ` ${of.references[index]!.output.text}`;
  return {
    instance: of,
    reference_index: index,
    request_mode: mode,
    train_trial_index: 0,
    request: request({ model_deployment: 'simple/model1', prompt: `Q${text}`, echo_prompt: true, max_tokens: 0 }),
    result: {
      success: true,
      embedding: [],
      cached: false,
      request_time: 0.5,
      completions: [{ text: `Q${text}`, logprob, tokens: [...`Q${text}`].map((t) => ({ text: t, logprob })) }],
    },
    num_train_instances: 0,
    prompt_truncated: false,
    num_conditioning_tokens: 0,
  };
}

const metricFor = (method: AdaptationMethod) =>
  basicReferenceMetric({ adapterSpec: adapterSpec({ method, num_outputs: 1 }), windowService: simpleWindowService });

describe('basicReferenceMetric', () => {
  it('with all-zero logprobs (simple/model1): exact_match 0.25, max_prob 0.25, predicted_index 0', () => {
    const of = instance(['Even', 'Odd', 'Both', 'None'], 1);
    const [entry] = metricFor('multiple_choice_separate_original').evaluateGroup(0, [0, 1, 2, 3].map((i) => state(of, i, 0)));
    const byName = new Map(entry!.stats.map((s) => [s.name.name, s]));
    expect(byName.get('exact_match')!.toJson().sum).toEqual(new PyFloat(0.25));
    expect(byName.get('max_prob')!.toJson().sum).toEqual(new PyFloat(0.25));
    expect(byName.get('predicted_index')!.toJson().sum).toBe(0);
    // Request-state stats are merged over the 4 reference requests of the instance.
    expect(byName.get('num_references')!.toJson()).toMatchObject({ count: 4, sum: 16 });
    expect(entry!.stats.map((s) => s.name.name).slice(-3)).toEqual(['max_prob', 'exact_match', 'predicted_index']);
    expect(entry!.stats[0]!.name).toEqual({ name: 'num_references', split: 'test' });
  });

  it('scores a reference by the mean logprob of its last len(tokenize(" " + text)) tokens', () => {
    const of = instance(['yes', 'no'], 1);
    // " yes": 4 tokens of −1 → −1 per token; " no": 3 tokens of −0.5 → −0.5 per token.
    const [entry] = metricFor('multiple_choice_separate_original').evaluateGroup(0, [state(of, 0, -1), state(of, 1, -0.5)]);
    const value = (name: string) => entry!.stats.find((s) => s.name.name === name)!.toJson().sum;
    expect(value('predicted_index')).toBe(1);
    expect(value('exact_match')).toEqual(new PyFloat(1));
    expect(value('max_prob')).toEqual(new PyFloat(1 / (Math.exp(-0.5) + 1)));
  });

  it('calibrated: the score is logprob(original) − logprob(calibration)', () => {
    const of = instance(['yes', 'no'], 0);
    const states = [state(of, 0, -1), state(of, 0, -2, 'calibration'), state(of, 1, -0.5), state(of, 1, -0.1, 'calibration')];
    const [entry] = metricFor('multiple_choice_separate_calibrated').evaluateGroup(0, states);
    const value = (name: string) => entry!.stats.find((s) => s.name.name === name)!.toJson().sum;
    // yes: −4 − (−8) = 4; no: −1.5 − (−0.3) = −1.2
    expect(value('predicted_index')).toBe(0);
    expect(value('exact_match')).toEqual(new PyFloat(1));
    expect(entry!.stats.find((s) => s.name.name === 'num_references')!.count).toBe(4);
  });

  it('produces nothing for generation and joint multiple-choice states (no reference_index)', () => {
    const of = instance(['yes', 'no'], 0);
    const { reference_index: _r, request_mode: _m, ...generation } = state(of, 0, 0);
    const metric = metricFor('multiple_choice_joint');
    expect(metric.evaluateGroup(0, [generation])).toEqual([]);
    metric.endTrial(0);
    expect(metric.finish()).toEqual([]);
  });

  it('averages over instances per trial, keeping valid and test apart', () => {
    const metric = metricFor('multiple_choice_separate_original');
    const valid = instance(['a', 'b'], 0, 'valid');
    const test = { ...instance(['a', 'b'], 1), id: 'id2' };
    metric.evaluateGroup(0, [state(valid, 0, 0), state(valid, 1, 0)]);
    metric.evaluateGroup(0, [state(test, 0, 0), state(test, 1, 0)]);
    metric.endTrial(0);
    const em = metric.finish().filter((s) => s.name.name === 'exact_match' && s.name.perturbation === undefined);
    expect(em.map((s) => [s.name.split, s.mean])).toEqual([['valid', 0.5], ['test', 0.5]]);
  });
});

describe('SciPy arithmetic', () => {
  it('softmax shifts by the max', () => {
    expect(softmax([0, 0, 0, 0])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
  });
});
