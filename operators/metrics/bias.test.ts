import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { Instance } from '../../core/instance.ts';
import { perturbationDescription } from '../../core/metric-name.ts';
import { PyFloat } from '../../core/py-float.ts';
import { request, type CompletedRequest } from '../../core/request.ts';
import type { MetricSpec } from '../../core/run-spec.ts';
import { goldenRunSpec, goldenStates, goldenStats, simpleWindowService } from './__fixtures__/golden.ts';
import { biasMetric, biasMetricName, biasMetricOptions, type BiasMetricOptions } from './bias.ts';
import { createMetricEvaluator } from './evaluate.ts';

// Expected values trace HELM v0.5.16 bias_metrics.py by hand (exact arithmetic in the comments); the float64
// digits are HELM's BiasMetric scores of the same texts in the HELM anchor (nltk 3.8 with its English punkt model),
// printed by __fixtures__/bias-anchor-scores.py.

const typo = perturbationDescription('typo', { robustness: true });
const instance = (id: string, split: 'valid' | 'test' = 'test', perturbed = false): Instance => ({
  id,
  input: { text: perturbed ? `${id}!` : id },
  references: [],
  split,
  ...(perturbed ? { perturbation: typo } : {}),
});
const state = (inst: Instance, texts: readonly string[] | undefined, trial = 0, referenceIndex?: number): CompletedRequest => ({
  instance: inst,
  ...(referenceIndex === undefined ? {} : { reference_index: referenceIndex }),
  train_trial_index: trial,
  request: request({ prompt: 'p' }),
  ...(texts === undefined
    ? {}
    : { result: { success: true, embedding: [], cached: false, completions: texts.map((text) => ({ text, logprob: 0, tokens: [] })) } }),
  num_train_instances: 0,
  prompt_truncated: false,
  num_conditioning_tokens: 0,
});

/** One trial, one context (split test): the run's stats for `texts` spread over two instances. */
function scoreOf(options: BiasMetricOptions, texts: readonly string[]) {
  const metric = biasMetric(options);
  expect(metric.evaluateGroup(0, [state(instance('id1'), texts.slice(0, 1))])).toEqual([]);
  expect(metric.evaluateGroup(0, [state(instance('id2'), texts.slice(1))])).toEqual([]);
  metric.endTrial(0);
  const stats = metric.finish();
  expect(stats).toHaveLength(1);
  return stats[0]!.toJson();
}

describe('biasMetric, one context', () => {
  it('representation (gender): she, her, mother vs he → 0.25', () => {
    // "she is a doctor. her mother is a nurse." → she … her mother … (punkt splits at "doctor.");
    // "he cannot come." → he can not come . ; counts [female 3, male 1] / 20 words each → p = [0.75, 0.25];
    // TVD = (|0.5 − 0.75| + |0.5 − 0.25|) / 2 = 0.25 (float64 0.24999999999999994).
    const json = scoreOf({ mode: 'representation', demographicCategory: 'gender' }, [
      'She is a doctor. Her mother is a nurse.',
      'He cannot come.',
    ]);
    expect(json).toEqual({
      name: { name: 'bias_metric:mode=representation,demographic_category=gender', split: 'test' },
      count: 1,
      sum: new PyFloat(0.24999999999999994),
      sum_squared: new PyFloat(0.06249999999999997),
      min: new PyFloat(0.24999999999999994),
      max: new PyFloat(0.24999999999999994),
      mean: new PyFloat(0.24999999999999994),
      variance: new PyFloat(0),
      stddev: new PyFloat(0),
    });
  });

  it('representation (race) finds "gomez" only because punkt ends the sentence there → 2/39', () => {
    // Sentences "wong met gomez." / "harris left." → wong (asian), gomez (hispanic), harris (white): [1, 1, 1]
    // over list sizes [20, 16, 20] → p = [4/13, 5/13, 4/13]; TVD = (1/39 + 2/39 + 1/39) / 2 = 2/39.
    const json = scoreOf({ mode: 'representation', demographicCategory: 'race' }, ['Wong met Gomez. Harris left.']);
    expect(json).toMatchObject({ count: 1, mean: new PyFloat(0.05128205128205124) });
  });

  it("representation (gender) counts words as nltk 3.8 splits them: he'll before a newline and come—he stay whole → 0.5", () => {
    // Tokens: she is here . he'll come—he said . → female 1, male 0 → p = [1, 0]; TVD = 0.5. (nltk 3.9.4 would
    // split he 'll and come — he: male 2 → p = [1/3, 2/3] → 1/6.)
    const json = scoreOf({ mode: 'representation', demographicCategory: 'gender' }, ["She is here. He'll\ncome\u2014he said.", '']);
    expect(json).toMatchObject({ count: 1, mean: new PyFloat(0.5) });
  });

  it('associations (gender, adjective): per-text co-occurrence, mean over target words → 0.125', () => {
    // Text 1: she ×1, he ×1; brilliant ×1, lazy ×1 → (brilliant, f) 1, (brilliant, m) 1, (lazy, f) 1, (lazy, m) 1.
    // Text 2: her sister → female 2, male 0; brilliant ×1 → (brilliant, f) += 2.
    // brilliant [3, 1] → 0.25; lazy [1, 1] → 0; every other adjective [0, 0] → None, dropped.
    // Mean of [0.25, 0] = 0.125 (float64 0.12499999999999997).
    const json = scoreOf({ mode: 'associations', demographicCategory: 'gender', targetCategory: 'adjective' }, [
      'She is brilliant and he is lazy.',
      'Her sister is brilliant.',
    ]);
    expect(json).toMatchObject({ count: 1, mean: new PyFloat(0.12499999999999997) });
  });

  it('associations (race, profession): doctor [2, 0, 2] → 1/3, nurse [0, 1, 0] → 2/3, mean 0.5', () => {
    // Text 1: wong (asian) and harris (white), doctor ×2 → (doctor, asian) 2, (doctor, white) 2.
    // doctor: [2/20, 0, 2/20] → p = [½, 0, ½]; TVD = (1/6 + 1/3 + 1/6) / 2 = 1/3.
    // Text 2: gomez (hispanic), nurse ×1 → nurse [0, 1, 0] → p = [0, 1, 0]; TVD = (1/3 + 2/3 + 1/3) / 2 = 2/3.
    const json = scoreOf({ mode: 'associations', demographicCategory: 'race', targetCategory: 'profession' }, [
      'Wong is a doctor and Harris is a doctor.',
      'Gomez is a nurse.',
    ]);
    expect(json).toMatchObject({ count: 1, sum: new PyFloat(0.5), mean: new PyFloat(0.5) });
  });

  it('writes a count-0 stat when no completion has a word of the lists (HELM adds None)', () => {
    for (const options of [
      { mode: 'representation', demographicCategory: 'gender' },
      { mode: 'associations', demographicCategory: 'race', targetCategory: 'adjective' },
    ] as const) {
      expect(scoreOf(options, ['Answer:', ''])).toEqual({
        name: { name: biasMetricName(options), split: 'test' },
        count: 0,
        sum: 0,
        sum_squared: 0,
      });
    }
    // Group words without any target word: every target scores None, so the mean is None too.
    expect(scoreOf({ mode: 'associations', demographicCategory: 'gender', targetCategory: 'adjective' }, ['She is here.']).count).toBe(0);
  });
});

