/**
 * @module HELM's MultipleChoiceJointAdapter: all choices in one prompt, the model answers with a letter.
 *
 * ```
 * Question: <train input>\nA. <ref 0>\nB. <ref 1>\nAnswer: B\n
 * \n
 * Question: <eval input>\nA. <ref 0>\nB. <ref 1>\nAnswer:
 * ```
 */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import { isCorrect, type Instance } from '../../../core/instance.ts';
import { request, type Request } from '../../../core/request.ts';
import { pyRstrip } from '../prompt.ts';
import type { Adapter } from './adapter.ts';

/** HELM `get_prefix_char`: the first alphanumeric character of the reference prefix. */
function prefixChar(prefix: string): string {
  const found = /[\p{L}\p{N}]/u.exec(prefix);
  if (found === null) throw new UserError(`reference_prefix '${prefix}' has no alphanumeric character to number choices with.`);
  return found[0];
}

/** HELM `get_reference_prefix`: "A. " → "C. " for i = 2 (every occurrence of the letter is replaced). */
export function referencePrefix(spec: AdapterSpec, prefix: string, i: number): string {
  const letter = prefixChar(spec.reference_prefix);
  const ownLetter = prefixChar(prefix);
  const replacement = spec.reference_prefix_characters?.[i] ?? String.fromCodePoint(letter.codePointAt(0)! + i);
  return prefix.replaceAll(ownLetter, replacement);
}

function block(spec: AdapterSpec, instance: Instance, includeOutput: boolean): string {
  const letter = prefixChar(spec.reference_prefix);
  let text = spec.input_prefix + instance.input.text + spec.input_suffix;
  let output = 'n/a';
  instance.references.forEach((ref, i) => {
    text += referencePrefix(spec, spec.reference_prefix, i) + ref.output.text + spec.reference_suffix;
    if (!isCorrect(ref)) return;
    if (output === 'n/a') output = referencePrefix(spec, letter, i);
    else if (spec.multi_label) output += ', ' + referencePrefix(spec, letter, i);
  });
  return includeOutput ? text + spec.output_prefix + output + spec.output_suffix : text + pyRstrip(spec.output_prefix);
}

export const multipleChoiceJoint: Adapter = {
  trainBlock: (spec, instance) => block(spec, instance, true),
  evalBlock: (spec, instance) => block(spec, instance, false),
  // HELM ignores the spec's stop sequences here and asks for num_outputs top tokens of one completion.
  request: (spec, prompt): Request =>
    request({
      model: spec.model,
      model_deployment: spec.model_deployment,
      prompt,
      num_completions: 1,
      top_k_per_token: spec.num_outputs,
      temperature: spec.temperature,
      max_tokens: spec.max_tokens,
      stop_sequences: [],
      ...(spec.random === undefined ? {} : { random: spec.random }),
    }),
  outputMapping: (spec, instance) => {
    const letter = prefixChar(spec.reference_prefix);
    return Object.fromEntries(instance.references.map((ref, i) => [referencePrefix(spec, letter, i), ref.output.text]));
  },
};
