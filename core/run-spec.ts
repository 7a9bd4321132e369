/** @module HELM's RunSpec and the ObjectSpec-shaped specs inside it (`benchmark/run_spec.py`). */
import type { AdapterSpec } from './adapter-spec.ts';

/** HELM's ObjectSpec: a class name (written as data, never dispatched by import) and its args. */
export interface ObjectSpec {
  readonly class_name: string;
  readonly args: Readonly<Record<string, unknown>>;
}
export type ScenarioSpec = ObjectSpec;
export type MetricSpec = ObjectSpec;
export type PerturbationSpec = ObjectSpec;

/** HELM's DataAugmenterSpec. */
export interface DataAugmenterSpec {
  readonly perturbation_specs: readonly PerturbationSpec[];
  readonly should_augment_train_instances: boolean;
  readonly should_include_original_train: boolean;
  readonly should_skip_unchanged_train: boolean;
  readonly should_augment_eval_instances: boolean;
  readonly should_include_original_eval: boolean;
  readonly should_skip_unchanged_eval: boolean;
  readonly seeds_per_instance: number;
}

export const DEFAULT_DATA_AUGMENTER_SPEC: DataAugmenterSpec = {
  perturbation_specs: [],
  should_augment_train_instances: false,
  should_include_original_train: false,
  should_skip_unchanged_train: false,
  should_augment_eval_instances: false,
  should_include_original_eval: false,
  should_skip_unchanged_eval: false,
  seeds_per_instance: 1,
};

/** HELM's RunSpec; key order is the JSON order. */
export interface RunSpec {
  readonly name: string;
  readonly scenario_spec: ScenarioSpec;
  readonly adapter_spec: AdapterSpec;
  readonly metric_specs: readonly MetricSpec[];
  readonly data_augmenter_spec: DataAugmenterSpec;
  readonly groups: readonly string[];
}

/** The run directory name: HELM replaces the path separator in the whole name (`RunSpec.__post_init__`). */
export const runDirectoryName = (name: string): string => name.replaceAll('/', '_');
