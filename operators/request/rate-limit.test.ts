import { merge, type Observable, of, switchMap, timer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { createRateLimiter, limited, rateLimiterPools, type RateLimiter } from './rate-limit.ts';

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/** Each name acquires `tokens` at frame 0 and holds its slot until `hold(name)` completes; emits the name when admitted. */
function admissions(
  limiter: RateLimiter,
  requests: readonly { name: string; tokens?: number }[],
  hold: (name: string) => Observable<never>,
): Observable<string> {
  return merge(...requests.map(({ name, tokens }) => limited(limiter, tokens ?? 0, () => merge(hold(name), [name]))));
}

describe('createRateLimiter', () => {
  it('caps concurrency: the third request starts when the first slot comes back', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const limiter = createRateLimiter({ maxConcurrency: 2 });
      const a = cold<never>('-----|');
      const b = cold<never>('--------|');
      const c = cold<never>('--|');
      const holds: Record<string, Observable<never>> = { a, b, c };
      const names = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
      expectObservable(admissions(limiter, names, (n) => holds[n]!)).toBe('(ab)-c--|');
      expectSubscriptions(a.subscriptions).toBe('^----!');
      expectSubscriptions(b.subscriptions).toBe('^-------!');
      expectSubscriptions(c.subscriptions).toBe('-----^-!');
    });
  });

  it('keeps a requests-per-minute budget: two at once, then one every 30 s', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const limiter = createRateLimiter({ requestsPerMinute: 2 });
      const names = ['a', 'b', 'c', 'd'].map((name) => ({ name }));
      // (ab) at 0, c at 30 s, d at 60 s: the bucket holds 2 and refills 1 per 30 s.
      expectObservable(admissions(limiter, names, () => cold<never>('|'))).toBe('(ab) 29996ms c 29999ms (d|)');
    });
  });

  it('keeps a tokens-per-minute budget by each request’s estimate', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const limiter = createRateLimiter({ tokensPerMinute: 1000 });
      expect(limiter.isTokenLimited).toBe(true);
      const names = ['a', 'b', 'c'].map((name) => ({ name, tokens: 600 }));
      // a takes 600 of 1000; b waits for 200 more (12 s); c for 600 more (36 s after b).
      expectObservable(admissions(limiter, names, () => cold<never>('|'))).toBe('a 11999ms b 35999ms (c|)');
    });
  });

  it('lets a request above the whole token budget run on a full bucket, then makes the next wait off the debt', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const limiter = createRateLimiter({ tokensPerMinute: 1000 });
      const names = [{ name: 'a', tokens: 1500 }, { name: 'b', tokens: 100 }];
      // After a the bucket is at −500: b needs 600 tokens of refill, 36 s.
      expectObservable(admissions(limiter, names, () => cold<never>('|'))).toBe('a 35999ms (b|)');
    });
  });

  it('serves waiters first come, first served: a small request does not overtake a large one', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const limiter = createRateLimiter({ tokensPerMinute: 600 });
      const names = [{ name: 'a', tokens: 600 }, { name: 'b', tokens: 600 }, { name: 'c', tokens: 1 }];
      expectObservable(admissions(limiter, names, () => cold<never>('|'))).toBe('a 59999ms b 99ms (c|)');
    });
  });

  it('pauses the whole pool for a Retry-After, without touching requests in flight', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const limiter = createRateLimiter({});
      const inFlight = cold<never>('----------|');
      timer(2).subscribe(() => limiter.pauseFor(5)); // a 429 at frame 2 asks for 5 ms
      const a = limited(limiter, 0, () => merge(inFlight, ['a']));
      const b = timer(3).pipe(switchMap(() => limited(limiter, 0, () => of('b'))));
      expectObservable(merge(a, b)).toBe('a------b--|');
      expectSubscriptions(inFlight.subscriptions).toBe('^---------!');
    });
  });

  it('leaves the queue when a waiter unsubscribes, so the next one gets the slot', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const limiter = createRateLimiter({ maxConcurrency: 1 });
      const a = limited(limiter, 0, () => merge(cold<never>('----|'), ['a']));
      const b = limited(limiter, 0, () => merge(cold<never>('|'), ['b']));
      const c = limited(limiter, 0, () => merge(cold<never>('|'), ['c']));
      expectObservable(a).toBe('a---|');
      expectObservable(b, '^-!').toBe('---');
      expectObservable(c).toBe('----(c|)');
    });
  });

  it('rejects a policy that is not positive integers, naming the field', () => {
    expect(() => createRateLimiter({ requestsPerMinute: 0 })).toThrow(/requestsPerMinute must be a positive integer/);
    expect(() => createRateLimiter({ maxConcurrency: 1.5 })).toThrow(/maxConcurrency/);
  });
});

describe('rateLimiterPools', () => {
  it('keeps one pool per deployment, so budgets carry over between runs', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const asked: string[] = [];
      const pools = rateLimiterPools((name) => {
        asked.push(name);
        return name === 'openai/gpt-4o' ? { requestsPerMinute: 1 } : {};
      });
      const run1 = limited(pools.forDeployment('openai/gpt-4o'), 0, () => merge(cold<never>('|'), ['a']));
      const run2 = limited(pools.forDeployment('openai/gpt-4o'), 0, () => merge(cold<never>('|'), ['b']));
      const other = limited(pools.forDeployment('simple/model1'), 0, () => merge(cold<never>('|'), ['c']));
      expectObservable(merge(run1, run2, other)).toBe('(ac) 59996ms (b|)');
      expect(asked).toEqual(['openai/gpt-4o', 'simple/model1']);
    });
  });
});
