// run_spec.json of summarization_xsum, summarization_xsum_sampled and summarization_cnndm against HELM 0.5.16's own
// text for the same run entries (../__fixtures__/summarization-run-specs.helm.json, made with /work/anchor by
// summarization-run-specs.helm.py, -m 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';

type HelmRunSpecs = { readonly names: readonly string[]; readonly text: readonly string[] } | { readonly error: string };
const HELM = JSON.parse(readFileSync(join(import.meta.dirname, '../__fixtures__/summarization-run-specs.helm.json'), 'utf8')) as Record<string, HelmRunSpecs>;
const registry = loadModelRegistry('/nonexistent/prod_env');

const runSpecJson = (runSpec: RunSpec): string => helmJson({ ...runSpec, adapter_spec: adapterSpecJson(runSpec.adapter_spec) });
const runSpecsOf = (description: string): RunSpec[] =>
  runEntriesToRunSpecs([{ description, priority: 1 }], { maxEvalInstances: 10, warn: () => undefined }, registry);

function expectHelmRunSpecs(description: string): void {
  const helm = HELM[description]!;
  if ('error' in helm) throw new Error(`HELM refused ${description}: ${helm.error}`);
  const ours = runSpecsOf(description);
  expect(ours.map((r) => r.name)).toEqual(helm.names);
  expect(ours.map(runSpecJson)).toEqual(helm.text);
}

describe('summarization run specs, as HELM writes them', () => {
  it('summarization_xsum: one sentence, 64 tokens, SummarizationMetric(task, device) then basic([])', () => {
    expectHelmRunSpecs('summarization_xsum:model=simple/model1');
    expectHelmRunSpecs('summarization_xsum:temperature=0.3,device=cpu,model=simple/model1');
  });

  it('temperature goes to its expander: the name keeps temperature=0.3 while the adapter gets the value given', () => {
    expectHelmRunSpecs('summarization_xsum:temperature=0.7,model=simple/model1');
    expectHelmRunSpecs('summarization_cnndm:temperature=0,model=simple/model1');
  });

  it('summarization_xsum_sampled, and summarization_cnndm (three sentences, 128 tokens) with the device named', () => {
    expectHelmRunSpecs('summarization_xsum_sampled:model=simple/model1');
    expectHelmRunSpecs('summarization_cnndm:device=cuda,model=simple/model1');
  });

  it('refuses an argument the function does not take', () => {
    expect(HELM['summarization_cnndm:dataset=x,model=simple/model1']).toEqual({
      error: "TypeError: get_cnndm_summarization_spec() got an unexpected keyword argument 'dataset'",
    });
    expect(() => runSpecsOf('summarization_cnndm:dataset=x,model=simple/model1')).toThrow(
      "Run spec function summarization_cnndm(temperature=…, device=…) has no parameter 'dataset'",
    );
  });
});
