/**
 * @module The JSON records HELM writes, built field by field in its dataclass order with None fields
 * left out (`asdict_without_nones`). Numbers HELM holds as floats are marked with PyFloat.
 */
import { adapterSpecJson } from './adapter-spec.ts';
import type { Input, Instance, RawInstance, Reference } from './instance.ts';
import type { RunSpec } from './run-spec.ts';
import type { PerInstanceStats } from './per-instance-stats.ts';
import { PyFloat } from './py-float.ts';
import type { CompletedRequest, GeneratedOutput, Request, RequestResult } from './request.ts';

type Json = Record<string, unknown>;

/** Copies the listed fields of `source` in that order, skipping undefined ones. */
function ordered(source: object, fields: readonly string[]): Json {
  const record = source as Json;
  const out: Json = {};
  for (const field of fields) if (record[field] !== undefined) out[field] = record[field];
  return out;
}

/** HELM's Input JSON: `text`, then `messages` when set (`multimedia_content` is not modelled). */
const inputJson = (input: Input): Json => ordered(input, ['text', 'messages']);
const referenceJson = (ref: Reference): Json => ({ output: { text: ref.output.text }, tags: ref.tags });

/** HELM's Instance JSON (also of a raw instance, which has no id yet). */
export function instanceJson(
  instance: RawInstance & Partial<Pick<Instance, 'perturbation' | 'contrast_inputs' | 'contrast_references'>>,
): Json {
  return ordered(
    {
      ...instance,
      input: inputJson(instance.input),
      references: instance.references.map(referenceJson),
      contrast_inputs: instance.contrast_inputs?.map(inputJson),
      contrast_references: instance.contrast_references?.map((refs) => refs.map(referenceJson)),
    },
    ['input', 'references', 'split', 'sub_split', 'id', 'perturbation', 'contrast_inputs', 'contrast_references', 'extra_data'],
  );
}

const REQUEST_FIELDS = [
  'model_deployment', 'model', 'embedding', 'prompt', 'temperature', 'num_completions', 'top_k_per_token', 'max_tokens',
  'stop_sequences', 'echo_prompt', 'top_p', 'presence_penalty', 'frequency_penalty', 'random', 'messages',
] as const;

/** HELM's Request JSON. */
export const requestJson = (request: Request): Json => ordered(request, REQUEST_FIELDS);

const completionJson = (c: GeneratedOutput): Json =>
  ordered({ ...c, tokens: c.tokens.map((t) => ({ text: t.text, logprob: t.logprob })) }, [
    'text', 'logprob', 'tokens', 'finish_reason', 'thinking',
  ]);

/** HELM's RequestResult JSON; `request_time` is a Python float. */
export function resultJson(result: RequestResult): Json {
  return ordered(
    {
      ...result,
      completions: result.completions.map(completionJson),
      request_time: result.request_time === undefined ? undefined : new PyFloat(result.request_time),
      batch_request_time: result.batch_request_time === undefined ? undefined : new PyFloat(result.batch_request_time),
    },
    ['success', 'embedding', 'completions', 'cached', 'request_time', 'request_datetime', 'error', 'error_flags',
      'batch_size', 'batch_request_time'],
  );
}

/** HELM's RequestState JSON (one element of scenario_state.json's `request_states`). */
export function requestStateJson(state: CompletedRequest): Json {
  return ordered(
    {
      ...state,
      instance: instanceJson(state.instance),
      request: requestJson(state.request),
      result: state.result === undefined ? undefined : resultJson(state.result),
    },
    ['instance', 'reference_index', 'request_mode', 'train_trial_index', 'output_mapping', 'request', 'result',
      'num_train_instances', 'prompt_truncated', 'num_conditioning_tokens'],
  );
}

/** HELM's PerInstanceStats JSON; its stats stay Stat objects, which helmJson and JSON.stringify both write as StatJson. */
export function perInstanceStatsJson(entry: PerInstanceStats): Json {
  return ordered(entry, ['instance_id', 'perturbation', 'train_trial_index', 'stats']);
}

/** `JSON.stringify(perInstanceStatsJson(entry))`, each stat writing its own text (`Stat.ndjsonText`). */
export function perInstanceStatsNdjson(entry: PerInstanceStats): string {
  const perturbation = entry.perturbation === undefined ? '' : `,"perturbation":${JSON.stringify(entry.perturbation)}`;
  let stats = '';
  for (const stat of entry.stats) stats += stats === '' ? stat.ndjsonText() : `,${stat.ndjsonText()}`;
  return `{"instance_id":${JSON.stringify(entry.instance_id)}${perturbation},"train_trial_index":${JSON.stringify(entry.train_trial_index)},"stats":[${stats}]}`;
}

const DATA_AUGMENTER_FIELDS = [
  'perturbation_specs', 'should_augment_train_instances', 'should_include_original_train', 'should_skip_unchanged_train',
  'should_augment_eval_instances', 'should_include_original_eval', 'should_skip_unchanged_eval', 'seeds_per_instance',
] as const;

/** HELM's RunSpec JSON (run_spec.json), every nested spec in its dataclass order. */
export function runSpecJson(runSpec: RunSpec): Json {
  return {
    name: runSpec.name,
    scenario_spec: ordered(runSpec.scenario_spec, ['class_name', 'args']),
    adapter_spec: adapterSpecJson(runSpec.adapter_spec),
    metric_specs: runSpec.metric_specs.map((spec) => ordered(spec, ['class_name', 'args'])),
    data_augmenter_spec: ordered(runSpec.data_augmenter_spec, DATA_AUGMENTER_FIELDS),
    groups: runSpec.groups,
  };
}
