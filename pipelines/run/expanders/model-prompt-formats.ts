/**
 * @module Prompt formats HELM applies by model tag only (no description key): Anthropic Claude 1/2 and 3,
 * IDEFICS instruct, LLaVA, OpenFlamingo. None changes the run name.
 */
import { pyStrip } from '../../../core/python-text.ts';
import { withAdapter, type RunExpander } from './expander.ts';
import { ICL_INSTRUCTIONS_PREFIX, ICL_INSTRUCTIONS_SUFFIX } from './follow-format-instructions.ts';

const HUMAN_PROMPT = '\n\nHuman:';
const AI_PROMPT = '\n\nAssistant:';

/** AnthropicClaude2RunExpander (Claude 1 and 2): the Human/Assistant turns the API requires, with format instructions. */
export const anthropicClaude2: RunExpander = (runSpec) => [
  withAdapter(runSpec, {
    global_prefix: HUMAN_PROMPT + ' ' + ICL_INSTRUCTIONS_PREFIX + '\n\n',
    global_suffix: '\n\n' + ICL_INSTRUCTIONS_SUFFIX + AI_PROMPT + ' ' + pyStrip(runSpec.adapter_spec.output_prefix),
  }),
];

/** AnthropicClaude3RunExpander: drops stop sequences that are only whitespace (the API rejects them). */
export const anthropicClaude3: RunExpander = (runSpec) => [
  withAdapter(runSpec, { stop_sequences: runSpec.adapter_spec.stop_sequences.filter((s) => pyStrip(s) !== '') }),
];

/** IDEFICSInstructRunExpander. */
export const idefics: RunExpander = (runSpec) => [
  withAdapter(runSpec, {
    input_prefix: 'User: ',
    input_suffix: '<end_of_utterance>',
    output_prefix: '\nAssistant: ',
    output_suffix: '<end_of_utterance>',
    stop_sequences: ['<end_of_utterance>'],
  }),
];

/** LlavaRunExpander. */
export const llava: RunExpander = (runSpec) => [
  withAdapter(runSpec, { input_prefix: 'USER: <image>', input_suffix: '', output_prefix: '\nASSISTANT: ', output_suffix: '' }),
];

/** OpenFlamingoRunExpander. */
export const openFlamingo: RunExpander = (runSpec) => [
  withAdapter(runSpec, { input_prefix: `<|endofchunk|>${runSpec.adapter_spec.input_prefix}` }),
];
