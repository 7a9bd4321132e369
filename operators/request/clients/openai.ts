/**
 * @module HELM's OpenAI-protocol clients, set up through the official `openai` SDK and sent as it sends them
 * (openai-raw-call.ts): `OpenAIClient` (chat completions), `OpenAILegacyCompletionsClient` (`/completions`, with
 * logprobs and echo), and vLLM's `VLLMClient` / `VLLMChatClient`. Any OpenAI-compatible server (vLLM, llama.cpp's
 * server, Ollama, Together, …) is reached by `base_url` in the deployment's `client_spec.args`.
 */
import { UserError } from '../../../core/errors.ts';
import type { Request, RequestResult } from '../../../core/request.ts';
import type { CachedResponse, ClientContext, ModelClient } from './model-client.ts';
import { decodeBlocked, decodeChat, decodeCompletion, decodeEmbedding, type OutputProcessor } from './openai-decode.ts';
import { blockedKindOf, classifyOpenAIError, toOpenAIRequestError } from './openai-errors.ts';
import { openaiRawCall } from './openai-raw-call.ts';
import {
  chatRawRequest,
  completionRawRequest,
  embeddingRawRequest,
  endpointOf,
  modelEngine,
  type OpenAIRawRequest,
  type RawRequestOptions,
} from './openai-raw-request.ts';
import {
  parseOpenAIResponse,
  type ChatCompletionResponse,
  type CompletionResponse,
  type EmbeddingResponse,
  type OpenAIResponse,
} from './openai-response.ts';
import { argsReader, openaiApiKey, openaiSdk, optionalField } from './openai-sdk.ts';

/** Which HELM class a deployment names: the API it uses, and vLLM's conventions (`api_key` "EMPTY", `vllm_model_name`). */
export type OpenAIFlavor = 'chat' | 'legacy-completions' | 'vllm' | 'vllm-chat';

