/**
 * @module ChatML prompts (ChatMLRunExpander), applied to models tagged CHATML_MODEL_TAG. The name does
 * not change.
 *
 *   <|im_start|>system
 *   {instructions}<|im_end|>
 *   <|im_start|>user
 *   {input}<|im_end|>
 *   <|im_start|>assistant
 *   {output_prefix}{output}<|im_end|>
 *   <|im_start|>user
 */
import { UserError } from '../../../core/errors.ts';
import { withAdapter, type ExpanderFactory, type RunExpander } from './expander.ts';

const END_USER_START_ASSISTANT = '<|im_end|>\n<|im_start|>assistant\n';

/** The ChatML rewrite; msmarco and the summarization scenarios place the turn break inside their output prefix. */
export const chatml: RunExpander = function chatml(runSpec) {
  const adapter = runSpec.adapter_spec;
  const scenarioName = runSpec.name.split(':')[0];
  let outputPrefix: string;
  if (scenarioName === 'msmarco') {
    // "Does the passage answer the query?\nAnswer: " → question, turn break, "Answer: "
    const lines = adapter.output_prefix.split('\n');
    outputPrefix = `${lines[0]}${END_USER_START_ASSISTANT}${lines[1] ?? ''}`;
  } else if (scenarioName === 'summarization_cnndm' || scenarioName === 'summarization_xsum') {
    outputPrefix = adapter.output_prefix + END_USER_START_ASSISTANT;
  } else {
    outputPrefix = END_USER_START_ASSISTANT + adapter.output_prefix;
  }
  return [
    withAdapter(runSpec, {
      // A hack of HELM's, kept: `<|im_start|>user` goes before the first example through the instructions.
      instructions:
        adapter.instructions !== ''
          ? `<|im_start|>system\n${adapter.instructions}<|im_end|>\n<|im_start|>user\n`
          : '<|im_start|>user\n',
      instance_prefix: '',
      output_prefix: outputPrefix,
      output_suffix: '<|im_end|>\n<|im_start|>user\n',
      stop_sequences: [...adapter.stop_sequences, '<|im_end|>'],
    }),
  ];
};

/**
 * `chatml=<x>` in a run entry. HELM lists `chatml` among the run expanders but its constructor takes no
 * value, so any description with it crashes with a TypeError; we say why instead.
 */
export const chatmlExpander: ExpanderFactory = () => {
  throw new UserError(
    'chatml cannot be set in a run entry: HELM applies the ChatML prompt format automatically to models ' +
      'tagged CHATML_MODEL_TAG in model_metadata.yaml. Remove chatml=… and tag the model instead.',
  );
};
