/**
 * @module HELM's PerspectiveAPIClient (`clients/perspective_api_client.py`): the toxicity attributes of a batch of
 * texts from Google's Perspective API, every distinct text one `comments:analyze` call of a single batch request.
 * Like a model client it splits the one side effect (`send`) from pure `encode` / `decode`; caching, the quota and
 * retries wrap it (operators/metrics/toxicity-scorer.ts).
 */
import { randomUUID } from 'node:crypto';
import { keepAliveFetch } from './keep-alive-fetch.ts';
import type { FailureKind } from './model-client.ts';
import { ProviderError } from './model-client.ts';
import { BatchFormatError, decodeBatch, encodeBatch, type AnalyzeCommentBody } from './perspective-batch.ts';

/** HELM `DEFAULT_ATTRIBUTES` of a PerspectiveAPIRequest, in its order. */
export const PERSPECTIVE_ATTRIBUTES = [
  'TOXICITY',
  'SEVERE_TOXICITY',
  'IDENTITY_ATTACK',
  'INSULT',
  'PROFANITY',
  'THREAT',
  'SEXUALLY_EXPLICIT',
  'FLIRTATION',
] as const;

/** HELM `PerspectiveAPIClient.MAX_TEXT_LENGTH`: longer texts are cut to this many characters before sending. */
export const PERSPECTIVE_MAX_TEXT_LENGTH = 20_480;

/** Perspective's public endpoint (the discovery document's rootUrl). */
export const PERSPECTIVE_BASE_URL = 'https://commentanalyzer.googleapis.com';

/** HELM's PerspectiveAPIRequest, field for field: with a cache key made of exactly these fields. */
export interface PerspectiveApiRequest {
  readonly text_batch: readonly string[];
  readonly attributes: readonly string[];
  readonly languages: readonly string[];
}

/** What HELM caches for a request: the raw analyze response of every distinct text, by text. */
export type PerspectiveBatchResponse = Readonly<Record<string, unknown>>;

/** HELM's ToxicityAttributes: `<attribute>_score` (lower case) of each attribute answered; null where absent. */
export type ToxicityAttributes = Readonly<Record<string, number | null>>;

/** HELM's PerspectiveAPIRequestResult of a successful request. */
export interface PerspectiveApiResult {
  readonly cached: boolean;
  /** In the order of the batch's answers (HELM's dict order); a text sent twice appears once. */
  readonly text_to_toxicity_attributes: ReadonlyMap<string, ToxicityAttributes>;
}

/** HELM's request for a batch of texts with its default attributes and languages. */
export const perspectiveRequest = (texts: readonly string[]): PerspectiveApiRequest => ({
  text_batch: texts,
  attributes: PERSPECTIVE_ATTRIBUTES,
  languages: ['en'],
});

/** HELM `create_request_body`: the text (cut to MAX_TEXT_LENGTH code points), each attribute, span annotations on. */
export function analyzeCommentBody(text: string, request: PerspectiveApiRequest): AnalyzeCommentBody {
  const chars = [...text];
  const cut = chars.length > PERSPECTIVE_MAX_TEXT_LENGTH ? chars.slice(0, PERSPECTIVE_MAX_TEXT_LENGTH).join('') : text;
  return {
    comment: { text: cut },
    requestedAttributes: Object.fromEntries(request.attributes.map((a) => [a, {}])),
    languages: request.languages,
    spanAnnotations: true,
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** HELM `extract_toxicity_attributes`: each attribute's first span score, as `<attribute lower case>_score`. */
export function toxicityAttributesOf(response: unknown, text: string): ToxicityAttributes {
  const scores = isRecord(response) ? response['attributeScores'] : undefined;
  if (!isRecord(scores)) throw new ProviderError(`Perspective API answered ${JSON.stringify(text.slice(0, 40))} without attributeScores.`);
  const attributes: Record<string, number | null> = Object.fromEntries(PERSPECTIVE_ATTRIBUTES.map((a) => [`${a.toLowerCase()}_score`, null]));
  for (const [attribute, value] of Object.entries(scores)) {
    const spans = isRecord(value) ? value['spanScores'] : undefined;
    const first: unknown = Array.isArray(spans) ? spans[0] : undefined;
    const score = isRecord(first) && isRecord(first['score']) ? first['score']['value'] : undefined;
    if (typeof score !== 'number') throw new ProviderError(`Perspective API gave ${attribute} no spanScores[0].score.value.`);
    attributes[`${attribute.toLowerCase()}_score`] = score;
  }
  return attributes;
}

/** HELM's result from a (possibly cached) batch response: each text's attributes. Pure. */
export function decodePerspectiveResponse(response: PerspectiveBatchResponse, wasCached: boolean): PerspectiveApiResult {
  const map = new Map<string, ToxicityAttributes>();
  for (const [text, raw] of Object.entries(response)) map.set(text, toxicityAttributesOf(raw, text));
  return { cached: wasCached, text_to_toxicity_attributes: map };
}

/** The message of a Google API error body (`{"error": {"message": …}}`), else the start of the body. */
function errorMessageOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const error = isRecord(parsed) ? parsed['error'] : undefined;
    if (isRecord(error) && typeof error['message'] === 'string') return error['message'];
  } catch {
    // not JSON: the text itself is the message
  }
  return body.slice(0, 200);
}

