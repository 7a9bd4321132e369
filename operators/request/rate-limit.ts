/**
 * @module A deployment's request pool: a concurrency cap, a requests-per-minute and a tokens-per-minute budget,
 * and a pause the whole pool takes when the provider says it is rate limited. Time comes from an RxJS scheduler.
 *
 * The per-minute budgets are token buckets (the way providers describe their own limits): a bucket holds at most
 * one minute's budget and refills continuously at budget/60 s. A request takes 1 from the request bucket and its
 * estimated tokens from the token bucket. A request larger than the whole token budget waits for a full bucket and
 * then runs, leaving the bucket in debt, so it is slowed down rather than refused. Waiters are served first come,
 * first served, so a large request is never starved by small ones behind it.
 *
 * ```
 * acquire ×4 at 0 under {requestsPerMinute: 2}:   (ab) ──30 s── c ──30 s── d
 * acquire ×3 at 0 under {maxConcurrency: 2}, each holding 5 ms:   (ab) ──5 ms── c
 * ```
 */
import { asyncScheduler, defer, finalize, Observable, switchMap, type SchedulerLike, type Subscriber, type Subscription } from 'rxjs';
import { UserError } from '../../core/errors.ts';

/** Limits of one deployment's pool; an absent field is no limit. */
export interface RateLimitPolicy {
  readonly maxConcurrency?: number;
  readonly requestsPerMinute?: number;
  readonly tokensPerMinute?: number;
}

/** Gives back the concurrency slot taken by `acquire`; calling it more than once is harmless. */
export type Release = () => void;

/** One deployment's pool. */
export interface RateLimiter {
  readonly policy: RateLimitPolicy;
  /** Whether `acquire` looks at token counts (only then is estimating them worth the tokenizer's time). */
  readonly isTokenLimited: boolean;
  /**
   * Emits one Release (then completes) when a request of `tokens` estimated tokens may start. Unsubscribing before
   * that leaves the queue; after it, the caller must call the Release when its request is over.
   */
  acquire(tokens: number): Observable<Release>;
  /** Starts no request for `durationMs` from now (the provider said 429 / Retry-After); requests in flight go on. */
  pauseFor(durationMs: number): void;
}

const MINUTE_MS = 60_000;

/** Checks a policy's numbers; a bad one is a UserError naming `where` it came from. */
export function validateRateLimitPolicy(policy: RateLimitPolicy, where: string): RateLimitPolicy {
  for (const [field, value] of Object.entries(policy)) {
    if (value !== undefined && !(Number.isInteger(value) && (value as number) > 0)) {
      throw new UserError(`${where}: ${field} must be a positive integer (or absent for no limit), got ${JSON.stringify(value)}.`);
    }
  }
  return policy;
}

/**
 * A bucket of `perMinute` units refilled continuously. Levels are kept in units × 60 000 so that, with whole-ms
 * clocks, refills and waits are exact integers (no float drift in long runs or marble tests).
 */
function bucket(perMinute: number, now: number) {
  const capacity = perMinute * MINUTE_MS;
  let level = capacity;
  let updatedAt = now;
  const refill = (at: number): void => {
    level = Math.min(capacity, level + (at - updatedAt) * perMinute);
    updatedAt = at;
  };
  return {
    /** Ms until `units` may be taken (0 = now). A request above the capacity needs a full bucket. */
    waitMs(units: number, at: number): number {
      refill(at);
      const needed = Math.min(units * MINUTE_MS, capacity);
      return level >= needed ? 0 : Math.ceil((needed - level) / perMinute);
    },
    take(units: number): void {
      level -= units * MINUTE_MS;
    },
  };
}

interface Waiter {
  readonly tokens: number;
  readonly subscriber: Subscriber<Release>;
}

/**
 * A pool for one deployment. Keep one per deployment for the whole process so budgets carry over between runs.
 * @example limiter.acquire(estimate).pipe(switchMap((release) => send$.pipe(finalize(release))))
 */
