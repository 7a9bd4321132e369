import { readFileSync } from 'node:fs';
import { lastValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pyFloat } from '../../../core/py-float.ts';
import { request, type PendingRequest, type Request } from '../../../core/request.ts';
import { executeRequest } from '../execute.ts';
import { disabledRequestCache } from '../request-cache.ts';
import { ProviderError, type AnyModelClient, type ClientContext, type CredentialLookup, type FailureKind } from './model-client.ts';
import { openaiResponsesClient } from './openai-responses.ts';
import { clientFor } from './registry.ts';
import { errorBody, responseObject, startOpenAIServer, type OpenAIServer, type Reply } from './__fixtures__/openai-server.ts';

const KEY = 'sk-proj-RESPONSES0123456789';
const noCredentials: CredentialLookup = { apiKey: () => undefined, get: () => undefined };
let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer(() => ({ json: responseObject('gpt-5-mini-2025-08-07', ['B']) }));
});
afterAll(() => server.close());

const GPT5 = 'openai/gpt-5-mini-2025-08-07';
const context = (args: Record<string, unknown> = {}, deploymentName = GPT5): ClientContext => ({
  deploymentName,
  args: { base_url: server.baseURL, api_key: KEY, ...args },
  credentials: noCredentials,
});

// The MMLU request of the golden run (temperature 0.0, top_k_per_token 5, max_tokens 1), for a gpt-5 deployment.
const mmlu = (fields: Partial<Request> = {}): Request =>
  request({
    model_deployment: GPT5,
    model: GPT5,
    prompt: 'Question: ?\nA. a\nB. b\nAnswer:',
    temperature: pyFloat(0),
    top_k_per_token: 5,
    max_tokens: 1,
    ...fields,
  });

/** encode → send → decode, as execute.ts runs them, against one scripted reply. */
async function roundTrip(reply: Reply, req: Request, args: Record<string, unknown> = {}) {
  server.script(() => reply);
  const client = openaiResponsesClient(context(args, req.model_deployment));
  const before = server.requests.length;
  const raw = client.encode(req);
  const response = await client.send(raw, new AbortController().signal);
  const result = client.decode({ response, request_time: 0.5, request_datetime: 1700000000 }, req, false);
  return { raw, result, received: server.requests.slice(before) };
}

describe('OpenAIResponseClient: the raw request (the body sent and the cache key)', () => {
  it('sends a prompt as the input string, max_output_tokens of at least 16, and detailed summaries for gpt-5', async () => {
    const { raw, result, received } = await roundTrip({ json: responseObject('gpt-5-mini-2025-08-07', [' B'], { summary: ['**Answering**\n\nB.'] }) }, mmlu());
    expect(received).toHaveLength(1);
    expect(received[0]!.method).toBe('POST');
    expect(received[0]!.path).toBe('/v1/responses');
    expect(received[0]!.headers['authorization']).toBe(`Bearer ${KEY}`);
    const expected = { model: 'gpt-5-mini-2025-08-07', input: mmlu().prompt, max_output_tokens: 16, store: false, reasoning: { summary: 'detailed' } };
    expect(raw).toEqual(expected);
    expect(received[0]!.rawBody).toBe(JSON.stringify(expected)); // HELM's key order; no temperature/top_p for reasoning models
    expect(result).toEqual({
      success: true,
      embedding: [],
      completions: [{ text: ' B', logprob: pyFloat(0), tokens: [], thinking: { text: '**Answering**\n\nB.' } }],
      cached: false,
      request_time: 0.5,
      request_datetime: 1700000000,
    });
  });

  it('sends reasoning_effort and openai_model_name from the args (o3-pro, high effort)', async () => {
    const deployment = 'openai/o3-pro-2025-06-10-high-reasoning-effort';
    const req = mmlu({ model_deployment: deployment, model: deployment, max_tokens: 400 });
    const { received } = await roundTrip({ json: responseObject('o3-pro-2025-06-10', ['C']) }, req, { openai_model_name: 'o3-pro-2025-06-10', reasoning_effort: 'high' });
    expect(received[0]!.rawBody).toBe(
      JSON.stringify({ model: 'o3-pro-2025-06-10', input: req.prompt, max_output_tokens: 400, store: false, reasoning: { effort: 'high', summary: 'detailed' } }),
    );
  });

  it('sends messages as the input and keeps temperature and top_p for a model that does not reason; no stop, no n', async () => {
    const deployment = 'openai/gpt-4.1-2025-04-14';
    const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Capital of France?' }];
    const req = request({ model_deployment: deployment, model: deployment, messages, temperature: 0.7, stop_sequences: ['\n'], num_completions: 1 });
    const { received, result } = await roundTrip({ json: responseObject('gpt-4.1-2025-04-14', ['Paris\nis the capital.']) }, req, { reasoning_effort: 'low' });
    expect(received[0]!.rawBody).toBe(
      JSON.stringify({ model: 'gpt-4.1-2025-04-14', input: messages, top_p: 1, max_output_tokens: 100, temperature: 0.7, store: false, reasoning: { effort: 'low' } }),
    );
    // HELM applies no stop sequences afterwards either.
    expect(result.completions).toEqual([{ text: 'Paris\nis the capital.', logprob: pyFloat(0), tokens: [] }]);
  });

  it('checks messages as HELM does', () => {
    const client = openaiResponsesClient(context());
    expect(() => client.encode(mmlu({ messages: [{ role: 'user', content: 'x' }] }))).toThrow(/More than one of `prompt`, `messages`/);
    expect(() => client.encode(mmlu({ prompt: '', messages: [{ role: 'user', content: '' }] }))).toThrow('All messages must have a role and content');
    expect(() => client.encode(mmlu({ prompt: '', messages: [{ role: 'assistant', content: 'x' }] }))).toThrow("Last message must have role 'user'");
  });
});

