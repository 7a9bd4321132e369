/**
 * @module The `adapter` list of `schema.json`: every AdapterSpec field that HELM documents, in the order of HELM's
 * `adaptation/adapter_spec.py` (HELM reads them from the docstrings there; the descriptions here are our own).
 */
import type { SchemaField } from './helm-schema-types.ts';

const FIELDS: readonly (readonly [string, string])[] = [
  ['method', 'How instances become prompts: generation, multiple choice (joint or one request per choice), language modeling, ...'],
  ['global_prefix', 'Text put before the whole prompt.'],
  ['global_suffix', 'Text put after the whole prompt.'],
  ['instructions', 'The task description at the very start of the prompt.'],
  ['input_prefix', "Text put before each input (such as 'Question:')."],
  ['input_suffix', "Text put after each input (such as '\\n')."],
  ['reference_prefix', 'Text put before each answer choice of a multiple-choice question.'],
  [
    'reference_prefix_characters',
    'The labels of the answer choices of a multiple-choice question (such as ["A", "B", "C", "D"]); when unset, ' +
      'consecutive characters from the first character of reference_prefix on.',
  ],
  ['reference_suffix', 'Text put after each answer choice of a multiple-choice question.'],
  ['chain_of_thought_prefix', "Text put before each chain of thought (such as 'Let's think step by step')."],
  ['chain_of_thought_suffix', "Text put after each chain of thought (such as 'The correct answer is')."],
  ['output_prefix', "Text put before the answer, the correct one or the model's (such as 'Answer:')."],
  ['output_suffix', "Text put after the answer, the correct one or the model's (such as '\\n')."],
  ['instance_prefix', "Text put before each instance (such as '\\n\\n')."],
  ['substitutions', "Regular-expression replacements applied to the finished prompt (such as '\\n' by ';\\n')."],
  ['max_train_instances', 'The most in-context (training) examples put in a prompt (drawn at random).'],
  ['max_eval_instances', 'The most instances evaluated, over all splits together.'],
  ['num_outputs', 'The most outputs asked for per request (sampled).'],
  ['num_train_trials', 'How many times the whole evaluation is repeated with a new random draw of in-context examples, to measure variance.'],
  ['num_trials', 'How many times the same requests are sent with different random seeds.'],
  ['sample_train', 'Whether in-context examples are drawn at random (true) or taken in a row (false).'],
  ['model_deployment', 'The deployment that serves the requests (<host organization>/<model name>).'],
  ['model', 'The model that answers the requests (<creator organization>/<model name>).'],
  ['temperature', 'The sampling temperature.'],
  ['max_tokens', 'The most tokens generated per output.'],
  ['stop_sequences', 'Sequences at which generation stops.'],
  ['random', 'A random seed (a string), so that answers can be reproduced.'],
  [
    'multi_label',
    'Whether, for an instance with several correct references, the answer must be all of them (true) or any one (false).',
  ],
  ['image_generation_parameters', 'Settings of image generation.'],
  ['reeval_parameters', 'Settings of reeval (adaptive) evaluation.'],
  ['eval_splits', 'The splits that evaluation instances are drawn from.'],
  [
    'output_mapping_pattern',
    "For joint multiple choice, a regular expression applied to the output before it is mapped to a choice: the " +
      'output mapping then applies to the first match, or to its first group when the pattern has a group.',
  ],
];

/** HELM's `get_adapter_fields()`: name and description of each documented AdapterSpec field, in HELM's order. */
export const ADAPTER_FIELDS: readonly SchemaField[] = FIELDS.map(([name, description]) => ({ name, description }));
