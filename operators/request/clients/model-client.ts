/** @module The contract every model client keeps: pure encode/decode around one side effect, `send`. */
import type { Request, RequestResult } from '../../../core/request.ts';

/** How a failed `send` should be treated by the retry wrapper. */
export type FailureKind = 'rate_limited' | 'transient' | 'fatal';

/** A response as stored in the request cache, with HELM's timing fields inside it (`wrap_request_time`). */
export interface CachedResponse<Resp> {
  readonly response: Resp;
  /** Seconds the original request took; a cache hit reports it again, as HELM does. */
  readonly request_time: number;
  /** Epoch seconds (int) when the original request was made. */
  readonly request_datetime: number;
}

/**
 * A model client. Cache, rate limiting and retry wrap it (operators/request/execute.ts);
 * a client never caches, sleeps or retries.
 */
export interface ModelClient<Raw, Resp> {
  /** HELM's raw request for this client; with `request.random` it is the cache key. Pure. */
  encode(request: Request): Raw;
  /** The only I/O. */
  send(raw: Raw, signal: AbortSignal): Promise<Resp>;
  /** Builds HELM's RequestResult from a (possibly cached) response. Pure. */
  decode(cached: CachedResponse<Resp>, request: Request, wasCached: boolean): RequestResult;
  classify(error: unknown): FailureKind;
}

/** A client whose raw request and response types are erased, for tables of clients. */
export type AnyModelClient = ModelClient<unknown, unknown>;

/**
 * HELM's credential lookup for one deployment (reference §6.5), resolved by the run: `<org>ApiKey`, then
 * `deployments[<deployment>]` from credentials.conf or HELM_CREDENTIALS, then the provider's environment variable.
 */
export interface CredentialLookup {
  /** The deployment's API key, or undefined when none is configured anywhere. */
  apiKey(): string | undefined;
  /** Any other credentials.conf key (e.g. `openaiOrgId`), or undefined. */
  get(key: string): string | undefined;
  /** Where this deployment's API key can be set, in words, for the error when none is (see `requireApiKey`). */
  readonly apiKeyHelp?: string;
}

/** What a client factory gets: the deployment's `client_spec.args` and its credentials. */
export interface ClientContext {
  readonly deploymentName: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly credentials: CredentialLookup;
  /**
   * The tags of a model's metadata (HELM `model_has_tag`), for clients whose raw request depends on them
   * (OpenAIClient: `is_vlm`). Absent: no model has tags.
   */
  readonly modelTags?: (model: string) => readonly string[];
}

/**
 * A provider call that failed, as a client's `send` rethrows it: the HTTP status when there was one, and how
 * long the provider asked us to wait (`Retry-After` / `retry-after-ms`) so the retry wrapper can honour it.
 * Messages never contain credentials.
 */
export class ProviderError extends Error {
  override readonly name: string = 'ProviderError';
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(message: string, options: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}
