import { expect, it } from 'vitest';
import { perturbationDescription } from '../../core/metric-name.ts';
import { PyFloat } from '../../core/py-float.ts';
import { request, type CompletedRequest } from '../../core/request.ts';
import type { Instance } from '../../core/instance.ts';
import { instancesPerSplitMetric } from './instances-per-split.ts';

const typo = perturbationDescription('typo', { robustness: true });
const state = (instance: Instance, trial: number, referenceIndex?: number): CompletedRequest => ({
  instance,
  ...(referenceIndex === undefined ? {} : { reference_index: referenceIndex }),
  train_trial_index: trial,
  request: request({ prompt: 'p' }),
  num_train_instances: 0,
  prompt_truncated: false,
  num_conditioning_tokens: 0,
});
const instance = (id: string, split: 'valid' | 'test', perturbed = false): Instance => ({
  id,
  input: { text: perturbed ? `${id}!` : id },
  references: [],
  split,
  ...(perturbed ? { perturbation: typo } : {}),
});

it('counts distinct instances per context and trial, then takes the mean over trials', () => {
  const metric = instancesPerSplitMetric();
  for (const trial of [0, 1]) {
    // Separate-MC style: several request states of one instance count once.
    expect(metric.evaluateGroup(trial, [state(instance('id1', 'valid'), trial, 0), state(instance('id1', 'valid'), trial, 1)])).toEqual([]);
    metric.evaluateGroup(trial, [state(instance('id2', 'test'), trial), state(instance('id2', 'test', true), trial)]);
    if (trial === 0) metric.evaluateGroup(trial, [state(instance('id3', 'test'), trial)]);
    metric.endTrial(trial);
  }
  expect(metric.finish().map((s) => s.toJson())).toEqual([
    { name: { name: 'num_instances', split: 'valid' }, count: 2, sum: new PyFloat(2), sum_squared: new PyFloat(2),
      min: new PyFloat(1), max: new PyFloat(1), mean: new PyFloat(1), variance: new PyFloat(0), stddev: new PyFloat(0) },
    { name: { name: 'num_instances', split: 'test' }, count: 2, sum: new PyFloat(3), sum_squared: new PyFloat(5),
      min: new PyFloat(1), max: new PyFloat(2), mean: new PyFloat(1.5), variance: new PyFloat(0.25), stddev: new PyFloat(0.5) },
    { name: { name: 'num_instances', split: 'test', perturbation: typo }, count: 2, sum: new PyFloat(2), sum_squared: new PyFloat(2),
      min: new PyFloat(1), max: new PyFloat(1), mean: new PyFloat(1), variance: new PyFloat(0), stddev: new PyFloat(0) },
  ]);
});
