/**
 * @module HELM's OpenBookQA scenario class (`scenarios/commonsense_scenario.py`): AI2's zip
 * `OpenBookQA-V1-Sep2018.zip`, of which HELM reads `Data/Main/{train,test}.jsonl` (`question.stem`,
 * `question.choices[]` with `label` A–D and `text`, `answerKey`); the dev file is not read.
 */
import { join } from 'node:path';
import type { RawInstance } from '../../core/instance.ts';
import { ensureDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, type SourceContext } from '../scenario-source.ts';
import { commonsenseInstance, commonsenseMetadata, letteredChoices, type CommonsenseFileSplit } from './commonsense.ts';

const URL = 'https://ai2-public-datasets.s3.amazonaws.com/open-book-qa/OpenBookQA-V1-Sep2018.zip';
const SPLITS: readonly CommonsenseFileSplit[] = ['train', 'test'];
const FORMAT = 'OpenBookQA\'s {"question": {"stem", "choices": [{"label", "text"}]}, "answerKey"}';

/** HELM `OpenBookQA.json_to_instance`: the stem and 4 choices; `answerKey` (A–D) names the correct one. */
export const openbookqaInstance = (item: Readonly<Record<string, unknown>>, split: CommonsenseFileSplit, where: string): RawInstance => {
  const { question, answers, correct } = letteredChoices(item, 'ABCD', where, FORMAT);
  return commonsenseInstance(question, answers, answers[correct]!, split);
};

async function* readOpenbookqa(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const root = join(cacheDir, 'data', 'OpenBookQA-V1-Sep2018');
  await ensureDownloaded({ url: URL, targetPath: root, unpack: 'zip' }, downloadOptionsOf(context));
  for (const split of SPLITS) {
    for await (const { record, where } of readJsonLines(join(root, 'Data', 'Main', `${split}.jsonl`))) yield openbookqaInstance(record, split, where);
  }
}

/**
 * OpenBookQA: train, then test, 4 choices each.
 * @example for await (const instance of openbookqaSource.instances({}, 'benchmark_output/scenarios/openbookqa')) …
 */
export const openbookqaSource = defineScenario({
  className: 'helm.benchmark.scenarios.commonsense_scenario.OpenBookQA',
  metadata: commonsenseMetadata('openbookqa', 'Benchmark from https://aclanthology.org/D18-1260.pdf.'),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readOpenbookqa(cacheDir, context),
});
