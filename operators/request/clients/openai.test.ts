import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pyFloat } from '../../../core/py-float.ts';
import { request, type Request, type RequestResult } from '../../../core/request.ts';
import type { ClientContext, CredentialLookup } from './model-client.ts';
import { openaiClient, type OpenAIClientOptions } from './openai.ts';
import { clientFor } from './registry.ts';
import { chatCompletion, errorBody, startOpenAIServer, textCompletion, type OpenAIServer } from './__fixtures__/openai-server.ts';

const KEY = 'sk-test-0123456789abcdef';
const noCredentials: CredentialLookup = { apiKey: () => undefined, get: () => undefined };
let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer(() => ({ json: chatCompletion('m', [['B', 'stop']]) }));
});
afterAll(() => server.close());

const context = (args: Record<string, unknown>, deploymentName = 'openai/gpt-4o-mini-2024-07-18'): ClientContext => ({
  deploymentName,
  args: { base_url: server.baseURL, ...args },
  credentials: noCredentials,
});

/** encode → send → decode, as execute.ts runs them; returns the decoded result and the request the server saw. */
async function roundTrip(options: OpenAIClientOptions, args: Record<string, unknown>, req: Request) {
  const client = openaiClient(context(args), options);
  const before = server.requests.length;
  const raw = client.encode(req);
  const response = await client.send(raw, new AbortController().signal);
  const result: RequestResult = client.decode({ response, request_time: 0.5, request_datetime: 1700000000 }, req, false);
  return { raw, result, received: server.requests.slice(before) };
}

// The MMLU request HELM makes (golden scenario_state.json): temperature 0.0, top_k_per_token 5, max_tokens 1.
const mmlu = (fields: Partial<Request> = {}): Request =>
  request({
    model_deployment: 'openai/gpt-4o-mini-2024-07-18',
    model: 'openai/gpt-4o-mini-2024-07-18',
    prompt: 'Question: ?\nA. a\nB. b\nAnswer:',
    temperature: pyFloat(0),
    top_k_per_token: 5,
    max_tokens: 1,
    ...fields,
  });

