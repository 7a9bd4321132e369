/**
 * @module HELM's MultipleChoiceJointAdapter (`multiple_choice_joint_adapter.py`): every choice in one prompt,
 * the model answers with a letter.
 *
 * ```
 * <instructions>
 *
 * Question: <train input>
 * A. <reference 0>
 * B. <reference 1>
 * Answer: B
 *
 * Question: <eval input>
 * A. <reference 0>
 * B. <reference 1>
 * Answer:
 * ```
 */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import { isCorrect, type Instance } from '../../../core/instance.ts';
import { pyRstrip } from '../../../core/python-text.ts';
import { request } from '../../../core/request.ts';
import type { AdapterFactory } from './adapter.ts';
import { inContextPrompts } from './in-context-learning.ts';

/** HELM `get_prefix_char`: the first alphanumeric (`str.isalnum`) character of a prefix. */
const prefixChar = (prefix: string): string | undefined => /[\p{L}\p{N}]/u.exec(prefix)?.[0];

/**
 * HELM `get_reference_prefix(prefix, i)`: the prefix's first alphanumeric character c becomes
 * `reference_prefix_characters[i]` (when that list is non-empty) or `chr(ord(c) + i)`, replaced by
 * `str.replace`, i.e. at EVERY occurrence: "A. " → "C. " for i = 2, "A) A" → "C) C".
 */
export function referencePrefix(spec: AdapterSpec, prefix: string, i: number): string {
  const old = prefixChar(prefix)!;
  const characters = spec.reference_prefix_characters ?? [];
  if (characters.length > 0 && i >= characters.length) {
    throw new UserError(
      `reference_prefix_characters has ${characters.length} entries but an instance has a reference #${i + 1}: ` +
        `HELM 0.5.16 fails here with IndexError. Give one character per choice.`,
    );
  }
  return prefix.replaceAll(old, characters.length > 0 ? characters[i]! : String.fromCodePoint(old.codePointAt(0)! + i));
}

/** HELM `construct_example_prompt`: input, one line per reference, then the gold letter(s) or the bare output prefix. */
function block(spec: AdapterSpec, letter: string, instance: Instance, includeOutput: boolean): string {
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

/**
 * The multiple_choice_joint method. Request: `num_completions=1`, `top_k_per_token=num_outputs`, the spec's
 * temperature, max_tokens and random, and `stop_sequences=[]` (HELM ignores the spec's). The output mapping
 * takes each answer letter to its reference text.
 * @example multipleChoiceJoint(spec, windowService).requestsFor(instance, 0, examples)
 */
export const multipleChoiceJoint: AdapterFactory = (spec, windowService) => {
  const letter = prefixChar(spec.reference_prefix);
  if (letter === undefined) {
    throw new UserError(
      `multiple_choice_joint needs a letter or digit in reference_prefix to number the choices with ` +
        `(default "A. "), got ${JSON.stringify(spec.reference_prefix)}.`,
    );
  }
  const promptFor = inContextPrompts(spec, windowService, (instance, includeOutput) =>
    block(spec, letter, instance, includeOutput),
  );
  return {
    requestsFor(instance, trial, examples) {
      const prompt = promptFor(instance, examples);
      const outputMapping = Object.fromEntries(
        instance.references.map((ref, i) => [referencePrefix(spec, letter, i), ref.output.text]),
      );
      return [
        {
          instance,
          train_trial_index: trial,
          output_mapping: outputMapping,
          request: request({
            model_deployment: spec.model_deployment,
            model: spec.model,
            prompt: prompt.text,
            temperature: spec.temperature,
            num_completions: 1,
            top_k_per_token: spec.num_outputs,
            max_tokens: spec.max_tokens,
            stop_sequences: [],
            ...(spec.random === undefined ? {} : { random: spec.random }),
          }),
          num_train_instances: prompt.numTrainInstances,
          prompt_truncated: prompt.isTruncated,
          num_conditioning_tokens: 0,
        },
      ];
    },
  };
};
