import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adapterSpecJson } from '../../../core/adapter-spec.ts';
import { helmJson } from '../../../core/helm-json.ts';
import type { RunSpec } from '../../../core/run-spec.ts';
import { parseObjectSpec } from '../object-spec.ts';
import { bigBench, bigBenchMetricSpecs } from './big-bench.ts';
import { callRunSpecFunction } from './run-spec-function.ts';

/** Synthetic BIG-bench tasks of our own, and HELM 0.5.16's `get_big_bench_spec` on them (PYTHONHASHSEED=1, see below). */
const fixtures = fileURLToPath(new URL('../../../sources/scenarios/__fixtures__/big_bench', import.meta.url));
/** An output root whose scenarios/big_bench holds the fixture tasks. */
const outputPath = mkdtempSync(join(tmpdir(), 'big-bench-spec-'));
cpSync(fixtures, join(outputPath, 'scenarios', 'big_bench'), { recursive: true });
afterAll(() => rmSync(outputPath, { recursive: true, force: true }));

const runSpecJson = (runSpec: RunSpec): string => helmJson({ ...runSpec, adapter_spec: adapterSpecJson(runSpec.adapter_spec) });
const build = (description: string): RunSpec => {
  const { args } = parseObjectSpec(description);
  // the output path is where HELM's get_benchmark_output_path() points (helm-run's -o)
  const fn = { params: bigBench.params, build: (a: Parameters<typeof bigBench.build>[0]) => bigBench.build(a, { outputPath }) };
  return callRunSpecFunction('big_bench', fn, args);
};

describe('big_bench', () => {
  it("reproduces HELM's run_spec.json of a multiple-choice task: joint method, task_prefix as is, temperature 0 (an int), EM4", () => {
    expect(runSpecJson(build('big_bench:task=mc_task,subtask='))).toBe(readFileSync(join(fixtures, 'helm-run-spec-mc_task.json'), 'utf8').trimEnd());
  });

  it("reproduces HELM's run_spec.json of a generative subtask: output prefix and stop string from the task, basic metrics", () => {
    expect(runSpecJson(build('big_bench:task=gen_task,subtask=sub_a'))).toBe(
      readFileSync(join(fixtures, 'helm-run-spec-gen_task.json'), 'utf8').trimEnd(),
    );
  });

  it('maps BIG-bench metrics as HELM does, in first-named order (HELM: Python set order, which varies with the hash seed)', () => {
    const warnings: string[] = [];
    const names = (metrics: string[]) => bigBenchMetricSpecs(metrics, (m) => warnings.push(m))[0]!.args['names'];
    expect(names(['rouge', 'exact_str_match', 'rouge'])).toEqual(['rouge_1', 'rouge_2', 'rouge_l', 'exact_match', 'quasi_exact_match']);
    expect(names(['bleu', 'multiple_choice_grade'])).toEqual(['exact_match', 'quasi_exact_match', 'prefix_exact_match', 'quasi_prefix_exact_match']);
    expect(names(['log_likelihood'])).toEqual([]);
    expect(warnings).toEqual(['Unhandled BIG-bench metric: log_likelihood']);
  });

  it('needs subtask (HELM\'s signature has no default) and the task file in place', () => {
    expect(() => build('big_bench:task=mc_task')).toThrow("is missing required argument 'subtask'");
    expect(() => build('big_bench:task=nope,subtask=')).toThrow(
      /big_bench[/\\]nope[/\\]task\.json cannot be read .*HELM downloads it from https:\/\/raw\.githubusercontent\.com\/google\/BIG-bench\/main\/bigbench\/benchmark_tasks\/nope\/task\.json/,
    );
  });
});
