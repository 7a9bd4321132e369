/**
 * @module What a run expander is (HELM `run_expander.py: RunExpander`) and the helpers they share:
 * renaming with HELM's separators, replacing adapter fields, checking values.
 */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import { closeMatches, UserError } from '../../../core/errors.ts';
import { PyFloat } from '../../../core/py-float.ts';
import { runDirectoryName, type RunSpec } from '../../../core/run-spec.ts';
import type { ModelRegistry } from '../model-registry.ts';
import { describeValue, pyStr, type ArgValue } from '../py-text.ts';

/** Maps one RunSpec to its expansions (often one, sometimes none). Pure. */
export type RunExpander = (runSpec: RunSpec) => RunSpec[];

/** What expanders may consult: the model registry (model groups, tags) and a warning sink. */
export interface ExpanderContext {
  readonly registry: ModelRegistry;
  readonly warn: (message: string) => void;
  /** `-o`: what run-spec functions that read files are built with (default `benchmark_output`). */
  readonly outputPath?: string;
}

/** Builds an expander from a description value, validating the value (UserError) before anything runs. */
export type ExpanderFactory = (value: ArgValue, context: ExpanderContext) => RunExpander;

/** `,` when the name already has a `:`, else `:` (the "c/:" rule of HELM's name-changing expanders). */
export const separatorFor = (name: string): string => (name.includes(':') ? ',' : ':');

/**
 * A copy of `runSpec` under `name`, with `/` replaced by `_` as HELM's `RunSpec.__post_init__` does on
 * every `replace`.
 */
export const withName = (runSpec: RunSpec, name: string): RunSpec => ({ ...runSpec, name: runDirectoryName(name) });

/** Appends `sep + key=value` with the "c/:" rule (`,` if the name has a `:`, else `:`). */
export const appendArg = (runSpec: RunSpec, key: string, valueText: string): RunSpec =>
  withName(runSpec, `${runSpec.name}${separatorFor(runSpec.name)}${key}=${valueText}`);

/** Appends `,key=value` whatever the name looks like (HELM's "always ," expanders). */
export const appendArgWithComma = (runSpec: RunSpec, key: string, valueText: string): RunSpec =>
  withName(runSpec, `${runSpec.name},${key}=${valueText}`);

/** HELM's `sanitize(v) = str(v).replace("/", "_")`. */
export const sanitize = (value: ArgValue): string => pyStr(value).replaceAll('/', '_');

/** A copy of `runSpec` with some adapter fields replaced (HELM `replace(adapter_spec, ...)`). */
export const withAdapter = (runSpec: RunSpec, changes: Partial<AdapterSpec>): RunSpec => ({
  ...runSpec,
  adapter_spec: { ...runSpec.adapter_spec, ...changes },
});

/** A has-own lookup in a table of named values (so `constructor` is not a name). */
export function lookup<T>(table: Readonly<Record<string, T>>, key: ArgValue): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** "Unknown <key> value 'x'. Did you mean …? Valid values: …" */
export function unknownValueError(key: string, value: ArgValue, valid: readonly string[], note = ''): UserError {
  const close = typeof value === 'string' ? closeMatches(value, valid) : [];
  const hint = close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : '';
  return new UserError(`Unknown ${key} value ${describeValue(value)}.${hint} Valid values: ${valid.join(', ')}.${note}`);
}

/** The value as a string, or a UserError saying the expander wants text. */
export function requireString(key: string, value: ArgValue): string {
  if (typeof value === 'string') return value;
  throw new UserError(
    `${key}=${pyStr(value)}: ${key} takes text, but run-entry values that look like numbers are read as numbers.`,
  );
}

/** The value as a Python int (optionally at least `min`), or a UserError naming the expander. */
export function requireInt(key: string, value: ArgValue, min: number, named: readonly string[] = []): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  const names = named.length > 0 ? ` or one of: ${named.join(', ')}` : '';
  const kind = value instanceof PyFloat ? 'a float' : describeValue(value);
  throw new UserError(`${key}=${pyStr(value)}: expected an integer ≥ ${min}${names}; got ${kind}.`);
}
