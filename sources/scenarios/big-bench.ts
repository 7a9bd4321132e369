/**
 * @module HELM's BIGBenchScenario (`scenarios/big_bench_scenario.py`): a BIG-bench JSON task
 * (`benchmark_tasks/<task>/[<subtask>/]task.json`, cached as `<cache>/<task>/[<subtask>/]task.json`), its examples
 * shuffled with Python's `random.seed(0)` and cut into train, test and valid. The task file also shapes the run spec
 * (method, prefixes, stop string, metrics) and the scenario.json (description, tags), so it is read here for both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Reference, type Split } from '../../core/instance.ts';
import { numberOf, PyFloat } from '../../core/py-float.ts';
import { isOrderedJsonObject, jsonField, parsePythonJson } from '../../core/python-json.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { ensureDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type ScenarioMetadata, type SourceContext } from '../scenario-source.ts';

const TASKS_URL = 'https://raw.githubusercontent.com/google/BIG-bench/main/bigbench/benchmark_tasks';
/** HELM's general description, to which the task's own is appended. */
const DESCRIPTION =
  'The Beyond the Imitation Game Benchmark (BIG-bench) is a collaborative benchmark intended to probe large language ' +
  'models and extrapolate their future capabilities.';
const MIN_TEST_EXAMPLES = 16;

/** A parsed task.json: its fields read with `jsonField` (key order of `target_scores` kept). */
export type BigBenchTask = unknown;

/** Where HELM fetches a task file: `urljoin` of the task folder, the subtask folder (when given) and `task.json`. */
export function bigBenchTaskUrl(task: string, subtask: string): string {
  let base = `${TASKS_URL}/${task}/`;
  if (subtask !== '') base = new URL(`${subtask}/`, base).href;
  return new URL('task.json', base).href;
}

/** Where HELM caches a task file: `<cacheDir>/<task>/[<subtask>/]task.json`. */
export const bigBenchTaskPath = (cacheDir: string, task: string, subtask: string): string =>
  subtask === '' ? join(cacheDir, task, 'task.json') : join(cacheDir, task, subtask, 'task.json');

/** Downloads a task file unless it is in place (HELM `download_and_get_task`); returns its path. */
export async function ensureBigBenchTask(cacheDir: string, task: string, subtask: string, context?: SourceContext): Promise<string> {
  const path = bigBenchTaskPath(cacheDir, task, subtask);
  await ensureDownloaded({ url: bigBenchTaskUrl(task, subtask), targetPath: path }, downloadOptionsOf(context));
  return path;
}

/** A task file read as `json.load` reads it; a missing one is a UserError naming HELM's URL and the path to fill. */
export function readBigBenchTask(path: string, url: string): BigBenchTask {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new UserError(`BIG-bench task file ${path} cannot be read (${(cause as Error).message}); HELM downloads it from ${url}.`, { cause });
  }
  try {
    return parsePythonJson(text);
  } catch (cause) {
    throw new UserError(`${path}: not valid JSON (${(cause as Error).message}).`, { cause });
  }
}

/** A field HELM reads with `big_bench_task[name]` (a missing one is its KeyError). */
export function requiredField(definition: BigBenchTask, name: string, where: string): unknown {
  const value = jsonField(definition, name);
  if (value === undefined) throw new UserError(`${where}: a BIG-bench task needs the field '${name}'.`);
  return value;
}

/** The entries of a JSON object in the file's order. */
const entriesOf = (value: unknown): ReadonlyArray<readonly [string, unknown]> =>
  isOrderedJsonObject(value) ? value.entries : Object.entries(value as Record<string, unknown>);

const isNumber = (value: unknown): value is number | PyFloat => typeof value === 'number' || value instanceof PyFloat;

/** HELM's references of one example: its targets with the highest score correct, or every `target` correct. */
export function bigBenchReferences(example: unknown, where: string): Reference[] {
  const scores = jsonField(example, 'target_scores');
  if (scores !== undefined) {
    if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) throw new UserError(`${where}: 'target_scores' must be an object of target → score.`);
    const entries = entriesOf(scores);
    if (entries.length === 0 || !entries.every(([, score]) => isNumber(score))) throw new UserError(`${where}: 'target_scores' must map each target to a number.`);
    const highest = Math.max(...entries.map(([, score]) => numberOf(score as number | PyFloat)));
    return entries.map(([target, score]) => reference(target, numberOf(score as number | PyFloat) === highest));
  }
  const target = jsonField(example, 'target');
  if (target === undefined) throw new UserError(`${where}: an example needs 'target' or 'target_scores' (HELM raises "Invalid example").`);
  const targets = Array.isArray(target) ? target : [target];
  return targets.map((text) => {
    if (typeof text !== 'string') throw new UserError(`${where}: each target must be text, got ${JSON.stringify(text)}.`);
    return reference(text, true);
  });
}

