// run_spec.json of natural_qa, narrative_qa, quac and news_qa against HELM 0.5.16's own text for the same run entries
// (../__fixtures__/open-qa-run-specs.helm.json, made with /work/anchor by make-open-qa-run-specs.py, -m 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';

type HelmRunSpecs = { readonly names: readonly string[]; readonly text: readonly string[] } | { readonly error: string };
const HELM = JSON.parse(readFileSync(join(import.meta.dirname, '../__fixtures__/open-qa-run-specs.helm.json'), 'utf8')) as Record<string, HelmRunSpecs>;
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

describe('natural_qa, narrative_qa, quac and news_qa run specs, as HELM writes them', () => {
  it('natural_qa: "Question: " as input prefix in closed book only, F1 metrics, group natural_qa_<mode>', () => {
    expectHelmRunSpecs('natural_qa:mode=closedbook,model=simple/model1');
    expectHelmRunSpecs('natural_qa:mode=openbook_longans,model=simple/model1');
    expectHelmRunSpecs('natural_qa:mode=openbook_wiki,model=simple/model1');
  });

  it('natural_qa: an unknown mode still makes a run spec (the scenario refuses it); no mode is refused', () => {
    expectHelmRunSpecs('natural_qa:mode=open,model=simple/model1');
    expect(HELM['natural_qa:model=simple/model1']).toEqual({ error: "TypeError: get_natural_qa_spec() missing 1 required positional argument: 'mode'" });
    expect(() => runSpecsOf('natural_qa:model=simple/model1')).toThrow("Run spec function natural_qa(mode) is missing required argument 'mode'");
  });

  it('narrative_qa: open-ended generation metrics (ROUGE-L, BLEU-1/4), 100 tokens', () => {
    expectHelmRunSpecs('narrative_qa:model=simple/model1');
  });

  it('quac (no input noun) and news_qa (Passage, 50 tokens): F1 metrics', () => {
    expectHelmRunSpecs('quac:model=simple/model1');
    expectHelmRunSpecs('news_qa:model=simple/model1');
  });
});
