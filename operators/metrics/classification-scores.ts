/**
 * @module scikit-learn 1.2's `precision_recall_fscore_support` (beta 1, `zero_division="warn"`) over per-label
 * counts: what `f1_score`, `precision_score` and `recall_score` return for each `average`. An ill-defined ratio
 * (0/0) is 0.0, as sklearn sets it (it also warns; nothing is logged here).
 */
import type { LabelCounts } from './classification-tally.ts';
import { numpyMean, numpySum } from './numpy-sum.ts';

/** The `average` values HELM's ClassificationMetric accepts (`None` is per label). */
export type ClassificationAverage = 'micro' | 'macro' | 'weighted' | null;

/** The scores HELM's ClassificationMetric can compute. */
export type ClassificationScore = 'f1' | 'precision' | 'recall';

/** sklearn `_prf_divide` with zero_division "warn": a zero denominator gives 0.0. */
const ratio = (numerator: number, denominator: number): number => (denominator === 0 ? 0 : numerator / denominator);

/** One label's (or the micro-summed) score, in sklearn's float64 operation order. */
function scoreOf(counts: LabelCounts, score: ClassificationScore): number {
  const precision = ratio(counts.tp, counts.pred);
  const recall = ratio(counts.tp, counts.gold);
  if (score === 'precision') return precision;
  if (score === 'recall') return recall;
  const denominator = precision + recall; // beta² · precision + recall, beta = 1
  return denominator === 0 ? 0 : (2 * precision * recall) / denominator;
}

/** The per-label scores, in the order of `labels` (sklearn's `average=None`). */
export const perLabelScores = (labels: readonly LabelCounts[], score: ClassificationScore): number[] =>
  labels.map((counts) => scoreOf(counts, score));

/**
 * The averaged score over `labels` (in sklearn's label order, which fixes NumPy's summation order):
 * micro from the summed counts, macro the mean of the per-label scores (NaN without labels, as NumPy's mean of
 * nothing), weighted the mean weighted by each label's gold count (0.0 when no label has a gold row).
 */
export function averagedScore(labels: readonly LabelCounts[], average: Exclude<ClassificationAverage, null>, score: ClassificationScore): number {
  if (average === 'micro') {
    const sum = (key: keyof LabelCounts) => labels.reduce((total, counts) => total + counts[key], 0);
    return scoreOf({ tp: sum('tp'), pred: sum('pred'), gold: sum('gold') }, score);
  }
  const scores = perLabelScores(labels, score);
  if (average === 'macro') return numpyMean(scores);
  const support = numpySum(labels.map((counts) => counts.gold));
  if (support === 0) return 0;
  return numpySum(scores.map((x, i) => x * labels[i]!.gold)) / support;
}
