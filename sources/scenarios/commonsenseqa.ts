/**
 * @module HELM's CommonSenseQAScenario (`scenarios/commonsense_scenario.py`): Talmor et al.'s JSONL files
 * `{train,dev}_rand_split.jsonl` (`question.stem`, `question.choices[]` with `label` A–E and `text`,
 * `answerKey`), cached as `commonsenseqa_{train,val}.jsonl`; the test file has no labels and is not read.
 */
import { join } from 'node:path';
import type { RawInstance } from '../../core/instance.ts';
import { ensureAllDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, type SourceContext } from '../scenario-source.ts';
import { commonsenseInstance, commonsenseMetadata, letteredChoices, type CommonsenseFileSplit } from './commonsense.ts';

const BASE_URL = 'https://s3.amazonaws.com/commensenseqa'; // sic: HELM's (and the dataset's) bucket name
/** The cached file's split name and the upstream file's. */
const FILES: readonly { readonly split: CommonsenseFileSplit; readonly upstream: string }[] = [
  { split: 'train', upstream: 'train' },
  { split: 'val', upstream: 'dev' },
];
const FORMAT = 'CommonsenseQA\'s {"question": {"stem", "choices": [{"label", "text"}]}, "answerKey"}';

/** HELM `CommonSenseQAScenario.json_to_instance`: the stem and 5 choices; `answerKey` (A–E) names the correct one. */
export const commonsenseqaInstance = (item: Readonly<Record<string, unknown>>, split: CommonsenseFileSplit, where: string): RawInstance => {
  const { question, answers, correct } = letteredChoices(item, 'ABCDE', where, FORMAT);
  return commonsenseInstance(question, answers, answers[correct]!, split);
};

async function* readCommonsenseqa(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const path = (split: CommonsenseFileSplit): string => join(cacheDir, 'data', `commonsenseqa_${split}.jsonl`);
  await ensureAllDownloaded(
    FILES.map(({ split, upstream }) => ({ url: `${BASE_URL}/${upstream}_rand_split.jsonl`, targetPath: path(split) })),
    downloadOptionsOf(context),
  );
  for (const { split } of FILES) {
    for await (const { record, where } of readJsonLines(path(split))) yield commonsenseqaInstance(record, split, where);
  }
}

/**
 * CommonsenseQA: train, then valid (the dev file), 5 choices each. HELM's scenario name is `commonsenseqa`,
 * which is also the `dataset` the commonsense run entry takes.
 * @example for await (const instance of commonsenseqaSource.instances({}, 'benchmark_output/scenarios/commonsenseqa')) …
 */
export const commonsenseqaSource = defineScenario({
  className: 'helm.benchmark.scenarios.commonsense_scenario.CommonSenseQAScenario',
  metadata: commonsenseMetadata('commonsenseqa', 'Benchmark from https://arxiv.org/pdf/1811.00937.pdf.'),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readCommonsenseqa(cacheDir, context),
});
