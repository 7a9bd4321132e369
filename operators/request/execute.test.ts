import { lastValueFrom } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PendingRequest } from '../../core/request.ts';
import { request } from '../../core/request.ts';
import { type ModelClient, ProviderError } from './clients/model-client.ts';
import { executeRequest } from './execute.ts';
import { createRateLimiter, type Release } from './rate-limit.ts';
import type { RequestCache } from './request-cache.ts';

const pending: PendingRequest = {
  instance: { input: { text: 'q' }, references: [], split: 'test', id: 'id1' },
  train_trial_index: 0,
  request: request({ model: 'simple/model1', model_deployment: 'simple/model1', prompt: 'a b' }),
  num_train_instances: 0,
  prompt_truncated: false,
  num_conditioning_tokens: 0,
};

function memoryCache(): RequestCache & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    get: async (shard, key) => entries.get(`${shard}|${JSON.stringify(key)}`),
    put: async (shard, key, value) => void entries.set(`${shard}|${JSON.stringify(key)}`, value),
    flush: async () => undefined,
    close: async () => undefined,
  };
}

class Transient extends Error {}

function scriptedClient(outcomes: (string | Error)[]): ModelClient<{ prompt: string }, string> & { calls: number } {
  const client = {
    calls: 0,
    encode: (r: { prompt: string }) => ({ prompt: r.prompt }),
    send: async () => {
      const outcome = outcomes[client.calls++]!;
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
    decode: (cached: { response: string; request_time: number; request_datetime: number }, _r: unknown, wasCached: boolean) => ({
      success: true,
      embedding: [],
      completions: [{ text: cached.response, logprob: 0, tokens: [] }],
      cached: wasCached,
      request_time: cached.request_time,
      request_datetime: cached.request_datetime,
    }),
    classify: (error: unknown) => (error instanceof Transient ? ('transient' as const) : ('fatal' as const)),
  };
  return client;
}

describe('executeRequest', () => {
  afterEach(() => vi.useRealTimers());

  it('stores an answered request before emitting it, and answers the same request from the cache', async () => {
    const cache = memoryCache();
    const client = scriptedClient(['x']);
    const outcomes: { cached: boolean; failed: boolean }[] = [];
    const first = await lastValueFrom(executeRequest(pending, { client, cache, onDone: (o) => outcomes.push(o) }));
    expect(first.result?.completions[0]?.text).toBe('x');
    expect(first.result?.cached).toBe(false);
    expect([...cache.entries.keys()]).toEqual(['simple|{"prompt":"a b"}']);
    const second = await lastValueFrom(executeRequest(pending, { client, cache, onDone: (o) => outcomes.push(o) }));
    expect(second.result?.cached).toBe(true);
    expect(second.result?.request_time).toBe(first.result?.request_time);
    expect(client.calls).toBe(1);
    expect(outcomes).toEqual([{ cached: false, failed: false }, { cached: true, failed: false }]);
  });

  it('keys the cache with request.random when the request has one', async () => {
    const cache = memoryCache();
    await lastValueFrom(
      executeRequest({ ...pending, request: { ...pending.request, random: '1' } }, { client: scriptedClient(['x']), cache }),
    );
    expect([...cache.entries.keys()]).toEqual(['simple|{"prompt":"a b","random":"1"}']);
  });

  it('retries a transient failure after the backoff, then succeeds', async () => {
    vi.useFakeTimers();
    const client = scriptedClient([new Transient('503'), new Transient('503'), 'ok']);
    const done = lastValueFrom(
      executeRequest(pending, { client, cache: memoryCache(), retry: { backoffMs: (n) => n * 1000, jitterRatio: 0 } }),
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(client.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect((await done).result?.completions[0]?.text).toBe('ok');
    expect(client.calls).toBe(3);
  });

  it('records a fatal failure as a failed result, without retrying and without caching it', async () => {
    const cache = memoryCache();
    const client = scriptedClient([new Error('401 bad key')]);
    const failures: boolean[] = [];
    const state = await lastValueFrom(executeRequest(pending, { client, cache, onDone: (o) => failures.push(o.failed) }));
    expect(state.result).toMatchObject({ success: false, completions: [] });
    // HELM does not retry a fatal error either (NonRetriableException); the message says it was not retried.
    expect(state.result?.error).toBe('Failed to make request to simple/model1 (a fatal error, not retried). Error: 401 bad key');
    expect(client.calls).toBe(1);
    expect(cache.entries.size).toBe(0);
    expect(failures).toEqual([true]);
  });

  it('gives up after HELM_RETRIES attempts in all, with HELM’s message', async () => {
    vi.useFakeTimers();
    const client = scriptedClient([new Transient('503 a'), new Transient('503 b'), new Transient('503 c')]);
    const done = lastValueFrom(
      executeRequest(pending, { client, cache: memoryCache(), retry: { maxAttempts: 3, backoffMs: () => 1000, jitterRatio: 0 } }),
    );
    await vi.advanceTimersByTimeAsync(2000);
    const state = await done;
    expect(client.calls).toBe(3);
    expect(state.result?.error).toBe('Failed to make request to simple/model1 after retrying 3 times. Error: 503 c');
  });

  it('aborts an attempt that times out, through the signal given to send, and retries it', async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    const client = {
      ...scriptedClient([]),
      send: (_raw: unknown, signal: AbortSignal) => {
        signals.push(signal);
        return signals.length === 1 ? new Promise<string>(() => undefined) : Promise.resolve('late but fine');
      },
    };
    const done = lastValueFrom(
      executeRequest(pending, { client, cache: memoryCache(), retry: { attemptTimeoutMs: 30_000, backoffMs: () => 0, jitterRatio: 0 } }),
    );
    await vi.advanceTimersByTimeAsync(29_999);
    expect(signals.map((s) => s.aborted)).toEqual([false]);
    await vi.advanceTimersByTimeAsync(1);
    expect(signals[0]?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    expect((await done).result?.completions[0]?.text).toBe('late but fine');
  });

  it('answers a cache hit without waiting for the rate limit; a miss waits for a slot', async () => {
    const cache = memoryCache();
    const limiter = createRateLimiter({ maxConcurrency: 1 });
    await lastValueFrom(executeRequest(pending, { client: scriptedClient(['x']), cache, limiter }));
    let release: Release = () => undefined;
    limiter.acquire(0).subscribe((r) => (release = r)); // another request holds the only slot
    const hit = await lastValueFrom(executeRequest(pending, { client: scriptedClient([]), cache, limiter }));
    expect(hit.result?.cached).toBe(true);
    const client = scriptedClient(['y']);
    const miss = lastValueFrom(executeRequest({ ...pending, request: { ...pending.request, prompt: 'other' } }, { client, cache, limiter }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(client.calls).toBe(0);
    release();
    expect((await miss).result?.completions[0]?.text).toBe('y');
  });

  it('estimates tokens (prompt + max_tokens × num_completions) only for a token-limited pool and a cache miss', async () => {
    const estimated: string[] = [];
    const estimateTokens = (r: { prompt: string }) => (estimated.push(r.prompt), 10);
    const cache = memoryCache();
    await lastValueFrom(executeRequest(pending, { client: scriptedClient(['x']), cache, limiter: createRateLimiter({}), estimateTokens }));
    expect(estimated).toEqual([]);
    const limiter = createRateLimiter({ tokensPerMinute: 1000 });
    await lastValueFrom(executeRequest(pending, { client: scriptedClient([]), cache, limiter, estimateTokens }));
    expect(estimated).toEqual([]);
    const other = { ...pending, request: { ...pending.request, prompt: 'other' } };
    await lastValueFrom(executeRequest(other, { client: scriptedClient(['y']), cache, limiter, estimateTokens }));
    expect(estimated).toEqual(['other']);
  });

  it('pauses the whole deployment for a 429’s Retry-After: other requests wait too', async () => {
    vi.useFakeTimers({ now: 0 });
    const calls: { prompt: string; at: number }[] = [];
    const client = {
      ...scriptedClient([]),
      send: async (raw: { prompt: string }) => {
        calls.push({ prompt: raw.prompt, at: Date.now() });
        if (calls.length === 1) throw new ProviderError('429 too many requests', { status: 429, retryAfterMs: 2000 });
        return `answer to ${raw.prompt}`;
      },
      classify: (e: unknown) => (e instanceof ProviderError && e.status === 429 ? ('rate_limited' as const) : ('fatal' as const)),
    };
    const limiter = createRateLimiter({});
    const cache = memoryCache();
    const first = lastValueFrom(executeRequest(pending, { client, cache, limiter }));
    await vi.advanceTimersByTimeAsync(500);
    const second = lastValueFrom(executeRequest({ ...pending, request: { ...pending.request, prompt: 'b' } }, { client, cache, limiter }));
    await vi.advanceTimersByTimeAsync(1499);
    expect(calls).toEqual([{ prompt: 'a b', at: 0 }]);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all([first, second]);
    expect(calls.map((c) => c.at)).toEqual([0, 2000, 2000]);
    expect(calls.map((c) => c.prompt).sort()).toEqual(['a b', 'a b', 'b']);
  });

  it('removes secrets from the error written into a failed result', async () => {
    const client = scriptedClient([new Error('401: key sk-live-123456 is revoked')]);
    const state = await lastValueFrom(
      executeRequest(pending, { client, cache: memoryCache(), redact: (text) => text.replaceAll('sk-live-123456', '***') }),
    );
    expect(state.result?.error).toBe('Failed to make request to simple/model1 (a fatal error, not retried). Error: 401: key *** is revoked');
  });
});
