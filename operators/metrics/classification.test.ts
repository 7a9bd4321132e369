import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { Instance } from '../../core/instance.ts';
import { perturbationDescription } from '../../core/metric-name.ts';
import { PyFloat } from '../../core/py-float.ts';
import { request, type CompletedRequest } from '../../core/request.ts';
import { classificationMetric, classificationOptions } from './classification.ts';
import { multipleChoiceClassificationMetric } from './classification-multiple-choice.ts';
import type { Metric } from './metric.ts';
import { createMetric } from './registry.ts';

interface Row {
  readonly completions: [string, number][];
  readonly refs: [string, boolean][];
  readonly mapping?: Record<string, string>;
}
interface VectorCase {
  readonly name: string;
  readonly kind: 'classification' | 'mc';
  readonly args: Record<string, unknown>;
  readonly rows: Row[];
  readonly stats: [string, number | 'NaN'][];
}

// Populations of one context scored by HELM 0.5.16's evaluate_instances (sklearn 1.2.1): HELM's own
// test_classification_metrics.py cases, edge cases and random ones (see __fixtures__/make-classification-vectors.py).
const VECTORS = JSON.parse(readFileSync(new URL('./__fixtures__/classification-vectors.json', import.meta.url), 'utf8')) as VectorCase[];

const stateOf = (row: Row, id: string, extra: Partial<Instance> = {}, trial = 0): CompletedRequest => ({
  instance: {
    id,
    input: { text: id },
    references: row.refs.map(([text, correct]) => ({ output: { text }, tags: correct ? ['correct'] : [] })),
    split: 'test',
    ...extra,
  },
  ...(row.mapping === undefined ? {} : { output_mapping: row.mapping }),
  train_trial_index: trial,
  request: request({ prompt: id }),
  result: { success: true, embedding: [], cached: false, completions: row.completions.map(([text, logprob]) => ({ text, logprob, tokens: [] })) },
  num_train_instances: 0,
  prompt_truncated: false,
  num_conditioning_tokens: 0,
});

/** Feeds each row as its own instance group, ends trial 0, and returns name → [count, mean]. */
function run(metric: Metric, rows: readonly Row[]): [string, number, unknown][] {
  rows.forEach((row, i) => expect(metric.evaluateGroup(0, [stateOf(row, `id${i}`)])).toEqual([]));
  metric.endTrial(0);
  return metric.finish().map((stat) => {
    const json = stat.toJson();
    return [json.name.name, json.count, json.mean];
  });
}

describe.each(VECTORS.filter((v) => v.rows.length > 0))('$name', ({ kind, args, rows, stats }) => {
  it(`gives HELM's ${stats.length} stats, floats in HELM's order`, () => {
    const metric = kind === 'mc' ? multipleChoiceClassificationMetric() : classificationMetric(classificationOptions(args));
    // evaluate_instances may name a stat twice (a class called "micro"); HELM's evaluate merges the two, then
    // takes the trial's mean.
    const byName = new Map<string, number[]>();
    for (const [name, value] of stats) byName.set(name, [...(byName.get(name) ?? []), value === 'NaN' ? NaN : value]);
    const expected = [...byName].map(([name, values]) => [name, 1, new PyFloat(values.reduce((a, b) => a + b, 0) / values.length)]);
    expect(run(metric, rows)).toEqual(expected);
  });
});

describe('aggregation over contexts and trials (EvaluateInstancesMetric)', () => {
  const yes = (pred: string): Row => ({ completions: [[pred, 0]], refs: [['yes', true], ['no', false]] });

  it('scores each context apart and takes the mean of the trial values', () => {
    const metric = classificationMetric(classificationOptions({ averages: ['micro'] }));
    const typo = perturbationDescription('typo', { robustness: true });
    // trial 0: test {yes ✓, no ✗} → 0.5, typo-perturbed {yes ✓} → 1; trial 1: test {yes ✓, yes ✓} → 1.
    metric.evaluateGroup(0, [stateOf(yes('yes'), 'a'), stateOf(yes('yes'), 'a', { perturbation: typo })]);
    metric.evaluateGroup(0, [stateOf(yes('no'), 'b')]);
    metric.endTrial(0);
    metric.evaluateGroup(1, [stateOf(yes('yes'), 'a', {}, 1), stateOf(yes('Yes.'), 'b', {}, 1)]);
    metric.endTrial(1);
    const json = metric.finish().map((s) => s.toJson());
    expect(json.map((s) => [s.name.perturbation?.name ?? null, s.count, s.sum])).toEqual([
      [null, 2, new PyFloat(1.5)],
      ['typo', 1, new PyFloat(1)],
    ]);
  });

  it('ignores request states with a reference_index but fails, as HELM, on a context left empty', () => {
    const metric = classificationMetric(classificationOptions({}));
    metric.evaluateGroup(0, [{ ...stateOf(yes('yes'), 'a'), reference_index: 0 }]);
    expect(() => metric.endTrial(0)).toThrow(/empty population/);
  });

  it('MultipleChoiceClassificationMetric scores an empty context as macro NaN, micro 0.0', () => {
    const metric = multipleChoiceClassificationMetric();
    metric.evaluateGroup(0, [{ ...stateOf(yes('A'), 'a'), reference_index: 0 }]);
    metric.endTrial(0);
    expect(metric.finish().map((s) => [s.name.name, s.toJson().sum])).toEqual([
      ['classification_macro_f1', new PyFloat(NaN)],
      ['classification_micro_f1', new PyFloat(0)],
    ]);
  });
});

describe('arguments and misuse', () => {
  it('reads HELM args through the registry, with the defaults of the constructor', () => {
    const options = { adapterSpec: {} as never, windowService: {} as never };
    expect(() => createMetric({ class_name: 'helm.benchmark.metrics.classification_metrics.ClassificationMetric', args: { labels: ['a'], delimiter: ', ' } }, options)).not.toThrow();
    expect(classificationOptions({ averages: [], labels: [], delimiter: '' })).toEqual({ averages: ['macro', 'micro'], scores: ['f1'] });
    expect(() => classificationOptions({ averages: ['mean'] })).toThrow(UserError);
    expect(() => classificationOptions({ scores: ['accuracy'] })).toThrow(/must be one of f1, precision, recall/);
  });

  it('rejects multiple-choice and calibration request states and several correct references', () => {
    const metric = classificationMetric(classificationOptions({}));
    const mapped: Row = { completions: [['A', 0]], refs: [['x', true]], mapping: { A: 'x' } };
    expect(() => metric.evaluateGroup(0, [stateOf(mapped, 'a')])).toThrow(/does not support multiple choice adapters/);
    expect(() => metric.evaluateGroup(0, [{ ...stateOf(mapped, 'a'), output_mapping: {}, request_mode: 'calibration' }])).toThrow(/calibration/);
    const twoGolds: Row = { completions: [['x', 0]], refs: [['x', true], ['y', true]] };
    expect(() => metric.evaluateGroup(0, [stateOf(twoGolds, 'a')])).toThrow(/exactly one correct reference/);
    expect(() => classificationMetric(classificationOptions({ delimiter: ',' })).evaluateGroup(0, [stateOf(twoGolds, 'a')])).not.toThrow();
  });
});
