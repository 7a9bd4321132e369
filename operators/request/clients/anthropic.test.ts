import { lastValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pyFloat } from '../../../core/py-float.ts';
import { request, type PendingRequest, type Request } from '../../../core/request.ts';
import { executeRequest } from '../execute.ts';
import { disabledRequestCache } from '../request-cache.ts';
import { anthropicClient, anthropicRawRequest } from './anthropic.ts';
import { ProviderError, type AnyModelClient, type ClientContext } from './model-client.ts';
import { anthropicError, anthropicMessage, anthropicStream } from './__fixtures__/anthropic-messages.ts';
import { startOpenAIServer, type OpenAIServer, type Reply } from './__fixtures__/openai-server.ts';

const KEY = 'sk-ant-api03-SECRET0123456789';
const DEPLOYMENT = 'anthropic/claude-3-5-haiku-20241022';
let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer(() => ({ json: anthropicMessage('claude-3-5-haiku-20241022', [' B']) }));
});
afterAll(() => server.close());

const context = (args: Record<string, unknown> = {}, apiKey: string | null = KEY): ClientContext => ({
  deploymentName: DEPLOYMENT,
  args: { base_url: server.baseURL.replace(/\/v1$/, ''), ...args },
  credentials: { apiKey: () => apiKey ?? undefined, get: () => undefined, apiKeyHelp: 'anthropicApiKey in credentials.conf, or the ANTHROPIC_API_KEY environment variable' },
});
// HELM's MMLU request (golden scenario_state.json): temperature 0.0, top_k_per_token 5, max_tokens 1, stop ["\n"]? none.
const mmlu = (fields: Partial<Request> = {}): Request =>
  request({ model_deployment: DEPLOYMENT, model: DEPLOYMENT, prompt: 'Question?\nAnswer:', temperature: pyFloat(0), max_tokens: 1, top_k_per_token: 5, ...fields });

async function roundTrip(req: Request, args: Record<string, unknown> = {}) {
  const client = anthropicClient(context(args));
  const before = server.requests.length;
  const raw = client.encode(req);
  const response = await client.send(raw, new AbortController().signal);
  return { raw, result: client.decode({ response, request_time: 0.5, request_datetime: 1700000000 }, req, false), received: server.requests.slice(before) };
}

describe("HELM's raw request (the cache key)", () => {
  it('is HELM\'s AnthropicMessagesRequest with completion_index first, in HELM\'s key order', () => {
    expect(JSON.stringify(anthropicRawRequest(mmlu()))).toBe(
      '{"completion_index":0,"messages":[{"role":"user","content":"Question?\\nAnswer:"}],"model":"claude-3-5-haiku-20241022",' +
        '"stop_sequences":[],"max_tokens":1,"temperature":0,"top_p":1,"top_k":5}',
    );
  });

  it('takes a system message out of the messages, and drops top_k for thinking and the fields Claude 4.5–4.7 refuse', () => {
    const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }];
    expect(anthropicRawRequest(mmlu({ messages }), { thinkingBudgetTokens: 10000 })).toEqual({
      completion_index: 0, messages: [{ role: 'user', content: 'Hi' }], model: 'claude-3-5-haiku-20241022', stop_sequences: [],
      max_tokens: 1, temperature: pyFloat(0), top_p: 1, system: 'Be brief.', thinking: { type: 'enabled', budget_tokens: 10000 },
    });
    expect(Object.keys(anthropicRawRequest(mmlu({ model: 'anthropic/claude-sonnet-4-5-20250929' })))).not.toContain('top_p');
    const opus47 = anthropicRawRequest(mmlu({ model: 'anthropic/claude-opus-4-7' }));
    expect(['temperature', 'top_p', 'top_k'].filter((k) => k in opus47)).toEqual([]);
    expect(anthropicRawRequest(mmlu(), { modelName: 'claude-x' }).model).toBe('claude-x');
  });
});

