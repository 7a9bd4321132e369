/**
 * End-to-end: `node pipelines/run.js` on the golden MMLU anatomy input, with a user's prod_env/model_deployments.yaml
 * pointing HELM's OpenAIClient and VLLMClient at an OpenAI-compatible server on 127.0.0.1. The server must receive
 * exactly the 10 prompts of HELM 0.5.16's own run (`../shared/golden`), as HELM would send them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenPrompts, helmRun as helmRunIn, prepareGoldenWork, statesOf as statesIn, type WrittenState } from './__fixtures__/helm-run.ts';
import { chatCompletion, startOpenAIServer, textCompletion, type OpenAIServer, type ReceivedRequest } from './__fixtures__/openai-server.ts';

const work = mkdtempSync(join(tmpdir(), 'helm-openai-e2e-'));
let server: OpenAIServer;

beforeAll(async () => {
  server = await startOpenAIServer((received) =>
    received.path.endsWith('/chat/completions')
      ? { json: chatCompletion('anatomy-chat', [[' B', 'length']]) }
      : { json: textCompletion('my-org/anatomy-base', [[[' B', ' C'], [-0.125, -2.5], 'length']]) },
  );
  writeFileSync(
    join(prepareGoldenWork(work), 'model_deployments.yaml'),
    [
      'model_deployments:',
      '  - name: local/anatomy-chat',
      '    model_name: local/anatomy-chat',
      '    tokenizer_name: simple/tokenizer1',
      '    max_sequence_length: 2048',
      '    client_spec:',
      '      class_name: "helm.clients.openai_client.OpenAIClient"',
      `      args: {base_url: "${server.baseURL}", api_key: EMPTY}`,
      '  - name: local/anatomy-base',
      '    model_name: local/anatomy-base',
      '    tokenizer_name: simple/tokenizer1',
      '    max_sequence_length: 2048',
      '    client_spec:',
      '      class_name: "helm.clients.vllm_client.VLLMClient"',
      `      args: {base_url: "${server.baseURL}", vllm_model_name: my-org/anatomy-base}`,
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const helmRun = (model: string) => helmRunIn(work, model);
const statesOf = (runModel: string) => statesIn(work, runModel);

describe('helm-run through the OpenAI-compatible clients', () => {
  describe('OpenAIClient (local/anatomy-chat)', () => {
    // The first run, made once and kept (what the server received, what the run wrote): each test below passes
    // alone and in any order, though the rerun overwrites the run's files.
    let first: { run: { status: number | null; stderr: string }; received: ReceivedRequest[]; states: WrittenState[] };
    beforeAll(async () => {
      const before = server.requests.length;
      const run = await helmRun('local/anatomy-chat');
      first = { run, received: server.requests.slice(before), states: run.status === 0 ? statesOf('local_anatomy-chat') : [] };
    });

    it('sends the 10 golden prompts as single user messages, with HELM chat raw requests', () => {
      expect(first.run.stderr).not.toMatch(/Error/);
      expect(first.run.status).toBe(0);
      const received = first.received;
      expect(received.every((r) => r.path === '/v1/chat/completions' && r.headers['authorization'] === 'Bearer EMPTY')).toBe(true);
      const sent = received.map((r) => r.body as { messages: { content: string }[] });
      expect(sent.map((b) => b.messages[0]!.content).sort()).toEqual([...goldenPrompts].sort());
      for (const body of sent) {
        expect(body).toEqual({
          model: 'anatomy-chat',
          messages: [{ role: 'user', content: body.messages[0]!.content }],
          temperature: 0,
          top_p: 1,
          n: 1,
          stop: null,
          max_tokens: 1,
          presence_penalty: 0,
          frequency_penalty: 0,
        });
      }
      const states = first.states;
      expect(states.map((s) => s.request.prompt)).toEqual(goldenPrompts); // written in HELM's order
      expect(states[0]!.result.completions).toEqual([{ text: ' B', logprob: 0, tokens: [], finish_reason: { reason: 'length' } }]);
    });

    it('answers a rerun from the request cache without calling the server', async () => {
      const before = server.requests.length;
      const run = await helmRun('local/anatomy-chat');
      expect(run.status).toBe(0);
      expect(server.requests.length).toBe(before);
      expect(statesOf('local_anatomy-chat').every((s) => s.result.cached)).toBe(true);
    });
  });

  it('VLLMClient sends the golden prompts to /v1/completions with logprobs, and records token logprobs', async () => {
    const before = server.requests.length;
    const run = await helmRun('local/anatomy-base');
    expect(run.status).toBe(0);
    const sent = server.requests.slice(before).map((r) => r.body as { prompt: string });
    expect(sent.map((b) => b.prompt).sort()).toEqual([...goldenPrompts].sort());
    expect(sent[0]).toEqual({
      model: 'my-org/anatomy-base', prompt: sent[0]!.prompt, temperature: 0, n: 1, max_tokens: 1, best_of: 1, logprobs: 5,
      stop: null, top_p: 1, presence_penalty: 0, frequency_penalty: 0, echo: false,
    });
    // Cut to max_tokens 1 by truncate_sequence, which drops the finish reason (HELM always adds <|endoftext|> as a stop).
    expect(statesOf('local_anatomy-base')[0]!.result.completions).toEqual([{ text: ' B', logprob: -0.125, tokens: [{ text: ' B', logprob: -0.125 }] }]);
  });
});
