/**
 * @module HELM's InstancesPerSplitMetric (`basic_metrics.py`): per train trial, the number of distinct instances
 * in each context (split, sub-split, perturbation) → `num_instances`, then take_mean over trials.
 */
import type { Instance } from '../../core/instance.ts';
import { metricNameKey, perturbationKey, withContext, type MetricContext } from '../../core/metric-name.ts';
import { Stat, StatMap } from '../../core/stat.ts';
import { contextOf, defineMetricClass, type Metric } from './metric.ts';

// HELM puts Instance dataclasses in a set; within a group (one id) these fields tell instances apart.
const instanceKey = (i: Instance): string =>
  `${i.split}\u0000${i.sub_split ?? ''}\u0000${perturbationKey(i.perturbation)}\u0000${i.input.text}`;

/**
 * Counts distinct instances per context and trial. Groups carry one instance id each, so counting the distinct
 * instances of every group is counting the trial's; memory is one counter per context. No per-instance stats.
 */
export function instancesPerSplitMetric(): Metric {
  const trials = new Map<number, Map<string, { context: MetricContext; count: number }>>();
  const global = new StatMap();

  return {
    evaluateGroup(trial, states) {
      let counts = trials.get(trial);
      if (counts === undefined) trials.set(trial, (counts = new Map()));
      const seen = new Set<string>();
      for (const { instance } of states) {
        const key = instanceKey(instance);
        if (seen.has(key)) continue;
        seen.add(key);
        const context = contextOf(instance);
        const contextKey = metricNameKey({ name: '', ...context });
        const entry = counts.get(contextKey);
        if (entry === undefined) counts.set(contextKey, { context, count: 1 });
        else entry.count += 1;
      }
      return [];
    },

    endTrial(trial) {
      const counts = trials.get(trial);
      if (counts === undefined) return;
      trials.delete(trial);
      for (const { context, count } of counts.values()) {
        global.merge(new Stat(withContext('num_instances', context)).add(count).takeMean());
      }
    },

    finish() {
      return [...global.values()];
    },
  };
}

/** HELM's `basic_metrics.InstancesPerSplitMetric()`. */
export const instancesPerSplitMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.basic_metrics.InstancesPerSplitMetric',
  params: [],
  create: () => instancesPerSplitMetric(),
});
