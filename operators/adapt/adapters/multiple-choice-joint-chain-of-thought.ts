/**
 * @module HELM's MultipleChoiceJointChainOfThoughtAdapter (`multiple_choice_joint_chain_of_thought_adapter.py`):
 * the joint prompt, where each example's answer comes after its written reasoning.
 *
 * ```
 * <instructions>
 *
 * Question: <train input>
 * (A) <reference 0>
 * (B) <reference 1>
 * <chain_of_thought_prefix><extra_data.chain_of_thought><chain_of_thought_suffix>(B) <output_suffix>
 *
 * Question: <eval input>
 * (A) <reference 0>
 * (B) <reference 1>
 * <output_prefix, rstripped>
 * ```
 */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import type { Instance } from '../../../core/instance.ts';
import { pyRstrip } from '../../../core/python-text.ts';
import type { AdapterFactory } from './adapter.ts';
import { goldLabels, jointAdapter, questionWithChoices } from './multiple-choice-joint.ts';

/** HELM: `extra_data.get("chain_of_thought", "")` when extra_data is non-empty, else "". */
function chainOfThought(instance: Instance): string {
  const thought = instance.extra_data?.['chain_of_thought'];
  if (thought === undefined) return '';
  if (typeof thought !== 'string') {
    throw new UserError(
      `Instance ${instance.id}: extra_data.chain_of_thought must be a string (the reasoning shown before the ` +
        `answer), got ${JSON.stringify(thought)}.`,
    );
  }
  return thought;
}

/**
 * HELM's chain-of-thought `construct_example_prompt`. Unlike the joint block, the gold answer is the WHOLE
 * reference_prefix of each correct choice ("(B) ", "C. "), and a train example's output is
 * `output_prefix + chain_of_thought_prefix + reasoning + chain_of_thought_suffix + answer + output_suffix`.
 */
function block(spec: AdapterSpec, _letter: string, instance: Instance, includeOutput: boolean): string {
  const text = questionWithChoices(spec, instance);
  if (!includeOutput) return text + pyRstrip(spec.output_prefix);
  const reasoning = spec.chain_of_thought_prefix + chainOfThought(instance) + spec.chain_of_thought_suffix;
  return text + spec.output_prefix + reasoning + goldLabels(spec, instance, spec.reference_prefix) + spec.output_suffix;
}

/**
 * The multiple_choice_joint_chain_of_thought method. The request and output mapping are the joint method's
 * (HELM inherits them): one completion, `top_k_per_token=num_outputs`, `stop_sequences=[]`, letters → texts.
 * @example multipleChoiceJointChainOfThought(spec, windowService).requestsFor(instance, 0, examples)
 */
export const multipleChoiceJointChainOfThought: AdapterFactory = jointAdapter(
  'multiple_choice_joint_chain_of_thought',
  block,
);
