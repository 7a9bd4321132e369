/** @module What a scenario source is: HELM's Scenario, as a re-readable stream of instances. */
import type { RawInstance } from '../core/instance.ts';

/** scenario.json: the four dataclass fields HELM writes, in its order. */
export interface ScenarioMetadata {
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly definition_path: string;
}

/** A scenario: its metadata and its instances, read again on every call to `instances`. */
export interface ScenarioSource {
  readonly className: string;
  readonly metadata: ScenarioMetadata;
  /** Validates `args` (UserError on a missing or unknown one), downloads into `cacheDir` if needed, streams instances. */
  instances(args: Readonly<Record<string, unknown>>, cacheDir: string): AsyncIterable<RawInstance>;
}

const HELM_BLOB = 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios';

/** scenario.json of a HELM scenario defined in `scenarios/<module>.py`. */
export const scenarioMetadata = (module: string, name: string, description: string, tags: readonly string[]): ScenarioMetadata => ({
  name,
  description,
  tags,
  definition_path: `${HELM_BLOB}/${module}.py`,
});
