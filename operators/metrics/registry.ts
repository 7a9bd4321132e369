/**
 * @module The metrics a run spec can name, keyed by HELM's `class_name` (written to run_spec.json as data;
 * this table is the only dispatch).
 */
import { UserError, unknownNameMessage } from '../../core/errors.ts';
import type { MetricSpec } from '../../core/run-spec.ts';
import { basicGenerationMetric } from './basic-generation.ts';
import { basicReferenceMetric } from './basic-reference.ts';
import { biasMetric, biasMetricOptions } from './bias.ts';
import { dryRunMetric } from './dry-run.ts';
import type { EfficiencyData } from './efficiency.ts';
import { instancesPerSplitMetric } from './instances-per-split.ts';
import { languageModelingMetric } from './language-modeling.ts';
import type { Metric, MetricOptions } from './metric.ts';

/** What a metric factory gets: the run's adapter spec and window service, and optional efficiency tables. */
export interface MetricFactoryOptions extends MetricOptions {
  readonly efficiencyData?: EfficiencyData;
}

type Args = Readonly<Record<string, unknown>>;
type MetricFactory = (args: Args, options: MetricFactoryOptions) => Metric;

/** HELM's `names: List[str]` argument. */
function namesArg(args: Args, className: string): string[] {
  const names = args['names'];
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    throw new UserError(`${className} needs args.names, a list of metric names (got ${JSON.stringify(names)})`);
  }
  return names;
}

/** Every metric class a run spec may name. */
export const metrics = {
  'helm.benchmark.metrics.basic_metrics.BasicGenerationMetric': (args, options) =>
    basicGenerationMetric({ ...options, names: namesArg(args, 'BasicGenerationMetric') }),
  'helm.benchmark.metrics.basic_metrics.BasicReferenceMetric': (_args, options) => basicReferenceMetric(options),
  'helm.benchmark.metrics.basic_metrics.InstancesPerSplitMetric': () => instancesPerSplitMetric(),
  'helm.benchmark.metrics.dry_run_metrics.DryRunMetric': (_args, options) => dryRunMetric(options),
  'helm.benchmark.metrics.bias_metrics.BiasMetric': (args) => biasMetric(biasMetricOptions(args)),
  // HELM's `names` is accepted and unused.
  'helm.benchmark.metrics.language_modeling_metrics.LanguageModelingMetric': (args, options) => {
    namesArg(args, 'LanguageModelingMetric');
    return languageModelingMetric(options);
  },
} as const satisfies Record<string, MetricFactory>;

export type MetricClassName = keyof typeof metrics;

/** The arguments each class accepts (HELM passes args as keyword arguments, so others are a TypeError there). */
const ACCEPTED_ARGS: Record<MetricClassName, readonly string[]> = {
  'helm.benchmark.metrics.basic_metrics.BasicGenerationMetric': ['names'],
  'helm.benchmark.metrics.basic_metrics.BasicReferenceMetric': [],
  'helm.benchmark.metrics.basic_metrics.InstancesPerSplitMetric': [],
  'helm.benchmark.metrics.dry_run_metrics.DryRunMetric': [],
  'helm.benchmark.metrics.bias_metrics.BiasMetric': ['mode', 'demographic_category', 'target_category'],
  'helm.benchmark.metrics.language_modeling_metrics.LanguageModelingMetric': ['names'],
};

const isMetricClassName = (name: string): name is MetricClassName => Object.hasOwn(metrics, name);

/** Builds the metric a MetricSpec names; an unknown class or argument is a UserError naming the valid ones. */
export function createMetric(spec: MetricSpec, options: MetricFactoryOptions): Metric {
  const className = spec.class_name;
  if (!isMetricClassName(className)) {
    throw new UserError(unknownNameMessage('metric class', className, Object.keys(metrics)));
  }
  const accepted = ACCEPTED_ARGS[className];
  for (const key of Object.keys(spec.args)) {
    if (!accepted.includes(key)) {
      const valid = accepted.length > 0 ? accepted.join(', ') : 'none';
      throw new UserError(`${className} got an unexpected argument '${key}' (accepted: ${valid})`);
    }
  }
  const factory: MetricFactory = metrics[className];
  return factory(spec.args, options);
}
