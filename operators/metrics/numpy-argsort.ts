/**
 * @module `np.argsort(values)` with NumPy 1.24's default kind ("quicksort", an introsort), index for index.
 * The sort is not stable, so where values tie the order it leaves them in is part of HELM's output: the
 * calibration library sorts by −prob before a running accuracy and sorts bin numbers before per-bin means.
 */

/** Segments longer than this many elements (past the first) are partitioned; shorter ones are insertion-sorted. */
const SMALL_SEGMENT = 15;

/** NumPy's float order: NaN after everything, and only strictly smaller values move. */
const less = (a: number, b: number): boolean => a < b || (b !== b && a === a);

/** The bit length of `n` (NumPy `npy_get_msb`): the introsort depth budget is twice this. */
function msb(n: number): number {
  let depth = 0;
  while ((n >>= 1) > 0) depth++;
  return depth;
}

/** NumPy's `aheapsort_` on `order[lo..lo+n)`, the fallback once partitioning got too deep. */
function heapsortIndices(values: ArrayLike<number>, order: Int32Array, lo: number, n: number): void {
  // 1-based heap positions over the segment.
  const at = (k: number): number => order[lo + k - 1]!;
  const put = (k: number, v: number): void => {
    order[lo + k - 1] = v;
  };
  const siftDown = (start: number, top: number, size: number): void => {
    let i = start;
    let j = start * 2;
    while (j <= size) {
      if (j < size && less(values[at(j)]!, values[at(j + 1)]!)) j++;
      if (!less(values[top]!, values[at(j)]!)) break;
      put(i, at(j));
      i = j;
      j += j;
    }
    put(i, top);
  };
  for (let l = n >> 1; l > 0; l--) siftDown(l, at(l), n);
  for (let size = n; size > 1; ) {
    const top = at(size);
    put(size, at(1));
    size--;
    siftDown(1, top, size);
  }
}

/**
 * The permutation that sorts `values` ascending, exactly as NumPy 1.24's `np.argsort` returns it (ties included).
 * @example numpyArgsort([0.3, 0.1, 0.2]) // [1, 2, 0]
 */
export function numpyArgsort(values: ArrayLike<number>): number[] {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const swap = (a: number, b: number): void => {
    const t = order[a]!;
    order[a] = order[b]!;
    order[b] = t;
  };
  const stack: number[] = [];
  let pl = 0;
  let pr = n - 1;
  let depth = msb(n) * 2;
  for (;;) {
    if (depth < 0) {
      heapsortIndices(values, order, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL_SEGMENT) {
        // Median of three moved to pr − 1, then the Hoare partition around it.
        const pm = pl + ((pr - pl) >> 1);
        if (less(values[order[pm]!]!, values[order[pl]!]!)) swap(pm, pl);
        if (less(values[order[pr]!]!, values[order[pm]!]!)) swap(pr, pm);
        if (less(values[order[pm]!]!, values[order[pl]!]!)) swap(pm, pl);
        const pivot = values[order[pm]!]!;
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do pi++;
          while (less(values[order[pi]!]!, pivot));
          do pj--;
          while (less(pivot, values[order[pj]!]!));
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // The larger side waits on the stack; the loop goes on with the smaller one.
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        stack.push(--depth);
      }
      for (let i = pl + 1; i <= pr; i++) {
        const moving = order[i]!;
        const value = values[moving]!;
        let j = i;
        while (j > pl && less(value, values[order[j - 1]!]!)) {
          order[j] = order[j - 1]!;
          j--;
        }
        order[j] = moving;
      }
    }
    if (stack.length === 0) break;
    depth = stack.pop()!;
    pr = stack.pop()!;
    pl = stack.pop()!;
  }
  return Array.from(order);
}
