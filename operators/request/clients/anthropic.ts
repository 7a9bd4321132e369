/**
 * @module HELM's `AnthropicMessagesClient` (`clients/anthropic_client.py`): Claude through the Messages API
 * (`POST /v1/messages`) with the official `@anthropic-ai/sdk`, which never retries here (the shared wrapper does).
 *
 * One deviation: HELM makes `num_completions` separate calls cached under `{completion_index: i, …}` each; a
 * request asks once through the shared wrapper here, so n > 1 is one cache entry `{num_completions: n, …}` holding
 * n answers from n calls. With n = 1 (HELM's default) the key is HELM's own `{completion_index: 0, …}`.
 */
import Anthropic from '@anthropic-ai/sdk';
import { PyFloat } from '../../../core/py-float.ts';
import type { GeneratedOutput, Request, RequestResult } from '../../../core/request.ts';
import { AnthropicRequestError, classifyAnthropicError, isContentModerationFailure, toAnthropicRequestError } from './anthropic-errors.ts';
import type { CachedResponse, ClientContext, ModelClient } from './model-client.ts';
import { modelEngine } from './openai-raw-request.ts';
import { argsReader } from './openai-sdk.ts';
import { requireApiKey } from './require-api-key.ts';

/** HELM's `AnthropicMessagesClient.MAX_OUTPUT_TOKENS`. */
const MAX_OUTPUT_TOKENS = 64_000;
const ARGS = ['api_key', 'anthropic_model_name', 'thinking_budget_tokens', 'stream', 'base_url'] as const;

type Message = Readonly<Record<string, string>>;

/** HELM's raw request (`AnthropicMessagesRequest`) with the cache key's completion field first. */
export interface AnthropicRawRequest {
  readonly completion_index?: number;
  readonly num_completions?: number;
  readonly messages: readonly Message[];
  readonly model: string;
  readonly stop_sequences: readonly string[];
  readonly max_tokens: number;
  readonly temperature?: unknown;
  readonly top_p?: unknown;
  readonly top_k?: number;
  readonly system?: string;
  readonly thinking?: { readonly type: 'enabled'; readonly budget_tokens: number };
}

/** What is cached: the Messages API answers (one per completion), or the 400 body of a moderation block. */
export type AnthropicResponse = { readonly messages: readonly unknown[] } | { readonly blocked: { error: { message: string } } };

export interface AnthropicRawRequestOptions {
  readonly modelName?: string;
  readonly thinkingBudgetTokens?: number;
}

/** HELM's raw request for `request`, in HELM's key order, with the fields HELM removes for some models removed. */
export function anthropicRawRequest(request: Request, options: AnthropicRawRequestOptions = {}): AnthropicRawRequest {
  let messages: readonly Message[] = [{ role: 'user', content: request.prompt }];
  let system: string | undefined;
  if (request.messages !== undefined) {
    messages = request.messages;
    if (messages[0]?.['role'] === 'system') {
      system = messages[0]['content'];
      messages = messages.slice(1);
    }
  }
  const fields: Record<string, unknown> = {
    ...(request.num_completions === 1 ? { completion_index: 0 } : { num_completions: request.num_completions }),
    messages,
    model: options.modelName ?? modelEngine(request.model),
    stop_sequences: request.stop_sequences,
    max_tokens: request.max_tokens,
    temperature: request.temperature,
    top_p: request.top_p,
    top_k: request.top_k_per_token,
  };
  if (system !== undefined) fields['system'] = system;
  if (options.thinkingBudgetTokens !== undefined) {
    fields['thinking'] = { type: 'enabled', budget_tokens: options.thinkingBudgetTokens };
    delete fields['top_k']; // "`top_k` must be unset when thinking is enabled"
  }
  const model = fields['model'] as string;
  if (/^claude-[^-]+-4-[56]/.test(model)) delete fields['top_p']; // Claude 4.5/4.6 take temperature or top_p, not both
  if (/^claude-[^-]+-4-7/.test(model)) {
    delete fields['temperature'];
    delete fields['top_k'];
    delete fields['top_p'];
  }
  return fields as unknown as AnthropicRawRequest;
}

/** The Messages API body of a raw request (the cache key's completion fields are ours, not the API's). */
function apiBody(raw: AnthropicRawRequest): Anthropic.MessageCreateParamsNonStreaming {
  const { completion_index: _index, num_completions: _n, ...body } = raw;
  return JSON.parse(JSON.stringify(body)) as Anthropic.MessageCreateParamsNonStreaming; // PyFloat → number
}