describe('OpenAIClient (chat completions)', () => {
  it('sends HELM raw request as the JSON body, stop null when there are no stop sequences', async () => {
    server.script(() => ({ json: chatCompletion('gpt-4o-mini-2024-07-18', [[' B', 'length']]) }));
    const { raw, result, received } = await roundTrip({ flavor: 'chat' }, { api_key: KEY }, mmlu());
    expect(received).toHaveLength(1);
    expect(received[0]!.method).toBe('POST');
    expect(received[0]!.path).toBe('/v1/chat/completions');
    expect(received[0]!.headers['authorization']).toBe(`Bearer ${KEY}`);
    const expected = {
      model: 'gpt-4o-mini-2024-07-18',
      messages: [{ role: 'user', content: 'Question: ?\nA. a\nB. b\nAnswer:' }],
      temperature: 0,
      top_p: 1,
      n: 1,
      stop: null,
      max_tokens: 1,
      presence_penalty: 0,
      frequency_penalty: 0,
    };
    expect(raw).toEqual(expected);
    expect(received[0]!.rawBody).toBe(JSON.stringify(expected)); // nothing added by the SDK, in HELM's key order
    // No stop sequences and no tokens past max_tokens: truncate_sequence keeps the finish reason.
    expect(result).toEqual({
      success: true,
      embedding: [],
      completions: [{ text: ' B', logprob: 0, tokens: [], finish_reason: { reason: 'length' } }],
      cached: false,
      request_time: 0.5,
      request_datetime: 1700000000,
    });
  });

  it('cuts each completion at the stop sequence and, as HELM does, drops its finish_reason', async () => {
    server.script(() => ({ json: chatCompletion('m', [['Paris\nQuestion: next', 'stop'], ['Lyon', 'stop']]) }));
    const req = mmlu({ stop_sequences: ['\n'], num_completions: 2, max_tokens: 5 });
    const { raw, result, received } = await roundTrip({ flavor: 'chat' }, { api_key: KEY }, req);
    expect(received[0]!.body).toMatchObject({ n: 2, stop: ['\n'], max_tokens: 5 });
    expect(raw).toMatchObject({ stop: ['\n'] });
    expect(result.completions).toEqual([
      { text: 'Paris', logprob: 0, tokens: [] },
      { text: 'Lyon', logprob: 0, tokens: [] },
    ]);
  });

  it('moves max_tokens to max_completion_tokens and drops sampling params for reasoning models', async () => {
    server.script(() => ({ json: chatCompletion('o3-mini-2025-01-31', [['C', 'stop']]) }));
    const req = mmlu({ model: 'openai/o3-mini-2025-01-31-high-reasoning-effort', max_tokens: 400 });
    const args = { api_key: KEY, openai_model_name: 'o3-mini-2025-01-31', reasoning_effort: 'high' };
    const { received } = await roundTrip({ flavor: 'chat' }, args, req);
    expect(received[0]!.rawBody).toBe(
      JSON.stringify({
        model: 'o3-mini-2025-01-31',
        messages: [{ role: 'user', content: req.prompt }],
        n: 1,
        max_completion_tokens: 400,
        reasoning_effort: 'high',
      }),
    );
  });

  it('leaves stop out for vision-language models (VISION_LANGUAGE_MODEL_TAG), as HELM is_vlm() does', () => {
    const tags = (model: string) => (model === 'openai/gpt-4o-mini-2024-07-18' ? ['TEXT_MODEL_TAG', 'VISION_LANGUAGE_MODEL_TAG'] : []);
    const client = openaiClient({ ...context({ api_key: KEY }), modelTags: tags }, { flavor: 'chat' });
    expect(client.encode(mmlu())).not.toHaveProperty('stop');
    expect(client.encode(mmlu({ model: 'openai/gpt-3.5-turbo-0125' }))).toHaveProperty('stop', null);
    expect(client.encode(mmlu({ stop_sequences: ['\n'] }))).toHaveProperty('stop', ['\n']);
  });

  it('prepends the prompt for echo_prompt and decodes logprobs.content when a server sends them', async () => {
    const body = chatCompletion('m', [[' B', 'stop']]) as { choices: { logprobs: unknown }[] };
    body.choices[0]!.logprobs = { content: [{ token: ' B', logprob: -0.25, bytes: [32, 66], top_logprobs: [] }] };
    server.script(() => ({ json: body }));
    const { result } = await roundTrip({ flavor: 'chat' }, { api_key: KEY }, mmlu({ echo_prompt: true, prompt: 'Q:' }));
    expect(result.completions).toEqual([
      { text: 'Q: B', logprob: pyFloat(-0.25), tokens: [{ text: ' B', logprob: pyFloat(-0.25) }], finish_reason: { reason: 'stop' } },
    ]);
  });

  it('turns a content_filter finish reason into a non-fatal failed result', async () => {
    server.script(() => ({ json: chatCompletion('m', [[null, 'content_filter']]) }));
    const { result } = await roundTrip({ flavor: 'chat' }, { api_key: KEY }, mmlu());
    expect(result).toEqual({
      success: false,
      embedding: [],
      completions: [],
      cached: false,
      error: 'Content blocked by OpenAI filter',
      error_flags: { is_retriable: false, is_fatal: false },
    });
  });

  it("answers a flagged prompt with HELM's empty content-policy completion", async () => {
    server.script(() => ({ status: 400, json: errorBody('Invalid prompt: your prompt was flagged as potentially violating our usage policy.', 'invalid_request_error', 'invalid_prompt') }));
    const { result } = await roundTrip({ flavor: 'chat' }, { api_key: KEY }, mmlu({ num_completions: 2 }));
    const reason = "The prompt violates OpenAI's content policy. See https://labs.openai.com/policies/content-policy for more information.";
    const empty = { text: '', logprob: 0, tokens: [], finish_reason: { reason } };
    expect(result).toEqual({ success: true, embedding: [], completions: [empty, empty], cached: false, request_time: 0 });
  });

  it('applies the output processor named in args (DeepSeek R1 think blocks)', async () => {
    server.script(() => ({ json: chatCompletion('m', [['<think>hmm\n</think>\n\nB', 'stop']]) }));
    const args = { api_key: KEY, output_processor: 'helm.benchmark.metrics.output_processors.remove_deepseek_r1_thinking' };
    const { result } = await roundTrip({ flavor: 'chat' }, args, mmlu());
    expect(result.completions[0]!.text).toBe('B');
  });
});