export function createRateLimiter(policy: RateLimitPolicy, scheduler: SchedulerLike = asyncScheduler): RateLimiter {
  validateRateLimitPolicy(policy, 'rate limit');
  const start = scheduler.now();
  const requests = policy.requestsPerMinute === undefined ? undefined : bucket(policy.requestsPerMinute, start);
  const tokens = policy.tokensPerMinute === undefined ? undefined : bucket(policy.tokensPerMinute, start);
  const maxConcurrency = policy.maxConcurrency ?? Infinity;
  const queue: Waiter[] = [];
  let active = 0;
  let pausedUntil = -Infinity;
  let wakeup: Subscription | undefined;
  let wakeupAt = Infinity;

  const scheduleWakeup = (at: number): void => {
    if (wakeup !== undefined && wakeupAt <= at) return; // an earlier wakeup will look again
    wakeup?.unsubscribe();
    wakeupAt = at;
    wakeup = scheduler.schedule(() => {
      wakeup = undefined;
      wakeupAt = Infinity;
      drain();
    }, Math.max(0, at - scheduler.now()));
  };

  /** Admits waiters from the head of the queue while every limit allows; otherwise sets a wakeup for the head. */
  function drain(): void {
    while (queue.length > 0 && active < maxConcurrency) {
      const head = queue[0]!;
      const now = scheduler.now();
      const waitMs = Math.max(pausedUntil - now, requests?.waitMs(1, now) ?? 0, tokens?.waitMs(head.tokens, now) ?? 0);
      if (waitMs > 0) {
        scheduleWakeup(now + waitMs);
        return;
      }
      queue.shift();
      requests?.take(1);
      tokens?.take(head.tokens);
      active += 1;
      let isReleased = false;
      head.subscriber.next(() => {
        if (isReleased) return;
        isReleased = true;
        active -= 1;
        drain();
      });
      head.subscriber.complete();
    }
  }

  return {
    policy,
    isTokenLimited: tokens !== undefined,
    acquire(estimatedTokens) {
      return new Observable<Release>((subscriber) => {
        const waiter: Waiter = { tokens: Math.max(0, Math.ceil(estimatedTokens)), subscriber };
        queue.push(waiter);
        drain();
        return () => {
          const index = queue.indexOf(waiter);
          if (index < 0) return;
          queue.splice(index, 1);
          if (index === 0) drain(); // the next waiter may fit where this one did not
        };
      });
    },
    pauseFor(durationMs) {
      pausedUntil = Math.max(pausedUntil, scheduler.now() + Math.max(0, Math.ceil(durationMs)));
      // A wakeup set for an earlier time finds the pause and sets the next one itself.
    },
  };
}

/**
 * Runs `work` inside the pool: waits for admission, then subscribes to `work()` and gives the slot back when it
 * completes, fails or is unsubscribed.
 * @example limited(limiter, 120, () => from(fetchCompletion()))
 */
export function limited<T>(limiter: RateLimiter, tokens: number, work: () => Observable<T>): Observable<T> {
  return defer(() => limiter.acquire(tokens)).pipe(switchMap((release) => work().pipe(finalize(release))));
}

/** One pool per deployment, made on first use and kept for the process (so budgets span runs). */
export interface RateLimiterPools {
  forDeployment(deploymentName: string): RateLimiter;
}

/**
 * Pools by deployment name; `policyFor` gives each deployment's limits (it runs once per deployment).
 * @example const pools = rateLimiterPools((name) => policies[name] ?? {}); pools.forDeployment('openai/gpt-4o')
 */
export function rateLimiterPools(policyFor: (deploymentName: string) => RateLimitPolicy, scheduler: SchedulerLike = asyncScheduler): RateLimiterPools {
  const pools = new Map<string, RateLimiter>();
  return {
    forDeployment(name) {
      let pool = pools.get(name);
      if (pool === undefined) {
        // A pool with no limits still matters: a 429 pauses it for every request of the deployment.
        pool = createRateLimiter(policyFor(name), scheduler);
        pools.set(name, pool);
      }
      return pool;
    },
  };
}
