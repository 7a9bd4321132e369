/**
 * @module HELM's OpenAIClient result building (`_make_chat_request`, `_make_completion_request`,
 * `_make_embedding_request`, `handle_openai_error`; v0.5.16), from a (possibly cached) response. Pure.
 */
import { pyFloat } from '../../../core/py-float.ts';
import type { GeneratedOutput, Request, RequestResult, Token } from '../../../core/request.ts';
import type { CachedResponse } from './model-client.ts';
import type {
  BlockedKind,
  BlockedResponse,
  ChatChoice,
  ChatCompletionResponse,
  CompletionResponse,
  EmbeddingResponse,
} from './openai-response.ts';
import { sumLogprobs, truncateSequence } from './openai-truncate.ts';

/** OpenAIClient.END_OF_TEXT: legacy completions are also cut there ("OpenAI sends us back tokens past it"). */
export const OPENAI_END_OF_TEXT = '<|endoftext|>';

/** HELM `CONTENT_POLICY_VIOLATED_FINISH_REASON`. */
export const CONTENT_POLICY_VIOLATED_FINISH_REASON =
  "The prompt violates OpenAI's content policy. See https://labs.openai.com/policies/content-policy for more information.";

/** Post-processing of chat text named by `output_processor` in the deployment's args. */
export type OutputProcessor = (text: string) => string;

const answered = (completions: readonly GeneratedOutput[], cached: CachedResponse<unknown>, wasCached: boolean): RequestResult => ({
  success: true,
  embedding: [],
  completions,
  cached: wasCached,
  request_time: cached.request_time,
  request_datetime: cached.request_datetime,
});

/** HELM's non-fatal refusal: the executor keeps going with an empty completion. */
export const refused = (error: string): RequestResult => ({
  success: false,
  embedding: [],
  completions: [],
  cached: false,
  error,
  error_flags: { is_retriable: false, is_fatal: false },
});

/** HELM writes `{"reason": None}` for a null finish_reason; our type has no null, so the key is left out. */
const withFinishReason = (output: Omit<GeneratedOutput, 'finish_reason'>, reason: string | null): GeneratedOutput =>
  reason === null ? output : { ...output, finish_reason: { reason } };

/**
 * Chat completions. HELM never asks chat models for logprobs, so tokens are empty and logprob is 0; where a
 * server sends `logprobs.content` anyway we decode it (HELM 0.5.16 reads a misspelt `contents` key there and
 * fails with a KeyError). `echo_prompt` prepends the prompt. A `content_filter` finish reason makes the whole
 * result a non-fatal failure. Every completion goes through `truncate_sequence` (see openai-truncate.ts).
 */
export function decodeChat(
  cached: CachedResponse<ChatCompletionResponse>,
  request: Request,
  wasCached: boolean,
  outputProcessor?: OutputProcessor,
): RequestResult {
  const completions: GeneratedOutput[] = [];
  for (const choice of cached.response.choices) {
    if (choice.finish_reason === 'content_filter') return refused('Content blocked by OpenAI filter');
    let content = choice.message.content ?? '';
    if (outputProcessor !== undefined) content = outputProcessor(content);
    const text = request.echo_prompt ? request.prompt + content : content;
    const tokens = chatTokens(choice);
    const completion = withFinishReason({ text, logprob: sumLogprobs(tokens), tokens }, choice.finish_reason);
    completions.push(truncateSequence(completion, request));
  }
  return answered(completions, cached, wasCached);
}

const chatTokens = (choice: ChatChoice): Token[] =>
  (choice.logprobs?.content ?? []).map((t) => ({ text: t.token, logprob: pyFloat(t.logprob) }));

/**
 * Legacy completions: tokens and logprobs from `logprobs.tokens` / `token_logprobs` (a null logprob, e.g. the
 * first echoed token, or a 0.0 counts as the int 0: HELM's `logprob or 0`), then `truncate_sequence` with
 * `<|endoftext|>` added to the stop sequences. A server that returns no logprobs gives no tokens (HELM fails).
 */
export function decodeCompletion(cached: CachedResponse<CompletionResponse>, request: Request, wasCached: boolean): RequestResult {
  const completions = cached.response.choices.map((choice) => {
    const data = choice.logprobs;
    const tokens: Token[] = [];
    if (data !== null) {
      const n = Math.min(data.tokens.length, data.token_logprobs.length); // Python zip()
      for (let i = 0; i < n; i++) {
        const logprob = data.token_logprobs[i];
        tokens.push({ text: data.tokens[i]!, logprob: logprob ? pyFloat(logprob) : 0 });
      }
    }
    const completion = withFinishReason({ text: choice.text, logprob: sumLogprobs(tokens), tokens }, choice.finish_reason);
    return truncateSequence(completion, request, OPENAI_END_OF_TEXT);
  });
  return answered(completions, cached, wasCached);
}

/** Embeddings: the first vector, no completions. */
export function decodeEmbedding(cached: CachedResponse<EmbeddingResponse>, wasCached: boolean): RequestResult {
  return { ...answered([], cached, wasCached), embedding: cached.response.data[0]?.embedding ?? [] };
}

const BLOCKED_ERRORS: Record<Exclude<BlockedKind, 'content_policy'>, string> = {
  safety_filter: "Prompt blocked by OpenAI's safety filter",
  azure_filter: "Content blocked by Azure's content management filter",
  grok_safety: 'Grok API error: Content violates safety guidelines',
  grok_usage: 'Grok API error: Content violates usage guidelines',
};

/** HELM `handle_openai_error` for the refusals it names: a content-policy refusal is an empty answer. */
export function decodeBlocked(response: BlockedResponse, request: Request): RequestResult {
  if (response.helm_blocked !== 'content_policy') return refused(BLOCKED_ERRORS[response.helm_blocked]);
  const empty: GeneratedOutput = { text: '', logprob: 0, tokens: [], finish_reason: { reason: CONTENT_POLICY_VIOLATED_FINISH_REASON } };
  return {
    success: true,
    embedding: [],
    completions: new Array<GeneratedOutput>(request.num_completions).fill(empty),
    cached: false,
    request_time: 0,
  };
}
