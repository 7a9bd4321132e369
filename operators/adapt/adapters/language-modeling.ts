/**
 * @module HELM's LanguageModelingAdapter (`language_modeling_adapter.py`): a document is cut into token windows,
 * each an echo request whose prompt tokens the model scores; references and in-context examples are not used.
 *
 * ```
 * window 1:   <prefix token> t[0 .. max_sequence_length)                         conditioning: the prefix token
 * window k:   t[end − max_request_length .. predicted) t[predicted .. end)          conditioning: the first part
 * ```
 * where each later window predicts up to `max_request_length − 1` new tokens.
 */
import type { AdapterSpec } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import type { Instance } from '../../../core/instance.ts';
import { request, type PendingRequest } from '../../../core/request.ts';
import type { WindowService, WindowToken } from '../../../core/window-service.ts';
import type { AdapterFactory } from './adapter.ts';

const stripReplacement = {
  both: (text: string): string => text.replace(/^\uFFFD+|\uFFFD+$/gu, ''),
  start: (text: string): string => text.replace(/^\uFFFD+/u, ''),
  end: (text: string): string => text.replace(/\uFFFD+$/u, ''),
};

/** A window's prompt and how many of its tokens only condition (are not scored). */
interface WindowPrompt {
  readonly text: string;
  readonly numConditioningTokens: number;
}

/**
 * HELM `fits_tokens_within_context_window`: decode the tokens; while the text re-encodes to more than
 * `maxRequestLength` tokens, drop the overflow from the end of the predicted tokens.
 */
function fitWindow(
  windowService: WindowService,
  conditioning: readonly WindowToken[],
  predicted: readonly WindowToken[],
  maxRequestLength: number,
): { text: string; predicted: readonly WindowToken[] } {
  let text = windowService.decode([...conditioning, ...predicted]);
  let length = windowService.encode(text).length;
  while (length > maxRequestLength) {
    predicted = predicted.slice(0, -(length - maxRequestLength));
    text = windowService.decode([...conditioning, ...predicted]);
    length = windowService.encode(text).length;
    if (predicted.length === 0) {
      throw new UserError(
        `language_modeling: a window of ${maxRequestLength} tokens cannot hold any token of the document after ` +
          `decoding and encoding it again with tokenizer '${windowService.tokenizerName}' (HELM 0.5.16 stops with ` +
          'ValueError here too). The text holds characters this tokenizer inflates; use a model with another tokenizer.',
      );
    }
  }
  return { text, predicted };
}

/**
 * HELM `construct_language_modeling_prompt`: the fitted text without leading and trailing U+FFFD (the halves of
 * a character split across windows), and the conditioning count recounted when some were stripped.
 */
function windowPrompt(
  windowService: WindowService,
  conditioning: readonly WindowToken[],
  predictedTokens: readonly WindowToken[],
  maxRequestLength: number,
): WindowPrompt {
  const { text: raw, predicted } = fitWindow(windowService, conditioning, predictedTokens, maxRequestLength);
  const text = stripReplacement.both(raw);
  if (text.length === raw.length) return { text, numConditioningTokens: conditioning.length };
  const leadingByteTokens = maxRequestLength - windowService.encode(stripReplacement.start(raw)).length;
  const trailingByteTokens = maxRequestLength - windowService.encode(stripReplacement.end(raw)).length;
  if (trailingByteTokens >= predicted.length) return { text, numConditioningTokens: windowService.encode(text).length };
  if (leadingByteTokens >= conditioning.length) return { text, numConditioningTokens: 1 };
  return { text, numConditioningTokens: conditioning.length - leadingByteTokens };
}

/** One window's request state: an echo request scored from its (num_conditioning_tokens + 1)-th token on. */
function windowState(spec: AdapterSpec, instance: Instance, text: string, numConditioningTokens: number, isFirst: boolean): PendingRequest {
  return {
    instance,
    train_trial_index: 0,
    request: request({
      model_deployment: spec.model_deployment,
      model: spec.model,
      prompt: text,
      temperature: 0,
      num_completions: 1,
      max_tokens: spec.max_tokens,
      stop_sequences: spec.stop_sequences,
      echo_prompt: true,
      // HELM passes the spec's `random` to the first window only.
      ...(isFirst && spec.random !== undefined ? { random: spec.random } : {}),
    }),
    num_train_instances: spec.max_train_instances,
    prompt_truncated: false,
    num_conditioning_tokens: numConditioningTokens,
  };
}

/**
 * The language_modeling method. The first window is the prefix token and the document's first
 * `max_sequence_length` tokens (num_conditioning_tokens 1 when the tokenizer has a prefix token, else 0); as in
 * HELM, it counts as `min(max_sequence_length, n)` predicted tokens even when fitting dropped some of them.
 * Each request holds at most `min(max_request_length, max_sequence_and_generated_tokens_length − max_tokens)`
 * tokens. `train_trial_index` is always 0 and `num_train_instances` is the spec's max_train_instances.
 * @example languageModeling(spec, windowService).requestsFor(instance, 0, [])
 */
export const languageModeling: AdapterFactory = (spec, windowService) => {
  const maxRequestLength = Math.min(windowService.maxRequestLength, windowService.maxSequenceAndGeneratedTokensLength - spec.max_tokens);
  const prefixToken = windowService.prefixToken;
  const prefixTokens = windowService.encode(prefixToken);
  return {
    adaptsOnce: true,
    requestsFor(instance) {
      const tokens = windowService.encode(instance.input.text);
      const firstLength = Math.min(windowService.maxSequenceLength, tokens.length);
      const first = windowPrompt(windowService, prefixTokens, tokens.slice(0, firstLength), maxRequestLength);
      const states = [windowState(spec, instance, first.text, prefixToken.length > 0 ? 1 : 0, true)];
      let numPredicted = firstLength;
      while (numPredicted < tokens.length) {
        const windowLength = Math.min(tokens.length - numPredicted, maxRequestLength - 1);
        const windowEnd = numPredicted + windowLength;
        // A Python slice: a negative start counts from the end, as Array.prototype.slice does.
        const conditioning = tokens.slice(windowEnd - maxRequestLength, numPredicted);
        const window = windowPrompt(windowService, conditioning, tokens.slice(numPredicted, windowEnd), maxRequestLength);
        states.push(windowState(spec, instance, window.text, window.numConditioningTokens, false));
        numPredicted += windowLength;
      }
      return states;
    },
  };
};
