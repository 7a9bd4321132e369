/**
 * @module HELM's SummarizationMetric (`metrics/summarization_metrics.py`), a per-instance Metric: ROUGE-1/2/L of
 * the completion against each reference (the best one counts), and summ_eval's coverage, density and compression
 * of the completion against the article, all with leading "{" and trailing "}" removed as HELM does.
 *
 * Not computed here (HELM computes them only in the cases named): `summac` and `BERTScore-{P,R,F}` (models run
 * on a GPU, with `device` other than "cpu"), `QAFactEval` and `HumanEval-{faithfulness,relevance,coherence}` (looked
 * up in tables HELM downloads, keyed by the 2022 HELM deployments and their exact outputs).
 */
import { UserError } from '../../core/errors.ts';
import { numberOf, pyFloat } from '../../core/py-float.ts';
import { pyStrip } from '../../core/python-text.ts';
import type { Stat } from '../../core/stat.ts';
import { dataStats } from './data-stats.ts';
import { instanceMetric } from './instance-metric.ts';
import { defineMetricClass, statOf, type Metric } from './metric.ts';
import { completionsOf } from './request-state-metrics.ts';
import { rouge1, rouge2, rougeLcs } from './rouge.ts';
import { spacyEnglishTokenizer, type SpacyTokenize } from './spacy-tokenizer.ts';

/** HELM `_remove_braces`: one leading "{" and one trailing "}" go (early XSum prompts wrapped summaries in braces). */
export function removeBraces(text: string): string {
  let out = text;
  if (out.startsWith('{')) out = out.slice(1);
  if (out.endsWith('}')) out = out.slice(0, -1);
  return out;
}

const ROUGE = [
  ['rouge_1', rouge1],
  ['rouge_2', rouge2],
  ['rouge_l', rougeLcs],
] as const;

/** The stats of one request state, in HELM's order (rouge_1, rouge_2, rouge_l, coverage, density, compression). */
export function summarizationStats(tokenize: SpacyTokenize, references: readonly string[], input: string, completion: string): Stat[] {
  const refs = references.map(removeBraces);
  const inp = removeBraces(input);
  const pred = removeBraces(pyStrip(completion));
  if (refs.length === 0) throw new Error('SummarizationMetric: an instance without references (numpy max of an empty list)');
  const stats = ROUGE.map(([name, score]) => statOf(name, pyFloat(Math.max(...refs.map((ref) => numberOf(score(ref, pred)))))));
  const { coverage, density, compression } = dataStats(tokenize, pred, inp);
  stats.push(
    statOf('summarization_coverage', pyFloat(numberOf(coverage))),
    statOf('summarization_density', pyFloat(numberOf(density))),
    statOf('summarization_compression', pyFloat(numberOf(compression))),
  );
  return stats;
}

/**
 * SummarizationMetric over the generation request state of each instance (HELM `Metric`: per-instance stats,
 * worst case over perturbations, mean over instances then over trials).
 */
export function summarizationMetric(): Metric {
  const tokenize = spacyEnglishTokenizer();
  return instanceMetric({
    reads: 'generation',
    evaluate(states) {
      const state = states[0]!;
      const completion = completionsOf(state)[0];
      if (completion === undefined) throw new Error(`instance ${state.instance.id}: no completion to score`);
      return summarizationStats(
        tokenize,
        state.instance.references.map((ref) => ref.output.text),
        state.instance.input.text,
        completion.text,
      );
    },
  });
}

/** HELM's `summarization_metrics.SummarizationMetric(task, language="en", device="cpu", …)`. */
export const summarizationMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.summarization_metrics.SummarizationMetric',
  params: ['task', 'language', 'device', 'bertscore_model', 'rescale_with_baseline', 'summac_new_line_split'],
  create(args) {
    if (typeof args['task'] !== 'string') {
      throw new UserError(`SummarizationMetric needs args.task, the run's name such as "summarization_xsum" (got ${JSON.stringify(args['task'])})`);
    }
    return summarizationMetric();
  },
});
