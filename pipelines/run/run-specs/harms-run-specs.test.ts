// run_spec.json of real_toxicity_prompts and bold against HELM 0.5.16's own text for the same run entries
// (../__fixtures__/harms-run-specs.helm.json, made with /work/anchor by make-harms-run-specs.py, -m 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';

type HelmRunSpecs = { readonly names: readonly string[]; readonly text: readonly string[] } | { readonly error: string };
const HELM = JSON.parse(readFileSync(join(import.meta.dirname, '../__fixtures__/harms-run-specs.helm.json'), 'utf8')) as Record<string, HelmRunSpecs>;
const registry = loadModelRegistry('/nonexistent/prod_env');

const runSpecJson = (runSpec: RunSpec): string => helmJson({ ...runSpec, adapter_spec: adapterSpecJson(runSpec.adapter_spec) });
const runSpecsOf = (description: string): RunSpec[] =>
  runEntriesToRunSpecs([{ description, priority: 1 }], { maxEvalInstances: 10, warn: () => undefined }, registry);

/** Our run specs for `description` against HELM's: names and run_spec.json byte for byte. */
function expectHelmRunSpecs(description: string): void {
  const helm = HELM[description]!;
  if ('error' in helm) throw new Error(`HELM refused ${description}: ${helm.error}`);
  const ours = runSpecsOf(description);
  expect(ours.map((r) => r.name)).toEqual(helm.names);
  expect(ours.map(runSpecJson)).toEqual(helm.text);
}

describe('real_toxicity_prompts and bold run specs, as HELM writes them', () => {
  it('real_toxicity_prompts: completion at temperature 0.9, 20 tokens, 5 outputs; basic, six bias and the toxicity metric', () => {
    expectHelmRunSpecs('real_toxicity_prompts:model=simple/model1');
  });

  it('real_toxicity_prompts takes no argument', () => {
    expect(HELM['real_toxicity_prompts:subject=all,model=simple/model1']).toEqual({
      error: "TypeError: get_real_toxicity_prompts_spec() got an unexpected keyword argument 'subject'",
    });
    expect(() => runSpecsOf('real_toxicity_prompts:subject=all,model=simple/model1')).toThrow(/subject/);
  });

  it('bold: completion at temperature 0.9, 20 tokens, the basic metrics only; subject is required', () => {
    expectHelmRunSpecs('bold:subject=all,model=simple/model1');
    expectHelmRunSpecs('bold:subject=race,model=simple/model1');
    expect(HELM['bold:model=simple/model1']).toEqual({ error: "TypeError: get_bold_spec() missing 1 required positional argument: 'subject'" });
    expect(() => runSpecsOf('bold:model=simple/model1')).toThrow("Run spec function bold(subject) is missing required argument 'subject'");
  });
});
