/**
 * @module The OpenAI SDK's `chat.completions.create`, `completions.create` and `embeddings.create` (non-streaming,
 * `maxRetries: 0`) without the SDK's per-request work: the same request on the wire (URL with `defaultQuery`, headers,
 * JSON body) over the keep-alive agents of `keep-alive-fetch.ts`, the same parsed body, and the same errors (the
 * SDK's own classes, messages, status and headers). At hundreds of requests in flight the SDK's request options,
 * header building, debug-log formatting and the `Response` made for it held a fifth of the run's thread.
 * The URL and headers are the SDK's own (`sdk.buildRequest`, once per endpoint), so they follow its options and version.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import {
  ACCEPT_ENCODING_HEADER,
  ExchangeTimeoutError,
  headersOf,
  headerValue,
  keepAliveExchange,
  type ExchangeReply,
} from './keep-alive-fetch.ts';

/** The endpoints sent raw, by the name `endpointOf` gives them. */
export type OpenAIRawEndpoint = 'chat' | 'completions' | 'embeddings';

const PATHS: Readonly<Record<OpenAIRawEndpoint, string>> = {
  chat: '/chat/completions',
  completions: '/completions',
  embeddings: '/embeddings',
};

/** What the SDK would send to one endpoint, apart from the body. */
interface Target {
  readonly url: URL;
  /** ACCEPT_ENCODING_HEADER, then the SDK's headers in the order its `Headers` gives them (as keepAliveFetch sends). */
  readonly headers: Readonly<Record<string, string>>;
}

/** Sends `body` (the SDK's `create` params) to an endpoint and resolves with the parsed body, as the SDK would. */
export type OpenAIRawCall = (endpoint: OpenAIRawEndpoint, body: object, signal?: AbortSignal) => Promise<unknown>;

const UTF8_BOM = 0xfeff;

/** The body as text, as `Response.text()` decodes it (UTF-8, a leading BOM dropped). */
function textOf(body: Buffer | null): string {
  if (body === null) return '';
  const text = body.toString('utf8');
  return text.charCodeAt(0) === UTF8_BOM ? text.slice(1) : text;
}

/** The SDK's `defaultParseResponse` for a 2xx answer: null for 204, JSON for a JSON media type (with `_request_id`), else text. */
function parsedBody(reply: ExchangeReply): unknown {
  if (reply.status === 204) return null;
  const mediaType = headerValue(reply.rawHeaders, 'content-type')?.split(';')[0]?.trim();
  const isJSON = mediaType?.includes('application/json') || mediaType?.endsWith('+json');
  if (!isJSON) return textOf(reply.body);
  if (headerValue(reply.rawHeaders, 'content-length') === '0') return undefined;
  const json: unknown = JSON.parse(textOf(reply.body));
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    Object.defineProperty(json, '_request_id', { value: headerValue(reply.rawHeaders, 'x-request-id'), enumerable: false });
  }
  return json;
}

/** The SDK's error for a non-2xx answer: `APIError.generate` with the JSON error body, or the text when it is not JSON. */
function statusError(reply: ExchangeReply): APIError {
  const text = textOf(reply.body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return APIError.generate(reply.status, json as object | undefined, json ? undefined : text, headersOf(reply.rawHeaders));
}

/** The SDK's error for a failed exchange (its `makeRequest`): aborted, timed out, or no connection. */
function exchangeError(error: unknown, signal: AbortSignal | undefined): APIError {
  if (signal?.aborted === true) return new APIUserAbortError();
  if (error instanceof ExchangeTimeoutError) return new APIConnectionTimeoutError();
  const cause = error instanceof Error ? error : new Error(String(error));
  // As the SDK: a network error whose text says it timed out (e.g. ETIMEDOUT) counts as a timeout.
  const text = String(cause) + ('cause' in cause ? String(cause.cause) : '');
  const isAbort = cause.name === 'AbortError' || cause.message.includes('FetchRequestCanceledException');
  if (isAbort || /timed? ?out/i.test(text)) return new APIConnectionTimeoutError();
  return new APIConnectionError({ cause });
}

/**
 * The raw call of a deployment's SDK client: its base URL, default query and headers, organization, project, API
 * key and timeout, read from `sdk` (made with `maxRetries: 0`; this never retries).
 * @example const call = openaiRawCall(sdk); parseOpenAIResponse('completions', await call('completions', raw, signal), url)
 */
export function openaiRawCall(sdk: OpenAI): OpenAIRawCall {
  const targets = new Map<OpenAIRawEndpoint, Target | Promise<Target>>();
  const timeoutMs = sdk.timeout;

  async function targetOf(endpoint: OpenAIRawEndpoint): Promise<Target> {
    const { url, req } = await sdk.buildRequest({ method: 'post', path: PATHS[endpoint], body: {} });
    const headers: Record<string, string> = { ...ACCEPT_ENCODING_HEADER };
    new Headers(req.headers as ConstructorParameters<typeof Headers>[0]).forEach((value, key) => (headers[key] = value));
    const target = { url: new URL(url), headers };
    targets.set(endpoint, target);
    return target;
  }

  return async function openaiRawCall(endpoint, body, signal) {
    let target = targets.get(endpoint);
    if (target === undefined) {
      target = targetOf(endpoint);
      targets.set(endpoint, target);
      target.catch(() => targets.delete(endpoint));
    }
    const { url, headers } = target instanceof Promise ? await target : target;
    if (signal?.aborted === true) throw new APIUserAbortError();
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new APIConnectionError({ cause: new TypeError('fetch failed', { cause: new Error(`unsupported protocol ${url.protocol}`) }) });
    }
    let reply: ExchangeReply;
    try {
      reply = await keepAliveExchange({ method: 'POST', url, headers: { ...headers }, payload: JSON.stringify(body), signal, timeoutMs });
    } catch (error) {
      throw exchangeError(error, signal);
    }
    if (reply.status < 200 || reply.status > 599) {
      // keepAliveFetch's Response refuses such a status: the SDK sees a failed fetch.
      throw exchangeError(new TypeError('fetch failed', { cause: new RangeError(`status ${reply.status} is outside 200-599`) }), signal);
    }
    if (reply.status >= 300) throw statusError(reply);
    return parsedBody(reply);
  };
}