describe('OpenAIClient embeddings', () => {
  it('sends {input, model} to /v1/embeddings (floats, not base64) and returns the first vector', async () => {
    server.script(() => ({ json: { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.25, -0.5] }], model: 'text-embedding-ada-002', usage: { prompt_tokens: 1, total_tokens: 1 } } }));
    const req = request({ model: 'openai/text-embedding-ada-002', prompt: 'Hi', embedding: true });
    const { raw, result, received } = await roundTrip({ flavor: 'chat' }, { api_key: KEY }, req);
    expect(raw).toEqual({ input: 'Hi', model: 'text-embedding-ada-002' });
    expect(received[0]!.path).toBe('/v1/embeddings');
    expect(received[0]!.body).toEqual({ input: 'Hi', model: 'text-embedding-ada-002', encoding_format: 'float' });
    expect(result).toMatchObject({ success: true, completions: [], embedding: [0.25, -0.5] });
  });
});

describe('OpenAILegacyCompletionsClient and VLLMClient (/v1/completions)', () => {
  it('asks for logprobs and best_of of at least top_k_per_token, and decodes tokens and their sum', async () => {
    server.script(() => ({ json: textCompletion('davinci-002', [[[' B', '<|endoftext|>', 'junk'], [-0.5, -0.25, -9], 'stop']]) }));
    const req = mmlu({ model: 'openai/davinci-002', stop_sequences: ['\n'] });
    const { received, result } = await roundTrip({ flavor: 'legacy-completions' }, { api_key: KEY }, req);
    expect(received[0]!.path).toBe('/v1/completions');
    expect(received[0]!.rawBody).toBe(
      JSON.stringify({
        model: 'davinci-002', prompt: req.prompt, temperature: 0, n: 1, max_tokens: 1, best_of: 5, logprobs: 5,
        stop: ['\n'], top_p: 1, presence_penalty: 0, frequency_penalty: 0, echo: false,
      }),
    );
    // Cut at <|endoftext|> (always added), then at max_tokens 1; no finish_reason survives truncate_sequence.
    expect(result.completions).toEqual([{ text: ' B', logprob: pyFloat(-0.5), tokens: [{ text: ' B', logprob: pyFloat(-0.5) }] }]);
  });

  it('returns echoed completions untouched, with the null first logprob counted as the int 0', async () => {
    server.script(() => ({ json: textCompletion('davinci-002', [[['The', ' cat', ' sat'], [null, -1.5, -0.5], 'length']]) }));
    const req = mmlu({ model: 'openai/davinci-002', prompt: 'The cat sat', echo_prompt: true, max_tokens: 0, top_k_per_token: 1 });
    const { received, result } = await roundTrip({ flavor: 'legacy-completions' }, { api_key: KEY }, req);
    expect(received[0]!.body).toMatchObject({ echo: true, max_tokens: 0, logprobs: 1, best_of: 1, stop: null });
    expect(result.completions).toEqual([
      {
        text: 'The cat sat',
        logprob: pyFloat(-2),
        tokens: [{ text: 'The', logprob: 0 }, { text: ' cat', logprob: pyFloat(-1.5) }, { text: ' sat', logprob: pyFloat(-0.5) }],
        finish_reason: { reason: 'length' },
      },
    ]);
  });

  it('VLLMClient sends api key EMPTY, vllm_model_name, and best_of 1 at temperature 0', async () => {
    server.script(() => ({ json: textCompletion('meta-llama/Llama-3.1-8B', [[[' B'], [-0.1], 'length']]) }));
    const { received } = await roundTrip({ flavor: 'vllm' }, { vllm_model_name: 'meta-llama/Llama-3.1-8B' }, mmlu());
    expect(received[0]!.headers['authorization']).toBe('Bearer EMPTY');
    expect(received[0]!.body).toMatchObject({ model: 'meta-llama/Llama-3.1-8B', best_of: 1, logprobs: 5 });
  });
});

