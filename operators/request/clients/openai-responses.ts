/**
 * @module HELM's `OpenAIResponseClient` (`clients/openai_responses_client.py`, v0.5.16): OpenAI's Responses API
 * (`POST /responses`), which HELM uses for the gpt-5 family, o1-pro and o3-pro, through the official `openai` SDK.
 */
import type { Request, RequestResult } from '../../../core/request.ts';
import type { CachedResponse, ClientContext, ModelClient } from './model-client.ts';
import { blockedKindOf, classifyOpenAIError, toOpenAIRequestError } from './openai-errors.ts';
import { decodeResponses, parseResponsesBody, type ResponsesResponse } from './openai-responses-decode.ts';
import { responsesRawRequest, type ResponsesRawRequest, type ResponsesRequestOptions } from './openai-responses-request.ts';
import { argsReader, openaiApiKey, openaiSdk, optionalField } from './openai-sdk.ts';

export interface OpenAIResponsesClientOptions {
  /** Where OPENAI_API_KEY is read; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** HELM's constructor parameters (it takes no others, unlike OpenAIClient's forwarded SDK options). */
const ARGS = ['api_key', 'org_id', 'base_url', 'reasoning_effort', 'openai_model_name'] as const;

/**
 * A client for one Responses API deployment. The API key, organization and base URL are found as for OpenAIClient
 * (args, then credentials.conf's `openaiApiKey` / `openaiOrgId` / `openaiBaseUrl`, then OPENAI_API_KEY). The SDK
 * never retries; the shared wrapper does, guided by `classify` and `ProviderError.retryAfterMs`.
 * @example openaiResponsesClient({ deploymentName: 'openai/gpt-5-mini-2025-08-07', args: {}, credentials })
 */
export function openaiResponsesClient(
  context: ClientContext,
  options: OpenAIResponsesClientOptions = {},
): ModelClient<ResponsesRawRequest, ResponsesResponse> {
  const args = argsReader(context, ARGS);
  const apiKey = args.string('api_key') ?? openaiApiKey(context, options.env);
  const rawOptions: ResponsesRequestOptions = {
    ...optionalField('modelName', args.string('openai_model_name')),
    ...optionalField('reasoningEffort', args.string('reasoning_effort')),
  };
  const sdk = openaiSdk(context, args, apiKey, { withOrganization: true });
  const url = `${sdk.baseURL.replace(/\/$/, '')}/responses`;

  return {
    encode: (request: Request): ResponsesRawRequest => responsesRawRequest(request, rawOptions),

    async send(raw, signal) {
      try {
        // The generic post, not `responses.create`: that one adds a derived `output_text` to the body (which we
        // cache as the provider sent it) and throws a TypeError on a body without `output`, before it is checked.
        const body: unknown = await sdk.post('/responses', { body: raw, signal });
        return parseResponsesBody(body, url);
      } catch (error) {
        // HELM sends every OpenAIError through handle_openai_error: its named refusals become results.
        const blocked = blockedKindOf(error);
        if (blocked !== undefined) return { helm_blocked: blocked };
        throw toOpenAIRequestError(error, { deploymentName: context.deploymentName, baseURL: sdk.baseURL, model: raw.model, secrets: [apiKey] }, Date.now());
      }
    },

    decode: (cached: CachedResponse<ResponsesResponse>, request: Request, wasCached: boolean): RequestResult =>
      decodeResponses(cached, request, wasCached),

    classify: classifyOpenAIError,
  };
}
