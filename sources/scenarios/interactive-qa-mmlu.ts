/**
 * @module HELM's InteractiveQAMMLUScenario (`scenarios/interactive_qa_mmlu_scenario.py`): MMLU's dev questions
 * as train, and as test the small subset of MMLU's test questions used in the InteractiveQA study (a CodaLab
 * bundle of `<subject>_test.csv` files, unpacked into MMLU's `data/test/interactive_qa/`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { RawInstance, Split } from '../../core/instance.ts';
import { readCsvRows } from '../csv.ts';
import { downloadFailureMessage } from '../download-failure.ts';
import { ensureDownloaded, type DownloadSpec } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';
import { mmluInstance } from './mmlu.ts';

/** HELM's `VALID_SUBJECTS`. */
export const INTERACTIVE_QA_SUBJECTS = ['college_chemistry', 'global_facts', 'miscellaneous', 'nutrition', 'us_foreign_policy'] as const;
/** MMLU's tar, as the mmlu scenario downloads it (HELM's `MMLUScenario.download_mmlu`). */
const MMLU_URL = 'https://people.eecs.berkeley.edu/~hendrycks/data.tar';
const SUBSET_URL = 'https://worksheets.codalab.org/rest/bundles/0x4d49146fe16c4559bc64af6cbc04992d/contents/blob/';

/**
 * MMLU's data first, then the subset inside it (it is unpacked into MMLU's `data/test/`, so it cannot come
 * first: the MMLU folder would then look present). When MMLU's data cannot be fetched and the subset is
 * missing too, one message names both.
 */
async function ensureFiles(dataPath: string, context: SourceContext | undefined): Promise<string> {
  const mmlu: DownloadSpec = { url: MMLU_URL, targetPath: dataPath, unpack: 'tar' };
  const subset: DownloadSpec = { url: SUBSET_URL, targetPath: join(dataPath, 'test', 'interactive_qa'), unpack: 'tar' };
  try {
    await ensureDownloaded(mmlu, downloadOptionsOf(context));
  } catch (error) {
    if (!(error instanceof UserError) || existsSync(subset.targetPath)) throw error;
    const notTried = new Error(`not tried: it goes inside ${dataPath}, which has to be in place first`);
    throw new UserError(downloadFailureMessage([{ spec: mmlu, error: error.cause ?? error }, { spec: subset, error: notTried }], 2), { cause: error });
  }
  await ensureDownloaded(subset, downloadOptionsOf(context));
  return subset.targetPath;
}

async function* readInteractiveQa(subject: string, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  const testPath = await ensureFiles(dataPath, context);
  const files: readonly { readonly path: string; readonly split: Split }[] = [
    { path: join(dataPath, 'dev', `${subject}_dev.csv`), split: 'train' },
    { path: join(testPath, `${subject}_test.csv`), split: 'test' },
  ];
  for (const { path, split } of files) {
    if (!existsSync(path)) throw new UserError(`InteractiveQA MMLU needs ${path} (HELM reads it without checking), but it is missing.`);
    for await (const { fields, line } of readCsvRows(path)) yield mmluInstance(fields, split, `${path}:${line}`);
  }
}

/**
 * InteractiveQA's MMLU subset: train = MMLU's dev questions of the subject, test = the InteractiveQA subset.
 * @example for await (const instance of interactiveQaMmluSource.instances({ subject: 'nutrition' }, 'benchmark_output/scenarios/interactive_qa_mmlu')) …
 */
export const interactiveQaMmluSource = defineScenario({
  className: 'helm.benchmark.scenarios.interactive_qa_mmlu_scenario.InteractiveQAMMLUScenario',
  metadata: scenarioMetadata('interactive_qa_mmlu_scenario', 'interactive_qa_mmlu', 'Massive Multitask Language Understanding (InteractiveQA subset)', [
    'knowledge',
    'multiple_choice',
  ]),
  params: { required: ['subject'], optional: [] },
  read(args, cacheDir, context) {
    const subject = args['subject'];
    if (typeof subject !== 'string' || !(INTERACTIVE_QA_SUBJECTS as readonly string[]).includes(subject)) {
      throw new UserError(`Invalid subject for Interactive QA: ${JSON.stringify(subject)}; expected one of ${INTERACTIVE_QA_SUBJECTS.join(', ')}.`);
    }
    return () => readInteractiveQa(subject, cacheDir, context);
  },
});