/**
 * HELM's instances of a task: examples shuffled with `random.seed(0); random.shuffle(examples)`, then with
 * n_test = max(int(0.2 · N), 16): the first N − 2·n_test are train, the next n_test test, the rest valid (so
 * a task of fewer than 32 examples has no train, and one of fewer than 17 only test).
 */
export function bigBenchInstances(definition: BigBenchTask, where: string): RawInstance[] {
  const examples = requiredField(definition, 'examples', where);
  if (!Array.isArray(examples)) throw new UserError(`${where}: 'examples' must be a list.`);
  const shuffled = [...examples];
  new PythonRandom(0).shuffle(shuffled);
  const numTest = Math.max(Math.trunc(0.2 * shuffled.length), MIN_TEST_EXAMPLES);
  const numTrain = shuffled.length - numTest * 2;
  return shuffled.map((example, i) => {
    const at = `${where}: an example (${JSON.stringify(jsonField(example, 'input'))})`;
    const references = bigBenchReferences(example, at);
    const input = jsonField(example, 'input');
    if (typeof input !== 'string') throw new UserError(`${at}: 'input' must be text.`);
    const split: Split = i < numTrain ? 'train' : i < numTrain + numTest ? 'test' : 'valid';
    return { input: { text: input }, references, split };
  });
}

/**
 * The scenario.json HELM writes for a task (after reading it): the general description + " Task: <task> " +
 * ("Subtask: <subtask> " when given) + " Description: <the task's>", and the task's keywords as tags.
 */
export function bigBenchScenarioMetadata(definition: BigBenchTask, task: string, subtask: string, where: string): ScenarioMetadata {
  const keywords = requiredField(definition, 'keywords', where);
  const description = requiredField(definition, 'description', where);
  if (!Array.isArray(keywords) || !keywords.every((k) => typeof k === 'string')) throw new UserError(`${where}: 'keywords' must be a list of texts.`);
  if (typeof description !== 'string') throw new UserError(`${where}: 'description' must be text.`);
  return {
    ...bigBenchSource.metadata,
    description: `${DESCRIPTION} Task: ${task} ${subtask !== '' ? `Subtask: ${subtask} ` : ''} Description: ${description}`,
    tags: keywords as string[],
  };
}

/** `task` and `subtask` as HELM's constructor takes them (both required; subtask "" for none). */
export function bigBenchArgs(args: Readonly<Record<string, unknown>>): { task: string; subtask: string } {
  const { task, subtask } = args;
  if (typeof task !== 'string' || task === '') throw new UserError(`big_bench: task must be the name of a BIG-bench JSON task, got ${JSON.stringify(task)}.`);
  if (typeof subtask !== 'string') throw new UserError(`big_bench: subtask must be text ("" for none), got ${JSON.stringify(subtask)}.`);
  return { task, subtask };
}

async function* readBigBench(task: string, subtask: string, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const path = await ensureBigBenchTask(cacheDir, task, subtask, context);
  yield* bigBenchInstances(readBigBenchTask(path, bigBenchTaskUrl(task, subtask)), path);
}

/**
 * BIG-bench JSON tasks (programmatic tasks are not supported, as in HELM). The task's examples are held in memory
 * to be shuffled, as HELM holds them.
 * @example for await (const instance of bigBenchSource.instances({ task: 'emoji_movie', subtask: '' }, 'benchmark_output/scenarios/big_bench')) …
 */
export const bigBenchSource = defineScenario({
  className: 'helm.benchmark.scenarios.big_bench_scenario.BIGBenchScenario',
  metadata: scenarioMetadata('big_bench_scenario', 'big_bench', DESCRIPTION, []),
  params: { required: ['task', 'subtask'], optional: [] },
  read(args, cacheDir, context) {
    const { task, subtask } = bigBenchArgs(args);
    return () => readBigBench(task, subtask, cacheDir, context);
  },
  metadataFor(args, cacheDir) {
    const { task, subtask } = bigBenchArgs(args);
    const path = bigBenchTaskPath(cacheDir, task, subtask);
    return bigBenchScenarioMetadata(readBigBenchTask(path, bigBenchTaskUrl(task, subtask)), task, subtask, path);
  },
});
