/**
 * @module `big_bench:task=<t>,subtask=<s>` (HELM `classic_run_specs.py: get_big_bench_spec`). HELM reads the task
 * file while building the run spec: its metrics pick the method and the metrics, its prefixes and stop string
 * shape the prompt. The file is read from `<output>/scenarios/big_bench/<task>/[<subtask>/]task.json`.
 */
import { join } from 'node:path';
import { adapterSpec, type AdapterSpec } from '../../../core/adapter-spec.ts';
import { UserError } from '../../../core/errors.ts';
import { PyFloat } from '../../../core/py-float.ts';
import { jsonField } from '../../../core/python-json.ts';
import { pyTruthy } from '../../../core/python-text.ts';
import { DEFAULT_DATA_AUGMENTER_SPEC, type MetricSpec, type RunSpec } from '../../../core/run-spec.ts';
import { bigBenchArgs, bigBenchSource, bigBenchTaskPath, bigBenchTaskUrl, readBigBenchTask, requiredField, type BigBenchTask } from '../../../sources/scenarios/big-bench.ts';
import { pyFloatRepr } from '../py-text.ts';
import { basicMetricSpecs, exactMatchMetricSpecs } from './metric-presets.ts';
import { required, scenarioSpec, type RunSpecArgs, type RunSpecBuildContext, type RunSpecFunction } from './run-spec-function.ts';

/** The BIG-bench metrics HELM maps to its own reference metrics. */
const METRIC_NAMES: Readonly<Record<string, readonly string[]>> = {
  exact_str_match: ['exact_match', 'quasi_exact_match'],
  bleu: ['bleu_1', 'bleu_4'],
  rouge: ['rouge_1', 'rouge_2', 'rouge_l'],
};

/** A text field of the task, or `fallback` when absent (HELM `big_bench_task.get(name, fallback)`). */
function textField(definition: BigBenchTask, name: string, fallback: string, where: string): string {
  const value = jsonField(definition, name);
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new UserError(`${where}: '${name}' must be text, got ${JSON.stringify(value)}.`);
  return value;
}

/** Python `str()` of a JSON value HELM turns into a stop sequence. */
function pyStrOfJson(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

/**
 * HELM `get_metric_specs`: "multiple_choice_grade" anywhere means EM4; otherwise the basic metrics named by
 * exact_str_match, bleu and rouge (others are logged and skipped). HELM gathers the names in a Python set, so
 * their order in its run_spec.json depends on the process's string hash seed; we keep the order they are first
 * named in.
 */
export function bigBenchMetricSpecs(metrics: readonly unknown[], warn: (message: string) => void = console.warn): MetricSpec[] {
  const names: string[] = [];
  for (const metric of metrics) {
    if (metric === 'multiple_choice_grade') return exactMatchMetricSpecs();
    const mapped = typeof metric === 'string' && Object.hasOwn(METRIC_NAMES, metric) ? METRIC_NAMES[metric]! : undefined;
    if (mapped === undefined) warn(`Unhandled BIG-bench metric: ${pyStrOfJson(metric)}`);
    else for (const name of mapped) if (!names.includes(name)) names.push(name);
  }
  return basicMetricSpecs(names);
}

/** HELM's AdapterSpec for a task: joint multiple choice when "multiple_choice_grade" is a metric, else generation. */
export function bigBenchAdapterSpec(definition: BigBenchTask, where: string): AdapterSpec {
  const metrics = requiredField(definition, 'metrics', where);
  if (!Array.isArray(metrics)) throw new UserError(`${where}: 'metrics' must be a list.`);
  const stop = jsonField(definition, 'stop_string');
  return adapterSpec({
    method: metrics.includes('multiple_choice_grade') ? 'multiple_choice_joint' : 'generation',
    max_train_instances: 5, // can be overridden with the max_train_instances expander
    num_outputs: 1, // can be overridden with the num_outputs expander
    max_tokens: 64, // BIG-G models were run with 1,024 tokens of context and 64 of output
    temperature: 0, // greedy, as in BIG-bench; an int in HELM's call, so written 0
    instructions: textField(definition, 'task_prefix', '', where), // not formatted: no newline added
    // BIG-bench's own defaults are "\nQ: " and "\nA: "; HELM uses its multiple-choice ones
    input_prefix: textField(definition, 'example_input_prefix', 'Question: ', where),
    output_prefix: textField(definition, 'example_output_prefix', 'Answer: ', where),
    stop_sequences: pyTruthy(stop) ? [pyStrOfJson(stop)] : [],
  });
}

/** HELM's RunSpec of a task, from its parsed task file. */
export function bigBenchRunSpec(task: string, subtask: string, definition: BigBenchTask, where: string, warn?: (message: string) => void): RunSpec {
  const metrics = requiredField(definition, 'metrics', where);
  return {
    name: `big_bench:task=${task}${subtask !== '' ? `,subtask=${subtask}` : ''}`,
    scenario_spec: scenarioSpec(bigBenchSource, { task, subtask }),
    adapter_spec: bigBenchAdapterSpec(definition, where),
    metric_specs: bigBenchMetricSpecs(metrics as unknown[], warn),
    data_augmenter_spec: DEFAULT_DATA_AUGMENTER_SPEC,
    groups: [`big_bench_${task}`],
  };
}

/** The task file HELM reads while building: `<output>/scenarios/big_bench/<task>/[<subtask>/]task.json`. */
function taskFile(args: RunSpecArgs, context: RunSpecBuildContext): { task: string; subtask: string; path: string; url: string } {
  const { task, subtask } = bigBenchArgs({ task: args.get('task'), subtask: args.get('subtask') });
  const path = bigBenchTaskPath(join(context.outputPath, 'scenarios', 'big_bench'), task, subtask);
  return { task, subtask, path, url: bigBenchTaskUrl(task, subtask) };
}

/** `big_bench(task, subtask)`: its task file is fetched before the run specs are built (HELM downloads it there). */
export const bigBench = {
  params: [required('task'), required('subtask')],
  files(args, context) {
    const { path, url } = taskFile(args, context);
    return [{ url, targetPath: path }];
  },
  build(args, context): RunSpec {
    const { task, subtask, path, url } = taskFile(args, context);
    return bigBenchRunSpec(task, subtask, readBigBenchTask(path, url), path);
  },
} satisfies RunSpecFunction;
