// run_spec.json of commonsense, truthful_qa, lsat_qa and interactive_qa_mmlu against HELM 0.5.16's own text for the
// same run entries (../__fixtures__/classic-mc-run-specs.helm.json, made by classic-mc-run-specs.helm.py with
// /work/anchor: run_entries_to_run_specs, -m 10).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { loadModelRegistry } from '../model-registry.ts';
import { runEntriesToRunSpecs } from '../run-entries.ts';

const HELM = JSON.parse(readFileSync(join(import.meta.dirname, '../__fixtures__/classic-mc-run-specs.helm.json'), 'utf8')) as Record<string, string>;
const registry = loadModelRegistry('/nonexistent/prod_env');

const runSpecJson = (runSpec: RunSpec): string => helmJson({ ...runSpec, adapter_spec: adapterSpecJson(runSpec.adapter_spec) });
const runSpecsOf = (description: string): RunSpec[] =>
  runEntriesToRunSpecs([{ description, priority: 1 }], { maxEvalInstances: 10, warn: () => undefined }, registry);

describe('classic multiple-choice run specs, as HELM writes them', () => {
  const entries = Object.keys(HELM).filter((key) => key !== '_about');

  it.each(entries)('%s', (description) => {
    const [runSpec, ...rest] = runSpecsOf(description);
    expect(rest).toEqual([]);
    expect(runSpecJson(runSpec!)).toBe(HELM[description]);
  });

  it('covers every dataset of commonsense and every method', () => {
    expect(entries.filter((e) => e.startsWith('commonsense:')).map((e) => e.split(',')[0])).toEqual([
      'commonsense:dataset=hellaswag',
      'commonsense:dataset=openbookqa',
      'commonsense:dataset=commonsenseqa',
      'commonsense:dataset=siqa',
      'commonsense:dataset=piqa',
    ]);
  });
});

describe('their errors', () => {
  it('commonsense: an unknown dataset (HELM ValueError), and a method that has no default', () => {
    expect(() => runSpecsOf('commonsense:dataset=winogrande,method=multiple_choice_joint,model=simple/model1')).toThrow(
      'Unknown dataset: winogrande (commonsense takes one of hellaswag, openbookqa, commonsenseqa, siqa, piqa).',
    );
    expect(() => runSpecsOf('commonsense:dataset=piqa,model=simple/model1')).toThrow(
      "Run spec function commonsense(dataset, method) is missing required argument 'method'",
    );
    expect(() => runSpecsOf('commonsense:dataset=piqa,method=generation,model=simple/model1')).toThrow("Invalid adaptation method 'generation'");
  });

  it('truthful_qa and lsat_qa need a task; interactive_qa_mmlu takes no method', () => {
    expect(() => runSpecsOf('truthful_qa:model=simple/model1')).toThrow("Run spec function truthful_qa(task, method=…) is missing required argument 'task'");
    expect(() => runSpecsOf('lsat_qa:method=multiple_choice_joint,model=simple/model1')).toThrow("lsat_qa(task, method=…) is missing required argument 'task'");
    expect(() => runSpecsOf('interactive_qa_mmlu:subject=nutrition,method=multiple_choice_joint,model=simple/model1')).toThrow(
      "Run spec function interactive_qa_mmlu(subject) has no parameter 'method'",
    );
  });
});
