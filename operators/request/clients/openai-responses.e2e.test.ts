/**
 * End-to-end: `node pipelines/run.js` on the golden MMLU anatomy input with the built-in deployment
 * openai/gpt-5-mini-2025-08-07 (HELM's OpenAIResponseClient), its key and base URL in prod_env/credentials.conf
 * pointing at a Responses API server on 127.0.0.1. The server must receive exactly the 10 prompts of HELM 0.5.16's
 * own run, as HELM's raw requests; a rerun is answered from the request cache.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenPrompts, helmRun, prepareGoldenWork, statesOf, type WrittenState } from './__fixtures__/helm-run.ts';
import { responseObject, startOpenAIServer, type OpenAIServer, type ReceivedRequest } from './__fixtures__/openai-server.ts';

const KEY = 'sk-test-gpt5-0123456789';
const MODEL = 'openai/gpt-5-mini-2025-08-07';
const RUN_MODEL = 'openai_gpt-5-mini-2025-08-07';
const work = mkdtempSync(join(tmpdir(), 'helm-openai-responses-e2e-'));
// The run's environment, without the user's own OpenAI settings.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OPENAI_') && name !== 'HELM_CREDENTIALS'));
let server: OpenAIServer;

beforeAll(async () => {
  server = await startOpenAIServer(() => ({ json: responseObject('gpt-5-mini-2025-08-07', ['B'], { summary: ['**Identifying the structure**'] }) }));
  const local = prepareGoldenWork(work);
  writeFileSync(join(local, 'credentials.conf'), `openaiApiKey: "${KEY}"\nopenaiBaseUrl: "${server.baseURL}"\n`);
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('helm-run through OpenAIResponseClient (gpt-5)', () => {
  // The first run, made once and kept (what the server received, what the run wrote): each test below passes alone
  // and in any order, though the rerun overwrites the run's files.
  let first: { run: { status: number | null; stderr: string }; received: ReceivedRequest[]; states: WrittenState[]; file: string };
  beforeAll(async () => {
    const before = server.requests.length;
    const run = await helmRun(work, MODEL, env);
    const path = join(work, 'runs', 'e2e', `mmlu:subject=anatomy,method=multiple_choice_joint,model=${RUN_MODEL}`, 'scenario_state.json');
    first = { run, received: server.requests.slice(before), states: run.status === 0 ? statesOf(work, RUN_MODEL) : [],
      file: run.status === 0 ? readFileSync(path, 'utf8') : '' };
  });

  it('sends the 10 golden prompts as HELM Responses raw requests and records text and thinking', () => {
    expect(first.run.stderr).not.toMatch(/Error/);
    expect(first.run.status).toBe(0);
    const received = first.received;
    expect(received).toHaveLength(10);
    expect(received.every((r) => r.path === '/v1/responses' && r.headers['authorization'] === `Bearer ${KEY}`)).toBe(true);
    const prompts = received.map((r) => (r.body as { input: string }).input);
    expect([...prompts].sort()).toEqual([...goldenPrompts].sort());
    for (const [i, r] of received.entries()) {
      // MMLU's max_tokens 1 is raised to the API's minimum of 16; gpt-5 is a reasoning model: no temperature, top_p.
      const body = { model: 'gpt-5-mini-2025-08-07', input: prompts[i], max_output_tokens: 16, store: false, reasoning: { summary: 'detailed' } };
      expect(r.rawBody).toBe(JSON.stringify(body));
    }
    const states = first.states;
    expect(states.map((s) => s.request.prompt)).toEqual(goldenPrompts); // written in HELM's order
    expect(states[0]!.result.completions).toEqual([{ text: 'B', logprob: 0, tokens: [], thinking: { text: '**Identifying the structure**' } }]);
    expect(first.file).toContain('"logprob": 0.0,'); // HELM's GeneratedOutput(logprob=0.0)
  });

  it('answers a rerun from the request cache without calling the server', async () => {
    const before = server.requests.length;
    const run = await helmRun(work, MODEL, env);
    expect(run.status).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(statesOf(work, RUN_MODEL).every((s) => s.result.cached)).toBe(true);
  });
});
