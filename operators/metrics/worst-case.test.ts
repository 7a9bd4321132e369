import { describe, expect, it } from 'vitest';
import { perturbationDescription, type MetricName } from '../../core/metric-name.ts';
import { PyFloat } from '../../core/py-float.ts';
import type { CompletedRequest } from '../../core/request.ts';
import { Stat, StatMap } from '../../core/stat.ts';
import { goldenRunSpec, goldenStates, simpleWindowService } from './__fixtures__/golden.ts';
import { createMetricEvaluator } from './evaluate.ts';
import { mergeWorstCaseStats } from './worst-case.ts';

const typo = perturbationDescription('typo', { robustness: true }, { prob: new PyFloat(0.1) });
const dialect = perturbationDescription('dialect', { robustness: true, fairness: true });
const name = (perturbation?: MetricName['perturbation']): MetricName =>
  perturbation === undefined ? { name: 'exact_match', split: 'test' } : { name: 'exact_match', split: 'test', perturbation };
const stat = (n: MetricName, x: number) => new Stat(n).add(x);
const label = (s: Stat) => `${s.name.name}/${s.name.perturbation?.name ?? '-'}/${s.name.perturbation?.computed_on ?? '-'}`;

describe('mergeWorstCaseStats', () => {
  it('emits robustness/fairness worst equal to the original when there are no perturbations', () => {
    const into = new StatMap();
    mergeWorstCaseStats([{ instanceId: 'id1', stats: [stat(name(), 1)] }], into);
    expect([...into.values()].map((s) => s.toJson())).toEqual([
      { name: { name: 'exact_match', split: 'test', perturbation: { name: 'robustness', robustness: true, fairness: false, computed_on: 'worst' } },
        count: 1, sum: 1, sum_squared: 1, min: 1, max: 1, mean: new PyFloat(1), variance: new PyFloat(0), stddev: new PyFloat(0) },
      { name: { name: 'exact_match', split: 'test', perturbation: { name: 'fairness', robustness: false, fairness: true, computed_on: 'worst' } },
        count: 1, sum: 1, sum_squared: 1, min: 1, max: 1, mean: new PyFloat(1), variance: new PyFloat(0), stddev: new PyFloat(0) },
    ]);
  });

  it('takes the min over the original and its copies, per flag and per perturbation, in HELM order', () => {
    const into = new StatMap();
    mergeWorstCaseStats(
      [
        { instanceId: 'id1', stats: [stat(name(), 1)] },
        { instanceId: 'id1', stats: [stat(name(typo), 0)] },
        { instanceId: 'id1', stats: [stat(name(dialect), 1)] },
      ],
      into,
    );
    const stats = [...into.values()];
    expect(stats.map(label)).toEqual([
      'exact_match/robustness/worst',
      'exact_match/fairness/worst',
      'exact_match/typo/original',
      'exact_match/typo/worst',
      'exact_match/dialect/original',
      'exact_match/dialect/worst',
    ]);
    expect(stats.map((s) => s.sum)).toEqual([0, 1, 1, 0, 1, 1]);
    // The perturbation keeps its own fields (prob) and order, with computed_on replaced.
    expect(JSON.stringify(stats[3]!.name.perturbation)).toBe(
      '{"name":"typo","robustness":true,"fairness":false,"computed_on":"worst","prob":0.1}',
    );
  });

  it('skips stats with no values (training costs) and P/original when the original is missing', () => {
    const into = new StatMap();
    mergeWorstCaseStats(
      [
        { instanceId: 'id1', stats: [new Stat({ name: 'training_co2_cost', split: 'test' })] },
        { instanceId: 'id2', stats: [stat(name(typo), 0)] },
      ],
      into,
    );
    expect([...into.values()].map(label)).toEqual(['exact_match/robustness/worst', 'exact_match/typo/worst']);
  });
});

describe('a perturbed group through the evaluator', () => {
  it('orders plain → P/perturbed → derived → robustness/fairness worst → P/original, P/worst', () => {
    const { adapterSpec } = goldenRunSpec();
    const evaluator = createMetricEvaluator({
      metricSpecs: [{ class_name: 'helm.benchmark.metrics.basic_metrics.BasicGenerationMetric', args: { names: ['exact_match'] } }],
      adapterSpec,
      windowService: simpleWindowService,
      isDryRun: false,
    });
    const original = goldenStates()[0]!;
    const answer = (state: CompletedRequest, text: string): CompletedRequest => ({
      ...state,
      result: { ...state.result!, completions: [{ text, logprob: 0, tokens: [{ text, logprob: 0 }] }] },
    });
    const copy: CompletedRequest = { ...original, instance: { ...original.instance, perturbation: typo } };
    const [entries] = evaluator.evaluateGroup(0, [answer(original, 'C'), answer(copy, 'B')]);
    expect(entries!.map((e) => [e.instance_id, e.perturbation?.name])).toEqual([['id33', undefined], ['id33', 'typo']]);
    evaluator.endTrial(0);
    const stats = evaluator.finish();
    const em = stats.filter((s) => s.name.name === 'exact_match');
    expect(em.map(label)).toEqual([
      'exact_match/-/-',
      'exact_match/typo/perturbed',
      'exact_match/robustness/worst',
      'exact_match/fairness/worst',
      'exact_match/typo/original',
      'exact_match/typo/worst',
    ]);
    expect(em.map((s) => s.mean)).toEqual([1, 0, 0, 1, 1, 0]);
    const labels = stats.map(label);
    const index = (l: string) => labels.indexOf(l);
    expect(index('num_references/typo/perturbed')).toBeGreaterThan(index('num_bytes/-/-'));
    expect(index('perplexity/-/-')).toBeGreaterThan(index('num_bytes/typo/perturbed'));
    expect(index('perplexity/typo/perturbed')).toBe(index('perplexity/-/-') + 3);
    expect(index('num_references/robustness/worst')).toBe(index('logprob_per_byte/typo/perturbed') + 1);
    expect(labels.slice(index('num_references/robustness/worst'), index('num_references/robustness/worst') + 5)).toEqual([
      'num_references/robustness/worst',
      'num_references/fairness/worst',
      'num_references/typo/original',
      'num_references/typo/worst',
      'num_train_trials/robustness/worst',
    ]);
  });
});
