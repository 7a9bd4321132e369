/**
 * @module The paired bootstrap of one metric between two suites: the difference of the run-level means over the
 * paired units, a 95% percentile interval and a two-sided p-value, from resamples of the pairs.
 */
import { classesOf, resampleClasses } from './paired-bootstrap-classes.ts';
import { drawIndices, INDEX_BLOCK, indexSampler, type IndexSampler } from './paired-bootstrap-indices.ts';

/**
 * One group's paired units, unit i in both suites: the sum and the count of its per-instance stats (a unit is one
 * (instance, train trial, perturbation); usually one stat of count 1, several when HELM wrote several entries for
 * an instance, as language modeling does for a long document). Four arrays of n entries: 32 bytes a pair.
 */
export interface PairedSample {
  readonly sumA: Float64Array;
  readonly countA: Float64Array;
  readonly sumB: Float64Array;
  readonly countB: Float64Array;
}

export interface PairedBootstrapOptions {
  /** Number of resamples B (at least 1). */
  readonly resamples: number;
  /** Seed of the index generator (each group starts from it afresh, so a group's result ignores the others). */
  readonly seed: number;
}

/** What the bootstrap says about B − A. Interval and p-value are null for fewer than two pairs. */
export interface PairedBootstrapResult {
  /** Σ sums / Σ counts over the paired units of A: HELM's run-level mean (metric.py merges the stats). */
  readonly meanA: number;
  readonly meanB: number;
  /** meanB − meanA. */
  readonly difference: number;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly pValue: number | null;
}

const sumOf = (values: Float64Array): number => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
};

/**
 * NumPy's default `percentile` ('linear', Hyndman-Fan type 7) of sorted values, with NumPy's two-sided lerp
 * (numpy 1.24 function_base.py `_lerp`), so that a check in Python gives the same bits.
 */
export function percentileOfSorted(sorted: Float64Array, q: number): number {
  const position = (q / 100) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const t = position - below;
  const a = sorted[below]!;
  const b = sorted[above]!;
  const step = b - a;
  return t >= 0.5 ? b - step * (1 - t) : a + step * t;
}

/** Count-1 pairs, many distinct differences: each resample reads the drawn differences and sums them in draw order. */
function resampleDifferences(differences: Float64Array, statistics: Float64Array, sampler: IndexSampler): number {
  const n = differences.length;
  const block = new Int32Array(INDEX_BLOCK);
  const total = new Float64Array(1);
  for (let b = 0; b < statistics.length; b++) {
    total[0] = 0;
    drawIndices(sampler, n, block, (length) => {
      let sum = total[0]!;
      for (let i = 0; i < length; i++) sum += differences[block[i]!]!;
      total[0] = sum;
    });
    statistics[b] = total[0]! / n;
  }
  return sumOf(differences) / n;
}

/** Pairs of any counts: fills `statistics` with ΣsB* ÷ ΣcB* − ΣsA* ÷ ΣcA* per resample (sums in draw order). */
function resampleRatios(sample: PairedSample, statistics: Float64Array, sampler: IndexSampler): number {
  const { sumA, countA, sumB, countB } = sample;
  const n = sumA.length;
  const packed = new Float64Array(4 * n); // a pair's four numbers side by side: one cache line per draw, not four
  for (let i = 0; i < n; i++) {
    packed[4 * i] = sumA[i]!;
    packed[4 * i + 1] = countA[i]!;
    packed[4 * i + 2] = sumB[i]!;
    packed[4 * i + 3] = countB[i]!;
  }
  const block = new Int32Array(INDEX_BLOCK);
  const sums = new Float64Array(4);
  for (let b = 0; b < statistics.length; b++) {
    sums.fill(0);
    drawIndices(sampler, n, block, (length) => {
      let sa = sums[0]!, ca = sums[1]!, sb = sums[2]!, cb = sums[3]!;
      for (let i = 0; i < length; i++) {
        const j = 4 * block[i]!;
        sa += packed[j]!;
        ca += packed[j + 1]!;
        sb += packed[j + 2]!;
        cb += packed[j + 3]!;
      }
      sums.set([sa, ca, sb, cb]);
    });
    statistics[b] = sums[2]! / sums[3]! - sums[0]! / sums[1]!;
  }
  return sumOf(sumB) / sumOf(countB) - sumOf(sumA) / sumOf(countA);
}