describe('OpenAIResponseClient: decoding', () => {
  it('joins reasoning summaries and reasoning content into thinking, and message texts, with blank lines', async () => {
    const body = responseObject('gpt-5-2025-08-07', ['First.', 'Second.'], { summary: ['Plan.', 'Check.'] }) as { output: Record<string, unknown>[] };
    body.output[0]!['content'] = [{ type: 'reasoning_text', text: 'Raw thoughts.' }];
    const { result } = await roundTrip({ json: body }, mmlu({ model: 'openai/gpt-5-2025-08-07' }));
    expect(result.completions).toEqual([{ text: 'First.\n\nSecond.', logprob: pyFloat(0), tokens: [], thinking: { text: 'Plan.\n\nCheck.\n\nRaw thoughts.' } }]);
  });

  it('puts an echoed prompt before the text, separated by a blank line as HELM joins them', async () => {
    const { result } = await roundTrip({ json: responseObject('m', [' B']) }, mmlu({ echo_prompt: true, prompt: 'Q:' }));
    expect(result.completions[0]!.text).toBe('Q:\n\n B');
  });

  it('records an incomplete response (max_output_tokens reached while reasoning) as an empty success, with no finish reason', async () => {
    const spent = responseObject('gpt-5-nano-2025-08-07', [], { status: 'incomplete', summary: [] });
    const { result } = await roundTrip({ json: spent }, mmlu());
    expect(result).toMatchObject({ success: true, completions: [{ text: '', logprob: pyFloat(0), tokens: [] }] });
    expect(result.completions[0]).not.toHaveProperty('thinking');
    expect(result.completions[0]).not.toHaveProperty('finish_reason');
    const cut = responseObject('gpt-5-nano-2025-08-07', ['The answer is'], { status: 'incomplete', summary: ['Thinking.'] });
    const partial = await roundTrip({ json: cut }, mmlu());
    expect(partial.result.completions).toEqual([{ text: 'The answer is', logprob: pyFloat(0), tokens: [], thinking: { text: 'Thinking.' } }]);
  });

  it('makes num_completions copies of one answer, reported as cached, as HELM loops over one cache key', async () => {
    server.script(() => ({ json: responseObject('m', ['B']) }));
    const req = mmlu({ num_completions: 3 });
    const pending: PendingRequest = {
      instance: { id: 'id1', input: { text: 'Hi' }, references: [], split: 'test' } as unknown as PendingRequest['instance'],
      train_trial_index: 0, request: req, num_train_instances: 0, prompt_truncated: false, num_conditioning_tokens: 0,
    };
    const client = openaiResponsesClient(context()) as AnyModelClient;
    const before = server.requests.length;
    const done = await lastValueFrom(executeRequest(pending, { client, cache: disabledRequestCache() }));
    expect(server.requests.length - before).toBe(1);
    expect(server.requests.at(-1)!.body).not.toHaveProperty('n');
    const one = { text: 'B', logprob: pyFloat(0), tokens: [] };
    expect(done.result).toMatchObject({ success: true, completions: [one, one, one], cached: true });
  });

  it('turns a refusal into a non-fatal failed result', async () => {
    const body = responseObject('m', [], { content: [{ type: 'refusal', refusal: "I'm sorry, I can't help with that." }] });
    const { result } = await roundTrip({ json: body }, mmlu());
    expect(result).toEqual({
      success: false,
      embedding: [],
      completions: [],
      cached: false,
      error: "Received refusal from OpenAI API: I'm sorry, I can't help with that.",
      error_flags: { is_retriable: false, is_fatal: false },
    });
  });

  it("answers a flagged prompt with HELM's empty content-policy completion", async () => {
    const reply = { status: 400, json: errorBody('Invalid prompt: your prompt was flagged as potentially violating our usage policy.', 'invalid_request_error', 'invalid_prompt') };
    const { result } = await roundTrip(reply, mmlu({ num_completions: 2 }));
    const reason = "The prompt violates OpenAI's content policy. See https://labs.openai.com/policies/content-policy for more information.";
    const empty = { text: '', logprob: 0, tokens: [], finish_reason: { reason } };
    expect(result).toEqual({ success: true, embedding: [], completions: [empty, empty], cached: false, request_time: 0 });
  });

  it('fails on an output type HELM does not read', async () => {
    const body = responseObject('m', ['B']) as { output: unknown[] };
    body.output.unshift({ type: 'web_search_call', id: 'ws_1', status: 'completed' });
    server.script(() => ({ json: body }));
    const client = openaiResponsesClient(context());
    const response = await client.send(client.encode(mmlu()), new AbortController().signal);
    expect(() => client.decode({ response, request_time: 1, request_datetime: 1 }, mmlu(), false)).toThrow('Unknown output type web_search_call');
  });
});

