/**
 * @module Every run expander a description can name (HELM `RUN_EXPANDERS`), keyed by HELM's exact key,
 * in HELM's class order. A description arg whose key is here is an expander, never a run-spec function
 * argument, even where the function has a parameter of that name.
 */
import { chatmlExpander } from './chatml.ts';
import { dataAugmentationExpander } from './data-augmentation.ts';
import {
  increaseMaxTokensExpander,
  increaseTemperatureExpander,
  numOutputTokensExpander,
  temperatureExpander,
} from './decoding.ts';
import { evalSplitExpander } from './eval-split.ts';
import type { ExpanderFactory } from './expander.ts';
import { followFormatInstructionsExpander } from './follow-format-instructions.ts';
import { modelExpander } from './model.ts';
import { outputFormatInstructionsExpander } from './output-format-instructions.ts';
import { processOutputExpander } from './process-output.ts';
import {
  formatPromptExpander,
  globalPrefixExpander,
  instructionsExpander,
  newlineExpander,
  promptExpander,
} from './prompt-text.ts';
import { modelDeploymentExpander, replaceIntValue } from './replace-value.ts';
import { numPromptTokensExpander, tokenizerExpander } from './scenario-args.ts';
import { addToStopExpander, stopExpander } from './stop.ts';

export const RUN_EXPANDERS = {
  instructions: instructionsExpander,
  prompt: promptExpander,
  newline: newlineExpander,
  stop: stopExpander,
  format_prompt: formatPromptExpander,
  follow_format_instructions: followFormatInstructionsExpander,
  add_to_stop: addToStopExpander,
  global_prefix: globalPrefixExpander,
  num_train_trials: replaceIntValue('num_train_trials'),
  max_train_instances: replaceIntValue('max_train_instances'),
  max_eval_instances: replaceIntValue('max_eval_instances'),
  num_outputs: replaceIntValue('num_outputs'),
  num_trials: replaceIntValue('num_trials'),
  model: modelExpander,
  model_deployment: modelDeploymentExpander,
  data_augmentation: dataAugmentationExpander,
  tokenizer: tokenizerExpander,
  num_prompt_tokens: numPromptTokensExpander,
  num_output_tokens: numOutputTokensExpander,
  chatml: chatmlExpander,
  eval_split: evalSplitExpander,
  output_format_instructions: outputFormatInstructionsExpander,
  temperature: temperatureExpander,
  increase_temperature: increaseTemperatureExpander,
  increase_max_tokens: increaseMaxTokensExpander,
  process_output: processOutputExpander,
} as const satisfies Record<string, ExpanderFactory>;

/** A key that names a run expander in a description. */
export type ExpanderName = keyof typeof RUN_EXPANDERS;

/** Whether a description key is a run expander (own keys only). */
export const isExpanderName = (key: string): key is ExpanderName => Object.hasOwn(RUN_EXPANDERS, key);