/**
 * Resamples the n pairs with replacement B times and returns the difference of means with its bootstrap summary.
 *
 * - Statistic: δ = ΣsB/ΣcB − ΣsA/ΣcA, HELM's run-level mean (sum over count of the merged stats) in B minus that in
 *   A, recomputed on each resample of the pairs (a pair's A and B values move together: that makes it paired).
 *   When every count is 1 (the usual case) this is the mean of the per-pair differences, computed as such.
 * - Interval: the 95% percentile interval, the 2.5th and 97.5th percentiles of the B resampled δ* (Efron &
 *   Tibshirani 1993, An Introduction to the Bootstrap, ch. 13).
 * - p-value: the paired bootstrap test with the bootstrap distribution shifted to the null (Efron & Tibshirani
 *   1993 §16.4; Berg-Kirkpatrick, Burkett & Klein 2012, "An Empirical Investigation of Statistical Significance in
 *   NLP", whose one-sided count of δ* > 2δ is made two-sided here): p = (1 + #{|δ* − δ| ≥ |δ|}) / (B + 1), the +1
 *   counting the sample itself (Davison & Hinkley 1997, Bootstrap Methods and their Application, ch. 4), so
 *   p ≥ 1/(B + 1), and δ = 0 gives p = 1.
 * - Indices: resample b takes the next n draws of `indexSampler(seed)` (xoshiro128**).
 *
 * Memory: the four input arrays, n more doubles (or 4n for the ratio case), B doubles. No allocation per resample.
 * Time (B = 1,000, n = 10^6; see compare.ts): seconds, and it blocks the caller while it runs.
 * @example pairedBootstrap({ sumA, countA, sumB, countB }, { resamples: 1000, seed: 0 })
 */
export function pairedBootstrap(sample: PairedSample, options: PairedBootstrapOptions): PairedBootstrapResult {
  const { sumA, countA, sumB, countB } = sample;
  const n = sumA.length;
  if (countA.length !== n || sumB.length !== n || countB.length !== n) {
    throw new RangeError(`paired arrays differ in length: ${n}, ${countA.length}, ${sumB.length}, ${countB.length}`);
  }
  const B = options.resamples;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`resamples must be a positive integer, got ${B}`);
  const meanA = sumOf(sumA) / sumOf(countA);
  const meanB = sumOf(sumB) / sumOf(countB);
  const difference = meanB - meanA;
  if (n < 2) return { meanA, meanB, difference, ciLow: null, ciHigh: null, pValue: null };

  const statistics = new Float64Array(B);
  const sampler = indexSampler(options.seed);
  let observed: number;
  if (countA.every((c) => c === 1) && countB.every((c) => c === 1)) {
    const differences = new Float64Array(n);
    for (let i = 0; i < n; i++) differences[i] = sumB[i]! - sumA[i]!;
    const classes = classesOf(differences);
    observed = classes === null
      ? resampleDifferences(differences, statistics, sampler)
      : resampleClasses(classes.values, classes.upTo, n, statistics, sampler);
  } else {
    observed = resampleRatios(sample, statistics, sampler);
  }
  let extreme = 0;
  const size = Math.abs(observed);
  for (let b = 0; b < B; b++) if (Math.abs(statistics[b]! - observed) >= size) extreme++;
  statistics.sort();
  return {
    meanA,
    meanB,
    difference,
    ciLow: percentileOfSorted(statistics, 2.5),
    ciHigh: percentileOfSorted(statistics, 97.5),
    pValue: (1 + extreme) / (B + 1),
  };
}
