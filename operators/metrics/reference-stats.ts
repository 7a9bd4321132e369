/** @module HELM `compute_reference_metrics` (`evaluate_reference_metrics.py`): max_prob and the named scores of one request state. */
import type { AdapterSpec } from '../../core/adapter-spec.ts';
import { isCorrect } from '../../core/instance.ts';
import { numberOf, pyFloat, type PyNumber } from '../../core/py-float.ts';
import type { CompletedRequest, GeneratedOutput } from '../../core/request.ts';
import type { Stat } from '../../core/stat.ts';
import { UserError } from '../../core/errors.ts';
import { pythonRegExp } from '../../core/python-regexp.ts';
import { pyStrip } from '../../core/python-text.ts';
import { statOf } from './metric.ts';
import { pyMax } from './py-math.ts';
import { codeEvaluation, isCodeEvalMetricName, type CodeEvalMetricName, type CodeEvaluation, type CodeRunner } from './code-eval.ts';
import { referenceMetrics, type ReferenceMetricName } from './reference-metrics.ts';

/** An AdapterSpec's `output_mapping_pattern` compiled (see `pythonRegExp`), or a UserError naming it. */
export function outputMappingRegExp(pattern: string): RegExp {
  try {
    return pythonRegExp(pattern);
  } catch (cause) {
    throw new UserError(`output_mapping_pattern ${JSON.stringify(pattern)} is not a valid regular expression`, { cause });
  }
}

/** HELM `_apply_output_mapping_pattern`: group 1 if the pattern has groups, else the whole match; "" if none. */
function applyOutputMappingPattern(pattern: RegExp, prediction: string): string | null {
  const match = pattern.exec(prediction);
  if (match === null) return '';
  if (match.length > 1) return match[1] ?? null; // a group that did not take part is None in Python
  return match[0];
}

/**
 * Scores `pred` against `gold`. An unmapped multiple-choice answer (None in HELM) scores the int 0: that is
 * what HELM's exact-match family returns; the other functions would crash on None in HELM.
 */
function score(name: ReferenceMetricName, gold: string, pred: string | null): PyNumber {
  return pred === null ? 0 : referenceMetrics[name](gold, pred);
}

/**
 * `max_prob` = exp(logprob of the most likely completion), then for each name `name` = max over the
 * correct references of the score of the top prediction, and `name@k` = max over references × all
 * predictions, only when `num_outputs != 1`.
 */
export function referenceStats(
  names: readonly (ReferenceMetricName | CodeEvalMetricName)[],
  state: CompletedRequest,
  completions: readonly GeneratedOutput[],
  adapterSpec: AdapterSpec,
  outputMappingPattern: RegExp | undefined,
  runCode?: CodeRunner,
): Stat[] {
  const goldReferences = state.instance.references.filter(isCorrect);
  const golds = goldReferences.map((ref) => ref.output.text);
  if (golds.length === 0) throw new Error(`instance ${state.instance.id} has references but none is correct`);

  // Stable sort by −logprob, as Python's `sorted(key=…)`.
  const sorted = [...completions].sort((a, b) => numberOf(b.logprob) - numberOf(a.logprob));
  let preds: (string | null)[] = sorted.map((c) => pyStrip(c.text));
  const mapping = state.output_mapping;
  if (mapping !== undefined) {
    if (outputMappingPattern !== undefined) {
      preds = preds.map((p) => (p === null ? null : applyOutputMappingPattern(outputMappingPattern, p)));
    }
    preds = preds.map((p) => (p !== null && Object.hasOwn(mapping, p) ? mapping[p]! : null));
  }

  const stats = [statOf('max_prob', pyFloat(Math.exp(numberOf(sorted[0]!.logprob))))];
  const k = adapterSpec.num_outputs;
  let code: CodeEvaluation | undefined; // HumanEval: each (reference, prediction) program runs once for both names
  for (const name of names) {
    if (isCodeEvalMetricName(name)) {
      if (runCode === undefined) throw new Error(`${name} needs a code runner`);
      code ??= codeEvaluation(goldReferences, preds, k, runCode);
      stats.push(...code.stats(name));
      continue;
    }
    stats.push(statOf(name, pyMax(golds.map((gold) => score(name, gold, preds[0] ?? null)))));
    if (k !== 1) {
      const all = golds.flatMap((gold) => preds.map((pred) => score(name, gold, pred)));
      stats.push(statOf(`${name}@${k}`, pyMax(all)));
    }
  }
  return stats;
}
