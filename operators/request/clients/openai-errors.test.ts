import { lastValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pyFloat } from '../../../core/py-float.ts';
import { request, type PendingRequest } from '../../../core/request.ts';
import { disabledRequestCache } from '../request-cache.ts';
import { executeRequest } from '../execute.ts';
import { ProviderError, type AnyModelClient, type FailureKind } from './model-client.ts';
import { openaiClient } from './openai.ts';
import { redact, retryAfterMsOf } from './openai-errors.ts';
import { chatCompletion, errorBody, startOpenAIServer, type OpenAIServer, type Reply } from './__fixtures__/openai-server.ts';

const KEY = 'sk-proj-SECRET0123456789';
let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer(() => ({ json: chatCompletion('m', [['B', 'stop']]) }));
});
afterAll(() => server.close());

const client = () =>
  openaiClient(
    { deploymentName: 'openai/gpt-4o-2024-11-20', args: { base_url: server.baseURL, api_key: KEY }, credentials: { apiKey: () => undefined, get: () => undefined } },
    { flavor: 'chat' },
  );
const req = request({ model_deployment: 'openai/gpt-4o-2024-11-20', model: 'openai/gpt-4o-2024-11-20', prompt: 'Hi', temperature: pyFloat(0) });

/** Sends once against a scripted reply; returns the error thrown and how the client classifies it. */
async function failure(reply: Reply): Promise<{ error: ProviderError; kind: FailureKind }> {
  server.script(() => reply);
  const c = client();
  const error = await c.send(c.encode(req), new AbortController().signal).then(
    () => expect.fail('send should have failed'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as Error).message).not.toContain(KEY);
  return { error: error as ProviderError, kind: c.classify(error) };
}

