/** @module What a scenario source is: HELM's Scenario, as a re-readable stream of instances. */
import type { RawInstance } from '../core/instance.ts';
import type { DownloadOptions } from './download.ts';

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

/** A scenario: its metadata and its instances, read again on every iteration. */
export interface ScenarioSource {
  /** HELM's `scenario_spec.class_name`, the key of the registry. */
  readonly className: string;
  readonly metadata: ScenarioMetadata;
  /**
   * Checks `args` at once (a UserError names a missing or unknown one, before anything is read), then returns
   * the instances in HELM's order, downloading into `cacheDir` (`<output>/scenarios/<name>`) on first use.
   * Nothing is held in memory: each iteration of the result reads the files again.
   */
  instances(args: Readonly<Record<string, unknown>>, cacheDir: string, context?: SourceContext): AsyncIterable<RawInstance>;
}

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
