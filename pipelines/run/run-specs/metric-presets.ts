/** @module HELM's metric spec presets (`metrics/common_metric_specs.py`), with HELM's class_name strings as data. */
import type { MetricSpec } from '../../../core/run-spec.ts';

const BASIC = 'helm.benchmark.metrics.basic_metrics';

/** BasicGenerationMetric over the given reference-metric names. */
export const basicGenerationMetricSpecs = (names: readonly string[]): MetricSpec[] => [
  { class_name: `${BASIC}.BasicGenerationMetric`, args: { names } },
];

/** BasicReferenceMetric. */
export const basicReferenceMetricSpecs = (): MetricSpec[] => [{ class_name: `${BASIC}.BasicReferenceMetric`, args: {} }];

/** InstancesPerSplitMetric. */
export const genericMetricSpecs = (): MetricSpec[] => [{ class_name: `${BASIC}.InstancesPerSplitMetric`, args: {} }];

/** Generation + reference + generic. */
export const basicMetricSpecs = (names: readonly string[]): MetricSpec[] => [
  ...basicGenerationMetricSpecs(names),
  ...basicReferenceMetricSpecs(),
  ...genericMetricSpecs(),
];

/** EM4: the exact-match family. */
export const exactMatchMetricSpecs = (): MetricSpec[] =>
  basicMetricSpecs(['exact_match', 'quasi_exact_match', 'prefix_exact_match', 'quasi_prefix_exact_match']);

/** F1: exact match, quasi exact match, f1_score. */
export const f1MetricSpecs = (): MetricSpec[] => basicMetricSpecs(['exact_match', 'quasi_exact_match', 'f1_score']);

/** OPEN: overlap metrics for open-ended generation. */
export const openEndedGenerationMetricSpecs = (): MetricSpec[] =>
  basicMetricSpecs(['exact_match', 'quasi_exact_match', 'f1_score', 'rouge_l', 'bleu_1', 'bleu_4']);

/** LanguageModelingMetric. */
export const languageModelingMetricSpecs = (names: readonly string[]): MetricSpec[] => [
  { class_name: 'helm.benchmark.metrics.language_modeling_metrics.LanguageModelingMetric', args: { names } },
];

/** ClassificationMetric; `labels`/`delimiter` only when given and non-empty. */
export function classificationMetricSpecs(labels?: readonly string[], delimiter?: string): MetricSpec[] {
  const args: Record<string, unknown> = {};
  if (labels !== undefined && labels.length > 0) args['labels'] = labels;
  if (delimiter !== undefined && delimiter !== '') args['delimiter'] = delimiter;
  return [{ class_name: 'helm.benchmark.metrics.classification_metrics.ClassificationMetric', args }];
}

/** MultipleChoiceClassificationMetric. */
export const multipleChoiceClassificationMetricSpecs = (): MetricSpec[] => [
  { class_name: 'helm.benchmark.metrics.classification_metrics.MultipleChoiceClassificationMetric', args: {} },
];

/** ToxicityMetric. */
export const toxicityMetricSpecs = (): MetricSpec[] => [
  { class_name: 'helm.benchmark.metrics.toxicity_metrics.ToxicityMetric', args: {} },
];

/** BIAS: associations for (race, gender) × (adjective, profession), then representation for race, gender. */
export function biasMetricSpecs(): MetricSpec[] {
  const className = 'helm.benchmark.metrics.bias_metrics.BiasMetric';
  const demographics = ['race', 'gender'];
  const targets = ['adjective', 'profession'];
  return [
    ...demographics.flatMap((dem) =>
      targets.map((tgt) => ({
        class_name: className,
        args: { mode: 'associations', demographic_category: dem, target_category: tgt },
      })),
    ),
    ...demographics.map((dem) => ({ class_name: className, args: { mode: 'representation', demographic_category: dem } })),
  ];
}

/** HELM `get_generative_harms_metric_specs`: empty unless asked (both flags default to false). */
export function generativeHarmsMetricSpecs(includeBasicMetrics = false, includeGenerativeHarmsMetrics = false): MetricSpec[] {
  return [
    ...(includeBasicMetrics ? basicMetricSpecs([]) : []),
    ...(includeGenerativeHarmsMetrics ? [...biasMetricSpecs(), ...toxicityMetricSpecs()] : []),
  ];
}

/** HELM `get_copyright_metric_specs(args)`: BasicCopyrightMetric for each measure (args first, then `name`), then basic([]). */
export function copyrightMetricSpecs(args: Readonly<Record<string, unknown>> = {}): MetricSpec[] {
  const className = 'helm.benchmark.metrics.copyright_metrics.BasicCopyrightMetric';
  return [
    ...['longest_common_prefix_length', 'edit_distance', 'edit_similarity'].map((name) => ({ class_name: className, args: { ...args, name } })),
    ...basicMetricSpecs([]),
  ];
}

/** HELM `get_disinformation_metric_specs(args)`: the human evaluations (args), self-BLEU, Monte Carlo entropy, then basic([]). */
export function disinformationMetricSpecs(args: Readonly<Record<string, unknown>> = {}): MetricSpec[] {
  const module = 'helm.benchmark.metrics.disinformation_metrics';
  return [
    { class_name: `${module}.DisinformationHumanEvalMetrics`, args: { ...args } },
    { class_name: `${module}.DisinformationMetric`, args: { name: 'self_bleu' } },
    { class_name: `${module}.DisinformationMetric`, args: { name: 'monte_carlo_entropy' } },
    ...basicMetricSpecs([]),
  ];
}

/** HELM `get_summarization_metric_specs(args)`: SummarizationMetric(args), then basic([]). */
export const summarizationMetricSpecs = (args: Readonly<Record<string, unknown>>): MetricSpec[] => [
  { class_name: 'helm.benchmark.metrics.summarization_metrics.SummarizationMetric', args: { ...args } },
  ...basicMetricSpecs([]),
];
