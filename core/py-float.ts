/** @module A marker for numbers that Python holds as `float`, so the HELM JSON writer prints `4.0`, not `4`. */

/** A number that Python would hold as a float. Only used in records headed for HELM JSON files. */
export class PyFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

/** Wraps `x` as a Python float. */
export const pyFloat = (x: number): PyFloat => new PyFloat(x);

/** A number field of a HELM record: a JS number is a Python int when integral, a PyFloat is always a float. */
export type PyNumber = number | PyFloat;

/** The plain value of a PyNumber. */
export const numberOf = (x: PyNumber): number => (x instanceof PyFloat ? x.value : x);
