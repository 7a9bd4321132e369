/**
 * @module The class path of the paired bootstrap: per-pair differences that take few values (a 0/1 metric gives
 * −1, 0, 1) are resampled by counting draws per class, with no read of the n pairs per draw.
 */
import { drawIndices, INDEX_BLOCK, type IndexSampler } from './paired-bootstrap-indices.ts';

// Distinct per-pair differences up to which a resample counts classes instead of reading doubles at random places
// (a cache miss per draw at n = 10^6): exact_match and the like give at most three (−1, 0, 1).
const MAX_CLASSES = 4096;

/** The distinct values ascending with, for each, the number of values at or below it; null beyond MAX_CLASSES. */
export function classesOf(differences: Float64Array): { values: Float64Array; upTo: Int32Array } | null {
  const counts = new Map<number, number>();
  for (let i = 0; i < differences.length; i++) {
    const d = differences[i]! + 0; // −0 and 0 are one class
    counts.set(d, (counts.get(d) ?? 0) + 1);
    if (counts.size > MAX_CLASSES) return null;
  }
  const values = Float64Array.from(counts.keys()).sort();
  const upTo = new Int32Array(values.length);
  let total = 0;
  for (let k = 0; k < values.length; k++) upTo[k] = total += counts.get(values[k]!)!;
  return { values, upTo };
}

/**
 * For four classes or more: the class of a draw by table, not by search (a search's unpredictable branches cost more
 * than reading the drawn pair). Indices are cut into at most 2^16 buckets of 2^shift; a bucket's entry is the class
 * of its first index, with bit 15 set when a class bound falls inside the bucket (then a short scan finishes). The
 * table is 128 KB at most, so the lookup stays in cache; at most classes − 1 buckets need the scan.
 */
function classTable(upTo: Int32Array, n: number): { shift: number; table: Uint16Array } {
  const shift = Math.max(0, 32 - Math.clz32(n - 1) - 16);
  const buckets = ((n - 1) >>> shift) + 1;
  const table = new Uint16Array(buckets);
  let k = 0;
  for (let bucket = 0; bucket < buckets; bucket++) {
    const first = bucket << shift;
    const last = Math.min(first + (1 << shift) - 1, n - 1);
    while (first >= upTo[k]!) k++;
    table[bucket] = last >= upTo[k]! ? k | 0x8000 : k;
  }
  return { shift, table };
}

/** Counts, for one resample of n draws, the draws that fall in each class (into `inClass`). */
function countClasses(upTo: Int32Array, n: number, inClass: Float64Array, sampler: IndexSampler, block: Int32Array): void {
  const classes = upTo.length;
  if (classes <= 3) {
    // The common case (a 0/1 metric: differences −1, 0, 1) with counters in registers; a missing bound is n.
    const last1 = (classes > 1 ? upTo[0]! : n) - 1, last2 = (classes > 2 ? upTo[1]! : n) - 1;
    let above1 = 0, above2 = 0;
    drawIndices(sampler, n, block, (length) => {
      let c1 = 0, c2 = 0;
      for (let i = 0; i < length; i++) {
        const j = block[i]!;
        c1 += (last1 - j) >>> 31; // 1 when j > last1, without a branch
        c2 += (last2 - j) >>> 31;
      }
      above1 += c1;
      above2 += c2;
    });
    inClass[0] = n - above1;
    if (classes > 1) inClass[1] = above1 - above2;
    if (classes > 2) inClass[2] = above2;
    return;
  }
  const { shift, table } = classTable(upTo, n);
  inClass.fill(0);
  drawIndices(sampler, n, block, (length) => {
    for (let i = 0; i < length; i++) {
      const j = block[i]!;
      const entry = table[j >>> shift]!;
      let k = entry & 0x7fff;
      if (entry > 0x7fff) while (j >= upTo[k]!) k++;
      inClass[k]!++;
    }
  });
}

/**
 * Count-1 pairs with few distinct differences. The pairs are taken as sorted by difference (the order of the pairs
 * does not change the law of a resample), so a drawn index j falls in the first class k with j < upTo[k]; a
 * resample's mean is Σ (draws in class k × value k) / n, exact for integer-valued metrics, so ties with the observed
 * difference stay ties. No read of the n pairs per draw, only of small tables.
 */
export function resampleClasses(values: Float64Array, upTo: Int32Array, n: number, statistics: Float64Array, sampler: IndexSampler): number {
  const classes = values.length;
  const inClass = new Float64Array(classes);
  const block = new Int32Array(INDEX_BLOCK);
  const meanOf = (): number => {
    let total = 0;
    for (let k = 0; k < classes; k++) total += inClass[k]! * values[k]!;
    return total / n;
  };
  for (let k = 0; k < classes; k++) inClass[k] = upTo[k]! - (k === 0 ? 0 : upTo[k - 1]!);
  const observed = meanOf();
  for (let b = 0; b < statistics.length; b++) {
    countClasses(upTo, n, inClass, sampler, block);
    statistics[b] = meanOf();
  }
  return observed;
}
