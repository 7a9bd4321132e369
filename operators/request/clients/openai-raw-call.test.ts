import { once } from 'node:events';
import { createServer, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, RateLimitError } from 'openai';
import { VERSION } from 'openai/version';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionDroppedError, keepAliveFetch } from './keep-alive-fetch.ts';
import { openaiRawCall, type OpenAIRawEndpoint } from './openai-raw-call.ts';

/** What the server received, byte for byte. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly rawHeaders: readonly string[];
  readonly body: string;
}

/** How the server answers: a status, headers and body; a connection cut mid-body; or never. */
type Answer = { status: number; headers?: OutgoingHttpHeaders; body?: string | Buffer } | 'drop-mid-body' | 'hang';

let server: Server;
let base: string;
let answer: Answer = { status: 200, body: '{}' };
const seen: Seen[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((request, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, rawHeaders: request.rawHeaders, body: Buffer.concat(chunks).toString() });
      if (answer === 'hang') return;
      if (answer === 'drop-mid-body') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        response.write('{"choices":', () => request.socket.destroy());
        return;
      }
      response.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  server.on('connection', (socket: Socket) => sockets.add(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const KEY = 'sk-test-0123456789abcdef';
/** The SDK as openai-sdk.ts makes it, with every option a deployment may set. */
const sdkFor = (options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
  new OpenAI({
    apiKey: KEY,
    baseURL: base,
    organization: 'org-1',
    project: 'proj-1',
    maxRetries: 0,
    fetch: keepAliveFetch,
    defaultHeaders: { 'X-Gateway': 'helm' },
    defaultQuery: { 'api-version': '2024-10-21' },
    ...options,
  });

const BODIES: Record<OpenAIRawEndpoint, object> = {
  chat: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Answer: é' }], temperature: 0, stop: null, max_tokens: 1 },
  completions: { model: 'bench', prompt: 'Answer:', max_tokens: 1, logprobs: 5, echo: false },
  embeddings: { model: 'text-embedding-3-small', input: 'hello', encoding_format: 'float' },
};

/** The same request through the SDK's own `create` (as openai.ts sent it before). */
function sdkCall(sdk: OpenAI, endpoint: OpenAIRawEndpoint, body: object, signal?: AbortSignal): Promise<unknown> {
  const options = signal === undefined ? {} : { signal };
  if (endpoint === 'chat') return sdk.chat.completions.create(body as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming, options);
  if (endpoint === 'completions') return sdk.completions.create(body as OpenAI.CompletionCreateParamsNonStreaming, options);
  return sdk.embeddings.create(body as OpenAI.EmbeddingCreateParams, options);
}

/** What a call gave: its value (and `_request_id`), or its error's class, message, status, headers, body and causes. */
async function outcome(call: Promise<unknown>) {
  try {
    const value = await call;
    return { value, requestId: (value as { _request_id?: unknown } | null)?._request_id };
  } catch (error) {
    const e = error as Error & { status?: number; headers?: Headers; error?: unknown; code?: unknown };
    const causes: string[] = [];
    for (let c: unknown = e.cause; c instanceof Error; c = c.cause) causes.push(`${c.constructor.name}: ${c.message}`);
    return { error: e.constructor.name, message: e.message, status: e.status, headers: e.headers && [...e.headers], body: e.error, code: e.code, causes };
  }
}

/** The outcome of one request sent by the SDK, then by the raw call, each with what the server received. */
async function both(endpoint: OpenAIRawEndpoint, sdk = sdkFor(), signal?: () => AbortSignal) {
  seen.length = 0;
  const bySdk = await outcome(sdkCall(sdk, endpoint, BODIES[endpoint], signal?.()));
  const raw = await outcome(openaiRawCall(sdk)(endpoint, BODIES[endpoint], signal?.()));
  return { bySdk, raw, seen: [...seen] };
}

describe('openaiRawCall', () => {
  it.each(['chat', 'completions', 'embeddings'] as const)('sends to /%s exactly what the SDK sends: method, URL, headers in order, body', async (endpoint) => {
    answer = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"choices":[]}' };
    const { seen: [fromSdk, fromRaw] } = await both(endpoint);
    expect(fromRaw).toEqual(fromSdk);
    const path = { chat: '/v1/chat/completions', completions: '/v1/completions', embeddings: '/v1/embeddings' }[endpoint];
    expect(fromRaw).toMatchObject({ method: 'POST', url: `${path}?api-version=2024-10-21`, body: JSON.stringify(BODIES[endpoint]) });
    const headers = Object.fromEntries(Array.from({ length: fromRaw!.rawHeaders.length / 2 }, (_, i) => [fromRaw!.rawHeaders[2 * i]!.toLowerCase(), fromRaw!.rawHeaders[2 * i + 1]]));
    expect(headers).toMatchObject({
      'accept': 'application/json', 'accept-encoding': 'gzip, deflate, br', 'authorization': `Bearer ${KEY}`, 'content-type': 'application/json',
      'openai-organization': 'org-1', 'openai-project': 'proj-1', 'x-gateway': 'helm', 'user-agent': `OpenAI/JS ${VERSION}`,
      'x-stainless-retry-count': '0', 'x-stainless-lang': 'js', 'x-stainless-runtime-version': process.version, 'connection': 'keep-alive',
    });
    expect(headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(BODIES[endpoint]))));
  });

  it('parses 2xx bodies as the SDK does: JSON with _request_id, gzip, a BOM, text, 204 null, an empty JSON body undefined', async () => {
    const json = { choices: [{ text: ' B', finish_reason: 'length', logprobs: null }] };
    const answers: Answer[] = [
      { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req_7' }, body: JSON.stringify(json) },
      { status: 200, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync(JSON.stringify(json)) },
      { status: 200, headers: { 'content-type': 'application/vnd.x+json' }, body: `\uFEFF${JSON.stringify(json)}` },
      { status: 200, headers: { 'content-type': 'text/plain' }, body: 'plain answer' },
      { status: 204 },
      { status: 200, headers: { 'content-type': 'application/json', 'content-length': '0' } },
    ];
    const expected = [json, json, json, 'plain answer', null, undefined];
    for (const [i, next] of answers.entries()) {
      answer = next;
      const { bySdk, raw } = await both('completions');
      expect(raw).toEqual(bySdk);
      expect(raw.value).toEqual(expected[i]);
    }
    answer = answers[0]!;
    expect((await both('completions')).raw.requestId).toBe('req_7');
  });

  it('throws the SDK error for 4xx/5xx: class, status, message, headers and error body (429 with Retry-After)', async () => {
    const errorBody = { error: { message: 'Rate limit reached for requests', type: 'requests', param: null, code: 'rate_limit_exceeded' } };
    const answers: Answer[] = [
      { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '2', 'x-request-id': 'req_9' }, body: JSON.stringify(errorBody) },
      { status: 400, headers: { 'content-type': 'application/json' }, body: '{"error":{"message":{"detail":"bad"},"code":null}}' },
      { status: 404, headers: { 'content-type': 'text/plain' }, body: 'no such route' },
      { status: 500 },
      { status: 503, body: '{"detail":"overloaded"}' }, // JSON without `error`: the SDK's message says no body
      { status: 304 },
    ];
    const messages = ['429 Rate limit reached for requests', '400 {"detail":"bad"}', '404 no such route', '500 status code (no body)', '503 status code (no body)', '304 status code (no body)'];
    for (const [i, next] of answers.entries()) {
      answer = next;
      const { bySdk, raw } = await both('chat');
      expect(raw).toEqual(bySdk);
      expect([raw.status, raw.message]).toEqual([(next as { status: number }).status, messages[i]]);
    }
    answer = answers[0]!;
    const error = await openaiRawCall(sdkFor())('chat', BODIES.chat).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect([(error as RateLimitError).headers.get('retry-after'), (error as RateLimitError).code, (error as RateLimitError).requestID]).toEqual(['2', 'rate_limit_exceeded', 'req_9']);
  });

  it('throws the SDK SyntaxError for a 2xx JSON body that is not JSON', async () => {
    answer = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"choices": [' };
    const { bySdk, raw } = await both('completions');
    expect(raw).toEqual(bySdk);
    expect(raw.error).toBe('SyntaxError');
  });

  it('throws APIConnectionError (cause: fetch failed, ECONNREFUSED) when the connection is refused', async () => {
    const refused = sdkFor({ baseURL: 'http://127.0.0.1:1/v1' });
    const bySdk = await outcome(sdkCall(refused, 'completions', BODIES.completions));
    const raw = await outcome(openaiRawCall(refused)('completions', BODIES.completions));
    expect(raw).toEqual(bySdk);
    expect(raw).toMatchObject({ error: 'APIConnectionError', message: 'Connection error.', causes: ['TypeError: fetch failed', expect.stringContaining('ECONNREFUSED')] });
  });

  it('throws APIConnectionError with a ConnectionDroppedError cause when the connection drops mid-body', async () => {
    answer = 'drop-mid-body';
    const { bySdk, raw } = await both('chat');
    expect(raw).toEqual(bySdk);
    expect(raw.error).toBe('APIConnectionError');
    expect(raw.causes?.[1]).toMatch(/^ConnectionDroppedError: /);
    const error = await openaiRawCall(sdkFor())('chat', BODIES.chat).catch((e: unknown) => e);
    expect((error as APIConnectionError & { cause: Error }).cause.cause).toBeInstanceOf(ConnectionDroppedError);
  });

  it('throws APIConnectionTimeoutError after the timeout when the server never answers', async () => {
    answer = 'hang';
    const { bySdk, raw } = await both('completions', sdkFor({ timeout: 50 }));
    expect(raw).toEqual(bySdk);
    expect(raw).toMatchObject({ error: 'APIConnectionTimeoutError', message: 'Request timed out.' });
    expect(await openaiRawCall(sdkFor({ timeout: 50 }))('chat', BODIES.chat).catch((e: unknown) => e)).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('throws APIUserAbortError when the signal aborts, before sending or while waiting', async () => {
    answer = 'hang';
    const aborted = () => AbortSignal.abort();
    const before = await both('chat', sdkFor(), aborted);
    expect(before.raw).toEqual(before.bySdk);
    expect(before.raw).toMatchObject({ error: 'APIUserAbortError', message: 'Request was aborted.' });
    expect(before.seen).toHaveLength(0);
    const during = await both('chat', sdkFor(), () => AbortSignal.timeout(30));
    expect(during.raw).toEqual(during.bySdk);
    expect(during.seen).toHaveLength(2);
    expect(await openaiRawCall(sdkFor())('chat', BODIES.chat, AbortSignal.timeout(10)).catch((e: unknown) => e)).toBeInstanceOf(APIUserAbortError);
  });
});
