/**
 * @module HELM's CodeScenario (`scenarios/code_scenario.py`): HumanEval (OpenAI's 164 hand-written Python
 * problems) or APPS (Hendrycks et al.'s programming-contest problems). Each reference carries its problem's tests
 * (`test_cases`, see `core/code-reference.ts`), which the code metrics run in a sandbox.
 */
import { join } from 'node:path';
import type { CodeReference } from '../../core/code-reference.ts';
import { UserError } from '../../core/errors.ts';
import { CORRECT_TAG, type RawInstance } from '../../core/instance.ts';
import { ensureDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, logOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';
import { APPS_PINNED_ORDER, readApps } from './code-apps.ts';

export const HUMAN_EVAL_URL = 'https://github.com/openai/human-eval/raw/master/data/HumanEval.jsonl.gz';
export const APPS_URL = 'https://people.eecs.berkeley.edu/~hendrycks/APPS.tar.gz';
export const CODE_DATASETS = ['humaneval', 'apps'] as const;

/**
 * HumanEval: the problems of `HumanEval.jsonl` (HELM keeps the gunzipped file under that name), keyed by task_id
 * as a Python dict is (a repeated id keeps its first place and its last problem), all in the test split (HELM's
 * 0 train and 0 valid). The 164 problems are held to do so.
 */
async function* readHumanEval(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const path = join(cacheDir, 'HumanEval.jsonl');
  await ensureDownloaded({ url: HUMAN_EVAL_URL, targetPath: path, unpack: 'gzip' }, downloadOptionsOf(context));
  const problems = new Map<unknown, Readonly<Record<string, unknown>>>();
  for await (const { record } of readJsonLines(path)) problems.set(record['task_id'], record);
  for (const [taskId, problem] of problems) {
    const prompt = problem['prompt'];
    const solution = problem['canonical_solution'];
    if (typeof prompt !== 'string' || typeof solution !== 'string') {
      throw new UserError(`${path}: problem ${JSON.stringify(taskId)} needs a text 'prompt' and 'canonical_solution'.`);
    }
    const reference: CodeReference = { output: { text: solution }, tags: [CORRECT_TAG], test_cases: problem };
    yield { input: { text: prompt }, references: [reference], split: 'test' };
  }
}

/** APPS: the archive unpacked into `<cacheDir>/APPS`, with HELM's pinned file order placed inside it. */
async function* readAppsDataset(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const appsDir = join(cacheDir, 'APPS');
  const options = downloadOptionsOf(context);
  // In HELM's order: the archive first (its folder is where the pinned order goes), then the pinned order.
  await ensureDownloaded({ url: APPS_URL, targetPath: appsDir, unpack: 'tar' }, options);
  await ensureDownloaded({ url: APPS_PINNED_ORDER.url, targetPath: join(appsDir, APPS_PINNED_ORDER.file) }, options);
  yield* readApps(appsDir, logOf(context));
}

/**
 * The code scenario of `dataset` (humaneval or apps).
 * @example for await (const instance of codeSource.instances({ dataset: 'humaneval' }, 'benchmark_output/scenarios/code')) …
 */
export const codeSource = defineScenario({
  className: 'helm.benchmark.scenarios.code_scenario.CodeScenario',
  metadata: scenarioMetadata('code_scenario', 'code', 'Code Generation', ['Reasoning', 'Code Generation']),
  params: { required: ['dataset'], optional: [] },
  read(args, cacheDir, context) {
    const dataset = args['dataset'];
    if (dataset === 'humaneval') return () => readHumanEval(cacheDir, context);
    if (dataset === 'apps') return () => readAppsDataset(cacheDir, context);
    throw new UserError(`code: unknown dataset ${JSON.stringify(dataset)}; the datasets are ${CODE_DATASETS.join(' and ')}.`);
  },
});
