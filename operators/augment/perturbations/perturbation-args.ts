/** @module Reading a PerturbationSpec's `args` the way Python's `cls(**args)` would accept them. */
import { UserError } from '../../../core/errors.ts';
import { PyFloat, type PyNumber } from '../../../core/py-float.ts';
import type { PerturbationArgs } from './text-perturbation.ts';

/**
 * Checks that `args` only names parameters the class takes and has the required ones, as
 * Python's `cls(**args)` does (it raises TypeError otherwise).
 */
export function checkArgNames(
  perturbation: string,
  args: PerturbationArgs,
  params: { readonly required: readonly string[]; readonly optional?: readonly string[] },
): void {
  const known = [...params.required, ...(params.optional ?? [])];
  const unknown = Object.keys(args).filter((key) => !known.includes(key));
  const missing = params.required.filter((key) => !(key in args));
  if (unknown.length > 0 || missing.length > 0) {
    const problems = [
      ...(unknown.length > 0 ? [`unexpected ${unknown.map((k) => `'${k}'`).join(', ')}`] : []),
      ...(missing.length > 0 ? [`missing ${missing.map((k) => `'${k}'`).join(', ')}`] : []),
    ];
    const takes = known.length > 0 ? known.map((k) => `'${k}'`).join(', ') : 'no args';
    throw new UserError(`Perturbation ${perturbation}: ${problems.join('; ')} (it takes ${takes}).`);
  }
}

/** A number arg, keeping Python's int/float distinction (a `PyFloat` stays a float in the description). */
export function numberArg(perturbation: string, args: PerturbationArgs, key: string): PyNumber {
  const value = args[key];
  if (value instanceof PyFloat || (typeof value === 'number' && Number.isFinite(value))) return value;
  throw new UserError(`Perturbation ${perturbation}: '${key}' must be a number, got ${JSON.stringify(value)}.`);
}

/** An int arg (Python would fail on a float, e.g. `" " * 2.0`). */
export function intArg(perturbation: string, args: PerturbationArgs, key: string): number {
  const value = args[key];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw new UserError(`Perturbation ${perturbation}: '${key}' must be an integer, got ${JSON.stringify(value)}.`);
}

/** A boolean arg. */
export function booleanArg(perturbation: string, args: PerturbationArgs, key: string): boolean {
  const value = args[key];
  if (typeof value === 'boolean') return value;
  throw new UserError(`Perturbation ${perturbation}: '${key}' must be true or false, got ${JSON.stringify(value)}.`);
}
