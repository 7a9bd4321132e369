/**
 * @module What a run-spec function is (HELM `@run_spec_function`): typed parameters plus a builder, called
 * with a description's remaining args the way Python calls `fn(**args)` (unknown or missing keyword → error).
 */
import { closeMatches, UserError } from '../../../core/errors.ts';
import type { RemoteFile } from '../../../core/remote-file.ts';
import { runDirectoryName, type RunSpec, type ScenarioSpec } from '../../../core/run-spec.ts';
import type { ScenarioSource } from '../../../sources/scenario-source.ts';
import { pyStr, type ArgValue } from '../py-text.ts';

/** One parameter of a run-spec function. */
export interface RunSpecParam {
  readonly name: string;
  readonly isRequired: boolean;
}

/** What building a run spec may read besides its args: HELM's `get_benchmark_output_path()` (`-o`). */
export interface RunSpecBuildContext {
  readonly outputPath: string;
}

/** A run-spec function: its parameters (in Python signature order) and the builder. */
export interface RunSpecFunction {
  readonly params: readonly RunSpecParam[];
  /** Called with only known params, every required one present. */
  readonly build: (args: RunSpecArgs, context: RunSpecBuildContext) => RunSpec;
  /**
   * The files `build` reads (HELM downloads them while building the run spec, e.g. raft's prompt settings): fetched
   * before any run spec is built, so that `build` stays synchronous.
   */
  readonly files?: (args: RunSpecArgs, context: RunSpecBuildContext) => RemoteFile[];
}

/** Typed access to a call's args, with errors naming the function and the parameter. */
export class RunSpecArgs {
  constructor(
    readonly functionName: string,
    private readonly args: ReadonlyMap<string, ArgValue>,
  ) {}

  /** Every arg given, in the description's order (a `**kwargs` function reads them all). */
  entries(): ReadonlyMap<string, ArgValue> {
    return this.args;
  }

  /** The raw value, or undefined when not given. */
  get(name: string): ArgValue | undefined {
    return this.args.get(name);
  }

  /** A text parameter (HELM would crash on a number where it calls string methods). */
  string(name: string): string | undefined {
    const value = this.args.get(name);
    if (value === undefined || typeof value === 'string') return value;
    throw new UserError(`${this.functionName}: ${name}=${pyStr(value)} must be text, not a number.`);
  }

  /** A required text parameter (presence is checked before `build`). */
  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw new UserError(`${this.functionName}: missing required argument '${name}'.`);
    return value;
  }
}

/** Shorthands for parameter lists. */
export const required = (name: string): RunSpecParam => ({ name, isRequired: true });
export const optional = (name: string): RunSpecParam => ({ name, isRequired: false });

/**
 * Calls `fn` with `args` as Python would with `fn(**args)`: an unknown keyword or a missing required
 * one is a UserError naming it (Python's TypeError). The name is cleaned like HELM's `RunSpec.__post_init__`.
 * `expanderNames` are offered as suggestions for a misspelled key.
 */
export function callRunSpecFunction(
  name: string,
  fn: RunSpecFunction,
  args: ReadonlyMap<string, ArgValue>,
  expanderNames: readonly string[] = [],
  context: RunSpecBuildContext = DEFAULT_BUILD_CONTEXT,
): RunSpec {
  const paramNames = fn.params.map((p) => p.name);
  const signature = `${name}(${fn.params.map((p) => (p.isRequired ? p.name : `${p.name}=…`)).join(', ')})`;
  for (const key of args.keys()) {
    if (!paramNames.includes(key)) {
      const close = closeMatches(key, [...paramNames, ...expanderNames]);
      throw new UserError(
        `Run spec function ${signature} has no parameter '${key}'` +
          `${close.length > 0 ? `; did you mean: ${close.join(', ')}?` : '.'} ` +
          `Its parameters: ${paramNames.length > 0 ? paramNames.join(', ') : 'none'}; ` +
          `any run expander key may also be given.`,
      );
    }
  }
  const missing = fn.params.filter((p) => p.isRequired && !args.has(p.name)).map((p) => p.name);
  if (missing.length > 0) {
    throw new UserError(
      `Run spec function ${signature} is missing required argument${missing.length > 1 ? 's' : ''} ` +
        `${missing.map((m) => `'${m}'`).join(', ')} (write e.g. ${name}:${missing[0]}=…).`,
    );
  }
  const runSpec = fn.build(new RunSpecArgs(name, args), context);
  return { ...runSpec, name: runDirectoryName(runSpec.name) };
}

/** HELM's default output path, for run specs built outside a helm-run (tests, tools). */
export const DEFAULT_BUILD_CONTEXT: RunSpecBuildContext = { outputPath: 'benchmark_output' };

/** A run spec's scenario_spec: the class name read from the source itself, so it is never typed twice. */
export const scenarioSpec = (source: ScenarioSource, args: Readonly<Record<string, unknown>>): ScenarioSpec => ({ class_name: source.className, args });
