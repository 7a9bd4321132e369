/**
 * @module The expected calibration error of the `uncertainty-calibration` package 0.1.4 (`calibration/utils.py`),
 * which HELM calls for `ece_10_bin` (`get_ece_em`: equal-mass bins) and `ece_1_bin` (`get_ece`: equal-width
 * bins): the plug-in L1 estimate, Σ over bins of (bin size / n) · |mean prob − mean label|. Pure; the floats
 * follow NumPy's operation order (bins filled in `argsort` order of their numbers, pairwise-summed means,
 * a left-to-right dot product), so the values are HELM's to the last digit.
 */
import { numpyArgsort } from './numpy-argsort.ts';
import { numpyMean } from './numpy-sum.ts';

/** How the bin edges are chosen: `equal-mass` (`get_equal_bins`) or `equal-width` (`get_equal_prob_bins`). */
export type Binning = 'equal-mass' | 'equal-width';

/**
 * `get_equal_bins`: the upper edges of up to `numBins` bins holding about as many of `probs` each. The sorted
 * probs are cut into `min(numBins, n)` chunks as `np.array_split` does (the first `n % k` one longer), each
 * edge is the midpoint between a chunk's last value and the next chunk's first, 1.0 closes the list, and
 * repeated edges collapse.
 * @example equalMassBins([0.1, 0.2, 0.3, 0.4], 2) // [0.25, 1]
 */
export function equalMassBins(probs: readonly number[], numBins: number): number[] {
  const sorted = [...probs].sort((a, b) => a - b);
  const parts = Math.min(numBins, sorted.length);
  const edges: number[] = [];
  const base = Math.floor(sorted.length / parts);
  const longer = sorted.length % parts;
  let end = 0; // index one past the current chunk
  for (let part = 0; part < parts - 1; part++) {
    end += base + (part < longer ? 1 : 0);
    edges.push((sorted[end - 1]! + sorted[end]!) / 2.0);
  }
  edges.push(1.0);
  return [...new Set(edges)].sort((a, b) => a - b);
}

/** `get_equal_prob_bins`: the edges 1/k, 2/k, …, k/k. */
export const equalWidthBins = (numBins: number): number[] =>
  Array.from({ length: numBins }, (_, i) => ((i + 1) * 1.0) / numBins);

/** `np.searchsorted(edges, p)` (side left): how many edges are below p (edges.length past the last one). */
function searchSorted(edges: readonly number[], p: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The plug-in L1 calibration error of `probs` against 0/1 `labels` over the bins with upper `edges`
 * (`plugin_ce(bin(data, bins), power=1)`). Empty bins add 0.
 */
export function pluginCalibrationError(
  probs: readonly number[],
  labels: readonly number[],
  edges: readonly number[],
): number {
  const bins = probs.map((p) => searchSorted(edges, p));
  const binProbs: number[][] = edges.map(() => []);
  const binLabels: number[][] = edges.map(() => []);
  // `fast_bin` reorders the rows by `np.argsort` of their bin numbers (that order fixes each mean's rounding),
  // then cuts them before bin numbers 1 … k−1, so a prob above the last edge lands in the last bin.
  for (const row of numpyArgsort(bins)) {
    const bin = Math.min(bins[row]!, edges.length - 1);
    binProbs[bin]!.push(probs[row]!);
    binLabels[bin]!.push(labels[row]!);
  }
  let error = 0; // np.dot of two short vectors: a left-to-right sum of products
  binProbs.forEach((inBin, bin) => {
    if (inBin.length === 0) return;
    const meanProb = numpyMean(inBin);
    const meanLabel = numpyMean(binLabels[bin]!); // as long as inBin: filled together above
    error += ((inBin.length * 1.0) / probs.length) * Math.abs(meanProb - meanLabel);
  });
  return error;
}

/**
 * `get_ece_em` (equal-mass) or `get_ece` (equal-width) with `numBins` bins: the calibration error of
 * confidences `probs` (in [0, 1]) given whether each prediction was right (`labels`, 0 or 1). `probs` must not
 * be empty.
 * @example expectedCalibrationError([0.9, 0.6], [1, 0], 1, 'equal-width') // |0.75 − 0.5| = 0.25
 */
export function expectedCalibrationError(
  probs: readonly number[],
  labels: readonly number[],
  numBins: number,
  binning: Binning,
): number {
  if (probs.length === 0 || probs.length !== labels.length) {
    throw new Error(`calibration error needs as many labels as probs, and some (got ${probs.length}, ${labels.length})`);
  }
  const edges = binning === 'equal-mass' ? equalMassBins(probs, numBins) : equalWidthBins(numBins);
  return pluginCalibrationError(probs, labels, edges);
}
