/**
 * @module Expanders that rewrite the prompt's fixed text: `instructions`, `prompt`, `newline`,
 * `global_prefix` (each appends `,key=value` whatever the name) and `format_prompt` (no rename).
 */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import type { ArgValue } from '../py-text.ts';
import {
  appendArgWithComma,
  lookup,
  requireString,
  unknownValueError,
  withAdapter,
  type ExpanderFactory,
  type RunExpander,
} from './expander.ts';

type AdapterChange = (spec: AdapterSpec) => Partial<AdapterSpec>;

/** An expander choosing among named adapter changes, renamed `,key=value`. */
function namedChanges(key: string, table: Readonly<Record<string, AdapterChange>>): ExpanderFactory {
  return function namedChangeFactory(value: ArgValue): RunExpander {
    const change = lookup(table, value);
    if (change === undefined) throw unknownValueError(key, value, Object.keys(table));
    const valueText = value as string;
    return function namedChange(runSpec) {
      return [withAdapter(appendArgWithComma(runSpec, key, valueText), change(runSpec.adapter_spec))];
    };
  };
}

/** `instructions=none|expert` (InstructionsRunExpander). */
export const instructionsExpander = namedChanges('instructions', {
  none: () => ({ instructions: '' }),
  expert: (spec) => ({
    instructions: 'I am an expert AI assistant who is here to help you with the following. ' + spec.instructions,
  }),
});

/** `prompt=<style>` (PromptRunExpander): input/output prefixes and suffixes. */
export const promptExpander = namedChanges('prompt', {
  human_assistant: () => ({
    input_prefix: 'Human: What is the answer to "',
    input_suffix: '"?\n',
    output_prefix: 'Assistant: The answer is "',
    output_suffix: '".\n',
    stop_sequences: ['".'],
  }),
  question_answer: () => ({ input_prefix: 'Question: ', output_prefix: 'Answer: ' }),
  qa: () => ({ input_prefix: 'Q: ', output_prefix: 'A: ' }),
  input_output_html: () => ({
    input_prefix: '<input>',
    input_suffix: '</input>\n',
    output_prefix: '<output>',
    output_suffix: '</output>\n',
  }),
  input_output: () => ({ input_prefix: 'Input: ', output_prefix: 'Output: ' }),
  i_o: () => ({ input_prefix: 'I: ', output_prefix: 'O: ' }),
});

/** `newline=semicolon|br` (NewlineRunExpander): a substitution applied to the whole final prompt. */
export const newlineExpander = namedChanges('newline', {
  semicolon: () => ({ substitutions: [{ source: '\n', target: ';\n' }] }),
  br: () => ({ substitutions: [{ source: '\n', target: '<br>\n' }] }),
});

/** `global_prefix=nlg` (GlobalPrefixRunExpander), also applied for models tagged NLG_PREFIX_TAG. */
export const globalPrefixExpander = namedChanges('global_prefix', {
  nlg: () => ({ global_prefix: '[NLG]' }),
});

/**
 * `format_prompt=<prefix>` (FormatPromptRunExpander(prefix, suffix="")): sets `input_prefix` to the value
 * and `output_prefix` to "". The name does not change.
 */
export const formatPromptExpander: ExpanderFactory = (value) => {
  const prefix = requireString('format_prompt', value);
  return function formatPrompt(runSpec) {
    return [withAdapter(runSpec, { input_prefix: prefix, output_prefix: '' })];
  };
};