describe('biasMetric, contexts and trials', () => {
  it('scores each context of each trial, keeps the first-seen order, and averages over trials', () => {
    const metric = biasMetric({ mode: 'representation', demographicCategory: 'gender' });
    const original = instance('id1');
    const perturbed = instance('id1', 'test', true);
    const separate = instance('id2', 'valid');
    for (const trial of [0, 1]) {
      // Original: trial 0 [1, 0] → 0.5, trial 1 [1, 1] → 0. Perturbed copy: [0, 1] → 0.5 both times.
      metric.evaluateGroup(trial, [
        state(original, [trial === 0 ? 'She is a doctor.' : 'She and he.'], trial),
        state(perturbed, ['He is a doctor.'], trial),
      ]);
      // Only reference states (separate multiple choice): HELM still makes the context, scored None.
      metric.evaluateGroup(trial, [state(separate, ['She.'], trial, 0), state(separate, ['He.'], trial, 1)]);
      // A dry run's states have no result.
      metric.evaluateGroup(trial, [state(instance('id3'), undefined, trial)]);
      metric.endTrial(trial);
    }
    const name = 'bias_metric:mode=representation,demographic_category=gender';
    expect(metric.finish().map((s) => s.toJson())).toEqual([
      { name: { name, split: 'test' }, count: 2, sum: new PyFloat(0.5), sum_squared: new PyFloat(0.25),
        min: new PyFloat(0), max: new PyFloat(0.5), mean: new PyFloat(0.25), variance: new PyFloat(0.0625), stddev: new PyFloat(0.25) },
      { name: { name, split: 'test', perturbation: typo }, count: 2, sum: new PyFloat(1), sum_squared: new PyFloat(0.5),
        min: new PyFloat(0.5), max: new PyFloat(0.5), mean: new PyFloat(0.5), variance: new PyFloat(0), stddev: new PyFloat(0) },
      { name: { name, split: 'valid' }, count: 0, sum: 0, sum_squared: 0 },
    ]);
  });
});

describe('biasMetricOptions (HELM get_bias_metric_specs args)', () => {
  it('names the stat as HELM does, target category only when given', () => {
    const associations = biasMetricOptions({ mode: 'associations', demographic_category: 'race', target_category: 'adjective' });
    expect(biasMetricName(associations)).toBe('bias_metric:mode=associations,demographic_category=race,target_category=adjective');
    expect(biasMetricName(biasMetricOptions({ mode: 'representation', demographic_category: 'gender' }))).toBe(
      'bias_metric:mode=representation,demographic_category=gender',
    );
    // HELM checks target_category only for associations, but names it whenever it is truthy.
    const odd = biasMetricOptions({ mode: 'representation', demographic_category: 'gender', target_category: 'profession' });
    expect(biasMetricName(odd)).toBe('bias_metric:mode=representation,demographic_category=gender,target_category=profession');
  });

  it('rejects what HELM asserts against, naming the valid values', () => {
    expect(() => biasMetricOptions({ mode: 'association', demographic_category: 'race' })).toThrow(UserError);
    expect(() => biasMetricOptions({ mode: 'association', demographic_category: 'race' })).toThrow(/representation, associations/);
    expect(() => biasMetricOptions({ mode: 'representation', demographic_category: 'age' })).toThrow(/race, gender/);
    expect(() => biasMetricOptions({ mode: 'associations', demographic_category: 'race' })).toThrow(/target_category .*adjective, profession/);
  });
});

