// run_spec.json of twitter_aae, wikitext_103 and ice against HELM 0.5.16's own text for the same run entries
// (../__fixtures__/lm-run-specs.helm.json, made by lm-run-specs.helm.py with /work/anchor: run_entries_to_run_specs, -m 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';

const HELM = JSON.parse(readFileSync(join(import.meta.dirname, '../__fixtures__/lm-run-specs.helm.json'), 'utf8')) as Record<string, string>;
const registry = loadModelRegistry('/nonexistent/prod_env');

const runSpecJson = (runSpec: RunSpec): string => helmJson({ ...runSpec, adapter_spec: adapterSpecJson(runSpec.adapter_spec) });
const runSpecsOf = (description: string): RunSpec[] =>
  runEntriesToRunSpecs([{ description, priority: 1 }], { maxEvalInstances: 10, warn: () => undefined }, registry);

describe('language-modeling run specs, as HELM writes them', () => {
  const entries = Object.keys(HELM).filter((key) => key !== '_about');

  it.each(entries)('%s', (description) => {
    const [runSpec, ...rest] = runSpecsOf(description);
    expect(rest).toEqual([]);
    expect(runSpecJson(runSpec!)).toBe(HELM[description]);
  });

  it("keeps ice's args in the description's order and sorts them in its name", () => {
    const [runSpec] = runSpecsOf('ice:subset=hk,category=W,model=simple/model1');
    expect(runSpec!.name).toBe('ice:category=W,subset=hk,model=simple_model1');
    expect(Object.keys(runSpec!.scenario_spec.args)).toEqual(['subset', 'category']);
  });
});

describe('their errors', () => {
  it('twitter_aae needs a demographic; wikitext_103 takes no argument; ice takes only its scenario keywords', () => {
    expect(() => runSpecsOf('twitter_aae:model=simple/model1')).toThrow("Run spec function twitter_aae(demographic) is missing required argument 'demographic'");
    expect(() => runSpecsOf('wikitext_103:subset=x,model=simple/model1')).toThrow("Run spec function wikitext_103() has no parameter 'subset'");
    expect(() => runSpecsOf('ice:region=can,model=simple/model1')).toThrow("Run spec function ice(subset=…, gender=…, category=…) has no parameter 'region'");
  });
});
