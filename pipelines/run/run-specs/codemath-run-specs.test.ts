// run_spec.json of the math and code run-spec functions against HELM 0.5.16's own text for the same run entries
// (../__fixtures__/codemath-run-specs.helm.json, made with /work/anchor: run_entries_to_run_specs, -m 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';

const HELM = JSON.parse(readFileSync(join(import.meta.dirname, '../__fixtures__/codemath-run-specs.helm.json'), 'utf8')) as Record<string, string>;
const registry = loadModelRegistry('/nonexistent/prod_env');

const runSpecJson = (runSpec: RunSpec): string => helmJson({ ...runSpec, adapter_spec: adapterSpecJson(runSpec.adapter_spec) });
const runSpecOf = (description: string): RunSpec => {
  const specs = runEntriesToRunSpecs([{ description, priority: 1 }], { maxEvalInstances: 10, warn: () => undefined }, registry);
  expect(specs).toHaveLength(1);
  return specs[0]!;
};

describe('math and code run specs, as HELM writes them', () => {
  it.each([
    'math:subject=algebra,level=1,model=simple/model1',
    'math:subject=number_theory,level=5,use_official_examples=True,model=simple/model1',
    'math:subject=geometry,level=2,use_chain_of_thought=TRUE,use_official_examples=false,model=simple/model1',
    'math:subject=precalculus,level=2.0,use_official_examples=yes,model=simple/model1',
    'code:dataset=humaneval,model=simple/model1',
    'code:dataset=apps,model=simple/model1',
    'code:dataset=apps,timeout=10,model=simple/model1',
    'code:dataset=apps,timeout=2.5,model=simple/model1',
    'code:dataset=mbpp,model=simple/model1',
  ])('%s', (description) => {
    expect(runSpecJson(runSpecOf(description))).toBe(HELM[description]);
  });

  it('refuses chain of thought with official examples, and a number for a text flag', () => {
    expect(() => runSpecOf('math:subject=algebra,level=1,use_chain_of_thought=true,use_official_examples=true,model=simple/model1')).toThrow(
      'math: official examples cannot be used with use_chain_of_thought=True.',
    );
    expect(() => runSpecOf('math:subject=algebra,level=1,use_chain_of_thought=1,model=simple/model1')).toThrow(
      'math: use_chain_of_thought=1 must be True or False (HELM calls .lower() on it).',
    );
  });
});
