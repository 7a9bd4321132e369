/**
 * @module HELM's HellaSwagScenario (`scenarios/commonsense_scenario.py`): Zellers et al.'s JSONL files
 * `hellaswag_{train,val}.jsonl` (`activity_label`, `ctx_a`, `ctx_b`, `endings`: 4 texts, `label`: the index
 * of the right one); the test file has no labels and is not read.
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { ensureAllDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, type SourceContext } from '../scenario-source.ts';
import { commonsenseInstance, commonsenseMetadata, pyListItem, textField, textListField, type CommonsenseFileSplit } from './commonsense.ts';

const BASE_URL = 'https://raw.githubusercontent.com/rowanz/hellaswag/master/data';
const SPLITS: readonly CommonsenseFileSplit[] = ['train', 'val'];
const FORMAT = 'HellaSwag\'s {"activity_label", "ctx_a", "ctx_b", "endings", "label"}';

/** Python `s[0].upper() + s[1:]` on a non-empty string (the first code point, which may upper-case to two). */
const upperFirst = (text: string): string => {
  const first = String.fromCodePoint(text.codePointAt(0)!);
  return first.toUpperCase() + text.slice(first.length);
};

/**
 * HELM `HellaSwagScenario.json_to_instance`: the question is `"<activity_label>: <ctx_a> <Ctx_b>"` (the first
 * character of ctx_b upper-cased; an empty ctx_b leaves the trailing space), the 4 endings are the answers and
 * `label` indexes the correct one (as a Python list index).
 */
export function hellaswagInstance(item: Readonly<Record<string, unknown>>, split: CommonsenseFileSplit, where: string): RawInstance {
  const ctxB = textField(item, 'ctx_b', where, FORMAT);
  const question = `${textField(item, 'activity_label', where, FORMAT)}: ${textField(item, 'ctx_a', where, FORMAT)} ${ctxB === '' ? '' : upperFirst(ctxB)}`;
  const answers = textListField(item, 'endings', where, FORMAT);
  const correctAnswer = pyListItem(answers, item['label']);
  if (correctAnswer === undefined) throw new UserError(`${where}: label ${JSON.stringify(item['label']) ?? 'missing'} is no index of the ${answers.length} endings.`);
  if (answers.length !== 4) throw new UserError(`${where}: expected 4 endings, got ${answers.length}.`);
  return commonsenseInstance(question, answers, correctAnswer, split);
}

async function* readHellaswag(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const path = (split: CommonsenseFileSplit): string => join(cacheDir, 'data', `hellaswag_${split}.jsonl`);
  await ensureAllDownloaded(
    SPLITS.map((split) => ({ url: `${BASE_URL}/hellaswag_${split}.jsonl`, targetPath: path(split) })),
    downloadOptionsOf(context),
  );
  for (const split of SPLITS) {
    for await (const { record, where } of readJsonLines(path(split))) yield hellaswagInstance(record, split, where);
  }
}

/**
 * HellaSwag: train, then valid (the val file), 4 endings each.
 * @example for await (const instance of hellaswagSource.instances({}, 'benchmark_output/scenarios/hellaswag')) …
 */
export const hellaswagSource = defineScenario({
  className: 'helm.benchmark.scenarios.commonsense_scenario.HellaSwagScenario',
  metadata: commonsenseMetadata('hellaswag', 'Benchmark from https://arxiv.org/pdf/1905.07830.pdf.'),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readHellaswag(cacheDir, context),
});
