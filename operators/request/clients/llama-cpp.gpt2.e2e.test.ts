/**
 * End-to-end: a newcomer's first run of GPT-2 with no set-up, `helm-run -r mmlu:subject=anatomy,model=huggingface/gpt2`.
 * The Hugging Face hub is a server on 127.0.0.1 (HF_ENDPOINT) serving, under the built-in deployment's pinned repo,
 * revision and file, the tiny GGUF model of the llama.cpp tests. Its checksum is not the pinned one, so the test
 * gives it the way a user replaces a built-in deployment: a `huggingface/gpt2` entry in <local-path>/model_deployments.yaml,
 * here the built-in entry itself with only `sha256` changed (and one llama.cpp thread, the test machine being shared).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseModelDeployments } from '../../../pipelines/run/model-configs.ts';
import { startHubServer, type HubServer } from '../../../sources/__fixtures__/hub-server.ts';
import { goldenPrompts, prepareGoldenWork } from './__fixtures__/helm-run.ts';
import { writeTinyLlamaGguf } from './__fixtures__/tiny-gguf.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'helm-gpt2-e2e-'));
const local = prepareGoldenWork(work);
const tinyPath = join(work, 'tiny.gguf');
writeTinyLlamaGguf(tinyPath, 3);
const TINY = readFileSync(tinyPath);
const TINY_SHA256 = createHash('sha256').update(TINY).digest('hex');

const builtinPath = join(root, 'configs', 'model_deployments.yaml');
const gpt2 = parseModelDeployments(readFileSync(builtinPath, 'utf8'), builtinPath).find((d) => d.name === 'huggingface/gpt2')!;
const { hf_repo: repo, hf_revision: revision, hf_file: file } = gpt2.client_spec.args as Record<string, string>;
const HUB_KEY = `${repo}/resolve/${revision}/${file}`;
writeFileSync(
  join(local, 'model_deployments.yaml'),
  stringify({ model_deployments: [{ ...gpt2, client_spec: { ...gpt2.client_spec, args: { ...gpt2.client_spec.args, sha256: TINY_SHA256, threads: 1 } } }] }),
);

let hub: HubServer;
beforeAll(async () => {
  hub = await startHubServer({ [HUB_KEY]: TINY });
});
afterAll(async () => {
  await hub.close();
  rmSync(work, { recursive: true, force: true });
});

/** `helm-run -r mmlu:subject=anatomy,model=<model> --suite e2e -m 2` in a child process, the hub at HF_ENDPOINT. */
function helmRun(model: string): Promise<{ status: number | null; stderr: string }> {
  const args = ['-o', work, '-r', `mmlu:subject=anatomy,model=${model}`, '--suite', 'e2e', '--local-path', local, '-m', '2'];
  const env = { ...process.env, HF_ENDPOINT: hub.endpoint };
  const child = spawn(process.execPath, [join(root, 'pipelines', 'run.js'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

type State = { request: { model: string; model_deployment: string; prompt: string }; result: { success: boolean; cached: boolean; completions: { tokens: { logprob: number }[] }[] } };
const states = (runModel: string): State[] =>
  (JSON.parse(readFileSync(join(work, 'runs', 'e2e', `mmlu:subject=anatomy,method=multiple_choice_joint,model=${runModel}`, 'scenario_state.json'), 'utf8')) as {
    request_states: State[];
  }).request_states;

describe('GPT-2 on a first run with no set-up: weights fetched once from the hub, then run by llama.cpp', () => {
  // The first run, made once and kept (what the hub received, what the run wrote): each test below passes alone and in
  // any order.
  let first: { run: { status: number | null; stderr: string }; requests: string[]; states: State[] };
  beforeAll(async () => {
    const run = await helmRun('huggingface/gpt2');
    first = { run, requests: [...hub.requests], states: run.status === 0 ? states('huggingface_gpt2') : [] };
  }, 180_000);

  it('fetches and verifies the GGUF file into <local-path>/models/, then answers with token log probabilities', () => {
    expect(first.run.stderr).toContain(`Downloading ${hub.endpoint}/${HUB_KEY} to ${join(local, 'models', repo!, file!)}`);
    expect(first.run.status).toBe(0);
    expect(first.requests).toEqual([`/${HUB_KEY}`, `/cdn/${TINY_SHA256}`]); // the hub's redirect to its CDN, followed
    expect(readFileSync(join(local, 'models', 'mradermacher', 'gpt2-GGUF', 'gpt2.f16.gguf')).equals(TINY)).toBe(true);
    expect(first.states).toHaveLength(2); // the run name keeps the entry's model=huggingface/gpt2
    for (const state of first.states) {
      expect(goldenPrompts).toContain(state.request.prompt);
      expect(state.request).toMatchObject({ model: 'openai/gpt2', model_deployment: 'huggingface/gpt2' });
      expect(state.result.success).toBe(true);
      expect(state.result.completions[0]!.tokens[0]!.logprob).toBeLessThan(0);
    }
  });

  it('reuses the file without a request, and model=openai/gpt2 (the model name) gets the same answers from the cache', async () => {
    const before = hub.requests.length;
    const run = await helmRun('openai/gpt2');
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('Downloading');
    expect(hub.requests.length).toBe(before);
    const written = states('openai_gpt2');
    expect(written.map((s) => s.request.prompt)).toEqual(first.states.map((s) => s.request.prompt));
    expect(written.every((s) => s.result.cached)).toBe(true); // HELM's cache key: the same raw request (engine gpt2)
  }, 180_000);
});