type ContentBlock = { readonly type?: unknown; readonly text?: unknown; readonly thinking?: unknown };
const contentOf = (message: unknown): readonly ContentBlock[] => {
  const content = (message as { content?: unknown } | null)?.content;
  return Array.isArray(content) ? (content as ContentBlock[]) : [];
};

/** HELM's check before caching: an answer with no content, or whose last block is not text, is an error. */
function checkedMessage(message: unknown): unknown {
  const content = contentOf(message);
  if (content.length === 0 || typeof content.at(-1)?.text !== 'string') {
    throw new AnthropicRequestError(`Anthropic response has empty content: ${JSON.stringify(message).slice(0, 500)}`, 'fatal');
  }
  return message;
}

/** One completion from a Messages answer: its text blocks joined, its thinking blocks as HELM's `thinking`. */
function completionOf(message: unknown): GeneratedOutput {
  const content = contentOf(message);
  const texts = content.filter((block) => block.type === 'text').map((block) => String(block.text));
  const thinking = content.filter((block) => block.type === 'thinking').map((block) => String(block.thinking));
  if (texts.length === 0) throw new Error('Anthropic response did not contain text blocks');
  return { text: texts.join(''), logprob: new PyFloat(0), tokens: [], ...(thinking.length > 0 ? { thinking: { text: thinking.join('') } } : {}) };
}

/**
 * A client for one Anthropic deployment. The key: `api_key` in the args, else credentials.conf's `anthropicApiKey`
 * (or `deployments`), else ANTHROPIC_API_KEY; `base_url` in the args points it elsewhere (a proxy, a test server).
 * @example anthropicClient({ deploymentName: 'anthropic/claude-3-5-haiku-20241022', args: {}, credentials })
 */
export function anthropicClient(context: ClientContext): ModelClient<AnthropicRawRequest, AnthropicResponse> {
  const args = argsReader(context, ARGS);
  const apiKey = requireApiKey(context);
  const budget = args.number('thinking_budget_tokens');
  const options: AnthropicRawRequestOptions = {
    ...(args.string('anthropic_model_name') === undefined ? {} : { modelName: args.string('anthropic_model_name')! }),
    ...(budget === undefined ? {} : { thinkingBudgetTokens: budget }),
  };
  const isStreamed = context.args['stream'] === true;
  const sdk = new Anthropic({ apiKey, baseURL: args.string('base_url') ?? null, maxRetries: 0 });

  async function ask(body: Anthropic.MessageCreateParamsNonStreaming, signal: AbortSignal): Promise<unknown> {
    // The per-attempt timeout is the shared wrapper's; a fixed SDK timeout also skips its long-request refusal.
    const requestOptions = { signal, timeout: 3_600_000 };
    const message = isStreamed ? await sdk.messages.stream(body, requestOptions).finalMessage() : await sdk.messages.create(body, requestOptions);
    return checkedMessage(message);
  }

  return {
    encode: (request) => anthropicRawRequest(request, options),

    async send(raw, signal) {
      const site = { deploymentName: context.deploymentName, baseURL: sdk.baseURL, model: raw.model, secrets: [apiKey] };
      if (raw.max_tokens > MAX_OUTPUT_TOKENS) {
        throw new AnthropicRequestError(`Request.max_tokens must be <= ${MAX_OUTPUT_TOKENS} (is ${raw.max_tokens})`, 'fatal');
      }
      const body = apiBody(raw);
      const messages: unknown[] = [];
      try {
        for (let index = 0; index < (raw.num_completions ?? 1); index++) messages.push(await ask(body, signal));
      } catch (error) {
        if (error instanceof Anthropic.APIError && error.status === 400 && isContentModerationFailure(error.error)) return { blocked: error.error };
        throw toAnthropicRequestError(error, site, Date.now());
      }
      return { messages };
    },

    decode(cached: CachedResponse<AnthropicResponse>, _request: Request, wasCached: boolean): RequestResult {
      const timing = { request_time: cached.request_time, request_datetime: cached.request_datetime };
      if ('blocked' in cached.response) {
        return {
          success: false, cached: wasCached, error: cached.response.blocked.error.message, completions: [], embedding: [],
          error_flags: { is_retriable: false, is_fatal: false }, ...timing,
        };
      }
      return { success: true, cached: wasCached, ...timing, completions: cached.response.messages.map(completionOf), embedding: [] };
    },

    classify: classifyAnthropicError,
  };
}
