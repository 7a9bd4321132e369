/** @module Python's `seq[start:stop]` with int bounds (step 1), on code points (`str`) or any indexable length. */

/**
 * The `[from, to)` range Python's `seq[start:stop]` takes from a sequence of `length`: a negative bound counts
 * from the end, then both are clamped to `[0, length]`; a stop before the start gives an empty range.
 * @example pySliceBounds(10, -1, -1) // [9, 9]: HELM's NaturalQA slices a missing long answer (-1, -1) to b""
 */
export function pySliceBounds(length: number, start = 0, stop = length): [number, number] {
  const clamp = (bound: number): number => Math.min(Math.max(bound < 0 ? bound + length : bound, 0), length);
  const from = clamp(start);
  return [from, Math.max(from, clamp(stop))];
}

const SURROGATE = /[\ud800-\udfff]/;

/**
 * Python `text[start:stop]` on a `str`: the bounds count code points, where JS `slice` counts UTF-16 units
 * (they differ once a character past U+FFFF comes before the bounds).
 * @example pyStrSlice('😀abc', 1, 3) // 'ab'
 */
export function pyStrSlice(text: string, start?: number, stop?: number): string {
  if (!SURROGATE.test(text)) {
    const [from, to] = pySliceBounds(text.length, start, stop);
    return text.slice(from, to);
  }
  const chars = Array.from(text);
  const [from, to] = pySliceBounds(chars.length, start, stop);
  return chars.slice(from, to).join('');
}
