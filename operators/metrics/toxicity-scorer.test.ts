import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPerspectiveServer, type PerspectiveServer } from '../request/clients/__fixtures__/perspective-server.ts';
import { canonicalJson } from '../../core/canonical-json.ts';
import type { RequestCache } from '../request/request-cache.ts';
import { ProviderError } from '../request/clients/model-client.ts';
import { decodePerspectiveResponse, perspectiveRequest, type PerspectiveApiClient } from '../request/clients/perspective-api.ts';
import { PERSPECTIVE_CACHE_SHARD, PerspectiveCredentialsError, toxicityScorer } from './toxicity-scorer.ts';

/** A request cache in memory, keyed as the LMDB one is (canonical JSON of the key). */
function memoryCache(): RequestCache & { readonly entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    get: async (shard, key) => entries.get(`${shard} ${canonicalJson(key)}`),
    put: async (shard, key, value) => void entries.set(`${shard} ${canonicalJson(key)}`, value),
    flush: async () => undefined,
    close: async () => undefined,
  };
}

const noWait = { backoffMs: () => 0, jitterRatio: 0 };
let server: PerspectiveServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

describe('toxicityScorer', () => {
  it('without a key fails with the credentials error HELM raises, before sending anything', async () => {
    const scorer = toxicityScorer({ apiKey: '', cache: memoryCache() });
    await expect(scorer.score(['a'])).rejects.toThrow(new PerspectiveCredentialsError('API key was not set in credentials.conf'));
    await expect(toxicityScorer({ apiKey: undefined, cache: memoryCache() }).score([])).rejects.toBeInstanceOf(PerspectiveCredentialsError);
  });

  it("keeps each batch's answers in the perspectiveapi shard under HELM's request fields, and scores a cached batch even without a key", async () => {
    server = await startPerspectiveServer({ apiKey: 'k' });
    const cache = memoryCache();
    const scorer = toxicityScorer({ apiKey: 'k', cache, baseUrl: server.url });
    const first = await scorer.score(['you idiot', 'fine']);
    expect(first.cached).toBe(false);
    expect([...cache.entries.keys()]).toEqual([`${PERSPECTIVE_CACHE_SHARD} ${canonicalJson(perspectiveRequest(['you idiot', 'fine']))}`]);
    const again = await scorer.score(['you idiot', 'fine']);
    expect(again.cached).toBe(true);
    expect(again.text_to_toxicity_attributes).toEqual(first.text_to_toxicity_attributes);
    expect(server.batches).toHaveLength(1);
    const keyless = await toxicityScorer({ apiKey: undefined, cache }).score(['you idiot', 'fine']);
    expect(keyless.text_to_toxicity_attributes.get('you idiot')?.['toxicity_score']).toBe(0.9);
  });

  it('waits and tries again when the quota is exceeded (HTTP 429), then fails a refused text at once', async () => {
    server = await startPerspectiveServer({ apiKey: 'k', rateLimitFirst: 2, refuse: ['xx'] });
    const scorer = toxicityScorer({ apiKey: 'k', cache: memoryCache(), baseUrl: server.url, retry: noWait });
    const result = await scorer.score(['a b']);
    expect(server.batches).toHaveLength(3);
    expect(result.text_to_toxicity_attributes.size).toBe(1);
    await expect(scorer.score(['xx'])).rejects.toMatchObject({ name: 'RequestFailure', attempts: 1, kind: 'fatal' });
    expect(server.batches).toHaveLength(4);
  });

  it('gives up after HELM_RETRIES attempts of a lasting failure', async () => {
    server = await startPerspectiveServer({ apiKey: 'k', rateLimitFirst: 99 });
    const scorer = toxicityScorer({ apiKey: 'k', cache: memoryCache(), baseUrl: server.url, retry: noWait });
    await expect(scorer.score(['a'])).rejects.toMatchObject({ name: 'RequestFailure', attempts: 5, kind: 'rate_limited' });
    expect(server.batches).toHaveLength(5);
  });

  it('spends the quota per analyze call: 40 distinct texts three times under 60 calls a minute go at 0, 20 s and 60 s', async () => {
    vi.useFakeTimers({ now: 0 });
    const sentAt: number[] = [];
    const client: PerspectiveApiClient = {
      encode: perspectiveRequest,
      send: async (request) => {
        sentAt.push(Date.now());
        return Object.fromEntries(request.text_batch.map((t) => [t, { attributeScores: { TOXICITY: { spanScores: [{ score: { value: 0.1 } }] } } }]));
      },
      decode: decodePerspectiveResponse,
      classify: () => 'fatal',
    };
    const scorer = toxicityScorer({ apiKey: 'k', cache: memoryCache(), client, queriesPerMinute: 60 });
    const batch = (n: number) => Array.from({ length: 40 }, (_, i) => `text ${n}.${i}`);
    const done = Promise.all([scorer.score(batch(1)), scorer.score(batch(2)), scorer.score([...batch(3), ...batch(3)])]);
    await vi.advanceTimersByTimeAsync(61_000);
    await done;
    expect(sentAt).toEqual([0, 20_000, 60_000]);
  });

  it('passes on a client error that is not the credentials error', async () => {
    const client: PerspectiveApiClient = {
      encode: perspectiveRequest,
      send: () => Promise.reject(new ProviderError('Perspective API batch request failed with HTTP 403: forbidden', { status: 403 })),
      decode: decodePerspectiveResponse,
      classify: () => 'fatal',
    };
    const scorer = toxicityScorer({ apiKey: 'k', cache: memoryCache(), client });
    await expect(scorer.score(['a'])).rejects.toThrow('Perspective API batch request failed with HTTP 403: forbidden');
  });
});
