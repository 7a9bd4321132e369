/**
 * @module Failures of OpenAI-protocol calls: what the retry wrapper should do with each (rate_limited |
 * transient | fatal), the provider's `Retry-After`, and messages that say what to fix — without any key in them.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProviderError, type FailureKind } from './model-client.ts';
import { toSdkRequestError, type CallSite, type SdkErrorRules } from './sdk-errors.ts';

export { retryAfterMsOf, type CallSite } from './sdk-errors.ts';
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

const OPENAI_ERRORS: SdkErrorRules = {
  provider: 'OpenAI',
  classes: { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError },
  statusHint,
  kindOfStatus: (error) => kindOfStatus(error as APIError),
  clean: (text, site) => redact(text, site.secrets),
  make: (message, kind, options) => new OpenAIRequestError(message, kind, options),
};

/**
 * The classified, redacted error to rethrow from `send`.
 * @example catch (e) { throw toOpenAIRequestError(e, site, Date.now()) }
 */
export function toOpenAIRequestError(error: unknown, site: CallSite, nowMs: number): ProviderError {
  if (error instanceof OpenAIRequestError) return error;
  if (error instanceof MalformedResponseError) return new MalformedResponseError(redact(error.message, site.secrets), { status: 200 });
  return toSdkRequestError(error, site, nowMs, OPENAI_ERRORS);
}

/** `classify` of the OpenAI clients: by the kind given when the error was made; anything else is fatal. */
export function classifyOpenAIError(error: unknown): FailureKind {
  if (error instanceof OpenAIRequestError) return error.kind;
  return 'fatal';
}