describe('client creation', () => {
  const lookup = (apiKey?: string, values: Record<string, string> = {}): CredentialLookup => ({
    apiKey: () => apiKey,
    get: (key) => values[key],
  });

  it('needs a key, naming credentials.conf and OPENAI_API_KEY, and prints none', () => {
    const make = () => openaiClient({ deploymentName: 'openai/gpt-4o-2024-11-20', args: {}, credentials: noCredentials }, { flavor: 'chat', env: {} });
    expect(make).toThrow(/openaiApiKey .*credentials\.conf.*OPENAI_API_KEY/s);
    // With the run's lookup, its own wording of where to set the key (it names OPENAI_API_KEY already).
    const help = 'openaiApiKey: "…" in prod_env/credentials.conf, or the environment variable OPENAI_API_KEY';
    const withHelp = { ...noCredentials, apiKeyHelp: help };
    expect(() => openaiClient({ deploymentName: 'openai/gpt-4o-2024-11-20', args: {}, credentials: withHelp }, { flavor: 'chat', env: {} })).toThrow(
      `Model deployment 'openai/gpt-4o-2024-11-20' needs an API key and none is set. Set ${help}. A local OpenAI-compatible server`,
    );
  });

  it('takes the key from args, then credentials.conf, then OPENAI_API_KEY, and the base URL from <org>BaseUrl', async () => {
    server.script(() => ({ json: chatCompletion('m', [['B', 'stop']]) }));
    const credentials = lookup('sk-from-credentials-1234', { openaiBaseUrl: server.baseURL, openaiOrgId: 'org-42' });
    const client = openaiClient({ deploymentName: 'openai/gpt-4o-2024-11-20', args: {}, credentials }, { flavor: 'chat', env: { OPENAI_API_KEY: 'sk-env' } });
    await client.send(client.encode(mmlu()), new AbortController().signal);
    const seen = server.requests.at(-1)!;
    expect(seen.headers['authorization']).toBe('Bearer sk-from-credentials-1234');
    expect(seen.headers['openai-organization']).toBe('org-42');
    const fromEnv = openaiClient({ deploymentName: 'openai/x', args: { base_url: server.baseURL }, credentials: noCredentials }, { flavor: 'chat', env: { OPENAI_API_KEY: 'sk-env-5678' } });
    await fromEnv.send(fromEnv.encode(mmlu()), new AbortController().signal);
    expect(server.requests.at(-1)!.headers['authorization']).toBe('Bearer sk-env-5678');
  });

  it('rejects unknown args and output processors with the valid names', () => {
    expect(() => openaiClient(context({ api_key: KEY, base_ur: 'x' }), { flavor: 'chat' })).toThrow(/unknown client_spec arg\(s\) base_ur\. Valid args: api_key, org_id, base_url/);
    expect(() => openaiClient(context({ api_key: KEY, output_processor: 'x.y' }), { flavor: 'chat' })).toThrow(/unknown output_processor 'x.y'/);
  });

  it("is registered under HELM's class names", () => {
    for (const name of ['OpenAIClient', 'OpenAILegacyCompletionsClient']) {
      expect(clientFor(`helm.clients.openai_client.${name}`, context({ api_key: KEY }))).toHaveProperty('send');
    }
    for (const name of ['VLLMClient', 'VLLMChatClient']) expect(clientFor(`helm.clients.vllm_client.${name}`, context({}))).toHaveProperty('send');
  });
});

describe('configs', () => {
  const configs = new URL('../../../configs/', import.meta.url);
  const deploymentsIn = (path: string) =>
    (parse(readFileSync(new URL(path, configs), 'utf8')) as {
      model_deployments: { name: string; client_spec: { class_name: string; args?: Record<string, unknown> } }[];
    }).model_deployments;

  it('the OpenAI-compatible example deployments make clients', () => {
    const deployments = deploymentsIn('examples/openai-compatible-local/model_deployments.yaml');
    expect(deployments.map((d) => d.client_spec.class_name)).toEqual([
      'helm.clients.openai_client.OpenAIClient',
      'helm.clients.vllm_client.VLLMClient',
    ]);
    for (const d of deployments) {
      const client = clientFor(d.client_spec.class_name, { deploymentName: d.name, args: d.client_spec.args ?? {}, credentials: noCredentials });
      expect(client.encode(mmlu({ model: d.name }))).toMatchObject({ model: d.name.startsWith('local/my-chat') ? 'meta-llama/Llama-3.1-8B-Instruct' : 'meta-llama/Llama-3.1-8B' });
    }
  });

  it('every built-in OpenAI deployment makes a client once a key is configured', () => {
    const deployments = deploymentsIn('model_deployments.yaml').filter((d) => d.name.startsWith('openai/'));
    expect(deployments.length).toBeGreaterThan(20);
    const credentials: CredentialLookup = { apiKey: () => KEY, get: () => undefined };
    for (const d of deployments) {
      expect(() => clientFor(d.client_spec.class_name, { deploymentName: d.name, args: d.client_spec.args ?? {}, credentials })).not.toThrow();
    }
  });
});
