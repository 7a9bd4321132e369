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
export const prefixChar = (prefix: string): string | undefined => /[\p{L}\p{N}]/u.exec(prefix)?.[0];

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

/** The start of HELM's joint example block: `input_prefix + input + input_suffix`, then one line per choice. */
export function questionWithChoices(spec: AdapterSpec, instance: Instance): string {
  let text = spec.input_prefix + instance.input.text + spec.input_suffix;
  instance.references.forEach((ref, i) => {
    text += referencePrefix(spec, spec.reference_prefix, i) + ref.output.text + spec.reference_suffix;
  });
  return text;
}

/**
 * The gold answer of a joint example block: `referencePrefix(spec, label, i)` of the first correct reference i,
 * of every correct one joined by ", " under multi_label, or "n/a". `label` is the prefix's letter (joint) or the
 * whole reference_prefix (chain of thought: "(B) ").
 */
export function goldLabels(spec: AdapterSpec, instance: Instance, label: string): string {
  const correct = instance.references.flatMap((ref, i) => (isCorrect(ref) ? [i] : []));
  if (correct.length === 0) return 'n/a';
  const shown = spec.multi_label ? correct : correct.slice(0, 1);
  return shown.map((i) => referencePrefix(spec, label, i)).join(', ');
}

/** HELM `construct_example_prompt`: input, one line per reference, then the gold letter(s) or the bare output prefix. */
function block(spec: AdapterSpec, letter: string, instance: Instance, includeOutput: boolean): string {
  const text = questionWithChoices(spec, instance);
  return includeOutput
    ? text + spec.output_prefix + goldLabels(spec, instance, letter) + spec.output_suffix
    : text + pyRstrip(spec.output_prefix);
}

/** A joint method's example block; `letter` is the first alphanumeric character of reference_prefix. */
export type JointBlock = (spec: AdapterSpec, letter: string, instance: Instance, includeOutput: boolean) => string;

/**
 * The adapter of a joint method (HELM `MultipleChoiceJointAdapter.generate_requests`, which the chain-of-thought
 * adapter inherits) around its example block. Request: `num_completions=1`, `top_k_per_token=num_outputs`, the
 * spec's temperature, max_tokens and random, and `stop_sequences=[]` (HELM ignores the spec's). The output
 * mapping takes each answer letter to its reference text.
 */
export function jointAdapter(method: string, exampleBlock: JointBlock): AdapterFactory {
  return (spec, windowService) => {
    const letter = prefixChar(spec.reference_prefix);
    if (letter === undefined) {
      throw new UserError(
        `${method} needs a letter or digit in reference_prefix to number the choices with ` +
          `(default "A. "), got ${JSON.stringify(spec.reference_prefix)}.`,
      );
    }
    const promptFor = inContextPrompts(spec, windowService, (instance, includeOutput) =>
      exampleBlock(spec, letter, instance, includeOutput),
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
}

/**
 * The multiple_choice_joint method (see `jointAdapter` for the request).
 * @example multipleChoiceJoint(spec, windowService).requestsFor(instance, 0, examples)
 */
export const multipleChoiceJoint: AdapterFactory = jointAdapter('multiple_choice_joint', block);
