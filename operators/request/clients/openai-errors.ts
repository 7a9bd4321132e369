/**
 * @module Failures of OpenAI-protocol calls: what the retry wrapper should do with each (rate_limited |
 * transient | fatal), the provider's `Retry-After`, and messages that say what to fix — without any key in them.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProviderError, type FailureKind } from './model-client.ts';
import { MalformedResponseError, type BlockedKind } from './openai-response.ts';

/** A failed OpenAI call, classified once where the SDK's error type is still known. */
export class OpenAIRequestError extends ProviderError {
  override readonly name = 'OpenAIRequestError';
  constructor(
    message: string,
    readonly kind: FailureKind,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** Where the failed call went, for messages. */
export interface CallSite {
  readonly deploymentName: string;
  readonly baseURL: string;
  readonly model: string;
  /** Values never to print (the API key). */
  readonly secrets: readonly string[];
}

/** HELM's `OpenAIClientUtils` refusal messages, matched in the error text as HELM does (`in str(e)`). */
const BLOCKED_MESSAGES: readonly (readonly [string, BlockedKind])[] = [
  ['Your input image may contain content that is not allowed by our safety system', 'content_policy'],
  ['Invalid prompt: your prompt was flagged', 'content_policy'],
  ["Invalid prompt: we've limited access to this content for safety reasons. This type of information may be used to benefit or to harm people.", 'safety_filter'],
  ["The response was filtered due to the prompt triggering Azure OpenAI's content management policy.", 'azure_filter'],
  ["The response was filtered due to the prompt triggering Microsoft's content management policy.", 'azure_filter'],
  ['Content violates safety guidelines.', 'grok_safety'],
  ['Content violates usage guidelines.', 'grok_usage'],
];

/** The HELM refusal an API error stands for, if any (only the chat path turns these into results). */
export function blockedKindOf(error: unknown): BlockedKind | undefined {
  if (!(error instanceof APIError) || error.status === undefined) return undefined;
  return BLOCKED_MESSAGES.find(([text]) => error.message.includes(text))?.[1];
}

/** Removes secrets (and anything shaped like an OpenAI key) from text that may be printed or written. */
export function redact(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join('***');
  return clean.replace(/\bsk-[A-Za-z0-9_*-]{6,}/g, 'sk-***');
}

/** Milliseconds to wait from `retry-after-ms`, or `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMsOf(headers: Headers | undefined, nowMs: number): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** The innermost cause's code or message (e.g. ECONNREFUSED, "other side closed"). */
export function rootCause(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause !== undefined) current = current.cause;
  if (typeof current === 'object' && current !== null) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') return typeof message === 'string' ? `${code}: ${message}` : code;
    if (typeof message === 'string') return message;
  }
  return String(current);
}

function statusHint(status: number, site: CallSite): string {
  const org = site.deploymentName.split('/')[0] ?? 'openai';
  if (status === 401) {
    return ` Check the API key of model deployment '${site.deploymentName}': ${org}ApiKey (or deployments."${site.deploymentName}") in credentials.conf under --local-path (default prod_env), the OPENAI_API_KEY environment variable, or api_key in the deployment's client_spec args.`;
  }
  if (status === 403) return ` The API key of '${site.deploymentName}' may not use model '${site.model}' (check ${org}OrgId and the key's project).`;
  if (status === 404) return ` Check the model name sent ('${site.model}'; set openai_model_name or vllm_model_name in the deployment's args) and base_url ${site.baseURL}.`;
  return '';
}

function kindOfStatus(error: APIError): FailureKind {
  const status = error.status ?? 0;
  if (status === 429) return error.code === 'insufficient_quota' ? 'fatal' : 'rate_limited';
  if (status === 408 || status === 409 || status >= 500) return 'transient';
  return 'fatal';
}

/**
 * The classified, redacted error to rethrow from `send`.
 * @example catch (e) { throw toOpenAIRequestError(e, site, Date.now()) }
 */
export function toOpenAIRequestError(error: unknown, site: CallSite, nowMs: number): ProviderError {
  if (error instanceof OpenAIRequestError) return error;
  const clean = (text: string): string => redact(text, site.secrets);
  if (error instanceof MalformedResponseError) return new MalformedResponseError(clean(error.message), { status: 200 });
  if (error instanceof APIUserAbortError) return new OpenAIRequestError('OpenAI error: request aborted', 'fatal', { cause: error });
  if (error instanceof APIConnectionTimeoutError) {
    return new OpenAIRequestError(`OpenAI error: request to ${site.baseURL} timed out`, 'transient', { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new OpenAIRequestError(`OpenAI error: no response from ${site.baseURL} (${clean(rootCause(error))})`, 'transient', { cause: error });
  }
  if (error instanceof APIError && error.status !== undefined) {
    const retryAfterMs = retryAfterMsOf(error.headers, nowMs);
    return new OpenAIRequestError(clean(`OpenAI error: ${error.message}.${statusHint(error.status, site)}`), kindOfStatus(error), {
      status: error.status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (error instanceof SyntaxError) {
    // A 2xx body cut short or garbled on the way (a proxy, a dropped connection): asking again usually works.
    return new OpenAIRequestError(`OpenAI error: the response of ${site.baseURL} is not valid JSON (${clean(error.message)})`, 'transient', {
      status: 200,
    });
  }
  if (error instanceof TypeError) {
    // undici's "terminated": the connection dropped while the body was being read.
    return new OpenAIRequestError(`OpenAI error: connection to ${site.baseURL} dropped (${clean(rootCause(error))})`, 'transient');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new OpenAIRequestError(clean(`OpenAI error: ${message}`), 'fatal');
}

/** `classify` of the OpenAI clients: by the kind given when the error was made; anything else is fatal. */
export function classifyOpenAIError(error: unknown): FailureKind {
  if (error instanceof OpenAIRequestError) return error.kind;
  return 'fatal';
}