describe('the Messages API on the wire', () => {
  it('posts the raw request without the completion index, with the key and an API version', async () => {
    const { received, result } = await roundTrip(mmlu({ stop_sequences: ['\n'] }));
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe('/v1/messages');
    // The SDK (1.12) authenticates with a bearer token and sends its own API version.
    expect(received[0]!.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(received[0]!.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(received[0]!.rawBody).toBe(
      '{"messages":[{"role":"user","content":"Question?\\nAnswer:"}],"model":"claude-3-5-haiku-20241022","stop_sequences":["\\n"],' +
        '"max_tokens":1,"temperature":0,"top_p":1,"top_k":5}',
    );
    expect(result).toEqual({ success: true, cached: false, request_time: 0.5, request_datetime: 1700000000, completions: [{ text: ' B', logprob: pyFloat(0), tokens: [] }], embedding: [] });
  });

  it('joins text blocks and records thinking blocks as HELM\'s thinking', async () => {
    server.script(() => ({ json: anthropicMessage('claude-sonnet-4-20250514', [{ thinking: 'Let me see. ' }, { thinking: 'B.' }, 'The answer', ' is B']) }));
    const { result } = await roundTrip(mmlu());
    expect(result.completions).toEqual([{ text: 'The answer is B', logprob: pyFloat(0), tokens: [], thinking: { text: 'Let me see. B.' } }]);
  });

  it('makes num_completions separate calls, one cache entry holding them all', async () => {
    let n = 0;
    server.script(() => ({ json: anthropicMessage('m', [` answer ${++n}`]) }));
    const { raw, result, received } = await roundTrip(mmlu({ num_completions: 2 }));
    expect(received).toHaveLength(2);
    expect('completion_index' in raw).toBe(false);
    expect(raw.num_completions).toBe(2);
    expect(result.completions.map((c) => c.text)).toEqual([' answer 1', ' answer 2']);
  });

  it('streams when the deployment says stream: true (HELM\'s thinking deployments), with the same body plus stream', async () => {
    server.script(() => anthropicStream('claude-3-7-sonnet-20250219', ' C'));
    const { received, result } = await roundTrip(mmlu(), { stream: true, thinking_budget_tokens: 10000, anthropic_model_name: 'claude-3-7-sonnet-20250219' });
    expect(received[0]!.body).toMatchObject({ model: 'claude-3-7-sonnet-20250219', thinking: { type: 'enabled', budget_tokens: 10000 }, stream: true });
    expect('top_k' in (received[0]!.body as object)).toBe(false);
    expect(result.completions.map((c) => c.text)).toEqual([' C']);
  });

  it('records a content-filter block (a 400) as a failed, cached, non-retriable result, as HELM does', async () => {
    server.script(() => ({ status: 400, json: anthropicError('invalid_request_error', 'Output blocked by content filtering policy') }));
    const { result } = await roundTrip(mmlu());
    expect(result).toMatchObject({ success: false, error: 'Output blocked by content filtering policy', error_flags: { is_retriable: false, is_fatal: false }, completions: [] });
  });
});

describe('Anthropic failures through the shared cache → client → retry wrapper', () => {
  const pending = (): PendingRequest => ({
    instance: { id: 'id1', input: { text: 'Hi' }, references: [], split: 'test' } as unknown as PendingRequest['instance'],
    train_trial_index: 0, request: mmlu(), num_train_instances: 0, prompt_truncated: false, num_conditioning_tokens: 0,
  });
  const run = (replies: Reply[], timeoutMs?: number) => {
    const start = server.requests.length;
    server.script((_, i) => replies[Math.min(i - start, replies.length - 1)]!);
    const client = anthropicClient(context()) as AnyModelClient;
    return lastValueFrom(executeRequest(pending(), {
      client, cache: disabledRequestCache(), retry: { backoffMs: () => 0, jitterRatio: 0, ...(timeoutMs === undefined ? {} : { attemptTimeoutMs: timeoutMs }) },
    })).then((done) => ({ result: done.result!, attempts: server.requests.length - start }));
  };
  const ok: Reply = { json: anthropicMessage('m', [' B']) };

  it('retries a 429 with retry-after, a 529 (overloaded), a 500, a garbled body and dropped connections, then answers', async () => {
    const { result, attempts } = await run([
      { status: 429, headers: { 'retry-after': '0' }, json: anthropicError('rate_limit_error', 'Number of requests has exceeded your rate limit') },
      { status: 529, json: anthropicError('overloaded_error', 'Overloaded') },
      { status: 500, json: anthropicError('api_error', 'Internal server error') },
      { text: '{"id": "msg_01', contentType: 'application/json' },
      ok,
    ]);
    expect(attempts).toBe(5); // HELM's five attempts
    expect(result.success).toBe(true);
    const dropped = await run([{ drop: 'before-headers' }, { drop: 'mid-body', json: anthropicMessage('m', [' B']) }, ok]);
    expect(dropped.attempts).toBe(3);
    expect(result.success).toBe(true);
    expect(result.completions[0]!.text).toBe(' B');
  });

  it('does not retry a 401; the failure names ANTHROPIC_API_KEY and never the key', async () => {
    const { result, attempts } = await run([{ status: 401, json: anthropicError('authentication_error', `invalid x-api-key ${KEY}`) }]);
    expect(attempts).toBe(1);
    expect(result.success).toBe(false);
    expect(result.error).toContain('(a fatal error, not retried)');
    expect(result.error).toContain('ANTHROPIC_API_KEY');
    expect(result.error).not.toContain(KEY);
  });

  it('fails an answer with empty content without retrying it (HELM: "Anthropic response has empty content")', async () => {
    const { result, attempts } = await run([{ json: anthropicMessage('m', []) }]);
    expect(attempts).toBe(1);
    expect(result.error).toContain('Anthropic response has empty content');
  });

  it('times out a reply that never comes and retries it', async () => {
    const { result, attempts } = await run([{ hang: true }, ok], 300);
    expect(attempts).toBe(2);
    expect(result.success).toBe(true);
  });
});

describe('anthropicClient', () => {
  it('needs a key and names where to set it', () => {
    expect(() => anthropicClient(context({}, null))).toThrow(/needs an API key.*ANTHROPIC_API_KEY/);
  });
  it('rejects an unknown client_spec arg, naming the valid ones', () => {
    expect(() => anthropicClient(context({ temperature: 1 }))).toThrow(/unknown client_spec arg\(s\) temperature/);
  });
  it('is a ProviderError-throwing client: a refused max_tokens above 64,000 is fatal', async () => {
    const client = anthropicClient(context());
    const error = await client.send(client.encode(mmlu({ max_tokens: 64_001 })), new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(client.classify(error)).toBe('fatal');
  });
});
