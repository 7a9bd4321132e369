import { afterEach, describe, expect, it } from 'vitest';
import { defaultScore, startPerspectiveServer, type PerspectiveServer } from './__fixtures__/perspective-server.ts';
import { ProviderError } from './model-client.ts';
import { PERSPECTIVE_ATTRIBUTES, perspectiveApiClient, toxicityAttributesOf } from './perspective-api.ts';
import { decodeBatch, encodeBatch, pythonQuote, pythonUnquote } from './perspective-batch.ts';

// The stand-in server speaks Google's batch format; google-api-python-client 1.7.12 (HELM's client library) was
// checked against it by hand: HELM's PerspectiveAPIClient read its answers, folded Content-IDs and all.
let server: PerspectiveServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('perspectiveApiClient against a Perspective stand-in on 127.0.0.1', () => {
  it('sends one batch with one analyze call per distinct text and reads each text\'s attribute scores', async () => {
    server = await startPerspectiveServer({ apiKey: 'k1' });
    const client = perspectiveApiClient({ apiKey: 'k1', baseUrl: server.url });
    const texts = ['hello there', 'you idiot', 'hello there', 'café + 100% “q”\nnew', '!!!'];
    const request = client.encode(texts);
    expect(request).toEqual({ text_batch: texts, attributes: [...PERSPECTIVE_ATTRIBUTES], languages: ['en'] });
    const result = client.decode(await client.send(request), false);
    expect(server.batches).toHaveLength(1);
    const calls = server.batches[0]!.calls;
    expect(calls.map((c) => (c.body['comment'] as { text: string }).text)).toEqual(['hello there', 'you idiot', 'café + 100% “q”\nnew', '!!!']);
    expect(calls[0]!.requestLine).toBe('POST /v1alpha1/comments:analyze?key=k1&alt=json HTTP/1.1');
    expect(calls[0]!.body).toEqual({
      comment: { text: 'hello there' },
      requestedAttributes: Object.fromEntries(PERSPECTIVE_ATTRIBUTES.map((a) => [a, {}])),
      languages: ['en'],
      spanAnnotations: true,
    });
    expect(calls[2]!.contentId).toMatch(/^<[0-9a-f-]{36} \+ caf%C3%A9%20%2B%20100%25%20%E2%80%9Cq%E2%80%9D%0Anew>$/);
    expect(result.cached).toBe(false);
    expect([...result.text_to_toxicity_attributes.keys()].sort()).toEqual(['!!!', 'café + 100% “q”\nnew', 'hello there', 'you idiot']);
    expect(result.text_to_toxicity_attributes.get('you idiot')).toMatchObject({ toxicity_score: 0.9, flirtation_score: 0.45 });
    // Values HELM's own client read from the same server for the same texts.
    expect(result.text_to_toxicity_attributes.get('hello there')?.['toxicity_score']).toBe(0.072655);
    expect(result.text_to_toxicity_attributes.get('café + 100% “q”\nnew')?.['toxicity_score']).toBe(0.292765);
    expect(result.text_to_toxicity_attributes.get('!!!')?.['toxicity_score']).toBe(0);
  });

  it('cuts a text to 20,480 characters in the call, but keeps the whole text as its id', async () => {
    server = await startPerspectiveServer({ apiKey: 'k1' });
    const client = perspectiveApiClient({ apiKey: 'k1', baseUrl: server.url });
    const long = `${'😀'.repeat(20_000)}${'a'.repeat(600)}`;
    const result = client.decode(await client.send(client.encode([long])), false);
    const sent = (server.batches[0]!.calls[0]!.body['comment'] as { text: string }).text;
    expect([...sent]).toHaveLength(20_480);
    expect(result.text_to_toxicity_attributes.get(long)?.['toxicity_score']).toBe(defaultScore(sent, 'TOXICITY'));
  });

  it('sends nothing for an empty batch', async () => {
    server = await startPerspectiveServer();
    const client = perspectiveApiClient({ apiKey: 'test-key', baseUrl: server.url });
    expect(await client.send(client.encode([]))).toEqual({});
    expect(server.batches).toHaveLength(0);
  });

  it('classifies quota (429) as rate limited, a bad key or a refused text as fatal, an unreachable host as transient', async () => {
    server = await startPerspectiveServer({ apiKey: 'k1', rateLimitFirst: 1, refuse: ['xx'] });
    const good = perspectiveApiClient({ apiKey: 'k1', baseUrl: server.url });
    const quota = await good.send(good.encode(['a'])).catch((e: unknown) => e);
    expect(quota).toBeInstanceOf(ProviderError);
    expect(quota).toMatchObject({ status: 429, retryAfterMs: 0 });
    expect(good.classify(quota)).toBe('rate_limited');
    const refused = await good.send(good.encode(['a', 'xx'])).catch((e: unknown) => e);
    expect((refused as Error).message).toBe('Perspective API failed for "xx" with HTTP 400: Attribute TOXICITY does not support request languages: xx');
    expect(good.classify(refused)).toBe('fatal');
    const bad = perspectiveApiClient({ apiKey: 'wrong', baseUrl: server.url });
    const invalid = await bad.send(bad.encode(['a'])).catch((e: unknown) => e);
    expect((invalid as Error).message).toBe('Perspective API failed for "a" with HTTP 400: API key not valid. Please pass a valid API key.');
    expect(bad.classify(invalid)).toBe('fatal');
    const url = server.url;
    await server.close();
    server = undefined;
    const gone = await good.send(good.encode(['a']), undefined).catch((e: unknown) => e);
    expect((gone as Error).message).toMatch(/^Perspective API could not be reached/);
    expect(good.classify(gone)).toBe('transient');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});

describe('the batch wire format', () => {
  it("quotes Content-ID ids as Python's urllib.parse.quote does, and back", () => {
    expect(pythonQuote("a b/c~_.-!*'()é\n")).toBe('a%20b/c~_.-%21%2A%27%28%29%C3%A9%0A');
    expect(pythonUnquote('a%20b/c~_.-%21%2A%27%28%29%C3%A9%0A')).toBe("a b/c~_.-!*'()é\n");
  });

  it('writes every call as an application/http part and reads answers with LF or CRLF endings', () => {
    const batch = encodeBatch([{ id: 'x y', body: { comment: { text: 'é' }, requestedAttributes: { TOXICITY: {} }, languages: ['en'], spanAnnotations: true } }], {
      apiKey: 'k',
      host: 'h',
      baseId: 'B',
      boundary: 'XX',
    });
    expect(batch.contentType).toBe('multipart/mixed; boundary="XX"');
    expect(batch.body).toBe(
      '--XX\r\nContent-Type: application/http\r\nMIME-Version: 1.0\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <B + x%20y>\r\n\r\n' +
        'POST /v1alpha1/comments:analyze?key=k&alt=json HTTP/1.1\r\nContent-Type: application/json\r\nMIME-Version: 1.0\r\naccept: application/json\r\n' +
        'content-length: 109\r\nHost: h\r\n\r\n{"comment":{"text":"\\u00e9"},"requestedAttributes":{"TOXICITY":{}},"languages":["en"],"spanAnnotations":true}\r\n--XX--\r\n',
    );
    const answers = decodeBatch('multipart/mixed; boundary=batch_1', '--batch_1\nContent-Type: application/http\nContent-ID:\n <response-B + x%20y>\n\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{"a": 1}\n--batch_1--\n');
    expect([...answers]).toEqual([['x y', { status: 200, body: '{"a": 1}' }]]);
  });

  it('reads HELM\'s attributes from spanScores[0], leaving the unanswered ones null', () => {
    const response = { attributeScores: { TOXICITY: { spanScores: [{ score: { value: 0.25 } }, { score: { value: 0.9 } }], summaryScore: { value: 0.9 } } } };
    expect(toxicityAttributesOf(response, 't')).toEqual({
      toxicity_score: 0.25,
      severe_toxicity_score: null,
      identity_attack_score: null,
      insult_score: null,
      profanity_score: null,
      threat_score: null,
      sexually_explicit_score: null,
      flirtation_score: null,
    });
  });
});
