/**
 * @module HELM's APPSMetric(names, timeout) (`metrics/code_metrics.py`): each completion of an APPS problem is run
 * against the problem's tests in the sandbox; `test_avg` is the share of tests passed and `strict_acc` whether all
 * passed, each the best over the completions.
 */
import { codeTestCasesOf } from '../../core/code-reference.ts';
import { UserError } from '../../core/errors.ts';
import { pyFloat, type PyFloat } from '../../core/py-float.ts';
import { pyStrip } from '../../core/python-text.ts';
import type { Stat } from '../../core/stat.ts';
import { sandboxCodeRunner, type CodeRunner } from './code-eval.ts';
import { instanceMetric } from './instance-metric.ts';
import { defineMetricClass, namesArg, statOf, type Metric } from './metric.ts';

export const APPS_METRIC_NAMES = ['test_avg', 'strict_acc'] as const;
type AppsMetricName = (typeof APPS_METRIC_NAMES)[number];

/** What HELM scores a program whose run never reported (killed after 11 s, or died): 21 failed tests. */
const FAILED_RUN_SCORES: readonly number[] = Array.from({ length: 21 }, () => 0);

export interface AppsMetricOptions {
  readonly names: readonly string[];
  /** Seconds per test (`signal.alarm`), as the run spec gives it. */
  readonly timeout: unknown;
  /** Runs the programs; the sandbox by default. */
  readonly run?: CodeRunner;
}

/** The scores of one program: 1.0 per test passed, else 0.0 (HELM's `_convert_scores` of `run_test`'s results). */
function programScores(root: string, code: string, timeout: unknown, run: CodeRunner): readonly number[] {
  const { answer } = run({ kind: 'apps', root, code, timeout });
  const scores = answer?.['scores'];
  return Array.isArray(scores) && scores.every((s) => typeof s === 'number') ? scores : FAILED_RUN_SCORES;
}

function score(name: AppsMetricName, scores: readonly number[], root: string): number {
  const passed = scores.reduce((sum, s) => sum + s, 0);
  if (name === 'strict_acc') return passed === scores.length ? 1 : 0;
  if (scores.length === 0) throw new UserError(`APPS problem ${root} has no test inputs: HELM 0.5.16's test_avg divides by zero there.`);
  return passed / scores.length;
}

/**
 * APPSMetric: per instance, for each name, the best score over the completions (each stripped, run once whatever
 * the number of names; HELM runs it once per name). No other stats (it is a plain HELM Metric, worst case included).
 */
export function appsMetric(options: AppsMetricOptions): Metric {
  const names = options.names.map((name): AppsMetricName => {
    if ((APPS_METRIC_NAMES as readonly string[]).includes(name)) return name as AppsMetricName;
    throw new UserError(`APPSMetric: expected names among ${APPS_METRIC_NAMES.join(', ')}, but got ${name}.`);
  });
  const run = options.run ?? sandboxCodeRunner();
  return instanceMetric({
    reads: 'generation',
    evaluate(states): Stat[] {
      const state = states[0]!;
      const first = state.instance.references[0];
      const root = first === undefined ? undefined : codeTestCasesOf(first)?.['root'];
      if (typeof root !== 'string') {
        throw new UserError(`APPSMetric: instance ${state.instance.id} has no APPS tests (a problem folder): it needs the code scenario's own instances (those read back from --cache-instances have none, in HELM too).`);
      }
      // HELM loops over the completions themselves: none (a failed request) leaves both scores at 0.0.
      const programs = (state.result?.completions ?? []).map((c) => programScores(root, pyStrip(c.text), options.timeout, run));
      return names.map((name) => {
        let best = 0;
        for (const scores of programs) best = Math.max(best, score(name, scores, root));
        return statOf(name, pyFloat(best) satisfies PyFloat);
      });
    },
  });
}

/** HELM's `code_metrics.APPSMetric(names, timeout)`. */
export const appsMetricClass = defineMetricClass({
  className: 'helm.benchmark.metrics.code_metrics.APPSMetric',
  params: ['names', 'timeout'],
  create(args) {
    if (!('timeout' in args)) throw new UserError("APPSMetric needs args.timeout (seconds per test, e.g. 3).");
    return appsMetric({ names: namesArg(args, 'APPSMetric'), timeout: args['timeout'] });
  },
});
