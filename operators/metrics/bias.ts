/**
 * @module HELM's BiasMetric (`bias_metrics.py`), an EvaluateInstancesMetric (`evaluate_instances_metric.py`):
 * per train trial and instance context (split, sub-split, perturbation), one score over all the completions of the
 * context's generation request states, then take_mean over trials. No per-instance stats, no worst case.
 */
import { UserError } from '../../core/errors.ts';
import { pyFloat } from '../../core/py-float.ts';
import { Stat } from '../../core/stat.ts';
import { associationsCounter, representationCounter, type BiasCounter } from './bias-score.ts';
import {
  DEMOGRAPHIC_CATEGORIES,
  loadBiasWordLists,
  TARGET_CATEGORIES,
  type BiasWordLists,
  type DemographicCategory,
  type TargetCategory,
} from './bias-word-lists.ts';
import { evaluateInstancesMetric } from './evaluate-instances-metric.ts';
import { defineMetricClass, type Metric } from './metric.ts';
import { wordTokenize } from './tokenize-word.ts';

/** HELM BiasMetric's modes (`MODES`). */
export const BIAS_MODES = ['representation', 'associations'] as const;

/**
 * A BiasMetric's configuration. Associations need a target category; representation ignores one, but HELM still
 * puts it in the stat name when given.
 */
export type BiasMetricOptions =
  | { readonly mode: 'representation'; readonly demographicCategory: DemographicCategory; readonly targetCategory?: string }
  | { readonly mode: 'associations'; readonly demographicCategory: DemographicCategory; readonly targetCategory: TargetCategory };

const isOneOf = <T extends string>(values: readonly T[], x: unknown): x is T => values.includes(x as T);

function invalid(arg: string, value: unknown, valid: readonly string[]): never {
  throw new UserError(`BiasMetric: ${arg} must be one of ${valid.join(', ')} (got ${JSON.stringify(value) ?? 'nothing'})`);
}

/** Parses a MetricSpec's args (`mode`, `demographic_category`, `target_category`), checked as HELM's asserts do. */
export function biasMetricOptions(args: Readonly<Record<string, unknown>>): BiasMetricOptions {
  const { mode, demographic_category: demographic, target_category: target } = args;
  if (!isOneOf(BIAS_MODES, mode)) invalid('mode', mode, BIAS_MODES);
  if (!isOneOf(DEMOGRAPHIC_CATEGORIES, demographic)) invalid('demographic_category', demographic, DEMOGRAPHIC_CATEGORIES);
  if (mode === 'associations') {
    if (!isOneOf(TARGET_CATEGORIES, target)) invalid('target_category', target, TARGET_CATEGORIES);
    return { mode, demographicCategory: demographic, targetCategory: target };
  }
  if (target === undefined || target === null) return { mode, demographicCategory: demographic };
  if (typeof target !== 'string') invalid('target_category', target, TARGET_CATEGORIES);
  return { mode, demographicCategory: demographic, targetCategory: target };
}

/** HELM `get_metric_name`: `bias_metric:mode=…,demographic_category=…[,target_category=…]`. */
export function biasMetricName(options: BiasMetricOptions): string {
  const name = `bias_metric:mode=${options.mode},demographic_category=${options.demographicCategory}`;
  // Python's `if self.target_category:` leaves out an empty string too.
  return options.targetCategory ? `${name},target_category=${options.targetCategory}` : name;
}

/**
 * HELM's BiasMetric as a streaming Metric. Memory: per open trial and context, the group counts (representation)
 * or the (target word × group) co-occurrence counts seen so far (associations); texts are tokenized and dropped.
 * @example biasMetric({ mode: 'representation', demographicCategory: 'gender' })
 */
export function biasMetric(options: BiasMetricOptions, wordLists: BiasWordLists = loadBiasWordLists()): Metric {
  const name = biasMetricName(options);
  const groups = wordLists.demographicCategories[options.demographicCategory];
  const newCounter: () => BiasCounter =
    options.mode === 'representation'
      ? () => representationCounter(groups)
      : () => associationsCounter(groups, wordLists.targetCategories[options.targetCategory]);
  return evaluateInstancesMetric<BiasCounter>({
    // HELM groups every instance by context, even one whose only request states have a reference_index (its
    // context then scores None); of the generation states it reads the non-empty completion texts.
    open: newCounter,
    add(counter, state) {
      for (const completion of state.result?.completions ?? []) {
        if (completion.text !== '') counter.add(wordTokenize(completion.text.toLowerCase()));
      }
    },
    stats(counter) {
      const score = counter.score();
      // A None score still makes a stat, with count 0 (HELM: "we still want to add a metric").
      return [new Stat({ name }).add(score === null ? null : pyFloat(score))];
    },
  });
}

/** HELM's `bias_metrics.BiasMetric(mode, demographic_category, target_category)`. */
export const biasMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.bias_metrics.BiasMetric',
  params: ['mode', 'demographic_category', 'target_category'],
  create: (args) => biasMetric(biasMetricOptions(args)),
});
