/**
 * @module HELM's MultipleChoiceClassificationMetric (`classification_metrics.py`) for multiple_choice_* adapters:
 * per context, the first correct reference's text against the most likely completion (stripped, then mapped through
 * the output mapping when it has the letter), scored as scikit-learn's macro and micro F1 over the labels that occur.
 */
import { UserError } from '../../core/errors.ts';
import { isCorrect } from '../../core/instance.ts';
import { numberOf } from '../../core/py-float.ts';
import { comparePyStrings, pyStrip } from '../../core/python-text.ts';
import type { CompletedRequest } from '../../core/request.ts';
import { tallyMetric, type LabelRow } from './classification-contexts.ts';
import { averagedScore } from './classification-scores.ts';
import type { LabelTally } from './classification-tally.ts';
import { defineMetricClass, type Metric } from './metric.ts';

const CLASS = 'MultipleChoiceClassificationMetric';

function rowOf(state: CompletedRequest): LabelRow {
  if (state.request_mode === 'calibration') throw new UserError(`${CLASS} does not support calibration requests`);
  const gold = state.instance.references.find(isCorrect);
  if (gold === undefined) throw new UserError(`${CLASS} needs a correct reference (instance ${state.instance.id}); it is meant for multiple_choice_* adapters`);
  if (state.result === undefined) throw new Error(`${CLASS}: instance ${state.instance.id} has no result`);
  // The first of the completions sorted by −logprob (a stable sort, as Python's).
  const top = state.result.completions.reduce((best, c) => (numberOf(c.logprob) > numberOf(best.logprob) ? c : best));
  let pred = pyStrip(top.text);
  if (state.output_mapping !== undefined && Object.hasOwn(state.output_mapping, pred)) pred = state.output_mapping[pred]!;
  return { gold: [gold.output.text], pred: [pred] };
}

function* scoresOf(tally: LabelTally): Generator<readonly [string, number]> {
  // sklearn's labels: every value of y_true and y_pred, sorted.
  const counts = tally.labels().sort(comparePyStrings).map((label) => tally.counts(label));
  yield ['classification_macro_f1', averagedScore(counts, 'macro', 'f1')];
  yield ['classification_micro_f1', averagedScore(counts, 'micro', 'f1')];
}

/**
 * HELM's MultipleChoiceClassificationMetric as a streaming Metric. Memory per open trial and context: one count
 * triple per distinct gold or predicted text. A context without rows scores macro F1 NaN and micro F1 0.0, as in HELM.
 */
export function multipleChoiceClassificationMetric(): Metric {
  return tallyMetric({ rowOf, scores: scoresOf });
}

/** HELM's `classification_metrics.MultipleChoiceClassificationMetric()`. */
export const multipleChoiceClassificationMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.classification_metrics.MultipleChoiceClassificationMetric',
  params: [],
  create: () => multipleChoiceClassificationMetric(),
});
