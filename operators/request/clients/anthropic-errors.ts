/**
 * @module Failures of Anthropic Messages calls: what the retry wrapper should do with each, the provider's
 * `retry-after`, and messages that say what to fix — without the key.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { ProviderError, type FailureKind } from './model-client.ts';
import { redact } from './openai-errors.ts';
import { toSdkRequestError, type CallSite, type SdkErrorRules } from './sdk-errors.ts';

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

const ANTHROPIC_ERRORS: SdkErrorRules = {
  provider: 'Anthropic',
  classes: { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError },
  statusHint,
  kindOfStatus: (error) => kindOfStatus(error.status),
  clean: (text, site) => redact(text, site.secrets).replace(/\bsk-ant-[A-Za-z0-9_*-]{6,}/g, 'sk-ant-***'),
  make: (message, kind, options) => new AnthropicRequestError(message, kind, options),
};

/**
 * The classified, redacted error to rethrow from `send`.
 * @example catch (e) { throw toAnthropicRequestError(e, site, Date.now()) }
 */
export function toAnthropicRequestError(error: unknown, site: CallSite, nowMs: number): ProviderError {
  return error instanceof AnthropicRequestError ? error : toSdkRequestError(error, site, nowMs, ANTHROPIC_ERRORS);
}

/** `classify` of the Anthropic client: by the kind given when the error was made; anything else is fatal. */
export const classifyAnthropicError = (error: unknown): FailureKind => (error instanceof AnthropicRequestError ? error.kind : 'fatal');
