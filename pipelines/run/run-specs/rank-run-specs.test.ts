// run_spec.json of copyright, disinformation and msmarco against HELM 0.5.16's own text for the same run entries
// (../__fixtures__/rank-run-specs.helm.json, made with /work/anchor by make-rank-run-specs.py, -m 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';

type HelmRunSpecs = { readonly names: readonly string[]; readonly text: readonly string[] } | { readonly error: string };
const HELM = JSON.parse(readFileSync(join(import.meta.dirname, '../__fixtures__/rank-run-specs.helm.json'), 'utf8')) as Record<string, HelmRunSpecs>;
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

const helmError = (description: string): string => (HELM[description] as { error: string }).error;

describe('copyright, disinformation and msmarco run specs, as HELM writes them', () => {
  it('copyright: completion preset (temperature 0.2, 1024 tokens), the three BasicCopyrightMetric specs, group by datatag', () => {
    expectHelmRunSpecs('copyright:datatag=pilot,model=simple/model1');
    expectHelmRunSpecs('copyright:model=simple/model1');
    expectHelmRunSpecs('copyright:datatag=prompt_num_line_1-min_lines_20.json,model=simple/model1');
  });

  it('copyright: the normalization flags reach the metric args as written; temperature and num_outputs are the expanders\', max_tokens the function\'s', () => {
    expectHelmRunSpecs('copyright:datatag=n_books_1000-extractions_per_book_1-prefix_length_5,normalize_by_prefix_length=False,normalize_newline_space_tab=1,model=simple/model1');
    expectHelmRunSpecs('copyright:datatag=pilot,temperature=0.5,num_outputs=3,model=simple/model1');
    expectHelmRunSpecs('copyright:datatag=pilot,max_tokens=20,num_outputs=3,model=simple/model1'); // max_tokens is no expander: the function takes it
  });

  it('disinformation: reiteration (generation, 2 shots, topic in the name) and wedging (completion, stop at Tweet/Reason)', () => {
    expectHelmRunSpecs('disinformation:capability=reiteration,model=simple/model1');
    expectHelmRunSpecs('disinformation:capability=reiteration,topic=climate,model=simple/model1');
    expectHelmRunSpecs('disinformation:capability=wedging,model=simple/model1');
    expectHelmRunSpecs('disinformation:model=simple/model1');
  });

  it('disinformation: another capability is refused with HELM\'s message', () => {
    expect(helmError('disinformation:capability=other,model=simple/model1')).toContain("Unsupported evaluation for disinformation capability 'other'");
    expect(() => runSpecsOf('disinformation:capability=other,model=simple/model1')).toThrow(
      "Unsupported evaluation for disinformation capability 'other'. Please choose one of 'reiteration' or 'wedging'.",
    );
  });

  it('msmarco: ranking_binary preset (2 train queries, stop \\n), RankingMetric with the track\'s measures and valid_topk as rank', () => {
    expectHelmRunSpecs('msmarco:track=regular,model=simple/model1');
    expectHelmRunSpecs('msmarco:track=regular,valid_topk=30,model=simple/model1');
    expectHelmRunSpecs('msmarco:track=trec,valid_topk=100,model=simple/model1');
    expectHelmRunSpecs('msmarco:track=trec,model=simple/model1');
  });

  it('msmarco: an unknown track, a valid_topk that is not a number and a missing track are refused', () => {
    expect(helmError('msmarco:track=other,model=simple/model1')).toBe("KeyError: 'other'");
    expect(() => runSpecsOf('msmarco:track=other,model=simple/model1')).toThrow('track=other is not a track');
    expect(helmError('msmarco:track=regular,valid_topk=abc,model=simple/model1')).toContain('invalid literal for int()');
    expect(() => runSpecsOf('msmarco:track=regular,valid_topk=abc,model=simple/model1')).toThrow('valid_topk=abc is not a number');
    expect(() => runSpecsOf('msmarco:model=simple/model1')).toThrow("is missing required argument 'track'");
  });
});
