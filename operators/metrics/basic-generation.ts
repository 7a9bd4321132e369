/**
 * @module HELM's BasicGenerationMetric(names) (`basic_metrics.py`): per request state the request-state stats,
 * the reference scores and the language-modeling sums; per context and trial, perplexity and bits per byte
 * from those sums.
 */
import { numberOf, pyFloat } from '../../core/py-float.ts';
import type { CompletedRequest, Token } from '../../core/request.ts';
import type { Stat } from '../../core/stat.ts';
import { UserError, unknownNameMessage } from '../../core/errors.ts';
import { calibrationAccumulator } from './calibration.ts';
import { NO_EFFICIENCY_DATA, type EfficiencyData } from './efficiency.ts';
import { instanceMetric } from './instance-metric.ts';
import { defineMetricClass, namesArg, statOf, type Metric, type MetricOptions } from './metric.ts';
import { pyNegate, pySum } from './py-math.ts';
import { CODE_EVAL_METRIC_NAMES, isCodeEvalMetricName, sandboxCodeRunner, type CodeEvalMetricName } from './code-eval.ts';
import { isReferenceMetricName, referenceMetrics, type ReferenceMetricName } from './reference-metrics.ts';
import { outputMappingRegExp, referenceStats } from './reference-stats.ts';
import { completionsOf, requestStateStats } from './request-state-metrics.ts';

/**
 * HELM `get_num_bytes`: a `bytes:\xe2\x80` token counts its `\x` escapes, any other token its UTF-8 length.
 * ["bytes:\x99", "Hello", " world", "bytes:\xe2\x80"] → 1 + 5 + 6 + 2 = 14.
 */
export function numBytes(tokens: readonly Token[]): number {
  let total = 0;
  for (const { text } of tokens) {
    total += text.startsWith('bytes:') ? text.split('\\x').length - 1 : Buffer.byteLength(text, 'utf8');
  }
  return total;
}

/**
 * HELM `compute_language_modeling_metrics`: logprob, num_perplexity_tokens and num_bytes of the first
 * completion's tokens after the conditioning tokens (dropping a leading empty token first, an AI21 artefact).
 */
export function languageModelingStats(state: CompletedRequest): Stat[] {
  let tokens = completionsOf(state)[0]!.tokens;
  if (state.num_conditioning_tokens > 0 && tokens[0]?.text === '') tokens = tokens.slice(1);
  const predTokens = tokens.slice(state.num_conditioning_tokens);
  return [
    statOf('logprob', pySum(predTokens.map((t) => t.logprob))),
    statOf('num_perplexity_tokens', predTokens.length),
    statOf('num_bytes', numBytes(predTokens)),
  ];
}

/**
 * HELM `compute_perplexity_metrics` over one context's trial stats: ratios of **sums**, so corpus-level.
 * perplexity = e^(−Σlogprob/Σtokens); bits_per_byte = −Σlogprob/Σbytes/ln 2; logprob_per_byte = Σlogprob/Σbytes.
 */
export function perplexityStats(stats: readonly Stat[]): Stat[] {
  const byName = (name: string) => stats.find((s) => s.name.name === name);
  const logprob = byName('logprob');
  if (logprob === undefined) return [];
  const numTokens = byName('num_perplexity_tokens');
  const numBytesStat = byName('num_bytes');
  const sum = logprob.toJson().sum;
  const negated = numberOf(pyNegate(sum));
  const derived: Stat[] = [];
  if (numTokens !== undefined && numTokens.sum > 0) {
    derived.push(statOf('perplexity', pyFloat(Math.E ** (negated / numTokens.sum))));
  }
  if (numBytesStat !== undefined && numBytesStat.sum > 0) {
    derived.push(statOf('bits_per_byte', pyFloat(negated / numBytesStat.sum / Math.log(2))));
    derived.push(statOf('logprob_per_byte', pyFloat(numberOf(sum) / numBytesStat.sum)));
  }
  return derived;
}

/** Options of BasicGenerationMetric. */
export interface BasicGenerationOptions extends MetricOptions {
  /** HELM's `names` arg: the reference scores to compute. */
  readonly names: readonly string[];
  readonly efficiencyData?: EfficiencyData;
}

/** Checks HELM's `names` arg against the implemented reference metrics (the code-running ones included). */
export function parseReferenceMetricNames(names: readonly string[]): (ReferenceMetricName | CodeEvalMetricName)[] {
  return names.map((name) => {
    if (isReferenceMetricName(name) || isCodeEvalMetricName(name)) return name;
    throw new UserError(unknownNameMessage('reference metric', name, [...Object.keys(referenceMetrics), ...CODE_EVAL_METRIC_NAMES]));
  });
}

/**
 * BasicGenerationMetric: for the single request state of each instance (reference_index None), the
 * request-state stats, then (if the instance has references) max_prob and the named scores, then the
 * language-modeling sums; derived per context and trial: perplexity, bits_per_byte, logprob_per_byte, and the
 * calibration stats (ece_10_bin, …, platt_*), which HELM computes only when some logprob < 0.
 */
export function basicGenerationMetric(options: BasicGenerationOptions): Metric {
  const names = parseReferenceMetricNames(options.names);
  const { adapterSpec, windowService } = options;
  const efficiencyData = options.efficiencyData ?? NO_EFFICIENCY_DATA;
  const pattern = adapterSpec.output_mapping_pattern ? outputMappingRegExp(adapterSpec.output_mapping_pattern) : undefined;
  // HumanEval's code_eval_acc and pass run the predictions in the code sandbox.
  const runCode = names.some(isCodeEvalMetricName) ? sandboxCodeRunner() : undefined;
  return instanceMetric({
    reads: 'generation',
    evaluate(states) {
      const state = states[0]!;
      const stats = requestStateStats(state, adapterSpec, windowService, efficiencyData);
      if (state.instance.references.length > 0) {
        stats.push(...referenceStats(names, state, completionsOf(state), adapterSpec, pattern, runCode));
      }
      stats.push(...languageModelingStats(state));
      return stats;
    },
    deriveStats: perplexityStats,
    perInstanceDerivation: calibrationAccumulator,
  });
}

/** HELM's `basic_metrics.BasicGenerationMetric(names)`. */
export const basicGenerationMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.basic_metrics.BasicGenerationMetric',
  params: ['names'],
  create: (args, options) => basicGenerationMetric({ ...options, names: namesArg(args, 'BasicGenerationMetric') }),
});
