/** @module What a scenario source is: HELM's Scenario, as a re-readable stream of instances. */
import type { RawInstance } from '../core/instance.ts';
import type { DownloadOptions } from './download.ts';
import { checkScenarioArgs } from './scenario-args.ts';

/** scenario.json: the four dataclass fields HELM writes, in its order. */
export interface ScenarioMetadata {
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly definition_path: string;
}

/** What a source may be given besides its args: where notes go, and how downloads behave. */
export interface SourceContext {
  /** Notes for the run log (a skipped missing file, download progress). Default: `console.warn`. */
  readonly log?: (message: string) => void;
  readonly download?: DownloadOptions;
}

/** HELM's Scenario keyword parameters (its `__init__` signature). */
export interface ScenarioParams {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** A scenario: its metadata and its instances, read again on every iteration. */
export interface ScenarioSource<ClassName extends string = string> {
  /** HELM's `scenario_spec.class_name`, the key of the registry (written once, here). */
  readonly className: ClassName;
  readonly metadata: ScenarioMetadata;
  readonly params: ScenarioParams;
  /**
   * The run's scenario.json when it depends on the data (HELM fills the scenario's fields while reading it, e.g.
   * big_bench's task description and keywords); called after the instances were read. Absent: `metadata`.
   */
  metadataFor?(args: Readonly<Record<string, unknown>>, cacheDir: string): ScenarioMetadata;
  /**
   * Checks `args` at once (a UserError names a missing or unknown one, before anything is read), then returns
   * the instances in HELM's order, downloading into `cacheDir` (`<output>/scenarios/<name>`) on first use.
   * Nothing is held in memory: each iteration of the result reads the files again.
   */
  instances(args: Readonly<Record<string, unknown>>, cacheDir: string, context?: SourceContext): AsyncIterable<RawInstance>;
}

/** What a scenario file declares: `defineScenario` turns it into a ScenarioSource. */
export interface ScenarioDefinition<ClassName extends string> {
  readonly className: ClassName;
  readonly metadata: ScenarioMetadata;
  readonly params: ScenarioParams;
  /**
   * Called with args already checked against `params`: checks their values (a UserError at once, before anything
   * is read) and returns the reader of the instances, called afresh for each iteration.
   */
  read(args: Readonly<Record<string, unknown>>, cacheDir: string, context?: SourceContext): () => AsyncIterator<RawInstance>;
  /** See ScenarioSource.metadataFor. */
  metadataFor?(args: Readonly<Record<string, unknown>>, cacheDir: string): ScenarioMetadata;
}

/**
 * A scenario source from its one declaration: its args are checked against its params as Python checks keyword
 * arguments, then its reader runs on every iteration.
 * @example export const gsmSource = defineScenario({ className: 'helm.benchmark.scenarios.gsm_scenario.GSM8KScenario', metadata, params: NO_PARAMS, read: (_args, dir) => () => readGsm(dir) });
 */
export function defineScenario<const ClassName extends string>(definition: ScenarioDefinition<ClassName>): ScenarioSource<ClassName> {
  const { className, metadata, params, metadataFor } = definition;
  return {
    className,
    metadata,
    params,
    ...(metadataFor === undefined ? {} : { metadataFor }),
    instances(args, cacheDir, context) {
      checkScenarioArgs(metadata.name, args, params);
      return rereadable(definition.read(args, cacheDir, context));
    },
  };
}

/** The params of a scenario that takes none. */
export const NO_PARAMS: ScenarioParams = { required: [], optional: [] };

const HELM_SCENARIOS = 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios';

/** scenario.json of a HELM scenario class defined in `scenarios/<module>.py`. */
export const scenarioMetadata = (module: string, name: string, description: string, tags: readonly string[]): ScenarioMetadata => ({
  name,
  description,
  tags,
  definition_path: `${HELM_SCENARIOS}/${module}.py`,
});

/** An async iterable that calls `read` afresh for each iteration, so iterating it twice reads the data twice. */
export const rereadable = <T>(read: () => AsyncIterator<T>): AsyncIterable<T> => ({ [Symbol.asyncIterator]: read });

/** The log a source writes to: the context's, or `console.warn`. */
export const logOf = (context: SourceContext | undefined): ((message: string) => void) =>
  context?.log ?? ((message: string) => console.warn(message));

/** Download options with the source's log as their log. */
export const downloadOptionsOf = (context: SourceContext | undefined): DownloadOptions => ({ log: logOf(context), ...context?.download });