describe('OpenAIResponseClient: failures', () => {
  /** Sends once against a scripted reply; returns the error thrown and how the client classifies it. */
  async function failure(reply: Reply): Promise<{ error: ProviderError; kind: FailureKind }> {
    server.script(() => reply);
    const client = openaiResponsesClient(context());
    const error = await client.send(client.encode(mmlu()), new AbortController().signal).then(
      () => expect.fail('send should have failed'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).not.toContain(KEY);
    return { error: error as ProviderError, kind: client.classify(error) };
  }

  it('429 with Retry-After is rate_limited, exposing the wait in ms', async () => {
    const { kind, error } = await failure({ status: 429, headers: { 'retry-after': '3' }, json: errorBody('Rate limit reached for gpt-5-mini', 'tokens', 'rate_limit_exceeded') });
    expect(kind).toBe('rate_limited');
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3000 });
  });

  it('500 is transient', async () => {
    const { kind, error } = await failure({ status: 500, json: errorBody('The server had an error while processing your request.', 'server_error', null) });
    expect(kind).toBe('transient');
    expect(error.status).toBe(500);
  });

  it('401 is fatal, naming where to set the key (OPENAI_API_KEY among them) and never the key', async () => {
    const { kind, error } = await failure({ status: 401, json: errorBody(`Incorrect API key provided: ${KEY}.`, 'invalid_request_error', 'invalid_api_key') });
    expect(kind).toBe('fatal');
    expect(error.message).toMatch(/^OpenAI error: 401 Incorrect API key provided: \*\*\*\./);
    expect(error.message).toContain(`Check the API key of model deployment '${GPT5}'`);
    expect(error.message).toContain('OPENAI_API_KEY');
  });

  it('a 200 in another format is fatal; a failed response is retried when the server failed', async () => {
    const malformed = await failure({ json: { detail: 'Not Found' } });
    expect(malformed.kind).toBe('fatal');
    expect(malformed.error.message).toBe(
      `OpenAI error: the response of ${server.baseURL}/responses is not an \`output\` list in the OpenAI Responses format: {"detail":"Not Found"}`,
    );
    const failed = { ...(responseObject('m', []) as object), status: 'failed', error: { code: 'server_error', message: 'Something went wrong.' } };
    const serverFailed = await failure({ json: failed });
    expect(serverFailed.kind).toBe('transient');
    expect(serverFailed.error.message).toBe(`OpenAI error: the response of ${server.baseURL}/responses failed (server_error): Something went wrong.`);
    const invalid = await failure({ json: { ...failed, error: { code: 'invalid_prompt', message: 'No.' } } });
    expect(invalid.kind).toBe('fatal');
  });

  it('a garbled body and dropped connections are transient', async () => {
    expect((await failure({ text: '{"id": "resp_1", "outp' })).kind).toBe('transient');
    const before = await failure({ drop: 'before-headers' });
    expect(before.kind).toBe('transient');
    expect(before.error.message).toBe(`OpenAI error: no response from ${server.baseURL} (ECONNRESET: socket hang up)`);
    const mid = await failure({ drop: 'mid-body', json: responseObject('m', ['B']) });
    expect(mid.kind).toBe('transient');
    expect(mid.error.message).toBe(`OpenAI error: connection to ${server.baseURL} dropped (ECONNRESET: aborted)`);
  });
});

