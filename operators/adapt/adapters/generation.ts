/**
 * @module HELM's GenerationAdapter (`generation_adapter.py`): one request per eval instance; the model writes
 * the output after the output prefix.
 *
 * ```
 * <instructions>
 *
 * Input: <train input>
 * Output: <first correct reference>
 *
 * Input: <eval input>
 * Output:
 * ```
 */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import { request, type Request } from '../../../core/request.ts';
import type { AdapterFactory } from './adapter.ts';
import { exampleBlock, inContextPrompts } from './in-context-learning.ts';

/**
 * The request of the generation-like methods (generation, ranking_binary, chat): the spec's sampling settings,
 * `num_completions = num_outputs`, the spec's stop sequences and `random`, and the prompt or the chat messages.
 * JSON key order is Request's, with `random` then `messages` last, as HELM writes them.
 */
export function generationRequest(spec: AdapterSpec, input: { readonly prompt: string } | { readonly messages: NonNullable<Request['messages']> }): Request {
  return request({
    model_deployment: spec.model_deployment,
    model: spec.model,
    ...('prompt' in input ? { prompt: input.prompt } : {}),
    temperature: spec.temperature,
    num_completions: spec.num_outputs,
    max_tokens: spec.max_tokens,
    stop_sequences: spec.stop_sequences,
    ...(spec.random === undefined ? {} : { random: spec.random }),
    ...('messages' in input ? { messages: input.messages } : {}),
  });
}

/**
 * The generation method. Request: `num_completions = num_outputs`, the spec's temperature, max_tokens,
 * stop_sequences and random; other fields keep Request's defaults (top_k_per_token 1).
 * @example generation(spec, windowService).requestsFor(instance, 0, examples)
 */
export const generation: AdapterFactory = (spec, windowService) => {
  const promptFor = inContextPrompts(spec, windowService, (instance, includeOutput) =>
    exampleBlock(spec, instance, includeOutput),
  );
  return {
    requestsFor(instance, trial, examples) {
      const prompt = promptFor(instance, examples);
      return [
        {
          instance,
          train_trial_index: trial,
          request: generationRequest(spec, { prompt: prompt.text }),
          num_train_instances: prompt.numTrainInstances,
          prompt_truncated: prompt.isTruncated,
          num_conditioning_tokens: 0,
        },
      ];
    },
  };
};
