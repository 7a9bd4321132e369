/**
 * @module Small predicates that check the shape of a provider's JSON body once, at the edge (in a client's `send`,
 * before anything is cached), so that `decode` can work on typed values. Extra fields are always allowed.
 */

/** A predicate over an unknown JSON value. */
export type Check = (value: unknown) => boolean;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isString: Check = (v) => typeof v === 'string';
export const isNumber: Check = (v) => typeof v === 'number';
export const orNull = (check: Check): Check => (v) => v === null || check(v);
export const optional = (check: Check): Check => (v) => v === undefined || check(v);
export const listOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
/** An object whose listed fields pass their checks (a missing field is `undefined`). */
export const shaped = (fields: Record<string, Check>): Check => (v) =>
  isObject(v) && Object.entries(fields).every(([key, check]) => check(v[key]));
