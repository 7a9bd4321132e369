/**
 * @module Retrying one model request: HELM's schedule (`proxy/retry.py`: HELM_RETRIES attempts in all, waiting
 * 2**n × 5 s after failed attempt n) with bounded jitter, the provider's Retry-After, no retry of fatal errors,
 * and a time limit per attempt. Time comes from an RxJS scheduler.
 *
 * ```
 * attempt$   --#            (transient)        --#     --a|
 * retry      --|--10 s (+jitter)--|--#  →  …   then a
 * attempt$   --# (fatal)   →   --#  (RequestFailure, attempts 1, no wait)
 * ```
 */
import {
  asyncScheduler,
  catchError,
  defer,
  type MonoTypeOperatorFunction,
  type Observable,
  retry,
  type SchedulerLike,
  throwError,
  timeout,
  timer,
} from 'rxjs';
import type { FailureKind } from './clients/model-client.ts';

/** How one request is retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included (HELM_RETRIES, default 5). */
  readonly maxAttempts: number;
  /** The base wait after failed attempt n (1-based); HELM: 2**n × 5 s (10 s, 20 s, 40 s, 80 s). */
  readonly backoffMs: (attempt: number) => number;
  /** A random share of the base wait, up to this ratio, is added (0 gives HELM's exact waits). */
  readonly jitterRatio: number;
  /** No wait is longer than this (a Retry-After included). */
  readonly maxWaitMs: number;
  /** Time limit of one attempt; a timeout is transient. Undefined: none. */
  readonly attemptTimeoutMs?: number;
}

/** HELM's waits (2**n × 5 s after attempt n). */
export const helmBackoffMs = (attempt: number): number => 2 ** attempt * 5000;

/**
 * The default: HELM's 5 attempts and waits, plus up to 25% jitter so that requests failing together do not all
 * come back together; at most 10 minutes per wait and per attempt.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  backoffMs: helmBackoffMs,
  jitterRatio: 0.25,
  maxWaitMs: 600_000,
  attemptTimeoutMs: 600_000,
};

/** An attempt got no answer within the policy's time limit. */
export class AttemptTimeoutError extends Error {
  override readonly name = 'AttemptTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`no response within ${timeoutMs / 1000} s`);
  }
}

/** A request that failed for good: after `attempts` attempts, the last failing with `cause`. */
export class RequestFailure extends Error {
  override readonly name = 'RequestFailure';
  constructor(
    readonly attempts: number,
    readonly kind: FailureKind,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** The wait a provider asked for (`retryAfterMs`, as ProviderError carries it), if any. */
export function retryAfterMsOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('retryAfterMs' in error)) return undefined;
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export interface RetryOptions {
  readonly policy: RetryPolicy;
  /** The client's classification; a timeout of ours is always transient. */
  readonly classify: (error: unknown) => FailureKind;
  /** Called before waiting after a rate-limited attempt, with the wait (to pause the deployment's pool). */
  readonly onRateLimited?: (waitMs: number) => void;
  /** Uniform in [0, 1): the jitter's source. */
  readonly random?: () => number;
  readonly scheduler?: SchedulerLike;
}

/** The wait after failed attempt n: Retry-After when the provider sent one, else the backoff with jitter. */
export function retryWaitMs(policy: RetryPolicy, attempt: number, error: unknown, random: () => number): number {
  const asked = retryAfterMsOf(error);
  const base = policy.backoffMs(attempt);
  const wait = asked ?? base * (1 + policy.jitterRatio * random());
  return Math.min(Math.ceil(wait), policy.maxWaitMs);
}

/**
 * Resubscribes to each attempt (the source) per the policy. It errors with a RequestFailure when an attempt fails
 * fatally or the last attempt fails; it never retries a fatal error.
 * @example defer(() => send()).pipe(timeoutAttempt(policy), retryRequest({ policy, classify: client.classify }))
 */
export function retryRequest<T>(options: RetryOptions): MonoTypeOperatorFunction<T> {
  const { policy } = options;
  const random = options.random ?? Math.random;
  const scheduler = options.scheduler ?? asyncScheduler;
  const kindOf = (error: unknown): FailureKind => (error instanceof AttemptTimeoutError ? 'transient' : options.classify(error));
  return function retryRequest(attempt$: Observable<T>): Observable<T> {
    return defer(() => {
      let attempts = 0;
      return defer(() => {
        attempts += 1;
        return attempt$;
      }).pipe(
        retry({
          count: Math.max(0, policy.maxAttempts - 1),
          delay: (error: unknown, attempt) => {
            const kind = kindOf(error);
            if (kind === 'fatal') return throwError(() => error);
            const waitMs = retryWaitMs(policy, attempt, error, random);
            if (kind === 'rate_limited') options.onRateLimited?.(waitMs);
            return timer(waitMs, scheduler);
          },
        }),
        catchError((error: unknown) => {
          const kind = kindOf(error);
          // The last attempt was rate limited: the pool still pauses, for the other requests' sake.
          if (kind === 'rate_limited') options.onRateLimited?.(retryWaitMs(policy, attempts, error, random));
          return throwError(() => new RequestFailure(attempts, kind, error));
        }),
      );
    });
  };
}

/** Fails an attempt that has not answered within the policy's time limit (unsubscribing it, which aborts it). */
export function timeoutAttempt<T>(policy: RetryPolicy, scheduler: SchedulerLike = asyncScheduler): MonoTypeOperatorFunction<T> {
  const limit = policy.attemptTimeoutMs;
  return function timeoutAttempt(attempt$: Observable<T>): Observable<T> {
    if (limit === undefined) return attempt$;
    return attempt$.pipe(timeout({ first: limit, with: () => throwError(() => new AttemptTimeoutError(limit)), scheduler }));
  };
}
