/**
 * @module The OpenAI response bodies the OpenAI clients read, checked once at the edge (in `send`, before
 * anything is cached), so that `decode` works on typed values. Extra fields are kept and ignored.
 */
import { isNumber, isString, listOf, optional, orNull, shaped, type Check } from './json-shape.ts';
import { ProviderError } from './model-client.ts';

/** One choice of `POST /chat/completions`. */
export interface ChatChoice {
  readonly finish_reason: string | null;
  readonly message: { readonly content: string | null; readonly reasoning_content?: string | null };
  readonly logprobs?: { readonly content?: readonly { readonly token: string; readonly logprob: number }[] | null } | null;
}

export interface ChatCompletionResponse {
  readonly choices: readonly ChatChoice[];
}

/** One choice of the legacy `POST /completions`. */
export interface CompletionChoice {
  readonly text: string;
  readonly finish_reason: string | null;
  readonly logprobs: { readonly tokens: readonly string[]; readonly token_logprobs: readonly (number | null)[] } | null;
}

export interface CompletionResponse {
  readonly choices: readonly CompletionChoice[];
}

export interface EmbeddingResponse {
  readonly data: readonly { readonly embedding: readonly number[] }[];
}

/** HELM's named refusals (`OpenAIClientUtils.handle_openai_error`), stored as a response so reruns agree. */
export type BlockedKind = 'content_policy' | 'safety_filter' | 'azure_filter' | 'grok_safety' | 'grok_usage';

export interface BlockedResponse {
  readonly helm_blocked: BlockedKind;
}

export type OpenAIResponse = ChatCompletionResponse | CompletionResponse | EmbeddingResponse | BlockedResponse;

/** A 2xx body that is valid JSON but not the OpenAI format: the server does not speak the protocol (fatal). */
export class MalformedResponseError extends ProviderError {
  override readonly name = 'MalformedResponseError';
}

const chatChoice = shaped({
  finish_reason: orNull(isString),
  message: shaped({ content: orNull(isString), reasoning_content: optional(orNull(isString)) }),
  logprobs: optional(orNull(shaped({ content: optional(orNull(listOf(shaped({ token: isString, logprob: isNumber })))) }))),
});
const completionChoice = shaped({
  text: isString,
  finish_reason: orNull(isString),
  logprobs: orNull(shaped({ tokens: listOf(isString), token_logprobs: listOf(orNull(isNumber)) })),
});
const checks = {
  chat: shaped({ choices: listOf(chatChoice) }),
  completions: shaped({ choices: listOf(completionChoice) }),
  embeddings: shaped({ data: (v) => listOf(shaped({ embedding: listOf(isNumber) }))(v) && (v as unknown[]).length > 0 }),
} as const satisfies Record<string, Check>;

/**
 * The body as the typed response of `endpoint`; a MalformedResponseError naming what was expected otherwise.
 * @example parseOpenAIResponse('chat', await sdk.chat.completions.create(raw))
 */
export function parseOpenAIResponse(endpoint: 'chat', body: unknown, url: string): ChatCompletionResponse;
export function parseOpenAIResponse(endpoint: 'completions', body: unknown, url: string): CompletionResponse;
export function parseOpenAIResponse(endpoint: 'embeddings', body: unknown, url: string): EmbeddingResponse;
export function parseOpenAIResponse(endpoint: keyof typeof checks, body: unknown, url: string): OpenAIResponse {
  if (checks[endpoint](body)) return body as OpenAIResponse;
  const shown = typeof body === 'string' ? body : JSON.stringify(body);
  const expected = endpoint === 'embeddings' ? 'a `data` list of embeddings' : `a \`choices\` list in the OpenAI ${endpoint} format`;
  throw new MalformedResponseError(
    `OpenAI error: the response of ${url} is not ${expected}: ${(shown ?? String(body)).slice(0, 300)}`,
    { status: 200 },
  );
}
