/** @module Python arithmetic on PyNumbers where the int/float type of the result shows in HELM's files. */
import { numberOf, PyFloat, pyFloat, type PyNumber } from '../../core/py-float.ts';

const isFloat = (x: PyNumber): boolean => x instanceof PyFloat || !Number.isInteger(x);

/** Python `sum(xs)`: starts from the int 0 and becomes a float as soon as one term is a float. */
export function pySum(xs: Iterable<PyNumber>): PyNumber {
  let total = 0;
  let float = false;
  for (const x of xs) {
    total += numberOf(x);
    float ||= isFloat(x);
  }
  return float ? pyFloat(total) : total;
}

/** Python `max(xs)`: the first of the largest values, so its type is kept on ties (`max(0, 0.0)` is `0`). */
export function pyMax(xs: Iterable<PyNumber>): PyNumber {
  let best: PyNumber | undefined;
  for (const x of xs) if (best === undefined || numberOf(x) > numberOf(best)) best = x;
  if (best === undefined) throw new Error('max() arg is an empty sequence');
  return best;
}

/** Python unary minus: `-0` of an int is `0`, of a float `-0.0`. */
export const pyNegate = (x: PyNumber): PyNumber => (isFloat(x) ? pyFloat(-numberOf(x)) : 0 - numberOf(x));
