/**
 * @module The metric stage of a run: every metric of the run spec (or DryRunMetric alone on a dry run), fed
 * one instance group at a time, in HELM's order.
 */
import type { AdapterSpec } from '../../core/adapter-spec.ts';
import type { PerInstanceStats } from '../../core/per-instance-stats.ts';
import type { CompletedRequest } from '../../core/request.ts';
import type { MetricSpec } from '../../core/run-spec.ts';
import type { Stat } from '../../core/stat.ts';
import type { WindowService } from '../../core/window-service.ts';
import { dryRunMetric } from './dry-run.ts';
import type { EfficiencyData } from './efficiency.ts';
import type { Metric } from './metric.ts';
import type { ToxicityScorer } from './toxicity-scorer.ts';
import { createMetric } from './registry.ts';

/** The streaming metric API the run graph calls. */
export interface MetricEvaluator {
  /**
   * All completed request states of one instance group of one train trial — the original instance and its
   * perturbed copies (same id), in adaptation order — arriving group by group in HELM's order. Returns, per
   * metric (index = position in metricSpecs; a dry run has the one DryRunMetric), the PerInstanceStats
   * entries HELM would write for these instances (stats whose sum is NaN left out, as HELM does on writing).
   */
  evaluateGroup(trial: number, states: readonly CompletedRequest[]): PerInstanceStats[][];
  /** Present when some metric has async work per group (ToxicityMetric): to be awaited before `evaluateGroup`. */
  readonly prepareGroup?: (trial: number, states: readonly CompletedRequest[]) => Promise<void>;
  /** After the last group of trial `trial`: fold the trial's accumulators (derive, worst case, take_mean) into the run totals. */
  endTrial(trial: number): void;
  /** The run's aggregated stats in HELM's stats.json order (metric by metric). Stats whose sum is NaN are dropped. */
  finish(): Stat[];
}

export interface MetricEvaluatorOptions {
  readonly metricSpecs: readonly MetricSpec[];
  readonly adapterSpec: AdapterSpec;
  readonly windowService: WindowService;
  readonly isDryRun: boolean;
  /** HELM's efficiency tables (training costs, idealized/denoised runtimes); none by default. */
  readonly efficiencyData?: EfficiencyData;
  /** The run's Perspective API scorer, for ToxicityMetric. */
  readonly toxicityScorer?: ToxicityScorer;
  /** HELM's eval cache of the suite, where metrics find their downloaded files. */
  readonly evalCachePath?: string;
}

const hasNumericSum = (stat: Stat): boolean => !Number.isNaN(stat.sum);

/**
 * Builds the run's metrics (a UserError for an unknown class or argument, before anything runs).
 * Memory: per metric a few StatMaps per open trial plus the run totals; nothing per instance.
 * @example
 * const evaluator = createMetricEvaluator({ metricSpecs: runSpec.metric_specs, adapterSpec, windowService, isDryRun });
 * for (const group of groups) write(evaluator.evaluateGroup(group.trial, group.states));
 * evaluator.endTrial(0);
 * const stats = evaluator.finish();
 */
export function createMetricEvaluator(options: MetricEvaluatorOptions): MetricEvaluator {
  const factoryOptions = {
    adapterSpec: options.adapterSpec,
    windowService: options.windowService,
    ...(options.efficiencyData === undefined ? {} : { efficiencyData: options.efficiencyData }),
    ...(options.toxicityScorer === undefined ? {} : { toxicityScorer: options.toxicityScorer }),
    ...(options.evalCachePath === undefined ? {} : { evalCachePath: options.evalCachePath }),
  };
  // HELM runner.py: a dry run evaluates exactly [DryRunMetric()].
  const metrics: readonly Metric[] = options.isDryRun
    ? [dryRunMetric(factoryOptions)]
    : options.metricSpecs.map((spec) => createMetric(spec, factoryOptions));

  const preparing = metrics.filter((metric) => metric.prepareGroup !== undefined);

  return {
    ...(preparing.length === 0
      ? {}
      : { prepareGroup: async (trial: number, states: readonly CompletedRequest[]) => void (await Promise.all(preparing.map((m) => m.prepareGroup!(trial, states)))) }),
    evaluateGroup(trial, states) {
      return metrics.map((metric) =>
        metric.evaluateGroup(trial, states).map((entry) =>
          entry.stats.every(hasNumericSum) ? entry : { ...entry, stats: entry.stats.filter(hasNumericSum) },
        ),
      );
    },
    endTrial(trial) {
      for (const metric of metrics) metric.endTrial(trial);
    },
    finish() {
      return metrics.flatMap((metric) => metric.finish()).filter(hasNumericSum);
    },
  };
}
