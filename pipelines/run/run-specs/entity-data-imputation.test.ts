import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';

/** Our HELM case: its run entry, and the run_spec.json HELM 0.5.16 wrote for it. */
const CASE = new URL('../../__fixtures__/helm-cases/oracle-entity-data-imputation-buy/', import.meta.url);
const registry = loadModelRegistry(fileURLToPath(new URL('prod_env', CASE)));
const runSpecJson = (runSpec: RunSpec): string => helmJson({ ...runSpec, adapter_spec: adapterSpecJson(runSpec.adapter_spec) });
const runSpecsOf = (description: string): RunSpec[] => runEntriesToRunSpecs([{ description, priority: 1 }], { maxEvalInstances: 5 }, registry);

describe('entity_data_imputation', () => {
  it("reproduces HELM's run_spec.json byte for byte", () => {
    const [runSpec, ...rest] = runSpecsOf('entity_data_imputation:dataset=Buy,model=oracle/legacy-b');
    expect(rest).toEqual([]);
    expect(runSpecJson(runSpec!)).toBe(readFileSync(fileURLToPath(new URL('helm/run_spec.json', CASE)), 'utf8').trimEnd());
  });

  it('passes only the dataset to the scenario (its seed keeps the default, 1234)', () => {
    const [runSpec] = runSpecsOf('entity_data_imputation:dataset=Restaurant,model=oracle/legacy-b');
    expect(runSpec!.scenario_spec.args).toEqual({ dataset: 'Restaurant' });
    expect(() => runSpecsOf('entity_data_imputation:dataset=Buy,seed=3,model=oracle/legacy-b')).toThrow("has no parameter 'seed'");
  });
});
