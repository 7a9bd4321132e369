/**
 * @module HELM's `truncate_sequence` (`clients/client.py`, v0.5.16), which the OpenAI clients apply to every
 * completion: cut the text at stop sequences and the token list at `max_tokens`, after the fact. Pure.
 * It is HELM's generic client helper; other clients that need it can import it from here.
 */
import { numberOf, PyFloat, pyFloat, type PyNumber } from '../../../core/py-float.ts';
import type { GeneratedOutput, Request, Token } from '../../../core/request.ts';

/** Python `sum(xs)` over logprobs: the int 0 for no (or only int) terms, a float once one term is a float. */
export function sumLogprobs(tokens: readonly Token[]): PyNumber {
  let total = 0;
  let isFloat = false;
  for (const token of tokens) {
    total += numberOf(token.logprob);
    isFloat ||= token.logprob instanceof PyFloat || !Number.isInteger(token.logprob);
  }
  return isFloat ? pyFloat(total) : total;
}

/**
 * HELM `truncate_sequence(sequence, request, end_of_text_token)`.
 *
 * Quirks kept for parity (HELM v0.5.16 `clients/client.py`):
 * - with `echo_prompt` the completion is returned untouched (HELM cannot tell prompt tokens from new ones);
 * - every stop sequence rebuilds the completion **without its finish_reason**, found in the text or not, so a
 *   request with stop sequences (or any legacy-completions request, which always adds `<|endoftext|>`) ends with
 *   no finish_reason, and HELM counts `finish_reason_unknown`;
 * - tokens are cut at the first token that *starts with* the stop sequence, the text at its first occurrence,
 *   so the two can disagree (HELM only warns);
 * - past `max_tokens`, the text becomes the concatenation of the kept tokens' texts.
 */
export function truncateSequence(sequence: GeneratedOutput, request: Request, endOfTextToken?: string): GeneratedOutput {
  if (request.echo_prompt) return sequence;
  const stops = endOfTextToken === undefined ? request.stop_sequences : [...request.stop_sequences, endOfTextToken];
  let result = sequence;
  for (const stop of stops) {
    const at = result.text.indexOf(stop);
    const text = at === -1 ? result.text : result.text.slice(0, at);
    const end = result.tokens.findIndex((token) => token.text.startsWith(stop));
    const tokens = end === -1 ? result.tokens : result.tokens.slice(0, end);
    result = { text, logprob: sumLogprobs(tokens), tokens };
  }
  if (result.tokens.length > request.max_tokens) {
    const tokens = result.tokens.slice(0, request.max_tokens);
    result = { text: tokens.map((token) => token.text).join(''), logprob: sumLogprobs(tokens), tokens };
  }
  return result;
}