export interface OpenAIClientOptions {
  readonly flavor: OpenAIFlavor;
  /** HELM `is_vlm(model)`: such models get no `stop: null`. Default: VISION_LANGUAGE_MODEL_TAG in `context.modelTags`. */
  readonly isVisionLanguageModel?: (model: string) => boolean;
  /** Where OPENAI_API_KEY is read; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const VISION_LANGUAGE_MODEL_TAG = 'VISION_LANGUAGE_MODEL_TAG';

/** HELM's output processors (`helm.benchmark.metrics.output_processors`), by the name deployments give. */
const OUTPUT_PROCESSORS = {
  'helm.benchmark.metrics.output_processors.remove_deepseek_r1_thinking': (text: string): string => {
    if (!text.includes('<think>')) return text;
    if (text.includes('</think>\n\n')) return text.replace(/<think>.*<\/think>\n\n/gs, '');
    if (text.includes('</think>')) return text.replace(/<think>.*<\/think>/gs, '');
    return ''; // an unclosed think block
  },
} as const satisfies Record<string, OutputProcessor>;

// client_spec.args each flavor accepts: HELM's constructor parameters plus the SDK options HELM forwards (**kwargs).
const SDK_ARGS = ['timeout', 'max_retries', 'default_headers', 'default_query', 'project'];
const ARGS: Record<OpenAIFlavor, readonly string[]> = {
  'chat': ['api_key', 'org_id', 'base_url', 'openai_model_name', 'reasoning_effort', 'output_processor', ...SDK_ARGS],
  'legacy-completions': ['api_key', 'org_id', 'base_url', 'openai_model_name', 'reasoning_effort', 'output_processor', ...SDK_ARGS],
  'vllm': ['base_url', 'vllm_model_name', 'api_key', 'reasoning_effort', 'output_processor', ...SDK_ARGS],
  'vllm-chat': ['base_url', 'vllm_model_name', 'api_key', 'reasoning_effort', 'output_processor', ...SDK_ARGS],
};

/**
 * A client for one deployment of an OpenAI-protocol model. The SDK never retries (`maxRetries: 0`): the shared
 * retry wrapper does, guided by `classify` and `ProviderError.retryAfterMs`.
 * @example openaiClient({ deploymentName: 'local/llama', args: { base_url: 'http://127.0.0.1:8000/v1', api_key: 'EMPTY' }, credentials }, { flavor: 'chat' })
 */
export function openaiClient(context: ClientContext, options: OpenAIClientOptions): ModelClient<OpenAIRawRequest, OpenAIResponse> {
  const { flavor } = options;
  const isVllm = flavor === 'vllm' || flavor === 'vllm-chat';
  const args = argsReader(context, ARGS[flavor]);
  // HELM's vLLM clients always send "EMPTY" unless the args give a key.
  const apiKey = args.string('api_key') ?? (isVllm ? 'EMPTY' : openaiApiKey(context, options.env));
  const processorName = args.string('output_processor');
  let outputProcessor: OutputProcessor | undefined;
  if (processorName !== undefined) {
    outputProcessor = (OUTPUT_PROCESSORS as Record<string, OutputProcessor>)[processorName];
    if (outputProcessor === undefined) {
      throw new UserError(
        `Model deployment '${context.deploymentName}': unknown output_processor '${processorName}'. Valid: ${Object.keys(OUTPUT_PROCESSORS).join(', ')}.`,
      );
    }
  }
  const rawOptions: RawRequestOptions = {
    ...optionalField('modelName', args.string(isVllm ? 'vllm_model_name' : 'openai_model_name')),
    ...optionalField('reasoningEffort', args.string('reasoning_effort')),
    isVisionLanguageModel: options.isVisionLanguageModel ?? ((model) => context.modelTags?.(model).includes(VISION_LANGUAGE_MODEL_TAG) ?? false),
  };
  const sdk = openaiSdk(context, args, apiKey, { withOrganization: !isVllm });
  const isLegacy = flavor === 'legacy-completions' || flavor === 'vllm';
  const site = (model: string) => ({ deploymentName: context.deploymentName, baseURL: sdk.baseURL, model, secrets: [apiKey] });

  // The SDK's request for the three endpoints, sent without the SDK's per-request work (openai-raw-call.ts).
  const rawCall = openaiRawCall(sdk);

  async function call(raw: OpenAIRawRequest, signal: AbortSignal): Promise<OpenAIResponse> {
    const endpoint = endpointOf(raw);
    const url = `${sdk.baseURL.replace(/\/$/, '')}/${endpoint === 'chat' ? 'chat/completions' : endpoint}`;
    if (endpoint === 'chat') return parseOpenAIResponse('chat', await rawCall('chat', raw, signal), url);
    if (endpoint === 'completions') return parseOpenAIResponse('completions', await rawCall('completions', raw, signal), url);
    // 'float': compatible servers all speak it (the SDK would ask for base64 otherwise).
    return parseOpenAIResponse('embeddings', await rawCall('embeddings', { ...raw, encoding_format: 'float' }, signal), url);
  }

  return {
    encode(request: Request): OpenAIRawRequest {
      if (isLegacy) return completionRawRequest(request, rawOptions, flavor === 'vllm');
      if (request.embedding) return embeddingRawRequest(request, rawOptions);
      const engine = modelEngine(request.model);
      if (engine.includes('whisper') || engine.includes('transcribe')) {
        throw new UserError(`Model '${request.model}' transcribes audio, and audio prompts are not supported yet.`);
      }
      return chatRawRequest(request, rawOptions);
    },

    async send(raw, signal) {
      try {
        return await call(raw, signal);
      } catch (error) {
        // HELM turns these refusals into results on the chat path (handle_openai_error); we store them as answers.
        const blocked = endpointOf(raw) === 'chat' ? blockedKindOf(error) : undefined;
        if (blocked !== undefined) return { helm_blocked: blocked };
        throw toOpenAIRequestError(error, site(raw.model), Date.now());
      }
    },

    decode(cached: CachedResponse<OpenAIResponse>, request: Request, wasCached: boolean): RequestResult {
      const { response } = cached;
      if ('helm_blocked' in response) return decodeBlocked(response, request);
      if ('data' in response) return decodeEmbedding(cached as CachedResponse<EmbeddingResponse>, wasCached);
      if (isLegacy) return decodeCompletion(cached as CachedResponse<CompletionResponse>, request, wasCached);
      return decodeChat(cached as CachedResponse<ChatCompletionResponse>, request, wasCached, outputProcessor);
    },

    classify: classifyOpenAIError,
  };
}
