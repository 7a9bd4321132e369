/**
 * @module HELM's MultipleChoiceSeparateAdapter and MultipleChoiceCalibratedAdapter
 * (`multiple_choice_separate_adapter.py`, `multiple_choice_calibrated_adapter.py`): each choice is scored on its
 * own by the likelihood of the prompt that ends with it, read back from an echo request.
 *
 * ```
 * original, choice i:     <examples> <input_prefix><input><input_suffix><output_prefix><reference i><output_suffix>
 * calibration, choice i:  <input_prefix>Answer:<input_suffix><output_prefix><reference i><output_suffix>
 * ```
 * BasicReferenceMetric scores them (logprob per token, or original − calibration).
 */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import type { Instance } from '../../../core/instance.ts';
import { request, type PendingRequest, type RequestMode } from '../../../core/request.ts';
import type { FittedPrompt } from '../fit-window.ts';
import type { AdapterFactory } from './adapter.ts';
import { exampleBlock, inContextPrompts } from './in-context-learning.ts';

/** HELM's calibration prompt has no in-context examples. */
const NO_EXAMPLES: readonly Instance[] = [];

/** HELM `construct_request_state`: an echo request of the prompt, nothing generated (max_tokens 0, temperature 0). */
function referenceState(
  spec: AdapterSpec,
  prompt: FittedPrompt,
  instance: Instance,
  referenceIndex: number,
  trial: number,
  mode: RequestMode,
): PendingRequest {
  return {
    instance,
    reference_index: referenceIndex,
    request_mode: mode,
    train_trial_index: trial,
    request: request({
      model_deployment: spec.model_deployment,
      model: spec.model,
      prompt: prompt.text,
      temperature: 0,
      num_completions: 1,
      max_tokens: 0,
      stop_sequences: [],
      echo_prompt: true,
    }),
    num_train_instances: prompt.numTrainInstances,
    prompt_truncated: prompt.isTruncated,
    num_conditioning_tokens: 0,
  };
}

/** Both separate methods; `isCalibrated` adds, after each choice's request, its calibration request. */
function separate(isCalibrated: boolean): AdapterFactory {
  return (spec, windowService) => {
    const block = (instance: Instance, includeOutput: boolean, referenceIndex?: number): string =>
      exampleBlock(spec, instance, includeOutput, referenceIndex);
    const promptFor = inContextPrompts(spec, windowService, block);
    return {
      requestsFor(instance, trial, examples) {
        const calibrationInstance: Instance = { ...instance, input: { text: 'Answer:' } };
        return instance.references.flatMap((_, i) => {
          const original = promptFor(instance, examples, block(instance, true, i));
          const states = [referenceState(spec, original, instance, i, trial, 'original')];
          if (isCalibrated) {
            const calibration = promptFor(calibrationInstance, NO_EXAMPLES, block(calibrationInstance, true, i));
            states.push(referenceState(spec, calibration, instance, i, trial, 'calibration'));
          }
          return states;
        });
      },
    };
  };
}

/**
 * multiple_choice_separate_original: one request per reference, scored by its logprob per token.
 * @example multipleChoiceSeparateOriginal(spec, windowService).requestsFor(instance, 0, examples)
 */
export const multipleChoiceSeparateOriginal: AdapterFactory = separate(false);

/**
 * multiple_choice_separate_calibrated: per reference an original request and a calibration request (input
 * "Answer:", no examples), in that order; scored by logprob(original) − logprob(calibration).
 * @example multipleChoiceSeparateCalibrated(spec, windowService).requestsFor(instance, 0, examples)
 */
export const multipleChoiceSeparateCalibrated: AdapterFactory = separate(true);
