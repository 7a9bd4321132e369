/** @module Python's text rules that run-entry handling depends on: `int()`/`float()` parsing, `str()` (`strip()` and truthiness are core/python-text.ts). */
import { pythonFloatRepr } from '../../core/helm-json.ts';
import { PyFloat } from '../../core/py-float.ts';

/** A run-entry value: a Python int (JS number), a Python float (PyFloat, always), or a string. */
export type ArgValue = number | PyFloat | string;


/**
 * Python `repr(float)` (= `str(float)`): shortest round-trip digits, positional for exponents -4..15,
 * `inf`/`nan` as `str()` prints them (the JSON writer's `pythonFloatRepr` writes `Infinity`/`NaN`).
 * @example pyFloatRepr(3) === '3.0'; pyFloatRepr(1e-5) === '1e-05'; pyFloatRepr(1e16) === '1e+16'
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return pythonFloatRepr(x);
}

/** Python `str(value)` of a run-entry value: ints as digits, floats as `repr`, strings as themselves. */
export function pyStr(value: ArgValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

/** A readable form of a value for messages: strings quoted, numbers as Python prints them. */
export function describeValue(value: ArgValue): string {
  return typeof value === 'string' ? `'${value}'` : pyStr(value);
}
