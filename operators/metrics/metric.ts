/** @module What every metric of a run is, seen from the evaluator: a streaming accumulator over instance groups. */
import type { AdapterSpec } from '../../core/adapter-spec.ts';
import type { RemoteFile } from '../../core/remote-file.ts';
import { UserError } from '../../core/errors.ts';
import { metricNameKey, withContext, type MetricContext, type PerturbationDescription } from '../../core/metric-name.ts';
import type { PerInstanceStats } from '../../core/per-instance-stats.ts';
import type { CompletedRequest } from '../../core/request.ts';
import { Stat } from '../../core/stat.ts';
import type { WindowService } from '../../core/window-service.ts';
import type { EfficiencyData } from './efficiency.ts';
import type { ToxicityScorer } from './toxicity-scorer.ts';

/** What a metric factory gets besides its own args. */
export interface MetricOptions {
  readonly adapterSpec: AdapterSpec;
  readonly windowService: WindowService;
  /** The run's Perspective API scorer (ToxicityMetric); absent: no toxicity scores, as HELM without a key. */
  readonly toxicityScorer?: ToxicityScorer;
}

/** What a metric class is built from: the run's adapter spec and window service, and optional efficiency tables. */
export interface MetricFactoryOptions extends MetricOptions {
  readonly efficiencyData?: EfficiencyData;
  /** HELM's `eval_cache_path` (`<output>/runs/<suite>/eval_cache`): where a metric's downloaded files are. */
  readonly evalCachePath?: string;
}

/** A metric spec's args (HELM passes them to the class as keyword arguments). */
export type MetricArgs = Readonly<Record<string, unknown>>;

/** One HELM metric class, declared once beside its metric: the registry reads its name and keyword parameters. */
export interface MetricClass<ClassName extends string = string> {
  /** HELM's `class_name`, e.g. `helm.benchmark.metrics.basic_metrics.BasicGenerationMetric`. */
  readonly className: ClassName;
  /** The keyword arguments the class accepts (any other is a TypeError in HELM, a UserError here). */
  readonly params: readonly string[];
  /** Builds the metric from args already checked against `params`; bad values are a UserError. */
  create(args: MetricArgs, options: MetricFactoryOptions): Metric;
  /** The files `create` reads from the eval cache (HELM downloads them when it builds the metric); fetched first. */
  files?(args: MetricArgs, evalCachePath: string): RemoteFile[];
}

/** Declares a metric class, keeping its class name's literal type for the registry. */
export const defineMetricClass = <const ClassName extends string>(metricClass: MetricClass<ClassName>): MetricClass<ClassName> => metricClass;

/** HELM's `names: List[str]` argument of a metric class. */
export function namesArg(args: MetricArgs, className: string): string[] {
  const names = args['names'];
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    throw new UserError(`${className} needs args.names, a list of metric names (got ${JSON.stringify(names)})`);
  }
  return names;
}

/**
 * One metric of a run (one HELM `MetricInterface`), fed group by group. It keeps per-trial accumulators
 * (StatMaps keyed by MetricName), never the list of instance stats, so its memory does not grow with the
 * number of instances.
 */
export interface Metric {
  /** The PerInstanceStats HELM would write for the instances of this group (original and perturbed copies). */
  evaluateGroup(trial: number, states: readonly CompletedRequest[]): PerInstanceStats[];
  /** Async work a metric needs done for a group (an API call) before `evaluateGroup` reads it; awaited first. */
  prepareGroup?(trial: number, states: readonly CompletedRequest[]): Promise<void>;
  /** Folds the trial's accumulators (derived stats, worst case, take_mean) into the run totals. */
  endTrial(trial: number): void;
  /** The run's aggregated stats, in HELM's order. */
  finish(): Stat[];
}

/** HELM `add_context`: a copy of `stat` named within `context`. */
export const addContext = (stat: Stat, context: MetricContext): Stat =>
  stat.renamed(withContext(stat.name.name, context));

/** HELM `MetricContext.from_instance`. */
export const contextOf = (instance: CompletedRequest['instance']): MetricContext => {
  const context: { split?: string; sub_split?: string; perturbation?: PerturbationDescription } = {
    split: instance.split,
  };
  if (instance.sub_split !== undefined) context.sub_split = instance.sub_split;
  if (instance.perturbation !== undefined) context.perturbation = instance.perturbation;
  return context;
};

/** A new stat holding the single value `x` (HELM `Stat(MetricName(name)).add(x)`). */
export const statOf = (name: string, x: Parameters<Stat['add']>[0]): Stat => new Stat({ name }).add(x);

/** A key telling contexts apart (split, sub-split, perturbation). */
export const contextKey = (context: MetricContext): string => metricNameKey({ name: '', ...context });

/** Stats grouped by their context, in first-appearance order (HELM's `grouped_trial_stats`), keyed by contextKey. */
export function groupByContext(stats: Iterable<Stat>): Map<string, { context: MetricContext; stats: Stat[] }> {
  const byContext = new Map<string, { context: MetricContext; stats: Stat[] }>();
  for (const stat of stats) {
    const { name: _name, ...context } = stat.name;
    const key = contextKey(context);
    const entry = byContext.get(key);
    if (entry === undefined) byContext.set(key, { context, stats: [stat] });
    else entry.stats.push(stat);
  }
  return byContext;
}
