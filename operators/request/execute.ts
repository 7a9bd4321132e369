/**
 * @module One request through the wrappers every client shares: cache → rate limit → client (timed out per
 * attempt) → retry → cache put. A cache hit never waits for the rate limit. A request that still fails after
 * retries becomes a failed RequestResult (a value), never a stream error; a cache that cannot be used (a full disk:
 * RequestCacheFailure) is one, and stops the run.
 */
import { asyncScheduler, catchError, defer, from, map, Observable, of, type SchedulerLike, switchMap, throwError } from 'rxjs';
import type { CompletedRequest, PendingRequest, Request, RequestResult } from '../../core/request.ts';
import { modelHost } from '../../core/request.ts';
import { RequestCacheFailure } from './cache-failure.ts';
import type { AnyModelClient, CachedResponse } from './clients/model-client.ts';
import { exchangeSeconds, withExchangeTiming, type ExchangeTiming } from './exchange-timing.ts';
import { limited, type RateLimiter } from './rate-limit.ts';
import type { RequestCache } from './request-cache.ts';
import { DEFAULT_RETRY_POLICY, RequestFailure, retryRequest, type RetryPolicy, timeoutAttempt } from './retry.ts';

export interface ExecuteOptions {
  readonly client: AnyModelClient;
  readonly cache: RequestCache;
  /** Overrides of DEFAULT_RETRY_POLICY (HELM's attempts and waits, with jitter). */
  readonly retry?: Partial<RetryPolicy>;
  /** The deployment's pool (concurrency and per-minute budgets); none: no limits. */
  readonly limiter?: RateLimiter;
  /** Estimated tokens of a request, for a tokens-per-minute budget: prompt tokens + max_tokens × num_completions. */
  readonly estimateTokens?: (request: Request) => number;
  /** Removes secrets from an error message before it is written into a failed result. */
  readonly redact?: (text: string) => string;
  readonly scheduler?: SchedulerLike;
  /** Uniform in [0, 1), for the retry jitter. */
  readonly random?: () => number;
  /** Called once per request with whether it was answered from the cache, and whether it failed. */
  readonly onDone?: (outcome: { cached: boolean; failed: boolean }) => void;
}

/** HELM's cache key: the client's raw request, plus `random` when the request has one. */
function cacheKeyOf(raw: unknown, random: string | undefined): unknown {
  return random === undefined ? raw : { ...(raw as Record<string, unknown>), random };
}

/**
 * The failed result of a request. The message follows HELM's `auto_client.py` when retries ran out
 * ("Failed to make request to <deployment> after retrying <attempts> times. Error: …"); a fatal error, which HELM
 * does not retry either, says so instead.
 */
function failedResult(error: unknown, deployment: string, redact: (text: string) => string): RequestResult {
  const message = error instanceof Error ? error.message : String(error);
  const why = !(error instanceof RequestFailure)
    ? `Failed to make request to ${deployment}. Error: ${message}` // the cache, or decoding
    : error.kind === 'fatal'
      ? `Failed to make request to ${deployment} (a fatal error, not retried). Error: ${message}`
      : `Failed to make request to ${deployment} after retrying ${error.attempts} times. Error: ${message}`;
  return { success: false, embedding: [], completions: [], cached: false, error: redact(why) };
}

/**
 * One call of `send`, aborted through its AbortSignal when unsubscribed before it settles (a timeout); `timing`
 * receives the marks of its HTTP exchange.
 */
function sendOnce(client: AnyModelClient, raw: unknown, timing: ExchangeTiming): Observable<unknown> {
  return new Observable<unknown>((subscriber) => {
    const abort = new AbortController();
    let isSettled = false;
    withExchangeTiming(timing, () => client.send(raw, abort.signal)).then(
      (response) => {
        isSettled = true;
        subscriber.next(response);
        subscriber.complete();
      },
      (error: unknown) => {
        isSettled = true;
        subscriber.error(error);
      },
    );
    return () => {
      if (!isSettled) abort.abort();
    };
  });
}

/**
 * Executes one pending request. Answered requests are in the cache before they are emitted.
 * @example pending$.pipe(mergeMap((p) => executeRequest(p, { client, cache, limiter })))
 */
export function executeRequest(pending: PendingRequest, options: ExecuteOptions): Observable<CompletedRequest> {
  const { client, cache, limiter } = options;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const scheduler = options.scheduler ?? asyncScheduler;
  const redact = options.redact ?? ((text: string) => text);
  const shard = modelHost(pending.request);
  const raw = client.encode(pending.request);
  const key = cacheKeyOf(raw, pending.request.random);

  const attempt = (): Observable<CachedResponse<unknown>> =>
    defer(() => {
      const started = performance.now();
      const timing: ExchangeTiming = {};
      return sendOnce(client, raw, timing).pipe(
        timeoutAttempt(policy, scheduler),
        map((response) => ({
          response,
          // The HTTP exchange's own time where the client speaks HTTP through keepAliveFetch; else the call's.
          request_time: exchangeSeconds(timing) ?? (performance.now() - started) / 1000,
          request_datetime: Math.floor(Date.now() / 1000),
        })),
      );
    });

  const fetchAndStore = (): Observable<CachedResponse<unknown>> => {
    const tokens = limiter?.isTokenLimited === true && options.estimateTokens !== undefined ? options.estimateTokens(pending.request) : 0;
    const limitedAttempt = limiter === undefined ? defer(attempt) : limited(limiter, tokens, attempt);
    return limitedAttempt.pipe(
      retryRequest({
        policy,
        classify: (error) => client.classify(error),
        scheduler,
        ...(limiter === undefined ? {} : { onRateLimited: (waitMs: number) => limiter.pauseFor(waitMs) }),
        ...(options.random === undefined ? {} : { random: options.random }),
      }),
      switchMap((entry) => from(cache.put(shard, key, entry)).pipe(map(() => entry))),
    );
  };

  return from(cache.get(shard, key)).pipe(
    switchMap((hit) =>
      hit !== undefined
        ? of({ entry: hit as CachedResponse<unknown>, cached: true })
        : fetchAndStore().pipe(map((entry) => ({ entry, cached: false }))),
    ),
    map(({ entry, cached }): CompletedRequest => {
      options.onDone?.({ cached, failed: false });
      return { ...pending, result: client.decode(entry, pending.request, cached) };
    }),
    catchError((error: unknown) => {
      if (error instanceof RequestCacheFailure) return throwError(() => error); // stops the run: no answer could be kept
      options.onDone?.({ cached: false, failed: true });
      return of({ ...pending, result: failedResult(error, pending.request.model_deployment, redact) });
    }),
  );
}
