/**
 * @module The raw request dicts HELM's OpenAIClient builds (`clients/openai_client.py`, `clients/vllm_client.py`,
 * v0.5.16): they are what is sent to the API and, with `random`, the request-cache key. Pure.
 */
import { numberOf } from '../../../core/py-float.ts';
import type { Request } from '../../../core/request.ts';

/** The body of `POST /chat/completions`, exactly as `_make_chat_raw_request` leaves it. */
export interface OpenAIChatRawRequest {
  readonly model: string;
  readonly messages: readonly Readonly<Record<string, string>>[];
  readonly temperature?: number;
  readonly top_p?: number;
  readonly n: number;
  /** `null` when the request has no stop sequences ("API doesn't like empty list"); absent for o-series and VLMs. */
  readonly stop?: readonly string[] | null;
  readonly max_tokens?: number;
  /** Reasoning models take the budget here instead of `max_tokens`. */
  readonly max_completion_tokens?: number;
  readonly presence_penalty?: number;
  readonly frequency_penalty?: number;
  readonly reasoning_effort?: string;
  readonly modalities?: readonly string[];
}

/** The body of `POST /completions` (the legacy API), as `_to_raw_completion_request` builds it. */
export interface OpenAICompletionRawRequest {
  readonly model: string;
  readonly prompt: string;
  readonly temperature: number;
  readonly n: number;
  readonly max_tokens: number;
  readonly best_of: number;
  readonly logprobs: number;
  readonly stop: readonly string[] | null;
  readonly top_p: number;
  readonly presence_penalty: number;
  readonly frequency_penalty: number;
  readonly echo: boolean;
}

/** The body of `POST /embeddings`, as `_make_embedding_request` builds it. */
export interface OpenAIEmbeddingRawRequest {
  readonly input: string;
  readonly model: string;
}

export type OpenAIRawRequest = OpenAIChatRawRequest | OpenAICompletionRawRequest | OpenAIEmbeddingRawRequest;

/** What shapes a raw request besides the Request itself (the deployment's client args, the model's tags). */
export interface RawRequestOptions {
  /** `openai_model_name` (or `vllm_model_name`): the name sent as `model` instead of the model engine. */
  readonly modelName?: string;
  /** `reasoning_effort`, sent to reasoning models only. */
  readonly reasoningEffort?: string;
  /** HELM `is_vlm(model)`: the model's metadata has VISION_LANGUAGE_MODEL_TAG. */
  readonly isVisionLanguageModel: (model: string) => boolean;
}

/** HELM `Request.model_engine`: the part of the model name after the first "/". */
export const modelEngine = (model: string): string => model.split('/')[1] ?? '';

/** HELM `OpenAIClientUtils.is_reasoning_model`: o1, o3, o4-mini, … and the gpt-5 family. */
export const isReasoningModel = (engine: string): boolean => /^o\d+/.test(engine) || /^gpt-5/.test(engine);

const modelFor = (request: Request, options: RawRequestOptions): string => options.modelName || modelEngine(request.model);

/** HELM's `request.stop_sequences or None`. */
const stopOrNull = (request: Request): readonly string[] | null =>
  request.stop_sequences.length > 0 ? [...request.stop_sequences] : null;

/** The chat messages HELM sends: `request.messages` as given (checked as HELM checks them), else one user turn. */
function chatMessages(request: Request): readonly Readonly<Record<string, string>>[] {
  return request.messages === undefined ? [{ role: 'user', content: request.prompt }] : checkedMessages(request, request.messages);
}

/**
 * `request.messages`, checked as HELM's OpenAI clients check them (`_make_chat_raw_request`, and the Responses
 * client's `_make_raw_request`): no prompt beside them, every message with a role and content, the last one the user's.
 */
