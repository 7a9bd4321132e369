/**
 * @module HELM's RankingMetric (`metrics/ranking_metrics.py`), a ReferenceMetric: per query, the model's yes/no
 * answers for its candidate documents give a ranking (Yes before No before anything else; a Yes by its logprob
 * descending, a No by its logprob ascending), which is scored against the references' `relevance=` tags with
 * pytrec_eval's measures (trec-eval.ts): `RR@k`, `NDCG@k`, `Success@k`, `Recall@k`; the same again on the
 * documents of top-k rank ≤ `rank` (suffix ` (topk=<rank>)`); then `ref<i>_rank` per reference.
 */
import { UserError } from '../../core/errors.ts';
import { numberOf, pyFloat } from '../../core/py-float.ts';
import { pyStrip, pyTruthy } from '../../core/python-text.ts';
import type { CompletedRequest } from '../../core/request.ts';
import type { Stat } from '../../core/stat.ts';
import { instanceMetric } from './instance-metric.ts';
import { defineMetricClass, statOf, type Metric } from './metric.ts';
import { ndcgCutAt, recallAt, recipRank, successAt, type Relevances } from './trec-eval.ts';

/** The measures HELM's RankingMetric supports (`SUPPORTED_MEASURES`). */
const MEASURES = ['recip_rank', 'success', 'recall', 'ndcg_cut'] as const;
type MeasureName = (typeof MEASURES)[number];
/** Measures scored on binarized relevances when relevance takes several values (HELM `BINARY_MEASURES`). */
const BINARY_MEASURES: ReadonlySet<MeasureName> = new Set(['recip_rank', 'recall', 'success']);

interface Measure {
  readonly text: string;
  readonly name: MeasureName;
  readonly k: number | undefined;
}

/** HELM `parse_measure_name`: `name` or `name.k`. */
function parseMeasure(text: unknown): Measure {
  const [name, k, ...rest] = typeof text === 'string' ? text.split('.') : [];
  const cutoff = k === undefined ? undefined : Number(k);
  if (!(MEASURES as readonly unknown[]).includes(name) || rest.length > 0 || (cutoff !== undefined && !Number.isInteger(cutoff))) {
    throw new UserError(`RankingMetric: measure ${JSON.stringify(text)} is not one computed here (${MEASURES.join(', ')}, each optionally as <name>.<k>).`);
  }
  if ((name === 'success' || name === 'recall' || name === 'ndcg_cut') && (cutoff === undefined || cutoff <= 0)) {
    throw new UserError(`RankingMetric: measure ${JSON.stringify(text)} needs a positive cutoff (<name>.<k>).`);
  }
  return { text: text as string, name: name as MeasureName, k: cutoff };
}

/** HELM `measure_to_metric_name`: NDCG, RR, or the name capitalized; `@k` when k is not 0. */
const metricName = ({ name, k }: Measure): string =>
  `${name === 'ndcg_cut' ? 'NDCG' : name === 'recip_rank' ? 'RR' : name[0]!.toUpperCase() + name.slice(1)}${k ? `@${k}` : ''}`;

/** One reference as HELM's `RankingObject`. */
interface Ranked {
  readonly index: number;
  readonly relevance: number | undefined;
  readonly rank: number | undefined;
  readonly output: string;
  readonly logprob: number;
  modelRelevance: number;
}

/** HELM `create_ranking_object`: tags holding "relevance" / "rank" give the (last such) values; the first completion the answer. */
function rankedOf(state: CompletedRequest): Ranked {
  const index = state.reference_index!;
  let relevance: number | undefined;
  let rank: number | undefined;
  for (const tag of state.instance.references[index]!.tags) {
    const value = (): number => {
      const parts = tag.split('=');
      if (parts.length !== 2 || !/^\s*[+-]?\d+\s*$/.test(parts[1]!)) throw new UserError(`RankingMetric: cannot read the tag ${JSON.stringify(tag)} (HELM's int() of its value fails).`);
      return Number(parts[1]);
    };
    if (tag.includes('relevance')) relevance = value();
    else if (tag.includes('rank')) rank = value();
  }
  const first = state.result?.completions[0];
  return { index, relevance, rank, output: first?.text ?? 'missing', logprob: first === undefined ? 0 : numberOf(first.logprob), modelRelevance: 0 };
}

const queryName = (index: number): string => `q${index}`;

