import { describe, expect, it } from 'vitest';
import type { CodeReference } from '../../core/code-reference.ts';
import { UserError } from '../../core/errors.ts';
import { CORRECT_TAG, type Instance } from '../../core/instance.ts';
import { numberOf } from '../../core/py-float.ts';
import { request, type CompletedRequest } from '../../core/request.ts';
import { simpleWindowService } from './__fixtures__/golden.ts';
import { appsMetric, appsMetricClass } from './apps.ts';
import type { CodeRunner } from './code-eval.ts';
import type { CodeJob, SandboxOutcome } from './code-sandbox.ts';

const ref = (root: string): CodeReference => ({ output: { text: '' }, tags: [CORRECT_TAG], test_cases: { root } });
const instance = (id: string, root: string): Instance => ({ id, input: { text: id }, references: [ref(root), ref('/elsewhere')], split: 'test' });
const state = (inst: Instance, texts: readonly string[]): CompletedRequest => ({
  instance: inst,
  train_trial_index: 0,
  request: request({ prompt: 'p' }),
  result: { success: true, embedding: [], cached: false, completions: texts.map((text) => ({ text, logprob: 0, tokens: [] })) },
  num_train_instances: 0,
  prompt_truncated: false,
  num_conditioning_tokens: 0,
});

/** Answers each program with the scores listed for it (no answer: the run died), recording the jobs. */
function fakeRunner(scores: Record<string, readonly number[] | undefined>): CodeRunner & { jobs: CodeJob[] } {
  const jobs: CodeJob[] = [];
  const run = (job: CodeJob): SandboxOutcome => {
    jobs.push(job);
    const answer = job.kind === 'apps' ? scores[job.code] : undefined;
    return answer === undefined ? { answer: undefined, ending: 'died', stderr: '' } : { answer: { scores: answer }, ending: 'answered', stderr: '' };
  };
  return Object.assign(run, { jobs });
}

/** The run's stats of one trial over `states` (one group each), as [name, split, mean]. */
function runStats(metric: ReturnType<typeof appsMetric>, groups: CompletedRequest[][]) {
  const perInstance = groups.map((g) => metric.evaluateGroup(0, g));
  metric.endTrial(0);
  return { perInstance, stats: metric.finish().map((s) => [s.name.name, s.name.perturbation?.name ?? null, numberOf(s.toJson().mean!)]) };
}

describe('APPSMetric', () => {
  it('scores each instance by its best completion: test_avg the share of tests passed, strict_acc all passed', () => {
    const run = fakeRunner({ half: [1, 0], all: [1, 1], none: [0, 0, 0] });
    const metric = appsMetric({ names: ['test_avg', 'strict_acc'], timeout: 3, run });
    const { perInstance, stats } = runStats(metric, [
      [state(instance('id1', '/p1'), ['  half\n', 'none'])],
      [state(instance('id2', '/p2'), ['all'])],
    ]);
    expect(perInstance.map((p) => p[0]!.stats.map((s) => [s.name.name, numberOf(s.toJson().sum)]))).toEqual([
      [['test_avg', 0.5], ['strict_acc', 0]],
      [['test_avg', 1], ['strict_acc', 1]],
    ]);
    // HELM's worst-case stats come with any plain Metric (equal to the originals without perturbations).
    expect(stats).toEqual([
      ['test_avg', null, 0.75], ['strict_acc', null, 0.5],
      ['test_avg', 'robustness', 0.75], ['test_avg', 'fairness', 0.75], ['strict_acc', 'robustness', 0.5], ['strict_acc', 'fairness', 0.5],
    ]);
    // Each completion (stripped) ran once for both names, in the first reference's folder, with the timeout as given.
    expect(run.jobs).toEqual([
      { kind: 'apps', root: '/p1', code: 'half', timeout: 3 },
      { kind: 'apps', root: '/p1', code: 'none', timeout: 3 },
      { kind: 'apps', root: '/p2', code: 'all', timeout: 3 },
    ]);
  });

  it('scores a run that never answered as 21 failed tests, and a failed request (no completion) as 0.0', () => {
    const metric = appsMetric({ names: ['strict_acc', 'test_avg'], timeout: 3, run: fakeRunner({}) });
    const { stats } = runStats(metric, [[state(instance('id1', '/p1'), ['killed'])], [state(instance('id2', '/p2'), [])]]);
    expect(stats.slice(0, 2)).toEqual([['strict_acc', null, 0], ['test_avg', null, 0]]);
  });

  it('fails as HELM does on a problem without tests (test_avg divides by zero), and refuses unknown names', () => {
    const metric = appsMetric({ names: ['strict_acc', 'test_avg'], timeout: 3, run: fakeRunner({ p: [] }) });
    expect(() => metric.evaluateGroup(0, [state(instance('id1', '/p'), ['p'])])).toThrow(
      new UserError("APPS problem /p has no test inputs: HELM 0.5.16's test_avg divides by zero there."),
    );
    expect(() => appsMetric({ names: ['pass'], timeout: 3 })).toThrow('APPSMetric: expected names among test_avg, strict_acc, but got pass.');
  });

  it("is HELM's code_metrics.APPSMetric(names, timeout)", () => {
    const options = { adapterSpec: {} as never, windowService: simpleWindowService };
    expect(appsMetricClass.className).toBe('helm.benchmark.metrics.code_metrics.APPSMetric');
    expect(appsMetricClass.params).toEqual(['names', 'timeout']);
    expect(() => appsMetricClass.create({ names: ['test_avg'] }, options)).toThrow('APPSMetric needs args.timeout');
  });
});
