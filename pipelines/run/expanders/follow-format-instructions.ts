/**
 * @module `follow_format_instructions=all|instruct` (FollowFormatInstructionsRunExpander): tells
 * instruction-following models to copy the format of the in-context examples, through the global prefix
 * and suffix (not the instructions, despite the name). Generation runs only. The name does not change.
 */
import { UserError } from '../../../core/errors.ts';
import { pyStrip } from '../../../core/python-text.ts';
import { INSTRUCTION_FOLLOWING_MODEL_TAG } from '../model-tags.ts';
import { unknownValueError, withAdapter, type ExpanderFactory } from './expander.ts';

/** HELM `IN_CONTEXT_LEARNING_INSTRUCTIONS_PREFIX`. */
export const ICL_INSTRUCTIONS_PREFIX =
  'Here are some input-output examples. ' +
  'Read the examples carefully to figure out the mapping. ' +
  'The output of the last example is not given, ' +
  'and your job is to figure out what it is.';

/** HELM `IN_CONTEXT_LEARNING_INSTRUCTIONS_SUFFIX`. */
export const ICL_INSTRUCTIONS_SUFFIX =
  'Please provide the output to this last example. ' + 'It is critical to follow the format of the preceding outputs!';

/** `all`: every model; `instruct`: only models tagged INSTRUCTION_FOLLOWING_MODEL_TAG. */
export const followFormatInstructionsExpander: ExpanderFactory = (value, { registry }) => {
  if (value !== 'all' && value !== 'instruct') throw unknownValueError('follow_format_instructions', value, ['all', 'instruct']);
  return function followFormatInstructions(runSpec) {
    const adapter = runSpec.adapter_spec;
    if (adapter.method !== 'generation') {
      throw new UserError(
        `follow_format_instructions only supports the generation adaptation method; ${runSpec.name} uses ` +
          `${adapter.method || 'no method'}.`,
      );
    }
    if (value === 'instruct') {
      // HELM reads the model's metadata here, during expansion, so `model=` must come earlier in the entry.
      if (adapter.model === '') {
        throw new UserError(
          `follow_format_instructions=instruct in ${runSpec.name} needs the model first: put model=… before it in the run entry.`,
        );
      }
      const metadata = registry.model(adapter.model);
      if (metadata === undefined) {
        throw new UserError(`No model metadata for model '${adapter.model}' (needed by follow_format_instructions=instruct).`);
      }
      if (!metadata.tags.includes(INSTRUCTION_FOLLOWING_MODEL_TAG)) return [runSpec];
    }
    return [
      withAdapter(runSpec, {
        global_prefix: ICL_INSTRUCTIONS_PREFIX + '\n\n',
        global_suffix: '\n\n' + ICL_INSTRUCTIONS_SUFFIX + '\n' + pyStrip(adapter.output_prefix),
      }),
    ];
  };
};