describe('OpenAIResponseClient: creation and configs', () => {
  it('needs a key, naming credentials.conf and OPENAI_API_KEY, and takes base URL and org from credentials.conf', async () => {
    const make = (credentials: CredentialLookup, env: Record<string, string> = {}) =>
      openaiResponsesClient({ deploymentName: GPT5, args: {}, credentials }, { env });
    expect(() => make(noCredentials)).toThrow(/openaiApiKey .*credentials\.conf.*OPENAI_API_KEY/s);
    const values: Record<string, string> = { openaiBaseUrl: server.baseURL, openaiOrgId: 'org-7' };
    const client = make({ apiKey: () => 'sk-from-credentials-42', get: (key) => values[key] }, { OPENAI_API_KEY: 'sk-env' });
    server.script(() => ({ json: responseObject('m', ['B']) }));
    await client.send(client.encode(mmlu()), new AbortController().signal);
    expect(server.requests.at(-1)!.headers).toMatchObject({ authorization: 'Bearer sk-from-credentials-42', 'openai-organization': 'org-7' });
  });

  it("rejects args HELM's constructor does not take, naming the valid ones", () => {
    expect(() => openaiResponsesClient(context({ timeout: 5 }))).toThrow(
      "Model deployment 'openai/gpt-5-mini-2025-08-07': unknown client_spec arg(s) timeout. Valid args: api_key, org_id, base_url, reasoning_effort, openai_model_name.",
    );
  });

  it("is registered under HELM's class name, and every built-in deployment of it makes a client", () => {
    const deployments = (parse(readFileSync(new URL('../../../configs/model_deployments.yaml', import.meta.url), 'utf8')) as {
      model_deployments: { name: string; tokenizer_name: string; client_spec: { class_name: string; args?: Record<string, unknown> } }[];
    }).model_deployments.filter((d) => d.client_spec.class_name === 'helm.clients.openai_responses_client.OpenAIResponseClient');
    expect(deployments.map((d) => d.name)).toEqual([
      'openai/gpt-5-2025-08-07', 'openai/gpt-5-mini-2025-08-07', 'openai/gpt-5-nano-2025-08-07', 'openai/gpt-5.4-pro-2026-03-05',
      'openai/gpt-5.4-mini-2026-03-17', 'openai/gpt-5.4-nano-2026-03-17', 'openai/gpt-5.4-2026-03-05', 'openai/gpt-5.2-2025-12-11',
      'openai/gpt-5.1-2025-11-13', 'openai/o1-pro-2025-03-19', 'openai/o1-pro-2025-03-19-low-reasoning-effort',
      'openai/o1-pro-2025-03-19-high-reasoning-effort', 'openai/o3-pro-2025-06-10-high-reasoning-effort',
    ]);
    const tokenizers = readFileSync(new URL('../../../configs/tokenizer_configs.yaml', import.meta.url), 'utf8');
    for (const d of deployments) {
      expect(tokenizers).toContain(`- name: ${d.tokenizer_name}\n`);
      const client = clientFor(d.client_spec.class_name, { deploymentName: d.name, args: { api_key: KEY, ...d.client_spec.args }, credentials: noCredentials });
      expect(client.encode(mmlu({ model: d.name }))).toMatchObject({ model: d.client_spec.args?.['openai_model_name'] ?? d.name.split('/')[1], store: false });
    }
  });
});
