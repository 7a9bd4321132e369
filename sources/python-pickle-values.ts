/**
 * @module The plain Python values a pickle can hold, as this project reads them: what `sources/python-pickle.ts`
 * builds, and the few lookups a caller needs.
 */
import type { PyFloat } from '../core/py-float.ts';

/** A Python tuple (kept apart from a list: a tuple is immutable and may be a dict key). */
export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

/** A Python set or frozenset, its items in pickle order. */
export class PySet {
  constructor(
    readonly items: PyValue[],
    readonly isFrozen: boolean,
  ) {}
}

/** A Python dict, in insertion order. Keys of str, int, bool and None are looked up by value, others by identity. */
export type PyDict = Map<PyValue, PyValue>;

/**
 * A plain Python value: None → null, bool → boolean, int → number (bigint past 2^53), float → PyFloat,
 * str → string, bytes and bytearray → Uint8Array, list → array, tuple → PyTuple, set → PySet, dict → Map.
 */
export type PyValue = null | boolean | number | bigint | PyFloat | string | Uint8Array | PyValue[] | PyTuple | PySet | PyDict;

/** Python's type name of a value, for messages (`dict`, `list`, `str`, …). */
export function pyTypeName(value: PyValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number' || typeof value === 'bigint') return 'int';
  if (typeof value === 'string') return 'str';
  if (value instanceof Uint8Array) return 'bytes';
  if (Array.isArray(value)) return 'list';
  if (value instanceof PyTuple) return 'tuple';
  if (value instanceof PySet) return value.isFrozen ? 'frozenset' : 'set';
  if (value instanceof Map) return 'dict';
  return 'float';
}

/** Whether a value is a Python dict. */
export const isPyDict = (value: PyValue | undefined): value is PyDict => value instanceof Map;
