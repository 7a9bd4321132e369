import { defer } from 'rxjs';
import { type RunHelpers, TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { ProviderError } from './clients/model-client.ts';
import type { FailureKind } from './clients/model-client.ts';
import {
  AttemptTimeoutError,
  DEFAULT_RETRY_POLICY,
  helmBackoffMs,
  RequestFailure,
  retryRequest,
  type RetryPolicy,
  retryWaitMs,
  timeoutAttempt,
} from './retry.ts';

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/** Classifies by HTTP status as a provider client would: 429 rate limited, 400/401/403 fatal, the rest transient. */
const classify = (error: unknown): FailureKind => {
  const status = error instanceof ProviderError ? error.status : undefined;
  if (status === 429) return 'rate_limited';
  return status === 400 || status === 401 || status === 403 ? 'fatal' : 'transient';
};
const status503 = new ProviderError('503 overloaded', { status: 503 });

/** Waits of 10, 20, 40 … frames and no jitter: HELM's doubling in marble-sized time. */
const policy = (fields: Partial<RetryPolicy> = {}): RetryPolicy => ({
  ...DEFAULT_RETRY_POLICY,
  backoffMs: (n) => 2 ** n * 5,
  jitterRatio: 0,
  ...fields,
});

describe('retryRequest', () => {
  it('retries a transient failure after HELM’s doubling waits, then succeeds', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const outcomes = [cold('--#', undefined, status503), cold('--#', undefined, status503), cold('--a|')];
      let calls = 0;
      const attempt$ = defer(() => outcomes[calls++]!);
      // attempts at 0, 2 + 10 = 12 and 14 + 20 = 34
      expectObservable(attempt$.pipe(retryRequest({ policy: policy(), classify }))).toBe('-- 10ms -- 20ms --a|');
      expectSubscriptions(outcomes[0]!.subscriptions).toBe('^-!');
      expectSubscriptions(outcomes[1]!.subscriptions).toBe('12ms ^-!');
      expectSubscriptions(outcomes[2]!.subscriptions).toBe('34ms ^--!');
    });
  });

  it('gives up after maxAttempts with a RequestFailure naming the attempts made', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const attempt$ = cold('--#', undefined, status503);
      expectObservable(attempt$.pipe(retryRequest({ policy: policy({ maxAttempts: 3 }), classify }))).toBe(
        '-- 10ms -- 20ms --#',
        undefined,
        new RequestFailure(3, 'transient', status503),
      );
    });
  });

  it('stops at maxAttempts attempts (HELM_RETRIES counts the first), waiting 10, 20, 40, 80 between them', () => {
    let attempt$: ReturnType<RunHelpers['cold']> | undefined;
    scheduler().run(({ cold, expectObservable }) => {
      attempt$ = cold('#', undefined, status503);
      expectObservable(attempt$.pipe(retryRequest({ policy: policy({ maxAttempts: 5 }), classify }))).toBe(
        '10ms 20ms 40ms 80ms #',
        undefined,
        new RequestFailure(5, 'transient', status503),
      );
    });
    expect(attempt$?.subscriptions.map((s) => s.subscribedFrame)).toEqual([0, 10, 30, 70, 150]);
  });

  it('never retries a fatal error (400/401/403)', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const unauthorized = new ProviderError('401 invalid key', { status: 401 });
      const attempt$ = cold('---#', undefined, unauthorized);
      expectObservable(attempt$.pipe(retryRequest({ policy: policy(), classify }))).toBe(
        '---#',
        undefined,
        new RequestFailure(1, 'fatal', unauthorized),
      );
      expectSubscriptions(attempt$.subscriptions).toBe('^--!');
    });
  });

  it('waits the Retry-After a provider sends instead of the backoff, and pauses the pool for it', () => {
    const pauses: number[] = [];
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const tooMany = new ProviderError('429 slow down', { status: 429, retryAfterMs: 7 });
      const outcomes = [cold('-#', undefined, tooMany), cold('-a|')];
      let calls = 0;
      const attempt$ = defer(() => outcomes[calls++]!);
      // The 429 comes at frame 1; the retry starts 7 frames later, not after the backoff's 10.
      expectObservable(attempt$.pipe(retryRequest({ policy: policy(), classify, onRateLimited: (ms) => pauses.push(ms) }))).toBe(
        '- 7ms -a|',
      );
      expectSubscriptions(outcomes[0]!.subscriptions).toBe('^!');
      expectSubscriptions(outcomes[1]!.subscriptions).toBe('8ms ^-!');
    });
    expect(pauses).toEqual([7]);
  });

  it('pauses the pool after every rate-limited attempt, the last one included', () => {
    const pauses: number[] = [];
    scheduler().run(({ cold, expectObservable }) => {
      const tooMany = new ProviderError('429', { status: 429 });
      const attempt$ = cold('#', undefined, tooMany);
      expectObservable(attempt$.pipe(retryRequest({ policy: policy({ maxAttempts: 3 }), classify, onRateLimited: (ms) => pauses.push(ms) }))).toBe(
        '10ms 20ms #',
        undefined,
        new RequestFailure(3, 'rate_limited', tooMany),
      );
    });
    expect(pauses).toEqual([10, 20, 40]);
  });

  it('takes a Retry-After for a transient 503 too, but pauses the pool only when rate limited', () => {
    const pauses: number[] = [];
    scheduler().run(({ cold, expectObservable }) => {
      const unavailable = new ProviderError('503', { status: 503, retryAfterMs: 3 });
      const attempt$ = cold('#', undefined, unavailable);
      expectObservable(attempt$.pipe(retryRequest({ policy: policy({ maxAttempts: 2 }), classify, onRateLimited: (ms) => pauses.push(ms) }))).toBe(
        '---#',
        undefined,
        new RequestFailure(2, 'transient', unavailable),
      );
    });
    expect(pauses).toEqual([]);
  });

  it('retries an attempt that timed out, and the timed-out attempt is unsubscribed (so its request is aborted)', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const slow = cold('------a|');
      const p = policy({ maxAttempts: 2, attemptTimeoutMs: 4 });
      expectObservable(slow.pipe(timeoutAttempt(p), retryRequest({ policy: p, classify }))).toBe(
        '---- 10ms ----#',
        undefined,
        new RequestFailure(2, 'transient', new AttemptTimeoutError(4)),
      );
      expectSubscriptions(slow.subscriptions).toBe(['^---!', '14ms ^---!']);
    });
  });

  it('passes a value that comes in time', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const p = policy({ attemptTimeoutMs: 4 });
      expectObservable(cold('---a|').pipe(timeoutAttempt(p), retryRequest({ policy: p, classify }))).toBe('---a|');
    });
  });
});