export interface RankingOptions {
  readonly measures: readonly unknown[];
  readonly correctOutput: string;
  readonly wrongOutput: string;
  readonly rank: number | undefined;
  readonly multipleRelevanceValues: boolean;
}

/** RankingMetric for the ranking_binary method. */
export function rankingMetric(options: RankingOptions): Metric {
  const measures = options.measures.map(parseMeasure);
  const standardize = (text: string): string => pyStrip(text).toLowerCase();
  const correct = standardize(options.correctOutput);
  const wrong = standardize(options.wrongOutput);
  // HELM `object_to_score_binary_ranking`, sorted descending (stable).
  const score = (r: Ranked): [number, number] => {
    const output = standardize(r.output);
    return output === correct ? [2, r.logprob] : output === wrong ? [1, -r.logprob] : [0, -r.logprob];
  };

  const measureValue = (measure: Measure, truth: Relevances, run: Relevances): number => {
    let qrels = truth;
    // HELM `binarize_dict`: a relevance of 1 becomes 0 (not relevant), higher ones stay.
    if (BINARY_MEASURES.has(measure.name) && options.multipleRelevanceValues) qrels = new Map([...truth].map(([q, v]) => [q, v === 1 ? 0 : v]));
    if (measure.name === 'recip_rank') {
      // pytrec_eval has no recip_rank.k: HELM keeps the run's k highest model relevances instead.
      const limited = measure.k ? new Map([...run].sort((a, b) => b[1] - a[1]).slice(0, measure.k)) : run;
      return recipRank(qrels, limited);
    }
    if (measure.name === 'success') return successAt(qrels, run, measure.k!);
    if (measure.name === 'recall') return recallAt(qrels, run, measure.k!);
    return ndcgCutAt(qrels, run, measure.k!);
  };
  const measureStats = (truth: Relevances, run: Relevances, suffix: string): Stat[] =>
    measures.map((measure) => statOf(metricName(measure) + suffix, pyFloat(measureValue(measure, truth, run))));

  return instanceMetric({
    reads: 'references',
    evaluate(states) {
      const ranked = states.map(rankedOf);
      const scores = new Map(ranked.map((r) => [r, score(r)]));
      const sorted = [...ranked].sort((a, b) => {
        const [a0, a1] = scores.get(a)!;
        const [b0, b1] = scores.get(b)!;
        return b0 - a0 || (b1 > a1 ? 1 : b1 < a1 ? -1 : 0);
      });
      sorted.forEach((r, i) => (r.modelRelevance = sorted.length - i));
      const truth: Relevances = new Map(sorted.filter((r) => r.relevance).map((r) => [queryName(r.index), r.relevance!]));
      const stats = measureStats(truth, new Map(sorted.map((r) => [queryName(r.index), r.modelRelevance])), '');
      if (options.rank) {
        const limit = options.rank;
        const run = new Map(sorted.filter((r) => r.rank && r.rank <= limit).map((r) => [queryName(r.index), r.modelRelevance]));
        stats.push(...measureStats(truth, run, ` (topk=${limit})`));
      }
      for (const r of sorted) stats.push(statOf(`ref${r.index}_rank`, sorted.length - r.modelRelevance));
      return stats;
    },
  });
}

/** HELM's `ranking_metrics.RankingMetric(method, measure_names, correct_output, wrong_output, rank=None, multiple_relevance_values=False)`. */
export const rankingMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.ranking_metrics.RankingMetric',
  params: ['method', 'measure_names', 'correct_output', 'wrong_output', 'rank', 'multiple_relevance_values'],
  create(args) {
    if (args['method'] !== 'ranking_binary') throw new UserError(`RankingMetric: method must be ranking_binary, got ${JSON.stringify(args['method'])}.`);
    const measures = args['measure_names'];
    const correctOutput = args['correct_output'];
    const wrongOutput = args['wrong_output'];
    if (!Array.isArray(measures)) throw new UserError('RankingMetric: measure_names must be a list of pytrec_eval measure names.');
    if (typeof correctOutput !== 'string' || typeof wrongOutput !== 'string') throw new UserError('RankingMetric: correct_output and wrong_output must be strings.');
    const rank = args['rank'] ?? undefined;
    if (rank !== undefined && (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 0)) {
      throw new UserError(`RankingMetric: rank must be None or a non-negative integer, got ${JSON.stringify(rank)}.`);
    }
    return rankingMetric({ measures, correctOutput, wrongOutput, rank, multipleRelevanceValues: pyTruthy(args['multiple_relevance_values'] ?? false) });
  },
});
