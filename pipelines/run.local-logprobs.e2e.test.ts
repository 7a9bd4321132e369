/**
 * End-to-end: separate and calibrated multiple choice on a local model through llama.cpp, whose requests ask for the
 * prompt tokens' log probabilities (`echo_prompt`, `max_tokens` 0). `helm-run -r mmlu:subject=anatomy,
 * method=multiple_choice_separate_calibrated,model=openai/gpt2 -m 3` on HELM's golden MMLU input, with the README's
 * local GPT-2 deployment (configs/examples/local-llama-cpp/) pointed at the tiny GGUF model of the llama.cpp tests.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareGoldenWork } from '../operators/request/clients/__fixtures__/helm-run.ts';
import { tinyVocabulary, writeTinyLlamaGguf } from '../operators/request/clients/__fixtures__/tiny-gguf.ts';
import { tinyLlamaLogSoftmax } from '../operators/request/clients/__fixtures__/tiny-llama-forward.ts';
import { gpt2Tokenizer } from '../operators/request/tokenizers/huggingface-gpt2.ts';
import { nodeProcess, type Finished } from './__fixtures__/when-ready.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'configs', 'examples', 'local-llama-cpp');
const work = mkdtempSync(join(tmpdir(), 'helm-local-logprobs-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const local = prepareGoldenWork(work);
mkdirSync(join(local, 'models'));
const modelPath = join(local, 'models', 'tiny.gguf');
writeTinyLlamaGguf(modelPath, 3);
writeFileSync(join(local, 'model_deployments.yaml'),
  readFileSync(join(example, 'model_deployments.yaml'), 'utf8').replace('model_path: prod_env/models/gpt2-f16.gguf', `model_path: ${modelPath}\n        threads: 1`)); // one thread: the test machine is shared
writeFileSync(join(local, 'model_metadata.yaml'), readFileSync(join(example, 'model_metadata.yaml'), 'utf8'));

const RUN = 'mmlu:subject=anatomy,method=multiple_choice_separate_calibrated,model=openai_gpt2';
type Token = { text: string; logprob: number };
type State = {
  instance: { id: string; references: { output: { text: string }; tags: string[] }[] };
  reference_index: number;
  request_mode: 'original' | 'calibration';
  request: { prompt: string; echo_prompt: boolean; max_tokens: number };
  result: { success: boolean; completions: { text: string; logprob: number; tokens: Token[] }[] };
};
type Stat = { name: { name: string; split: string; perturbation?: unknown }; mean: number };
const readRun = <T>(file: string): T => JSON.parse(readFileSync(join(work, 'runs', 'e2e', RUN, file), 'utf8')) as T;

describe('separate calibrated multiple choice on a local GGUF model: every answer scores its prompt', () => {
  let run: Finished;
  let states: State[] = [];
  beforeAll(async () => {
    run = await nodeProcess([join(root, 'pipelines', 'run.js'), '-o', work, '-r', RUN.replace('openai_gpt2', 'openai/gpt2'), '--suite', 'e2e', '--local-path', local, '-m', '3'], root);
    if (run.status === 0) states = readRun<{ request_states: State[] }>('scenario_state.json').request_states;
  }, 120_000);

  it('answers the 3 instances × 4 references × (original, calibration) echo requests with the prompt tokens and their log probabilities', () => {
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(states).toHaveLength(24);
    for (const state of states) {
      expect(state.request).toMatchObject({ echo_prompt: true, max_tokens: 0 });
      expect(state.result.success).toBe(true);
      const [completion] = state.result.completions;
      // The tiny model spells an ASCII prompt: BOS, the space prefix, then one token per character.
      expect(completion!.text).toBe(`<s> ${state.request.prompt}`);
      expect(completion!.tokens).toHaveLength(state.request.prompt.length + 2);
      expect(completion!.tokens[0]).toEqual({ text: '<s>', logprob: 0 });
      const logprobs = completion!.tokens.map((t) => t.logprob);
      for (const logprob of logprobs.slice(1)) expect(logprob).toBeLessThan(0);
      expect(completion!.logprob).toBeCloseTo(logprobs.reduce((a, b) => a + b, 0), 9);
    }
  });

  // llama.cpp keeps K and V in F16 by default: up to 5e-3 from the float computation over these prompts of up to 158 tokens.
  it("writes the model's own log probabilities (an independent forward pass of the tiny model, within 1e-2)", () => {
    const { tokens: vocabulary } = tinyVocabulary();
    for (const state of [states.find((s) => s.request_mode === 'calibration')!, states.find((s) => s.request_mode === 'original')!]) {
      const ids = [1, 3, ...[...state.request.prompt].map((c) => vocabulary.indexOf(c === ' ' ? '\u2581' : c === '\n' ? '<0x0A>' : c))];
      const logSoftmax = tinyLlamaLogSoftmax(modelPath, ids);
      const written = state.result.completions[0]!.tokens.map((t) => t.logprob);
      for (let i = 1; i < ids.length; i++) expect(Math.abs(written[i]! - logSoftmax[i - 1]![ids[i]!]!)).toBeLessThan(1e-2);
    }
  });

  it('scores each choice by its log probability against the calibration prompt, as HELM: the exact match of the stats', () => {
    // HELM's BasicReferenceMetric: the last len(gpt2(" " + choice)) tokens' logprobs, original minus calibration.
    const gpt2 = gpt2Tokenizer('huggingface/gpt2');
    const scoreOf = (state: State): number => {
      const n = gpt2.encode(` ${state.instance.references[state.reference_index]!.output.text}`).length;
      return state.result.completions[0]!.tokens.slice(-n).reduce((a, t) => a + t.logprob, 0);
    };
    const ids = [...new Set(states.map((s) => s.instance.id))];
    const matches = ids.map((id) => {
      const mine = states.filter((s) => s.instance.id === id);
      const references = mine[0]!.instance.references;
      const scores = references.map((_, i) => {
        const of = (mode: string) => scoreOf(mine.find((s) => s.reference_index === i && s.request_mode === mode)!);
        return of('original') - of('calibration');
      });
      const best = scores.flatMap((score, i) => (score >= Math.max(...scores) ? [i] : []));
      return best.filter((i) => references[i]!.tags.includes('correct')).length / best.length;
    });
    const exactMatch = readRun<Stat[]>('stats.json').find((s) => s.name.name === 'exact_match' && s.name.split === 'test' && s.name.perturbation === undefined);
    expect(exactMatch!.mean).toBeCloseTo(matches.reduce((a, b) => a + b, 0) / matches.length, 12);
    expect(matches).toEqual([1, 1, 0]); // this tiny model's picks on the three instances (its best two scores 0.08 to 2.9 apart, above llama.cpp's rounding)
  });
});
