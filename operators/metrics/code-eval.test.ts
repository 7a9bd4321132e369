import { describe, expect, it } from 'vitest';
import type { CodeReference } from '../../core/code-reference.ts';
import { helmJson } from '../../core/helm-json.ts';
import { reference } from '../../core/instance.ts';
import { numberOf } from '../../core/py-float.ts';
import type { Stat } from '../../core/stat.ts';
import type { CodeJob, SandboxOutcome } from './code-sandbox.ts';
import { codeEvaluation, isCodeEvalMetricName, passAtK, type CodeRunner } from './code-eval.ts';

/** HELM 0.5.16's pass_at_k_estimator(n, c, k), computed in the anchor (NumPy's product). */
const PASS_AT_K: [number, number, number, number][] = [
  [1, 0, 1, 0.0], [1, 1, 1, 1.0], [5, 2, 1, 0.3999999999999999], [5, 2, 3, 0.9], [10, 3, 5, 0.9166666666666666],
  [10, 0, 5, 0.0], [7, 7, 1, 1.0], [20, 9, 1, 0.44999999999999984], [20, 9, 10, 0.9999404620147654], [3, 1, 2, 0.6666666666666666],
];

const problem = (id: string) => ({ task_id: id, prompt: 'def f():\n', test: '', entry_point: 'f' });
const gold = (id: string): CodeReference => ({ ...reference(`solution ${id}`, true), test_cases: problem(id) });

/** A runner that passes the programs listed for each problem, and records what it was asked to run. */
function fakeRunner(passing: Record<string, readonly string[]>): CodeRunner & { jobs: CodeJob[] } {
  const jobs: CodeJob[] = [];
  const run = (job: CodeJob): SandboxOutcome => {
    jobs.push(job);
    if (job.kind !== 'humaneval') throw new Error('not a HumanEval job');
    const passed = (passing[job.problem['task_id'] as string] ?? []).includes(job.completion);
    return { answer: { passed, result: passed ? 'passed' : 'failed: ' }, ending: 'answered', stderr: '' };
  };
  return Object.assign(run, { jobs });
}

const values = (stats: readonly Stat[]) => stats.map((s) => [s.toJson().name.name, numberOf(s.toJson().sum)]);

describe('HumanEval code metrics', () => {
  it.each(PASS_AT_K)('pass_at_k_estimator(%d, %d, %d) = %d as in HELM', (n, c, k, expected) => {
    expect(passAtK(n, c, k).value).toBe(expected);
  });

  it('code_eval_acc is the top prediction against each correct reference; pass is pass@1 over every run', () => {
    const run = fakeRunner({ a: ['good'] });
    const evaluation = codeEvaluation([gold('a')], ['bad', 'good', 'bad'], 3, run);
    expect(values(evaluation.stats('code_eval_acc'))).toEqual([['code_eval_acc', 0], ['code_eval_acc@3', 1]]);
    expect(values(evaluation.stats('pass'))).toEqual([['pass', 0.33333333333333326], ['pass@3', 1]]); // 1 − (1 − 1/3), as NumPy computes it
    // Each program ran once, shared by both names, with HELM's 3-second timeout and the problem as its tests.
    expect(run.jobs.map((j) => (j.kind === 'humaneval' ? [j.completion, j.timeoutSeconds, j.problem['task_id']] : []))).toEqual([
      ['bad', 3, 'a'], ['good', 3, 'a'], ['bad', 3, 'a'],
    ]);
  });

  it('writes no @k stat with one output, and writes floats (1.0, 0.0)', () => {
    const evaluation = codeEvaluation([gold('a')], ['good'], 1, fakeRunner({ a: ['good'] }));
    const stats = [...evaluation.stats('code_eval_acc'), ...evaluation.stats('pass')];
    expect(stats.map((s) => s.toJson().name.name)).toEqual(['code_eval_acc', 'pass']);
    expect(stats.map((s) => helmJson(s.toJson().sum))).toEqual(['1.0', '1.0']); // Python floats
  });

  it('knows its names, and refuses a reference without test cases (HELM asserts)', () => {
    expect(['code_eval_acc', 'pass', 'pass@1'].map(isCodeEvalMetricName)).toEqual([true, true, false]);
    expect(() => codeEvaluation([reference('x', true)], ['p'], 1, fakeRunner({})).stats('pass')).toThrow('code_eval_acc and pass need the references of the code scenario itself');
  });
});
