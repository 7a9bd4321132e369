/**
 * @module `get_selective_stats` of the `uncertainty-calibration` package 0.1.4: how accurate a model is when it
 * answers only where it is most confident. Pure; ties in confidence keep NumPy's (unstable) `argsort` order.
 */
import { numpyArgsort } from './numpy-argsort.ts';
import { numpyMean } from './numpy-sum.ts';

/** HELM's `selective_cov_acc_area` and `selective_acc@10`. */
export interface SelectiveStats {
  /** The mean over k = 1…n of the accuracy of the k most confident predictions. */
  readonly coverageAccuracyArea: number;
  /** The accuracy of the ⌊0.1·n⌋ + 1 most confident predictions. */
  readonly accuracyAtTenth: number;
}

/**
 * Sorts the predictions by descending confidence (`np.argsort(-probs)`), takes the running accuracy
 * `cumsum(correct) / [1…n]`, and returns its mean and its element at `int(0.1 · n)`. `probs` must not be empty.
 * @example selectiveStats([0.9, 0.2], [1, 0]) // { coverageAccuracyArea: 0.75, accuracyAtTenth: 1 }
 */
export function selectiveStats(probs: readonly number[], correct: readonly number[]): SelectiveStats {
  const n = probs.length;
  if (n === 0 || correct.length !== n) {
    throw new Error(`selective stats need as many correctness values as probs, and some (got ${n}, ${correct.length})`);
  }
  const order = numpyArgsort(probs.map((p) => -p));
  const accuracies: number[] = [];
  let right = 0; // an integer cumsum: exact
  order.forEach((index, k) => {
    right += correct[index]!;
    accuracies.push(right / (k + 1));
  });
  return {
    coverageAccuracyArea: numpyMean(accuracies), // accuracies holds n values
    accuracyAtTenth: accuracies[Math.trunc(0.1 * n)]!,
  };
}
