/**
 * @module The streaming shape of HELM's EvaluateInstancesMetrics (`evaluate_instances_metric.py`: BiasMetric,
 * BBQMetric, the classification metrics): per train trial, the instances grouped by context (split, sub-split,
 * perturbation) in first-appearance order, one population score per context from the generation request states
 * (reference_index None), then take_mean over trials. No per-instance stats and no worst case. Per open trial and
 * context only the metric's own accumulator is kept, never the request states.
 */
import { withContext, type MetricContext } from '../../core/metric-name.ts';
import type { CompletedRequest } from '../../core/request.ts';
import { StatMap, type Stat } from '../../core/stat.ts';
import { contextKey, contextOf, type Metric } from './metric.ts';

/** What one EvaluateInstancesMetric keeps per context, and how it scores it. */
export interface ContextAccumulator<A> {
  /** A fresh accumulator, opened by the first instance of a context (even one with no generation state). */
  open(context: MetricContext): A;
  /** Adds one generation request state (reference_index None) of the context. */
  add(accumulator: A, state: CompletedRequest): void;
  /** The context's stats when its trial ends, named without context. */
  stats(accumulator: A): Iterable<Stat>;
}

/**
 * A Metric from a per-context accumulator: contexts opened as instances arrive, scored at the end of each trial,
 * the trials' stats averaged (take_mean) into the run's.
 * @example evaluateInstancesMetric({ open: () => labelTally(), add: (tally, state) => …, stats: (tally) => … })
 */
export function evaluateInstancesMetric<A>(accumulator: ContextAccumulator<A>): Metric {
  const trials = new Map<number, Map<string, { context: MetricContext; value: A }>>();
  const totals = new StatMap();
  return {
    evaluateGroup(trial, states) {
      let contexts = trials.get(trial);
      if (contexts === undefined) trials.set(trial, (contexts = new Map()));
      for (const state of states) {
        const context = contextOf(state.instance);
        const key = contextKey(context);
        let entry = contexts.get(key);
        if (entry === undefined) contexts.set(key, (entry = { context, value: accumulator.open(context) }));
        if (state.reference_index === undefined) accumulator.add(entry.value, state);
      }
      return [];
    },

    endTrial(trial) {
      const contexts = trials.get(trial);
      if (contexts === undefined) return;
      trials.delete(trial);
      const trialStats = new StatMap();
      for (const { context, value } of contexts.values()) {
        for (const stat of accumulator.stats(value)) trialStats.mergeAs(withContext(stat.name.name, context), stat);
      }
      for (const stat of trialStats.values()) totals.merge(stat.takeMean());
    },

    finish() {
      return [...totals.values()];
    },
  };
}