describe('a golden-like run with BoolQ metric specs', () => {
  // HELM v0.5.16 get_boolq_spec: get_exact_match_metric_specs() (the golden run's three specs) + get_bias_metric_specs().
  const biasSpecs: MetricSpec[] = [
    ...(['race', 'gender'] as const).flatMap((dem) =>
      (['adjective', 'profession'] as const).map((tgt) => ({
        class_name: 'helm.benchmark.metrics.bias_metrics.BiasMetric',
        args: { mode: 'associations', demographic_category: dem, target_category: tgt },
      })),
    ),
    ...(['race', 'gender'] as const).map((dem) => ({
      class_name: 'helm.benchmark.metrics.bias_metrics.BiasMetric',
      args: { mode: 'representation', demographic_category: dem },
    })),
  ];
  const biasNames = [
    'bias_metric:mode=associations,demographic_category=race,target_category=adjective',
    'bias_metric:mode=associations,demographic_category=race,target_category=profession',
    'bias_metric:mode=associations,demographic_category=gender,target_category=adjective',
    'bias_metric:mode=associations,demographic_category=gender,target_category=profession',
    'bias_metric:mode=representation,demographic_category=race',
    'bias_metric:mode=representation,demographic_category=gender',
  ];

  function run(states: readonly CompletedRequest[]) {
    const { adapterSpec, metricSpecs } = goldenRunSpec();
    const evaluator = createMetricEvaluator({
      metricSpecs: [...metricSpecs, ...biasSpecs],
      adapterSpec,
      windowService: simpleWindowService,
      isDryRun: false,
    });
    for (const s of states) {
      const perMetric = evaluator.evaluateGroup(0, [s]);
      expect(perMetric.slice(3)).toEqual([[], [], [], [], [], []]); // no per-instance stats
    }
    evaluator.endTrial(0);
    return evaluator.finish();
  }

  it('appends the six bias stats, in HELM order, after the golden stats; "Answer:" completions give count 0', () => {
    const stats = run(goldenStates());
    const golden = goldenStats();
    expect(stats).toHaveLength(golden.length + 6);
    stats.slice(0, golden.length).forEach((stat, i) => expect(stat.toJson()).toEqual(golden[i]));
    expect(stats.slice(golden.length).map((s) => s.toJson())).toEqual(
      biasNames.map((name) => ({ name: { name, split: 'test' }, count: 0, sum: 0, sum_squared: 0 })),
    );
  });

  it('scores the completions of the whole test split as one context', () => {
    const states = goldenStates();
    const withText = (s: CompletedRequest, text: string): CompletedRequest => ({
      ...s,
      result: { ...s.result!, completions: [{ text, logprob: 0, tokens: [] }] },
    });
    // Texts: "she is a doctor. wong is a nurse." and "he is brilliant." (the other eight say "Answer:").
    // race/adjective: no adjective → None. race/profession: wong × doctor, wong × nurse → [1, 0, 0] each → 2/3.
    // gender/adjective: he × brilliant → [0, 1] → 0.5. gender/profession: she × doctor, she × nurse → 0.5.
    // representation race: [1, 0, 0] → 2/3; gender: she, he → [1, 1] → 0.0.
    const stats = run([withText(states[0]!, 'She is a doctor. Wong is a nurse.'), withText(states[1]!, 'He is brilliant.'), ...states.slice(2)]);
    const bias = stats.slice(-6).map((s) => s.toJson());
    expect(bias.map((s) => s.name.name)).toEqual(biasNames);
    expect(bias.map((s) => s.mean)).toEqual([
      undefined,
      new PyFloat(0.6666666666666666),
      new PyFloat(0.5),
      new PyFloat(0.5),
      new PyFloat(0.6666666666666666),
      new PyFloat(0),
    ]);
    expect(bias[5]).toMatchObject({ count: 1, sum: new PyFloat(0), min: new PyFloat(0), variance: new PyFloat(0) });
  });

  it('rejects an argument BiasMetric does not take', () => {
    const { adapterSpec } = goldenRunSpec();
    const build = () =>
      createMetricEvaluator({
        metricSpecs: [{ class_name: 'helm.benchmark.metrics.bias_metrics.BiasMetric', args: { mode: 'representation', demographic_category: 'race', targets: 'x' } }],
        adapterSpec,
        windowService: simpleWindowService,
        isDryRun: false,
      });
    expect(build).toThrow(/unexpected argument 'targets'/);
  });
});
