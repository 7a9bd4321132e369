/**
 * @module HELM's HumanEval scores (`evaluate_reference_metrics.py`: `code_eval`, the `code_eval_acc` and `pass`
 * branches of `compute_reference_metrics`, `pass_at_k_estimator`): each (correct reference, prediction) pair is a
 * program run against the reference's problem in the sandbox, 1.0 when every assertion of its tests holds.
 */
import { codeTestCasesOf } from '../../core/code-reference.ts';
import { UserError } from '../../core/errors.ts';
import type { Reference } from '../../core/instance.ts';
import { pyFloat, type PyFloat } from '../../core/py-float.ts';
import type { Stat } from '../../core/stat.ts';
import { probeSandboxTools, runSandboxedSync, type CodeJob, type SandboxOptions, type SandboxOutcome, type SandboxTools } from './code-sandbox.ts';
import { statOf } from './metric.ts';

/** The reference-metric names that run code. */
export const CODE_EVAL_METRIC_NAMES = ['code_eval_acc', 'pass'] as const;
export type CodeEvalMetricName = (typeof CODE_EVAL_METRIC_NAMES)[number];
export const isCodeEvalMetricName = (name: string): name is CodeEvalMetricName => (CODE_EVAL_METRIC_NAMES as readonly string[]).includes(name);

/** Runs one program to its end (synchronously: the metrics are). */
export type CodeRunner = (job: CodeJob) => SandboxOutcome;

/**
 * The sandbox as a CodeRunner; the system's tools are probed on the first run, so that building a metric runs
 * nothing.
 */
export function sandboxCodeRunner(options: SandboxOptions = {}): CodeRunner {
  let tools: SandboxTools | undefined = options.tools;
  return function runCode(job) {
    tools ??= probeSandboxTools(options);
    return runSandboxedSync(job, { ...options, tools });
  };
}

/** HELM's `check_correctness(problem, completion, 3.0)` seconds. */
const HUMAN_EVAL_TIMEOUT_SECONDS = 3;

/** HELM `code_eval`: 1.0 when `pred` passes the problem's tests (a reference without tests is a bug: HELM asserts). */
function codeEval(gold: Reference, pred: string | null, run: CodeRunner): PyFloat {
  const problem = codeTestCasesOf(gold);
  if (problem === undefined) {
    // HELM asserts the same: its saved instances (--cache-instances) lose CodeReference.test_cases too.
    throw new UserError('code_eval_acc and pass need the references of the code scenario itself, with their tests (instances read back from --cache-instances have none, in HELM too).');
  }
  // An unmapped prediction (None) would fail in HELM's string concatenation; it does not occur without an output mapping.
  const outcome = run({ kind: 'humaneval', problem, completion: pred ?? '', timeoutSeconds: HUMAN_EVAL_TIMEOUT_SECONDS });
  return pyFloat(outcome.answer?.['passed'] === true ? 1 : 0);
}

/**
 * HELM `pass_at_k_estimator`: the unbiased pass@k of the Codex paper, 1 − C(n−c, k)/C(n, k), computed as
 * 1 − Π_{i=n−c+1..n} (1 − k/i) (NumPy's product, in order), and 1.0 when n − c < k.
 */
export function passAtK(n: number, c: number, k: number): PyFloat {
  if (n - c < k) return pyFloat(1);
  let product = 1;
  for (let i = n - c + 1; i <= n; i++) product *= 1 - k / i;
  return pyFloat(1 - product);
}

const maxOf = (scores: readonly PyFloat[]): PyFloat => scores.reduce((best, s) => (s.value > best.value ? s : best));

/** The code metrics of one request state, whose programs each run once (see `codeEvaluation`). */
export interface CodeEvaluation {
  /** The stats of `name`: `name`, and `name@k` when `numOutputs` ≠ 1. */
  stats(name: CodeEvalMetricName): Stat[];
}

/**
 * The code metrics of one request state: `code_eval_acc` = the best over correct references of the top
 * prediction's score (`@k`: of every prediction), `pass` = pass@1 over all (reference, prediction) runs (`@k`:
 * pass@k). Each (reference, prediction) program runs at most once, on first need, shared by both names (HELM runs
 * it once per name: only a program whose result depends on timing could tell).
 */
export function codeEvaluation(golds: readonly Reference[], preds: readonly (string | null)[], numOutputs: number, run: CodeRunner): CodeEvaluation {
  const scores = golds.map(() => new Map<number, PyFloat>());
  const score = (g: number, p: number): PyFloat => {
    let known = scores[g]!.get(p);
    if (known === undefined) scores[g]!.set(p, (known = codeEval(golds[g]!, preds[p] ?? null, run)));
    return known;
  };
  const all = (): PyFloat[] => golds.flatMap((_, g) => preds.map((_, p) => score(g, p)));
  return {
    stats(name) {
      let first: PyFloat;
      let atK: PyFloat;
      if (name === 'pass') {
        const results = all();
        const passed = results.filter((s) => s.value === 1).length;
        first = passAtK(results.length, passed, 1);
        atK = passAtK(results.length, passed, numOutputs);
      } else {
        first = maxOf(golds.map((_, g) => score(g, 0)));
        atK = maxOf(all());
      }
      return numOutputs === 1 ? [statOf(name, first)] : [statOf(name, first), statOf(`${name}@${numOutputs}`, atK)];
    },
  };
}