export function checkedMessages(
  request: Request,
  messages: readonly Readonly<Record<string, string>>[],
): readonly Readonly<Record<string, string>>[] {
  if (request.prompt !== '') {
    throw new Error(`More than one of \`prompt\`, \`messages\` and \`multimodal_prompt\` was set in request for ${request.model}`);
  }
  if (messages.some((message) => !message['role'] || !message['content'])) {
    throw new Error('All messages must have a role and content');
  }
  if (messages.at(-1)?.['role'] !== 'user') throw new Error("Last message must have role 'user'");
  return messages;
}

/** HELM `_make_chat_raw_request` for a text request, with its o-series, VLM and audio-preview edits. */
export function chatRawRequest(request: Request, options: RawRequestOptions): OpenAIChatRawRequest {
  const raw: Record<string, unknown> = {
    model: modelFor(request, options),
    messages: chatMessages(request),
    temperature: numberOf(request.temperature),
    top_p: numberOf(request.top_p),
    n: request.num_completions,
    stop: stopOrNull(request),
    // Note (HELM): chat models may need an extra token in max_tokens for the internal role token.
    max_tokens: request.max_tokens,
    presence_penalty: numberOf(request.presence_penalty),
    frequency_penalty: numberOf(request.frequency_penalty),
  };
  const engine = modelEngine(request.model);
  if (isReasoningModel(engine)) {
    // "Unsupported parameter: 'max_tokens' … Use 'max_completion_tokens' instead." HELM moves it only when truthy.
    if (request.max_tokens) {
      raw['max_completion_tokens'] = raw['max_tokens'];
      delete raw['max_tokens'];
    }
    if (raw['stop'] === null) delete raw['stop']; // "Invalid type for 'stop': … got null instead."
    for (const unsupported of ['temperature', 'top_p', 'frequency_penalty', 'presence_penalty']) delete raw[unsupported];
    if (options.reasoningEffort) raw['reasoning_effort'] = options.reasoningEffort;
  } else if (options.isVisionLanguageModel(request.model)) {
    if (raw['stop'] === null) delete raw['stop'];
  }
  if (engine.startsWith('gpt-4o-audio-preview') || engine.startsWith('gpt-4o-mini-audio-preview')) {
    raw['modalities'] = ['text'];
    if (raw['stop'] === null) delete raw['stop'];
  }
  return raw as unknown as OpenAIChatRawRequest;
}

/**
 * HELM `_to_raw_completion_request`: logprobs and best_of are at least `n` ("OpenAI doesn't let you ask for
 * more completions than the number of per-token candidates"). `isVllm` adds VLLMClient's edit: best_of 1 at
 * temperature 0 ("best_of must be 1 when using greedy sampling").
 */
export function completionRawRequest(request: Request, options: RawRequestOptions, isVllm = false): OpenAICompletionRawRequest {
  const temperature = numberOf(request.temperature);
  const candidates = Math.max(request.top_k_per_token, request.num_completions);
  return {
    model: modelFor(request, options),
    prompt: request.prompt,
    temperature,
    n: request.num_completions,
    max_tokens: request.max_tokens,
    best_of: isVllm && temperature === 0 && candidates > 1 ? 1 : candidates,
    logprobs: candidates,
    stop: stopOrNull(request),
    top_p: numberOf(request.top_p),
    presence_penalty: numberOf(request.presence_penalty),
    frequency_penalty: numberOf(request.frequency_penalty),
    echo: request.echo_prompt,
  };
}

/** HELM `_make_embedding_request`. */
export function embeddingRawRequest(request: Request, options: RawRequestOptions): OpenAIEmbeddingRawRequest {
  return { input: request.prompt, model: modelFor(request, options) };
}

/** Which endpoint a raw request is for, told from its shape (the raw request is the cache key: no extra field). */
export function endpointOf(raw: OpenAIRawRequest): 'chat' | 'completions' | 'embeddings' {
  if ('messages' in raw) return 'chat';
  if ('prompt' in raw) return 'completions';
  return 'embeddings';
}