describe('OpenAI failures: what the retry wrapper does with them', () => {
  it('401 is fatal, with a message that names the credential to fix and no key', async () => {
    const { error, kind } = await failure({
      status: 401,
      json: errorBody(`Incorrect API key provided: ${KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', 'invalid_api_key'),
    });
    expect(kind).toBe('fatal');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/^OpenAI error: 401 Incorrect API key provided: \*\*\*\./);
    expect(error.message).toContain("openaiApiKey (or deployments.\"openai/gpt-4o-2024-11-20\") in credentials.conf");
    expect(error.message).toContain('OPENAI_API_KEY');
  });

  it.each([400, 403, 404])('%i is fatal', async (status) => {
    const { kind, error } = await failure({ status, json: errorBody('The model `gpt-x` does not exist', 'invalid_request_error', 'model_not_found') });
    expect(kind).toBe('fatal');
    expect(error.status).toBe(status);
  });

  it('429 with Retry-After is rate_limited, exposing the wait in ms', async () => {
    const { kind, error } = await failure({ status: 429, headers: { 'retry-after': '7' }, json: errorBody('Rate limit reached for gpt-4o', 'requests', 'rate_limit_exceeded') });
    expect(kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(7000);
  });

  it("prefers OpenAI's retry-after-ms header", async () => {
    const { error } = await failure({ status: 429, headers: { 'retry-after-ms': '1500', 'retry-after': '2' }, json: errorBody('slow down', 'requests', null) });
    expect(error.retryAfterMs).toBe(1500);
  });

  it('429 insufficient_quota is fatal: waiting does not add credit', async () => {
    const { kind } = await failure({ status: 429, json: errorBody('You exceeded your current quota', 'insufficient_quota', 'insufficient_quota') });
    expect(kind).toBe('fatal');
  });

  it.each([500, 502, 503])('%i is transient', async (status) => {
    const { kind, error } = await failure({ status, json: errorBody('The server had an error while processing your request.', 'server_error', null) });
    expect(kind).toBe('transient');
    expect(error.status).toBe(status);
  });

  it('a 200 whose body is not JSON at all is transient (cut short or garbled on the way)', async () => {
    const { kind, error } = await failure({ text: '{"id": "chatcmpl-1", "choices": [{"ind' });
    expect(kind).toBe('transient');
    expect(error.message).toMatch(/is not valid JSON/);
  });

  it('a 200 with valid JSON in another format is fatal: the server does not speak the protocol', async () => {
    const { kind, error } = await failure({ json: { detail: 'Not Found' } });
    expect(kind).toBe('fatal');
    expect(error.message).toMatch(/chat\/completions is not a `choices` list in the OpenAI chat format: \{"detail":"Not Found"\}/);
  });

  it('a connection dropped before the response is transient', async () => {
    const { kind, error } = await failure({ drop: 'before-headers' });
    expect(kind).toBe('transient');
    expect(error.message).toBe(`OpenAI error: no response from ${server.baseURL} (ECONNRESET: socket hang up)`);
  });

  it('a connection dropped in the middle of the body is transient', async () => {
    const { kind, error } = await failure({ drop: 'mid-body', json: chatCompletion('m', [['B', 'stop']]) });
    expect(kind).toBe('transient');
    expect(error.message).toBe(`OpenAI error: connection to ${server.baseURL} dropped (ECONNRESET: aborted)`);
  });

  it('a server that does not answer within the timeout arg (seconds) is transient', async () => {
    server.script(() => ({ hang: true }));
    const c = openaiClient(
      { deploymentName: 'local/x', args: { base_url: server.baseURL, api_key: 'EMPTY', timeout: 0.05 }, credentials: { apiKey: () => undefined, get: () => undefined } },
      { flavor: 'chat' },
    );
    const error = await c.send(c.encode(req), new AbortController().signal).catch((e: unknown) => e);
    expect(c.classify(error)).toBe('transient');
    expect((error as Error).message).toBe(`OpenAI error: request to ${server.baseURL} timed out`);
  });

  it('an aborted request is fatal (the run is stopping)', async () => {
    server.script(() => ({ hang: true }));
    const c = client();
    const abort = new AbortController();
    const sent = c.send(c.encode(req), abort.signal).catch((e: unknown) => e);
    setImmediate(() => abort.abort());
    expect(c.classify(await sent)).toBe('fatal');
  });

  it('a refused connection is transient', async () => {
    const closed = await startOpenAIServer(() => ({ json: {} }));
    const baseURL = closed.baseURL;
    await closed.close();
    const c = openaiClient({ deploymentName: 'local/x', args: { base_url: baseURL, api_key: 'EMPTY' }, credentials: { apiKey: () => undefined, get: () => undefined } }, { flavor: 'chat' });
    const error = await c.send(c.encode(req), new AbortController().signal).catch((e: unknown) => e);
    expect(c.classify(error)).toBe('transient');
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe('through the shared cache → client → retry wrapper', () => {
  const pending = (): PendingRequest => ({
    instance: { id: 'id1', input: { text: 'Hi' }, references: [], split: 'test' } as unknown as PendingRequest['instance'],
    train_trial_index: 0,
    request: req,
    num_train_instances: 0,
    prompt_truncated: false,
    num_conditioning_tokens: 0,
  });
  const run = (replies: Reply[]) => {
    const start = server.requests.length;
    server.script((_, i) => replies[Math.min(i - start, replies.length - 1)]!);
    return lastValueFrom(executeRequest(pending(), { client: client() as AnyModelClient, cache: disabledRequestCache(), retry: { backoffMs: () => 0, jitterRatio: 0 } })).then(
      (done) => ({ result: done.result!, attempts: server.requests.length - start }),
    );
  };

  it('retries a 500 and a 429, then records the answer', async () => {
    const { result, attempts } = await run([
      { status: 500, json: errorBody('boom', 'server_error', null) },
      { status: 429, headers: { 'retry-after': '0' }, json: errorBody('slow down', 'requests', null) },
      { json: chatCompletion('m', [['B', 'stop']]) },
    ]);
    expect(attempts).toBe(3);
    expect(result.success).toBe(true);
    expect(result.completions[0]!.text).toBe('B');
  });

  it('does not retry a 401, and records a failed result without the key', async () => {
    const { result, attempts } = await run([{ status: 401, json: errorBody(`Incorrect API key provided: ${KEY}`, 'invalid_request_error', 'invalid_api_key') }]);
    expect(attempts).toBe(1);
    expect(result.success).toBe(false);
    expect(result.error).toMatch(/^Failed to make request to openai\/gpt-4o-2024-11-20 .*Error: OpenAI error: 401 Incorrect API key provided: \*\*\*/);
    expect(result.error).not.toContain(KEY);
  });
});

describe('helpers', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMsOf(new Headers({ 'retry-after': '2.5' }), now)).toBe(2500);
    expect(retryAfterMsOf(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMsOf(new Headers({}), now)).toBeUndefined();
  });

  it('redacts the key and anything shaped like an OpenAI key', () => {
    expect(redact('key abcd1234 and sk-proj-AbC_12-xyz9', ['abcd1234'])).toBe('key *** and sk-***');
  });
});
