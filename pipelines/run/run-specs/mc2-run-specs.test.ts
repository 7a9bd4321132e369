// run_spec.json of pubmed_qa, legal_support, bbq and blimp against HELM 0.5.16's own text for the same run entries
// (../__fixtures__/mc2-run-specs.helm.json, made with /work/anchor by make-mc2-run-specs.py, -m 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';

type HelmRunSpecs = { readonly names: readonly string[]; readonly text: readonly string[] } | { readonly error: string };
const HELM = JSON.parse(readFileSync(join(import.meta.dirname, '../__fixtures__/mc2-run-specs.helm.json'), 'utf8')) as Record<string, HelmRunSpecs>;
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

describe('pubmed_qa, legal_support, bbq and blimp run specs, as HELM writes them', () => {
  it('pubmed_qa: zero-shot joint multiple choice with MedHELM instructions, EM4', () => {
    expectHelmRunSpecs('pubmed_qa:model=simple/model1');
  });

  it('legal_support: "legal_support,method=…" (a comma), 3 shots; the model expander then appends ":model=…"', () => {
    expectHelmRunSpecs('legal_support:model=simple/model1');
    expectHelmRunSpecs('legal_support:method=multiple_choice_separate_original,model=simple/model1');
  });

  it('bbq: BBQMetric before EM4, any method', () => {
    expectHelmRunSpecs('bbq:subject=all,model=simple/model1');
    expectHelmRunSpecs('bbq:subject=Age,method=multiple_choice_separate_calibrated,model=simple/model1');
  });

  it('blimp: separate original by default with an empty input (output prefix ""), joint without an input noun', () => {
    expectHelmRunSpecs('blimp:phenomenon=binding,model=simple/model1');
    expectHelmRunSpecs('blimp:phenomenon=ellipsis,method=multiple_choice_joint,model=simple/model1');
  });

  it('refuses what HELM refuses: bbq without a subject, blimp with a method that is not multiple choice', () => {
    expect(HELM['bbq:model=simple/model1']).toEqual({ error: "TypeError: get_bbq_spec() missing 1 required positional argument: 'subject'" });
    expect(() => runSpecsOf('bbq:model=simple/model1')).toThrow("Run spec function bbq(subject, method=…) is missing required argument 'subject'");
    expect(() => runSpecsOf('blimp:phenomenon=binding,method=generation,model=simple/model1')).toThrow("Invalid adaptation method 'generation'");
  });
});
