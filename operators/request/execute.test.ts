import { lastValueFrom } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PendingRequest } from '../../core/request.ts';
import { request } from '../../core/request.ts';
import type { ModelClient } from './clients/model-client.ts';
import { executeRequest } from './execute.ts';
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
    const done = lastValueFrom(executeRequest(pending, { client, cache: memoryCache(), backoffMs: (n) => n * 1000 }));
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
    expect(state.result?.error).toContain('Failed to make request to simple/model1 after retrying 5 times. Error: 401 bad key');
    expect(client.calls).toBe(1);
    expect(cache.entries.size).toBe(0);
    expect(failures).toEqual([true]);
  });
});