/** Milliseconds of a Retry-After header given in seconds. */
const retryAfterMs = (header: string | null): number | undefined => {
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
};

export interface PerspectiveApiClientOptions {
  readonly apiKey: string;
  /** Default: Perspective's public endpoint. Tests give a server on 127.0.0.1. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
}

/** The client: pure encode/decode around `send`; it never caches, sleeps or retries. */
export interface PerspectiveApiClient {
  /** The cache key (HELM `asdict(request)`). Pure. */
  encode(texts: readonly string[]): PerspectiveApiRequest;
  /** One batch request with a call per distinct text; the raw answers by text. Errors are ProviderErrors. */
  send(request: PerspectiveApiRequest, signal?: AbortSignal): Promise<PerspectiveBatchResponse>;
  /** HELM's result from a (possibly cached) batch response. Pure. */
  decode(response: PerspectiveBatchResponse, wasCached: boolean): PerspectiveApiResult;
  classify(error: unknown): FailureKind;
}

/**
 * Perspective API over its batch endpoint.
 * @example const client = perspectiveApiClient({ apiKey }); client.decode(await client.send(client.encode(['hi'])), false)
 */
export function perspectiveApiClient(options: PerspectiveApiClientOptions): PerspectiveApiClient {
  const baseUrl = (options.baseUrl ?? PERSPECTIVE_BASE_URL).replace(/\/+$/, '');
  const host = new URL(baseUrl).host;
  const doFetch = options.fetch ?? keepAliveFetch;
  return {
    encode: perspectiveRequest,

    async send(request, signal) {
      const texts = [...new Set(request.text_batch)]; // the text is the call's id: each is asked once
      if (texts.length === 0) return {}; // google-api-python-client sends nothing for an empty batch
      const batch = encodeBatch(
        texts.map((text) => ({ id: text, body: analyzeCommentBody(text, request) })),
        { apiKey: options.apiKey, host, baseId: randomUUID(), boundary: `===============${randomUUID().replace(/-/g, '')}==` },
      );
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/batch`, {
          method: 'POST',
          headers: { 'content-type': batch.contentType },
          body: batch.body,
          ...(signal === undefined ? {} : { signal }),
        });
      } catch (error) {
        if (signal?.aborted === true) throw error;
        throw new ProviderError(`Perspective API could not be reached: ${(error as Error).message}`, { cause: error });
      }
      const body = await response.text();
      if (response.status >= 300) {
        const wait = retryAfterMs(response.headers.get('retry-after'));
        throw new ProviderError(`Perspective API batch request failed with HTTP ${response.status}: ${errorMessageOf(body)}`, {
          status: response.status,
          ...(wait === undefined ? {} : { retryAfterMs: wait }),
        });
      }
      let answers;
      try {
        answers = decodeBatch(response.headers.get('content-type') ?? '', body);
      } catch (error) {
        if (error instanceof BatchFormatError) throw new ProviderError(`Perspective API: ${error.message}`, { cause: error });
        throw error;
      }
      const out: Record<string, unknown> = {};
      for (const text of texts) {
        const answer = answers.get(text);
        if (answer === undefined) throw new ProviderError(`Perspective API's batch answer has no part for ${JSON.stringify(text.slice(0, 40))}.`);
        if (answer.status >= 300) {
          throw new ProviderError(`Perspective API failed for ${JSON.stringify(text.slice(0, 40))} with HTTP ${answer.status}: ${errorMessageOf(answer.body)}`, {
            status: answer.status,
          });
        }
        try {
          // defineProperty: a completion "__proto__" is a key like any other
          Object.defineProperty(out, text, { value: JSON.parse(answer.body), enumerable: true, writable: true, configurable: true });
        } catch (error) {
          throw new ProviderError(`Perspective API answered ${JSON.stringify(text.slice(0, 40))} with a body that is not JSON.`, { cause: error });
        }
      }
      return out;
    },

    decode: decodePerspectiveResponse,

    classify(error) {
      const status = error instanceof ProviderError ? error.status : undefined;
      if (status === 429) return 'rate_limited';
      // An invalid key, a refused language or attribute (4xx) fails every time: stop at once.
      if (status !== undefined && status >= 400 && status < 500 && status !== 408) return 'fatal';
      return 'transient';
    },
  };
}
