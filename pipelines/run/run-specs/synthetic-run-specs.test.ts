// run_spec.json of the synthetic run-spec functions (synthetic_reasoning, synthetic_reasoning_natural,
// dyck_language, synthetic_efficiency) against HELM 0.5.16's own text for the same run entries
// (../../__fixtures__/synthetic-run-specs.helm.json, made with /work/anchor: run_entries_to_run_specs, -m 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';

interface HelmRunSpecs {
  readonly names: readonly string[];
  readonly first: string;
  readonly last: string;
}
const HELM = JSON.parse(readFileSync(join(import.meta.dirname, '../__fixtures__/synthetic-run-specs.helm.json'), 'utf8')) as Record<string, HelmRunSpecs>;
const registry = loadModelRegistry('/nonexistent/prod_env');

const runSpecJson = (runSpec: RunSpec): string => helmJson({ ...runSpec, adapter_spec: adapterSpecJson(runSpec.adapter_spec) });
const runSpecsOf = (description: string): RunSpec[] =>
  runEntriesToRunSpecs([{ description, priority: 1 }], { maxEvalInstances: 10, warn: () => undefined }, registry);

/** Our run specs for `description` against HELM's: every name, and the first and last run_spec.json byte for byte. */
function expectHelmRunSpecs(description: string): void {
  const helm = HELM[description]!;
  const ours = runSpecsOf(description);
  expect(ours.map((r) => r.name)).toEqual(helm.names);
  expect(runSpecJson(ours[0]!)).toBe(helm.first);
  expect(runSpecJson(ours[ours.length - 1]!)).toBe(helm.last);
}

describe('synthetic run specs, as HELM writes them', () => {
  it('synthetic_reasoning: generation, "Target: ", 5 shots, max_tokens 50, EM4, two groups', () => {
    expectHelmRunSpecs('synthetic_reasoning:mode=induction,model=simple/model1');
  });

  it('synthetic_reasoning_natural: "Rules:" and a newline, no output noun, 3 shots, set-match metrics', () => {
    expectHelmRunSpecs('synthetic_reasoning_natural:difficulty=hard,model=simple/model1');
  });

  it('synthetic_reasoning_natural passes any difficulty on as parsed (an int stays an int)', () => {
    expectHelmRunSpecs('synthetic_reasoning_natural:difficulty=3,model=simple/model1');
  });

  it('dyck_language: int() of the pair count (2.7 → 2), named dyck_language_np=<n> with no colon', () => {
    expectHelmRunSpecs('dyck_language:num_parenthesis_pairs=2.7,model=simple/model1');
  });

  it('synthetic_efficiency with no expander: random=None in the name, null tokenizer and prompt size', () => {
    expectHelmRunSpecs('synthetic_efficiency:model=simple/model1');
  });

  it('synthetic_efficiency sweeps: the expanders, not the function, take num_prompt_tokens, num_output_tokens and tokenizer', () => {
    expectHelmRunSpecs(
      'synthetic_efficiency:model=simple/model1,num_prompt_tokens=default_sweep,num_output_tokens=default_sweep,tokenizer=huggingface/gpt2',
    );
  });

  it('rejects what cannot be carried over: a non-integer pair count, a non-text mode, a number as random', () => {
    expect(() => runSpecsOf('dyck_language:num_parenthesis_pairs=two,model=simple/model1')).toThrow(/num_parenthesis_pairs=two is not an integer/);
    expect(() => runSpecsOf('synthetic_reasoning:mode=3,model=simple/model1')).toThrow(/mode=3 must be text/);
    expect(() => runSpecsOf('synthetic_efficiency:random=7,model=simple/model1')).toThrow(/random=7 must be text/);
  });
});
