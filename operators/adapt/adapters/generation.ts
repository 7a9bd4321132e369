/**
 * @module HELM's GenerationAdapter: one request per eval instance, the prompt ending in the output prefix.
 *
 * ```
 * Input: <train input>\nOutput: <correct reference>\n
 * \n
 * Input: <eval input>\nOutput:
 * ```
 */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import { isCorrect, type Instance } from '../../../core/instance.ts';
import { request, type Request } from '../../../core/request.ts';
import { pyRstrip } from '../prompt.ts';
import type { Adapter } from './adapter.ts';

/** HELM `construct_output` without a reference index: the first correct reference, or all with multi_label. */
function goldOutput(spec: AdapterSpec, instance: Instance): string {
  const correct = instance.references.filter(isCorrect);
  if (correct.length === 0) return 'n/a';
  return spec.multi_label ? correct.map((ref) => ref.output.text).join(', ') : correct[0]!.output.text;
}

/** HELM `construct_example_prompt` of the base in-context-learning adapter. */
export function exampleBlock(spec: AdapterSpec, instance: Instance, includeOutput: boolean): string {
  const head = spec.input_prefix + instance.input.text + spec.input_suffix;
  return includeOutput
    ? head + spec.output_prefix + goldOutput(spec, instance) + spec.output_suffix
    : head + pyRstrip(spec.output_prefix);
}

export const generation: Adapter = {
  trainBlock: (spec, instance) => exampleBlock(spec, instance, true),
  evalBlock: (spec, instance) => exampleBlock(spec, instance, false),
  request: (spec, prompt): Request =>
    request({
      model: spec.model,
      model_deployment: spec.model_deployment,
      prompt,
      num_completions: spec.num_outputs,
      temperature: spec.temperature,
      max_tokens: spec.max_tokens,
      stop_sequences: spec.stop_sequences,
      ...(spec.random === undefined ? {} : { random: spec.random }),
    }),
};
