/**
 * @module The streaming shape of HELM's classification metrics, which are EvaluateInstancesMetrics
 * (`evaluate_instances_metric.py`): per train trial, the generation request states (reference_index None) grouped
 * by instance context in first-appearance order, one population score per context, then take_mean over trials.
 * No per-instance stats and no worst case. Per open trial and context only a LabelTally is kept.
 */
import { pyFloat } from '../../core/py-float.ts';
import type { CompletedRequest } from '../../core/request.ts';
import { labelTally, type LabelTally } from './classification-tally.ts';
import { evaluateInstancesMetric } from './evaluate-instances-metric.ts';
import { statOf, type Metric } from './metric.ts';

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
  return evaluateInstancesMetric<LabelTally>({
    open: labelTally,
    add(tally, state) {
      const { gold, pred } = options.rowOf(state);
      tally.add(gold, pred);
    },
    stats: (tally) => Array.from(options.scores(tally), ([name, value]) => statOf(name, pyFloat(value))),
  });
}
