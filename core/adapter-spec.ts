/** @module HELM's AdapterSpec (`benchmark/adaptation/adapter_spec.py`): every field, default and JSON order. */
import type { PyNumber } from './py-float.ts';

/** The adaptation methods HELM knows. */
export type AdaptationMethod =
  | 'generation'
  | 'chat'
  | 'language_modeling'
  | 'multiple_choice_joint'
  | 'multiple_choice_joint_chain_of_thought'
  | 'multiple_choice_separate_original'
  | 'multiple_choice_separate_calibrated'
  | 'ranking_binary'
  | 'ehr_instruction'
  | 'generation_multimodal'
  | 'multiple_choice_joint_multimodal';

export interface Substitution {
  readonly source: string;
  readonly target: string;
}

/** HELM's AdapterSpec. Key order of `defaultAdapterSpec` is the JSON order. */
export interface AdapterSpec {
  readonly method: AdaptationMethod | '';
  readonly global_prefix: string;
  readonly global_suffix: string;
  readonly instructions: string;
  readonly input_prefix: string;
  readonly input_suffix: string;
  readonly reference_prefix: string;
  readonly reference_prefix_characters?: readonly string[];
  readonly reference_suffix: string;
  readonly chain_of_thought_prefix: string;
  readonly chain_of_thought_suffix: string;
  readonly output_prefix: string;
  readonly output_suffix: string;
  readonly instance_prefix: string;
  readonly substitutions: readonly Substitution[];
  readonly max_train_instances: number;
  readonly max_eval_instances?: number;
  readonly num_outputs: number;
  readonly num_train_trials: number;
  readonly num_trials: number;
  readonly sample_train: boolean;
  readonly model_deployment: string;
  readonly model: string;
  /** A float in HELM (written `0.0`); a description may set an int, which HELM then writes as an int. */
  readonly temperature: PyNumber;
  readonly max_tokens: number;
  readonly stop_sequences: readonly string[];
  readonly random?: string;
  readonly multi_label: boolean;
  readonly eval_splits?: readonly string[];
  readonly output_mapping_pattern?: string;
}

/** The order of AdapterSpec's fields in HELM's dataclass, which is the JSON key order. */
export const ADAPTER_SPEC_FIELDS = [
  'method', 'global_prefix', 'global_suffix', 'instructions', 'input_prefix', 'input_suffix', 'reference_prefix',
  'reference_prefix_characters', 'reference_suffix', 'chain_of_thought_prefix', 'chain_of_thought_suffix',
  'output_prefix', 'output_suffix', 'instance_prefix', 'substitutions', 'max_train_instances', 'max_eval_instances',
  'num_outputs', 'num_train_trials', 'num_trials', 'sample_train', 'model_deployment', 'model', 'temperature',
  'max_tokens', 'stop_sequences', 'random', 'multi_label', 'image_generation_parameters', 'reeval_parameters',
  'eval_splits', 'output_mapping_pattern',
] as const;

/** HELM's AdapterSpec defaults, with `overrides` applied. */
export function adapterSpec(overrides: Partial<AdapterSpec>): AdapterSpec {
  return {
    method: '',
    global_prefix: '',
    global_suffix: '',
    instructions: '',
    input_prefix: 'Input: ',
    input_suffix: '\n',
    reference_prefix: 'A. ',
    reference_suffix: '\n',
    chain_of_thought_prefix: '',
    chain_of_thought_suffix: '\n',
    output_prefix: 'Output: ',
    output_suffix: '\n',
    instance_prefix: '\n',
    substitutions: [],
    max_train_instances: 5,
    num_outputs: 5,
    num_train_trials: 1,
    num_trials: 1,
    sample_train: true,
    model_deployment: '',
    model: '',
    temperature: 1,
    max_tokens: 100,
    stop_sequences: [],
    multi_label: false,
    ...overrides,
  };
}

/** The AdapterSpec as HELM writes it: fields in dataclass order, None (undefined) fields dropped. */
export function adapterSpecJson(spec: AdapterSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = spec as unknown as Record<string, unknown>;
  for (const field of ADAPTER_SPEC_FIELDS) {
    if (record[field] !== undefined) out[field] = record[field];
  }
  return out;
}
