/**
 * End-to-end: `node pipelines/run.js` on the golden MMLU anatomy input through HELM's AnthropicMessagesClient, with the
 * user's prod_env/model_deployments.yaml pointing a Claude deployment at a 127.0.0.1 server speaking Anthropic's
 * Messages format, and the key in ANTHROPIC_API_KEY: the server receives exactly the 10 prompts of HELM's own run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicMessage } from './__fixtures__/anthropic-messages.ts';
import { goldenPrompts, helmRun, prepareGoldenWork, statesOf, type WrittenState } from './__fixtures__/helm-run.ts';
import { startOpenAIServer, type OpenAIServer, type ReceivedRequest } from './__fixtures__/openai-server.ts';

const KEY = 'sk-ant-api03-e2e0123456789';
const DEPLOYMENT = 'anthropic/claude-3-5-haiku-20241022';
const work = mkdtempSync(join(tmpdir(), 'helm-anthropic-e2e-'));
const env = { ...process.env, ANTHROPIC_API_KEY: KEY };
let server: OpenAIServer;

beforeAll(async () => {
  server = await startOpenAIServer(() => ({ json: anthropicMessage('claude-3-5-haiku-20241022', [' B']) }));
  writeDeployment(work);
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('helm-run through the Anthropic Messages client', () => {
  // The first run, made once and kept (what the server received, what the run wrote): each test below passes alone
  // and in any order, though the rerun overwrites the run's files.
  let first: { run: { status: number | null; stderr: string }; received: ReceivedRequest[]; states: WrittenState[] };
  beforeAll(async () => {
    const before = server.requests.length;
    const run = await helmRun(work, DEPLOYMENT, env);
    first = { run, received: server.requests.slice(before), states: run.status === 0 ? statesOf(work, 'anthropic_claude-3-5-haiku-20241022') : [] };
  });

  it('sends the 10 golden prompts as single user messages with HELM\'s raw request, and writes them in HELM\'s order', () => {
    expect(first.run.stderr).not.toMatch(/Error/);
    expect(first.run.status).toBe(0);
    expect(first.received.every((r) => r.path === '/v1/messages' && r.headers['authorization'] === `Bearer ${KEY}`)).toBe(true);
    const bodies = first.received.map((r) => r.body as { messages: { content: string }[] });
    expect(bodies.map((b) => b.messages[0]!.content).sort()).toEqual([...goldenPrompts].sort());
    for (const body of bodies) {
      expect(body).toEqual({
        messages: [{ role: 'user', content: body.messages[0]!.content }], model: 'claude-3-5-haiku-20241022',
        stop_sequences: [], max_tokens: 1, temperature: 0, top_p: 1, top_k: 5,
      });
    }
    const states = first.states;
    expect(states.map((s) => s.request.prompt)).toEqual(goldenPrompts);
    expect(states[0]!.result.completions).toEqual([{ text: ' B', logprob: 0, tokens: [] }]);
  });

  it('answers a rerun from the request cache without calling the server', async () => {
    const before = server.requests.length;
    const run = await helmRun(work, DEPLOYMENT, env);
    expect(run.status).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(statesOf(work, 'anthropic_claude-3-5-haiku-20241022').every((s) => s.result.cached)).toBe(true);
  });

  it('stops the run before any request when no key is set, naming ANTHROPIC_API_KEY', async () => {
    const { ANTHROPIC_API_KEY: _key, ...withoutKey } = env;
    const before = server.requests.length;
    const run = await helmRun(writeDeployment(mkdtempSync(join(work, 'nokey-'))), DEPLOYMENT, withoutKey);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('ANTHROPIC_API_KEY');
    expect(server.requests.length).toBe(before);
  });
});

/** The built-in deployment, in `dir`'s prod_env, with the test server as its base URL and a tokenizer that needs no download. */
function writeDeployment(dir: string): string {
  writeFileSync(join(prepareGoldenWork(dir), 'model_deployments.yaml'), [
    'model_deployments:',
    `  - name: ${DEPLOYMENT}`,
    `    model_name: ${DEPLOYMENT}`,
    '    tokenizer_name: simple/tokenizer1',
    '    max_sequence_length: 200000',
    '    client_spec:',
    '      class_name: "helm.clients.anthropic_client.AnthropicMessagesClient"',
    `      args: {base_url: "${server.baseURL.replace(/\/v1$/, '')}"}`,
    '',
  ].join('\n'));
  return dir;
}
