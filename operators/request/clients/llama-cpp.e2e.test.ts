/**
 * End-to-end: the README's local-model how-to (configs/examples/local-llama-cpp/) with a tiny GGUF model the test
 * writes in place of GPT-2's: `mmlu:subject=anatomy,model=openai/gpt2` on the golden input runs through llama.cpp,
 * every answer comes with token log probabilities, and a rerun comes from the request cache.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenPrompts, helmRun, prepareGoldenWork } from './__fixtures__/helm-run.ts';
import { writeTinyLlamaGguf } from './__fixtures__/tiny-gguf.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = join(root, 'configs', 'examples', 'local-llama-cpp');
const work = mkdtempSync(join(tmpdir(), 'helm-llama-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const local = prepareGoldenWork(work);
mkdirSync(join(local, 'models'));
const modelPath = join(local, 'models', 'tiny.gguf');
writeTinyLlamaGguf(modelPath, 3);
writeFileSync(join(local, 'model_deployments.yaml'),
  readFileSync(join(example, 'model_deployments.yaml'), 'utf8').replace('model_path: prod_env/models/gpt2-f16.gguf', `model_path: ${modelPath}\n        threads: 1`)); // one thread: the test machine is shared
writeFileSync(join(local, 'model_metadata.yaml'), readFileSync(join(example, 'model_metadata.yaml'), 'utf8'));

type State = { request: { prompt: string }; result: { success: boolean; cached: boolean; completions: { text: string; logprob: number; tokens: { logprob: number }[] }[] } };
const states = (): State[] =>
  (JSON.parse(readFileSync(join(work, 'runs', 'e2e', 'mmlu:subject=anatomy,method=multiple_choice_joint,model=openai_gpt2', 'scenario_state.json'), 'utf8')) as { request_states: State[] }).request_states;

describe('helm-run on a local GGUF model through llama.cpp (the GPT-2 how-to, with a tiny model)', () => {
  // The first run, made once and kept: each test below passes alone and in any order (the rerun overwrites the files).
  let first: { run: { status: number | null; stderr: string }; states: State[] };
  beforeAll(async () => {
    const run = await helmRun(work, 'openai/gpt2');
    first = { run, states: run.status === 0 ? states() : [] };
  }, 120_000);

  it("answers HELM's 10 golden prompts, each completion with its token log probabilities", () => {
    expect(first.run.stderr).not.toMatch(/Error/);
    expect(first.run.stderr).not.toContain('Downloading'); // this huggingface/gpt2 names its own model_path: the built-in's hub file is not fetched
    expect(first.run.status).toBe(0);
    expect(first.states.map((s) => s.request.prompt)).toEqual(goldenPrompts);
    for (const state of first.states) {
      const [completion] = state.result.completions;
      expect(state.result.success).toBe(true);
      expect(completion!.tokens).toHaveLength(1); // MMLU asks for max_tokens 1
      expect(completion!.tokens[0]!.logprob).toBeLessThan(0);
      expect(completion!.logprob).toBe(completion!.tokens[0]!.logprob);
    }
  });

  it('answers a rerun from the request cache', async () => {
    const run = await helmRun(work, 'openai/gpt2');
    expect(run.status).toBe(0);
    expect(states().every((s) => s.result.cached)).toBe(true);
  }, 120_000);
});
