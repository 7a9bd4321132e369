/**
 * @module The Responses API body HELM's OpenAIResponseClient reads, checked once in `send`, and the RequestResult
 * it builds from it (`make_request`, v0.5.16). Pure but for the check's error.
 */
import { pyFloat } from '../../../core/py-float.ts';
import type { GeneratedOutput, Request, RequestResult } from '../../../core/request.ts';
import { isObject, isString, listOf, optional, orNull, shaped, type Check } from './json-shape.ts';
import type { CachedResponse } from './model-client.ts';
import { decodeBlocked, refused } from './openai-decode.ts';
import { OpenAIRequestError } from './openai-errors.ts';
import { MalformedResponseError, type BlockedResponse } from './openai-response.ts';

/** One item of `output`. HELM reads `reasoning` and `message` items, and fails on any other type. */
export type ResponsesOutputItem =
  | {
      readonly type: 'reasoning';
      readonly summary: readonly { readonly text: string }[];
      readonly content?: readonly { readonly text: string }[] | null;
    }
  | { readonly type: 'message'; readonly content: readonly ResponsesContent[] }
  | { readonly type: string };

/** A part of a message: `output_text` and `refusal` are read, others are skipped. */
export type ResponsesContent =
  | { readonly type: 'output_text'; readonly text: string }
  | { readonly type: 'refusal'; readonly refusal: string }
  | { readonly type: string };

/** The body of `POST /responses`, as stored in the request cache (extra fields kept). */
export interface ResponsesBody {
  readonly output: readonly ResponsesOutputItem[];
  readonly status?: string;
  readonly incomplete_details?: { readonly reason?: string } | null;
}

/** What `send` returns: the body, or one of HELM's named refusals (`handle_openai_error`). */
export type ResponsesResponse = ResponsesBody | BlockedResponse;

const texts = listOf(shaped({ text: isString }));
const contentPart: Check = (v) =>
  isObject(v) &&
  isString(v['type']) &&
  (v['type'] !== 'output_text' || isString(v['text'])) &&
  (v['type'] !== 'refusal' || isString(v['refusal']));
const outputItem: Check = (v) => {
  if (!isObject(v) || !isString(v['type'])) return false;
  if (v['type'] === 'reasoning') return texts(v['summary']) && optional(orNull(texts))(v['content']);
  if (v['type'] === 'message') return listOf(contentPart)(v['content']);
  return true; // decode fails on it, as HELM does, once it is stored
};
const responsesBody = shaped({ output: listOf(outputItem) });

/**
 * The body as a Responses API response; a MalformedResponseError naming what was expected otherwise.
 * @example parseResponsesBody(await sdk.post('/responses', { body: raw }), url)
 */
export function parseResponsesBody(body: unknown, url: string): ResponsesBody {
  if (isObject(body) && body['error']) throw failedResponseError(body['error'], url);
  if (responsesBody(body)) return body as ResponsesBody;
  const shown = typeof body === 'string' ? body : JSON.stringify(body);
  throw new MalformedResponseError(
    `OpenAI error: the response of ${url} is not an \`output\` list in the OpenAI Responses format: ${(shown ?? String(body)).slice(0, 300)}`,
    { status: 200 },
  );
}

/**
 * A response whose `error` is set (`status: "failed"`), which HELM rejects (`assert not raw_response.get("error")`)
 * before caching it: retried when the code says the server was busy or failing, fatal otherwise.
 */
function failedResponseError(error: unknown, url: string): OpenAIRequestError {
  const code = isObject(error) && isString(error['code']) ? (error['code'] as string) : undefined;
  const message = isObject(error) && isString(error['message']) ? (error['message'] as string) : JSON.stringify(error);
  const kind = code === 'rate_limit_exceeded' ? 'rate_limited' : code === 'server_error' ? 'transient' : 'fatal';
  return new OpenAIRequestError(`OpenAI error: the response of ${url} failed (${code ?? 'no code'}): ${message}`, kind, { status: 200 });
}

/**
 * HELM's result for a Responses API answer:
 * - the text is the `output_text` parts of every message, joined by a blank line ("\n\n"), after the prompt when
 *   `echo_prompt` (so an echoed prompt is followed by "\n\n"); `thinking` is the reasoning summaries and reasoning
 *   content joined the same way; `logprob` is the float 0.0, `tokens` empty, and there is **no finish_reason**: an
 *   `incomplete` response (`max_output_tokens` reached) is a success with whatever text came back;
 * - a `refusal` part makes the result a non-fatal failure; another output type is an error;
 * - stop sequences and `max_tokens` are never applied to the text (no `truncate_sequence`).
 *
 * `num_completions` (HELM v0.5.16 `make_request`): the API has no `n`, so HELM loops over the same raw request with
 * the same cache key, and every pass after the first is answered by the entry the first one stored. We send once and
 * repeat that completion, and, as HELM reports the last pass, `cached` is true whenever `num_completions > 1`.
 */
export function decodeResponses(cached: CachedResponse<ResponsesResponse>, request: Request, wasCached: boolean): RequestResult {
  const { response } = cached;
  if ('helm_blocked' in response) return decodeBlocked(response, request);
  const reasoning: string[] = [];
  const text: string[] = request.echo_prompt ? [request.prompt] : [];
  for (const item of response.output) {
    if ('summary' in item && item.type === 'reasoning') {
      reasoning.push(...item.summary.map((part) => part.text), ...(item.content ?? []).map((part) => part.text));
    } else if ('content' in item && item.type === 'message') {
      for (const part of item.content) {
        if ('text' in part && part.type === 'output_text') text.push(part.text);
        // HELM 0.5.16's tag reads `content.refusal` here; at the snapshot (63754d05) the dict has no such attribute.
        else if ('refusal' in part && part.type === 'refusal') return refused(`Received refusal from OpenAI API: ${part.refusal}`);
      }
    } else {
      throw new Error(`Unknown output type ${item.type}`);
    }
  }
  const completion: GeneratedOutput = {
    text: text.join('\n\n'),
    logprob: pyFloat(0),
    tokens: [],
    ...(reasoning.length > 0 ? { thinking: { text: reasoning.join('\n\n') } } : {}),
  };
  return {
    success: true,
    embedding: [],
    completions: new Array<GeneratedOutput>(request.num_completions).fill(completion),
    cached: wasCached || request.num_completions > 1,
    request_time: cached.request_time,
    request_datetime: cached.request_datetime,
  };
}
