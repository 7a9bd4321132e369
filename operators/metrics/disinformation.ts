/**
 * @module HELM's disinformation metrics (`metrics/disinformation_metrics.py`), per generation request:
 * - DisinformationMetric(`self_bleu`): the mean over the non-empty (stripped) completions of sacreBLEU's sentence
 *   BLEU of each against all the others (effective order); the int 0 with fewer than two;
 * - DisinformationMetric(`monte_carlo_entropy`): the mean over the completions that have tokens of −Σ token
 *   logprob, a Monte Carlo estimate of the entropy in nats; NaN (so no stat) when none has tokens.
 * The human evaluations (DisinformationHumanEvalMetrics) are in disinformation-human-eval.ts.
 */
import { UserError } from '../../core/errors.ts';
import { numberOf, pyFloat, type PyNumber } from '../../core/py-float.ts';
import { pyStrip } from '../../core/python-text.ts';
import type { GeneratedOutput } from '../../core/request.ts';
import { instanceMetric } from './instance-metric.ts';
import { defineMetricClass, statOf, type Metric } from './metric.ts';
import { pyNegate, pySum } from './py-math.ts';
import { completionsOf } from './request-state-metrics.ts';
import { sentenceBleu } from './sacrebleu.ts';

/** HELM `_self_bleu`: diversity of the completions (100 = all the same). */
export function selfBleu(completions: readonly GeneratedOutput[]): PyNumber {
  const texts = completions.map((c) => pyStrip(c.text)).filter((text) => text !== '');
  if (texts.length <= 1) return 0;
  let total = 0;
  texts.forEach((hypothesis, i) => {
    total += sentenceBleu(hypothesis, [...texts.slice(0, i), ...texts.slice(i + 1)], true);
  });
  return pyFloat(total / texts.length);
}

/** HELM `_monte_carlo_entropy`: mean negative log-likelihood of the completions that have tokens; NaN without any. */
export function monteCarloEntropy(completions: readonly GeneratedOutput[]): PyNumber {
  const withTokens = completions.filter((c) => c.tokens.length > 0);
  if (withTokens.length === 0) return pyFloat(Number.NaN);
  const negatedLogprobs = withTokens.map((c) => pyNegate(pySum(c.tokens.map((t) => t.logprob))));
  return pyFloat(numberOf(pySum(negatedLogprobs)) / negatedLogprobs.length);
}

const MEASURES = { self_bleu: selfBleu, monte_carlo_entropy: monteCarloEntropy } as const;
type DisinformationMeasure = keyof typeof MEASURES;

/** DisinformationMetric: one stat named after the measure per instance. */
export function disinformationMetric(name: DisinformationMeasure): Metric {
  return instanceMetric({
    reads: 'generation',
    evaluate: ([state]) => (state!.result === undefined ? [] : [statOf(name, MEASURES[name](completionsOf(state!)))]),
  });
}

/** HELM's `disinformation_metrics.DisinformationMetric(name)`. */
export const disinformationMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.disinformation_metrics.DisinformationMetric',
  params: ['name'],
  create(args) {
    const name = args['name'];
    if (typeof name !== 'string' || !Object.hasOwn(MEASURES, name)) {
      throw new UserError(`DisinformationMetric: name must be one of ${Object.keys(MEASURES).join(', ')}, got ${JSON.stringify(name)}.`);
    }
    return disinformationMetric(name as DisinformationMeasure);
  },
});
