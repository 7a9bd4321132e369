/**
 * @module HELM's ChatAdapter (`chat_adapter.py`): the eval instance's chat history (`input.messages`) is the
 * request, as is: no prompt, no in-context examples, no window fitting.
 */
import { UserError } from '../../../core/errors.ts';
import type { AdapterFactory } from './adapter.ts';
import { generationRequest } from './generation.ts';

/**
 * The chat method. Request: `messages = instance.input.messages` and `prompt = ""`, `num_completions =
 * num_outputs`, the spec's temperature, max_tokens, stop_sequences and random. The state has no reference
 * index, request mode or output mapping; `num_train_instances` 0 and `prompt_truncated` false whatever the
 * spec says. An instance without messages is a UserError (HELM raises ValueError).
 * @example chat(spec, windowService).requestsFor(instance, 0, [])
 */
export const chat: AdapterFactory = (spec) => ({
  requestsFor(instance, trial) {
    const messages = instance.input.messages;
    if (messages === undefined) {
      throw new UserError(
        `The chat adaptation method needs the chat history in each instance's input.messages; instance ` +
          `${instance.id} has none. Use a scenario that gives messages (wildbench, openai_mrcr) or another method ` +
          `(generation sends input.text).`,
      );
    }
    return [
      {
        instance,
        train_trial_index: trial,
        request: generationRequest(spec, { messages }),
        num_train_instances: 0,
        prompt_truncated: false,
        num_conditioning_tokens: 0,
      },
    ];
  },
});
