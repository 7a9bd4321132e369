/**
 * @module HELM's ClassificationMetric (`classification_metrics.py`) for generation adapters: per context, the
 * normalized gold reference texts against the normalized completion (split on `delimiter` for multi-label), binarized
 * over the given labels or those of the gold references, scored with scikit-learn for each average × score.
 */
import { UserError } from '../../core/errors.ts';
import { isCorrect } from '../../core/instance.ts';
import { comparePyStrings } from '../../core/python-text.ts';
import type { CompletedRequest } from '../../core/request.ts';
import { tallyMetric, type LabelRow } from './classification-contexts.ts';
import { averagedScore, perLabelScores, type ClassificationAverage, type ClassificationScore } from './classification-scores.ts';
import { binarizedCounts, type LabelTally } from './classification-tally.ts';
import { defineMetricClass, type Metric, type MetricArgs } from './metric.ts';
import { normalizeText } from './reference-metrics.ts';

/** HELM `AVERAGE_OPTIONS` and `SCORE_OPTIONS`. */
export const CLASSIFICATION_AVERAGES: readonly ClassificationAverage[] = ['micro', 'macro', 'weighted', null];
export const CLASSIFICATION_SCORES: readonly ClassificationScore[] = ['f1', 'precision', 'recall'];

/** ClassificationMetric's arguments, defaults applied. */
export interface ClassificationOptions {
  readonly averages: readonly ClassificationAverage[];
  readonly scores: readonly ClassificationScore[];
  /** The classes as given (normalized later); absent: inferred per context from the gold references. */
  readonly labels?: readonly string[];
  /** For multi-label outputs, the separator of the predicted classes. */
  readonly delimiter?: string;
}

const CLASS = 'ClassificationMetric';

function listArg<T>(args: MetricArgs, key: string, valid: readonly T[], fallback: readonly T[]): readonly T[] {
  const value = args[key];
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return fallback;
  if (!Array.isArray(value) || !value.every((x) => valid.includes(x as T))) {
    const names = valid.map((x) => (x === null ? 'None' : String(x))).join(', ');
    throw new UserError(`${CLASS}: each value in \`${key}\` must be one of ${names} (got ${JSON.stringify(value)})`);
  }
  return value as T[];
}

/** Parses a MetricSpec's args (`averages`, `labels`, `scores`, `delimiter`) as HELM's constructor does. */
export function classificationOptions(args: MetricArgs): ClassificationOptions {
  const { labels, delimiter } = args;
  if (labels !== undefined && labels !== null && !(Array.isArray(labels) && labels.every((x) => typeof x === 'string'))) {
    throw new UserError(`${CLASS}: labels must be a list of strings (got ${JSON.stringify(labels)})`);
  }
  if (delimiter !== undefined && delimiter !== null && typeof delimiter !== 'string') {
    throw new UserError(`${CLASS}: delimiter must be a string (got ${JSON.stringify(delimiter)})`);
  }
  return {
    averages: listArg(args, 'averages', CLASSIFICATION_AVERAGES, ['macro', 'micro']),
    scores: listArg(args, 'scores', CLASSIFICATION_SCORES, ['f1']),
    // Python's `if not self.labels` and `bool(self.delimiter)`: an empty list or string is as good as none.
    ...(Array.isArray(labels) && labels.length > 0 ? { labels: labels as string[] } : {}),
    ...(typeof delimiter === 'string' && delimiter !== '' ? { delimiter } : {}),
  };
}

const normalizeLabel = (text: string): string => normalizeText(text, false);

/** The row of one request state, with HELM's checks (each a ValueError or assert there). */
function rowOf(state: CompletedRequest, delimiter: string | undefined): LabelRow {
  const fail = (why: string): never => {
    throw new UserError(`${CLASS} ${why} (instance ${state.instance.id}); use it with the generation adapter`);
  };
  if (state.request_mode === 'calibration') fail('does not support calibration requests');
  if (state.result === undefined) fail('needs a completed request');
  if (state.result!.completions.length !== 1) fail('needs exactly one completion per request');
  if (state.output_mapping !== undefined && Object.keys(state.output_mapping).length > 0) fail('does not support multiple choice adapters');
  const golds = state.instance.references.filter(isCorrect);
  if (delimiter === undefined && golds.length !== 1) fail(`needs exactly one correct reference, not ${golds.length}, unless a delimiter is set`);
  const text = state.result!.completions[0]!.text;
  const predictions = delimiter === undefined ? [text] : text.split(delimiter);
  return {
    gold: golds.filter((ref) => ref.output.text !== '').map((ref) => normalizeLabel(ref.output.text)),
    pred: predictions.filter((p) => p !== '').map(normalizeLabel),
  };
}

/** HELM's stats of one context: for each average, for each score, `classification_<average|class>_<score>`. */
function* scoresOf(options: ClassificationOptions, tally: LabelTally): Generator<readonly [string, number]> {
  // MultiLabelBinarizer's classes_: the normalized given labels, or every gold label of the context; sorted.
  const classes =
    options.labels !== undefined ? [...new Set(options.labels.map(normalizeLabel))] : tally.labels().filter((l) => tally.counts(l).gold > 0);
  classes.sort(comparePyStrings);
  const counts = binarizedCounts(tally, classes);
  for (const average of options.averages) {
    for (const score of options.scores) {
      if (average !== null) {
        yield [`classification_${average}_${score}`, averagedScore(counts, average, score)];
        continue;
      }
      // zip(classes_, per-label scores): as long as the shorter of the two.
      const perLabel = perLabelScores(counts, score);
      for (let i = 0; i < Math.min(classes.length, perLabel.length); i++) yield [`classification_${classes[i]}_${score}`, perLabel[i]!];
    }
  }
}

/**
 * HELM's ClassificationMetric as a streaming Metric. Memory per open trial and context: one count triple per label.
 * With `labels` given, texts outside them are dropped as they come (MultiLabelBinarizer ignores them), so that is
 * the label set; inferred, it is every distinct gold or predicted text of the context (a prediction can only be
 * ruled out once the last gold label is known).
 * @example classificationMetric(classificationOptions({ labels: ['positive', 'negative'] }))
 */
export function classificationMetric(options: ClassificationOptions): Metric {
  const known = options.labels === undefined ? undefined : new Set(options.labels.map(normalizeLabel));
  const keep = (labels: Iterable<string>): string[] => [...labels].filter((label) => known === undefined || known.has(label));
  return tallyMetric({
    rowOf(state) {
      const { gold, pred } = rowOf(state, options.delimiter);
      return { gold: keep(gold), pred: keep(pred) };
    },
    scores: (tally) => scoresOf(options, tally),
  });
}

/** HELM's `classification_metrics.ClassificationMetric(averages, labels, scores, delimiter)`. */
export const classificationMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.classification_metrics.ClassificationMetric',
  params: ['averages', 'labels', 'scores', 'delimiter'],
  create: (args) => classificationMetric(classificationOptions(args)),
});
