/**
 * @module The raw request HELM's OpenAIResponseClient builds (`clients/openai_responses_client.py`,
 * `_make_raw_request`, v0.5.16): the body of `POST /responses` and, with `random`, the request-cache key. Pure.
 */
import { numberOf } from '../../../core/py-float.ts';
import type { Request } from '../../../core/request.ts';
import { checkedMessages, isReasoningModel, modelEngine } from './openai-raw-request.ts';

/** HELM's `reasoning` argument: the deployment's effort, and detailed summaries for reasoning models. */
export interface ResponsesReasoning {
  readonly effort?: string;
  readonly summary?: 'detailed';
}

/** The body of `POST /responses`, in HELM's key order. */
export interface ResponsesRawRequest {
  readonly model: string;
  /** The prompt as one string, or the request's chat messages. */
  readonly input: string | readonly Readonly<Record<string, string>>[];
  /** Absent for reasoning models. */
  readonly top_p?: number;
  readonly max_output_tokens: number;
  /** Absent for reasoning models. */
  readonly temperature?: number;
  readonly store: false;
  readonly reasoning?: ResponsesReasoning;
}

/** The deployment's `client_spec.args` that shape the raw request. */
export interface ResponsesRequestOptions {
  /** `openai_model_name`: sent as `model` instead of the model engine. */
  readonly modelName?: string;
  /** `reasoning_effort`: sent as `reasoning.effort`, to any model. */
  readonly reasoningEffort?: string;
}

/** "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16" (HELM's comment). */
const MIN_OUTPUT_TOKENS = 16;

/**
 * HELM `_make_raw_request`. Not sent, as in HELM: `stop_sequences` (and nothing cuts the text at them afterwards),
 * `num_completions` (the client loops instead, see openai-responses.ts), penalties, `top_k_per_token`.
 *
 * @example responsesRawRequest(request({ model: 'openai/gpt-5-mini-2025-08-07', prompt: 'Hi', max_tokens: 1 }), {})
 *   // { model: 'gpt-5-mini-2025-08-07', input: 'Hi', max_output_tokens: 16, store: false, reasoning: { summary: 'detailed' } }
 */
export function responsesRawRequest(request: Request, options: ResponsesRequestOptions): ResponsesRawRequest {
  const raw: Record<string, unknown> = {
    model: options.modelName || modelEngine(request.model),
    input: request.messages === undefined ? request.prompt : checkedMessages(request, request.messages),
    top_p: numberOf(request.top_p),
    max_output_tokens: Math.max(MIN_OUTPUT_TOKENS, request.max_tokens),
    temperature: numberOf(request.temperature),
    store: false, // "Don't store responses for later retrieval"
  };
  const reasoning: { effort?: string; summary?: 'detailed' } = {};
  if (options.reasoningEffort) reasoning.effort = options.reasoningEffort;
  if (isReasoningModel(modelEngine(request.model))) {
    reasoning.summary = 'detailed';
    // "Unsupported parameter: 'temperature' is not supported with this model." Likewise top_p.
    delete raw['temperature'];
    delete raw['top_p'];
  }
  if (Object.keys(reasoning).length > 0) raw['reasoning'] = reasoning;
  return raw as unknown as ResponsesRawRequest;
}
