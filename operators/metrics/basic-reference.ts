/**
 * @module HELM's BasicReferenceMetric (`basic_metrics.py`): separate multiple choice and binary ranking, one
 * request per reference (and per calibration prompt). It reads only request states with a reference_index,
 * so for generation and joint multiple-choice runs it produces nothing, as in HELM.
 */
import { isCorrect } from '../../core/instance.ts';
import { numberOf, pyFloat, type PyNumber } from '../../core/py-float.ts';
import type { CompletedRequest } from '../../core/request.ts';
import { StatMap, type Stat } from '../../core/stat.ts';
import { NO_EFFICIENCY_DATA, type EfficiencyData } from './efficiency.ts';
import { instanceMetric } from './instance-metric.ts';
import { defineMetricClass, statOf, type Metric, type MetricOptions } from './metric.ts';
import { numpySum } from './numpy-sum.ts';
import { pySum } from './py-math.ts';
import { completionsOf, requestStateStats } from './request-state-metrics.ts';

/** `scipy.special.softmax`: exp(x − max) / Σ exp(x − max). */
export function softmax(xs: readonly number[]): number[] {
  const max = Math.max(...xs);
  const shifted = xs.map((x) => Math.exp(x - max));
  const total = numpySum(shifted);
  return shifted.map((x) => x / total);
}

interface ReferenceScore {
  readonly logprob: PyNumber;
  readonly numTokens: number;
}

/**
 * BasicReferenceMetric: per instance, the request-state stats of all its reference states merged into one
 * stat per name (so the trial mean is over request states), then max_prob (max of the softmax of the scores),
 * exact_match (the share of correct references among the arg-max ones) and predicted_index (the first arg-max).
 * Score of a reference: logprob/num_tokens of its last `len(tokenize(" " + reference))` tokens (original), or
 * logprob(original) − logprob(calibration) (calibrated).
 */
export function basicReferenceMetric(options: MetricOptions & { readonly efficiencyData?: EfficiencyData }): Metric {
  const { adapterSpec, windowService } = options;
  const efficiencyData = options.efficiencyData ?? NO_EFFICIENCY_DATA;

  const scoreOf = (state: CompletedRequest, index: number): ReferenceScore => {
    const completions = completionsOf(state);
    if (completions.length !== 1) throw new Error(`reference request of ${state.instance.id} has ${completions.length} completions`);
    const reference = state.instance.references[index]!.output.text;
    // A space precedes the reference in the prompt. Python's tokens[-n:] is all tokens when n is 0, as slice(-0).
    const numTokens = windowService.countTokens(` ${reference}`);
    const logprob = pySum(completions[0]!.tokens.slice(-numTokens).map((t) => t.logprob));
    if (Number.isNaN(numberOf(logprob))) throw new Error(`NaN logprob for instance ${state.instance.id}`);
    return { logprob, numTokens };
  };

  return instanceMetric({
    reads: 'references',
    evaluate(states) {
      const references = states[0]!.instance.references;
      const answers = new Set(references.flatMap((ref, i) => (isCorrect(ref) ? [i] : [])));
      const scores = new Map<string, ReferenceScore>();
      for (const state of states) {
        const index = state.reference_index!;
        scores.set(`${index}:${state.request_mode ?? 'original'}`, scoreOf(state, index));
      }
      const get = (index: number, mode: string): ReferenceScore => {
        const score = scores.get(`${index}:${mode}`);
        if (score === undefined) throw new Error(`no ${mode} request for reference ${index} of ${states[0]!.instance.id}`);
        return score;
      };
      let referenceScores: number[];
      const method = adapterSpec.method;
      if (method === 'multiple_choice_separate_original' || method === 'ranking_binary') {
        referenceScores = references.map((_, i) => numberOf(get(i, 'original').logprob) / get(i, 'original').numTokens);
      } else if (method === 'multiple_choice_separate_calibrated') {
        referenceScores = references.map((_, i) => numberOf(get(i, 'original').logprob) - numberOf(get(i, 'calibration').logprob));
      } else {
        throw new Error(`BasicReferenceMetric: unknown adapter method ${method}`);
      }

      const general = new StatMap();
      for (const state of states) {
        for (const stat of requestStateStats(state, adapterSpec, windowService, efficiencyData)) general.merge(stat);
      }
      const max = Math.max(...referenceScores);
      const argmax = referenceScores.flatMap((score, i) => (score >= max ? [i] : []));
      const correct = argmax.filter((i) => answers.has(i)).length;
      const stats: Stat[] = [...general.values()];
      stats.push(
        statOf('max_prob', pyFloat(Math.max(...softmax(referenceScores)))),
        statOf('exact_match', pyFloat(correct / argmax.length)),
        statOf('predicted_index', argmax[0]!),
      );
      return stats;
    },
  });
}

/** HELM's `basic_metrics.BasicReferenceMetric()`. */
export const basicReferenceMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.basic_metrics.BasicReferenceMetric',
  params: [],
  create: (_args, options) => basicReferenceMetric(options),
});
