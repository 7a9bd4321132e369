/**
 * @module Failures of Anthropic Messages calls: what the retry wrapper should do with each, the provider's
 * `retry-after`, and messages that say what to fix — without the key.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { ProviderError, type FailureKind } from './model-client.ts';
import { redact, retryAfterMsOf, rootCause, type CallSite } from './openai-errors.ts';

/** A failed Anthropic call, classified where the SDK's error type is still known. */
export class AnthropicRequestError extends ProviderError {
  override readonly name = 'AnthropicRequestError';
  constructor(
    message: string,
    readonly kind: FailureKind,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** HELM's `_is_content_moderation_failure`: Anthropic's 400 body when its filter blocked the output. */
export const isContentModerationFailure = (body: unknown): body is { error: { message: string } } =>
  typeof body === 'object' && body !== null &&
  (body as { error?: { message?: unknown } }).error?.message === 'Output blocked by content filtering policy';

function statusHint(status: number, site: CallSite): string {
  if (status === 401) {
    return ` Check the API key of model deployment '${site.deploymentName}': anthropicApiKey (or deployments."${site.deploymentName}") in credentials.conf under --local-path (default prod_env), the ANTHROPIC_API_KEY environment variable, or api_key in the deployment's client_spec args.`;
  }
  if (status === 404) return ` Check the model name sent ('${site.model}'; set anthropic_model_name in the deployment's args).`;
  return '';
}

/** 429 and 529 (overloaded) are Anthropic's "slow down"; 408, 409 and other 5xx are worth another try. */
function kindOfStatus(status: number): FailureKind {
  if (status === 429 || status === 529) return 'rate_limited';
  if (status === 408 || status === 409 || status >= 500) return 'transient';
  return 'fatal';
}

/**
 * The classified, redacted error to rethrow from `send`.
 * @example catch (e) { throw toAnthropicRequestError(e, site, Date.now()) }
 */
export function toAnthropicRequestError(error: unknown, site: CallSite, nowMs: number): ProviderError {
  if (error instanceof AnthropicRequestError) return error;
  const clean = (text: string): string => redact(text, site.secrets).replace(/\bsk-ant-[A-Za-z0-9_*-]{6,}/g, 'sk-ant-***');
  if (error instanceof APIUserAbortError) return new AnthropicRequestError('Anthropic error: request aborted', 'fatal', { cause: error });
  if (error instanceof APIConnectionTimeoutError) {
    return new AnthropicRequestError(`Anthropic error: request to ${site.baseURL} timed out`, 'transient', { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new AnthropicRequestError(`Anthropic error: no response from ${site.baseURL} (${clean(rootCause(error))})`, 'transient', { cause: error });
  }
  if (error instanceof APIError && error.status !== undefined) {
    const retryAfterMs = retryAfterMsOf(error.headers, nowMs);
    return new AnthropicRequestError(clean(`Anthropic error: ${error.message}.${statusHint(error.status, site)}`), kindOfStatus(error.status), {
      status: error.status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (error instanceof SyntaxError || error instanceof TypeError) {
    // A body garbled or cut short on the way (a proxy, a dropped connection): asking again usually works.
    return new AnthropicRequestError(`Anthropic error: the response of ${site.baseURL} was cut short or garbled (${clean(rootCause(error))})`, 'transient');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AnthropicRequestError(clean(`Anthropic error: ${message}`), 'fatal');
}

/** `classify` of the Anthropic client: by the kind given when the error was made; anything else is fatal. */
export const classifyAnthropicError = (error: unknown): FailureKind => (error instanceof AnthropicRequestError ? error.kind : 'fatal');
