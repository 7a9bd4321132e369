/**
 * @module The streaming shape of HELM's classification metrics, which are EvaluateInstancesMetrics
 * (`evaluate_instances_metric.py`): per train trial, the generation request states (reference_index None) grouped
 * by instance context in first-appearance order, one population score per context, then take_mean over trials.
 * No per-instance stats and no worst case. Per open trial and context only a LabelTally is kept.
 */
import { metricNameKey, withContext, type MetricContext } from '../../core/metric-name.ts';
import { pyFloat } from '../../core/py-float.ts';
import type { CompletedRequest } from '../../core/request.ts';
import { StatMap } from '../../core/stat.ts';
import { labelTally, type LabelTally } from './classification-tally.ts';
import { contextOf, type Metric } from './metric.ts';

/** One row of a classification population: the gold labels and the predicted labels of one request state. */
export interface LabelRow {
  readonly gold: Iterable<string>;
  readonly pred: Iterable<string>;
}

/** What a classification metric supplies: how a request state becomes a row, and the named scores of a population. */
export interface TallyMetricOptions {
  /** The row of one generation request state; throws (a UserError) where HELM raises on the state. */
  rowOf(state: CompletedRequest): LabelRow;
  /** The named float scores of one context's population, in HELM's order. */
  scores(tally: LabelTally): Iterable<readonly [name: string, value: number]>;
}

/** A Metric that tallies each context's rows and scores the population when the trial ends. */
export function tallyMetric(options: TallyMetricOptions): Metric {
  const trials = new Map<number, Map<string, { context: MetricContext; tally: LabelTally }>>();
  const totals = new StatMap();
  return {
    evaluateGroup(trial, states) {
      let contexts = trials.get(trial);
      if (contexts === undefined) trials.set(trial, (contexts = new Map()));
      for (const state of states) {
        // HELM makes a group for every instance's context, even one whose request states all have a
        // reference_index (its population is then empty).
        const context = contextOf(state.instance);
        const key = metricNameKey({ name: '', ...context });
        let entry = contexts.get(key);
        if (entry === undefined) contexts.set(key, (entry = { context, tally: labelTally() }));
        if (state.reference_index !== undefined) continue;
        const { gold, pred } = options.rowOf(state);
        entry.tally.add(gold, pred);
      }
      return [];
    },

    endTrial(trial) {
      const contexts = trials.get(trial);
      if (contexts === undefined) return;
      trials.delete(trial);
      const trialStats = new StatMap();
      for (const { context, tally } of contexts.values()) {
        for (const [name, value] of options.scores(tally)) trialStats.addAs(withContext(name, context), pyFloat(value));
      }
      for (const stat of trialStats.values()) totals.merge(stat.takeMean());
    },

    finish() {
      return [...totals.values()];
    },
  };
}