describe('retryWaitMs', () => {
  it('is HELM’s 2**n × 5 s without jitter', () => {
    const helm = { ...DEFAULT_RETRY_POLICY, jitterRatio: 0 };
    expect([1, 2, 3, 4].map((n) => retryWaitMs(helm, n, status503, Math.random))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(helmBackoffMs(1)).toBe(10_000);
  });

  it('adds jitter within [base, base × (1 + ratio)]', () => {
    const waits = [0, 0.5, 0.999999].map((r) => retryWaitMs(DEFAULT_RETRY_POLICY, 2, status503, () => r));
    expect(waits).toEqual([20_000, 22_500, 25_000]);
    for (let i = 0; i < 200; i++) {
      const wait = retryWaitMs(DEFAULT_RETRY_POLICY, 3, status503, Math.random);
      expect(wait).toBeGreaterThanOrEqual(40_000);
      expect(wait).toBeLessThanOrEqual(50_000);
    }
  });

  it('takes Retry-After as given, capped by maxWaitMs like every wait', () => {
    const asked = new ProviderError('429', { status: 429, retryAfterMs: 1234.5 });
    expect(retryWaitMs(DEFAULT_RETRY_POLICY, 4, asked, () => 0.9)).toBe(1235);
    expect(retryWaitMs({ ...DEFAULT_RETRY_POLICY, maxWaitMs: 1000 }, 4, asked, () => 0.9)).toBe(1000);
    expect(retryWaitMs({ ...DEFAULT_RETRY_POLICY, maxWaitMs: 30_000 }, 4, status503, () => 0)).toBe(30_000);
  });
});
