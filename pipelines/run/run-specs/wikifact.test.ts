import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';

/** Our HELM case: its run entry, and the run_spec.json HELM 0.5.16 wrote for it. */
const CASE = new URL('../../__fixtures__/helm-cases/oracle-wikifact-author/', import.meta.url);
const registry = loadModelRegistry(fileURLToPath(new URL('prod_env', CASE)));
const runSpecJson = (runSpec: RunSpec): string => helmJson({ ...runSpec, adapter_spec: adapterSpecJson(runSpec.adapter_spec) });
const runSpecsOf = (description: string): RunSpec[] => runEntriesToRunSpecs([{ description, priority: 1 }], { maxEvalInstances: 10 }, registry);

describe('wikifact', () => {
  it("reproduces HELM's run_spec.json byte for byte", () => {
    const [runSpec, ...rest] = runSpecsOf('wikifact:k=2,subject=author,model=oracle/legacy-b');
    expect(rest).toEqual([]);
    expect(runSpecJson(runSpec!)).toBe(readFileSync(fileURLToPath(new URL('helm/run_spec.json', CASE)), 'utf8').trimEnd());
  });

  it('samples k completions (Python int(k)) and names the run with k as written', () => {
    const [runSpec] = runSpecsOf('wikifact:k=5.0,subject=capital,model=oracle/legacy-b');
    expect([runSpec!.name, runSpec!.adapter_spec.num_outputs]).toEqual(['wikifact:k=5.0,subject=capital,model=oracle_legacy-b', 5]);
    expect(() => runSpecsOf('wikifact:k=many,subject=author,model=oracle/legacy-b')).toThrow('wikifact: k=many must be a whole number');
    expect(() => runSpecsOf('wikifact:subject=author,model=oracle/legacy-b')).toThrow("missing required argument 'k'");
  });
});
