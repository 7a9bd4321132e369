/**
 * @module HELM's LanguageModelingMetric (`language_modeling_metrics.py`): per request state (one per token window)
 * the request-state stats and the logprob sums; per context, perplexity and bits per byte from those sums and the
 * number of distinct instances. HELM runs it as one trial and writes one per-instance entry per request state.
 */
import type { MetricContext } from '../../core/metric-name.ts';
import { Stat, StatMap } from '../../core/stat.ts';
import { languageModelingStats, perplexityStats } from './basic-generation.ts';
import { NO_EFFICIENCY_DATA, type EfficiencyData } from './efficiency.ts';
import { addContext, contextKey, contextOf, defineMetricClass, groupByContext, namesArg, type Metric, type MetricOptions } from './metric.ts';
import { requestStateStats } from './request-state-metrics.ts';

interface ContextCount {
  readonly context: MetricContext;
  numInstances: number;
}

/**
 * LanguageModelingMetric. Every request state's stats are merged into one accumulator (HELM ignores
 * train_trial_index here: "we run only one trial for LM"), and each state is one PerInstanceStats entry with
 * train_trial_index 0. Memory: the accumulator and one counter per context.
 */
export function languageModelingMetric(options: MetricOptions & { readonly efficiencyData?: EfficiencyData }): Metric {
  const { adapterSpec, windowService } = options;
  const efficiencyData = options.efficiencyData ?? NO_EFFICIENCY_DATA;
  const stats = new StatMap();
  const instancesPerContext = new Map<string, ContextCount>();

  return {
    evaluateGroup(_trial, states) {
      const idsInGroup = new Set<string>();
      return states.map((state) => {
        const context = contextOf(state.instance);
        const own = [...requestStateStats(state, adapterSpec, windowService, efficiencyData), ...languageModelingStats(state)];
        const withContext = own.map((stat) => addContext(stat, context));
        for (const stat of withContext) stats.merge(stat);
        // HELM counts a set of ids per context; a group holds one instance id, so counting it once per
        // group and context counts the distinct ids.
        const key = contextKey(context);
        if (!idsInGroup.has(key)) {
          idsInGroup.add(key);
          const entry = instancesPerContext.get(key);
          if (entry === undefined) instancesPerContext.set(key, { context, numInstances: 1 });
          else entry.numInstances += 1;
        }
        return {
          instance_id: state.instance.id,
          ...(state.instance.perturbation === undefined ? {} : { perturbation: state.instance.perturbation }),
          train_trial_index: 0,
          stats: withContext,
        };
      });
    },

    endTrial() {},

    finish() {
      // Group by context in first-appearance order, then derive within each and count its instances.
      for (const [key, { context, stats: contextStats }] of groupByContext(stats.values())) {
        for (const derived of perplexityStats(contextStats)) stats.merge(addContext(derived, context));
        const numInstances = instancesPerContext.get(key)?.numInstances ?? 0;
        stats.merge(addContext(new Stat({ name: 'num_instances' }).add(numInstances), context));
      }
      return [...stats.values()].map((stat) => stat.takeMean());
    },
  };
}

/** HELM's `language_modeling_metrics.LanguageModelingMetric(names)`: `names` is accepted and unused, as in HELM. */
export const languageModelingMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.language_modeling_metrics.LanguageModelingMetric',
  params: ['names'],
  create(args, options) {
    namesArg(args, 'LanguageModelingMetric');
    return languageModelingMetric(options);
  },
});
