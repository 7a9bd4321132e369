/**
 * @module Decoding-parameter expanders: `num_output_tokens` (sets max_tokens, renamed), `temperature`,
 * `increase_temperature`, `increase_max_tokens` (no rename). Python's int/float typing is kept, since
 * temperature is written to run_spec.json (`0` vs `0.0`).
 */
import { UserError } from '../../../core/errors.ts';
import { PyFloat, pyFloat, type PyNumber } from '../../../core/py-float.ts';
import { pyStr, type ArgValue } from '../py-text.ts';
import { appendArg, lookup, requireInt, withAdapter, type ExpanderFactory, type RunExpander } from './expander.ts';

const isPyFloat = (x: PyNumber): boolean => x instanceof PyFloat || !Number.isInteger(x);
const valueOf = (x: PyNumber): number => (x instanceof PyFloat ? x.value : x);

/** Python `a + b` over ints and floats: a float if either is. */
export function pyAdd(a: PyNumber, b: PyNumber): PyNumber {
  const sum = valueOf(a) + valueOf(b);
  return isPyFloat(a) || isPyFloat(b) ? pyFloat(sum) : sum;
}

/** The value as a Python number, or a UserError (HELM would store the string and fail later). */
function requireNumber(key: string, value: ArgValue): PyNumber {
  if (typeof value !== 'string') return value;
  throw new UserError(`${key}=${value}: expected a number.`);
}

const NUM_OUTPUT_TOKENS_SETS: Readonly<Record<string, readonly number[]>> = { default_sweep: [1, 2, 4, 8, 16, 32, 64] };

/** `num_output_tokens=default_sweep|<n>` (NumOutputTokensRunExpander): sets max_tokens; renamed `num_output_tokens=<n>`. */
export const numOutputTokensExpander: ExpanderFactory = (value) => {
  const values = (lookup(NUM_OUTPUT_TOKENS_SETS, value) ?? [value]).map((v) =>
    requireInt('num_output_tokens', v, 0, Object.keys(NUM_OUTPUT_TOKENS_SETS)),
  );
  return function numOutputTokens(runSpec) {
    return values.map((v) => withAdapter(appendArg(runSpec, 'num_output_tokens', pyStr(v)), { max_tokens: v }));
  };
};

/** `temperature=<x>` (TemperatureRunExpander): the value as given (`0` stays an int, `0.5` a float). */
export const temperatureExpander: ExpanderFactory = (value) => {
  const temperature = requireNumber('temperature', value);
  return function setTemperature(runSpec) {
    return [withAdapter(runSpec, { temperature })];
  };
};

/** Adds to the temperature (IncreaseTemperatureRunExpander; also BUGGY_TEMP_0_TAG's +1e-4). */
export function increaseTemperature(amount: PyNumber): RunExpander {
  return function increaseTemperature(runSpec) {
    return [withAdapter(runSpec, { temperature: pyAdd(runSpec.adapter_spec.temperature, amount) })];
  };
}

/** `increase_temperature=<x>`. */
export const increaseTemperatureExpander: ExpanderFactory = (value) =>
  increaseTemperature(requireNumber('increase_temperature', value));

/** Adds to max_tokens (IncreaseMaxTokensRunExpander; also the Gemini Pro Vision v1 fix). */
export function increaseMaxTokens(amount: number): RunExpander {
  return function increaseMaxTokens(runSpec) {
    return [withAdapter(runSpec, { max_tokens: runSpec.adapter_spec.max_tokens + amount })];
  };
}

/** `increase_max_tokens=<n>`. */
export const increaseMaxTokensExpander: ExpanderFactory = (value) =>
  increaseMaxTokens(requireInt('increase_max_tokens', value, Number.MIN_SAFE_INTEGER));
