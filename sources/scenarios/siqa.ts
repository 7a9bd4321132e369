/**
 * @module HELM's SiqaScenario (`scenarios/commonsense_scenario.py`): Sap et al.'s zip
 * `socialiqa-train-dev.zip`, of which HELM reads `socialiqa-train-dev/{train,dev}.jsonl` (`context`,
 * `question`, `answerA`, `answerB`, `answerC`, and nothing else) with `{train,dev}-labels.lst` (1–3 per line).
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { ensureDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, type SourceContext } from '../scenario-source.ts';
import { commonsenseInstance, commonsenseMetadata, pyListItem, readLabelledJsonLines, textField, type CommonsenseFileSplit } from './commonsense.ts';

const URL = 'https://storage.googleapis.com/ai2-mosaic/public/socialiqa/socialiqa-train-dev.zip';
/** The split and the upstream file name. */
const FILES: readonly { readonly split: CommonsenseFileSplit; readonly upstream: string }[] = [
  { split: 'train', upstream: 'train' },
  { split: 'val', upstream: 'dev' },
];
const FORMAT = 'Social IQa\'s {"context", "question", "answerA", "answerB", "answerC"}';

/**
 * HELM `SiqaScenario.json_to_instance`: the question is `"<context> <question>"`, answers A–C, and the label
 * counts from 1 (label − 1, a Python list index, is the correct answer); HELM asserts the record has exactly
 * 5 fields and the label is 1, 2 or 3.
 */
export function siqaInstance(item: Readonly<Record<string, unknown>>, label: number, split: CommonsenseFileSplit, where: string): RawInstance {
  const question = `${textField(item, 'context', where, FORMAT)} ${textField(item, 'question', where, FORMAT)}`;
  const answers = ['answerA', 'answerB', 'answerC'].map((name) => textField(item, name, where, FORMAT));
  const correctAnswer = pyListItem(answers, label - 1);
  const keys = Object.keys(item);
  if (keys.length !== 5) throw new UserError(`${where}: expected exactly the fields context, question, answerA, answerB, answerC (HELM asserts 5 fields), got ${keys.join(', ')}.`);
  if (correctAnswer === undefined || label < 1 || label > 3) throw new UserError(`${where}: its label must be 1, 2 or 3, got ${label}.`);
  return commonsenseInstance(question, answers, correctAnswer, split);
}

async function* readSiqa(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const target = join(cacheDir, 'data', 'socialiqa-train-dev');
  try {
    await ensureDownloaded({ url: URL, targetPath: target, unpack: 'zip' }, downloadOptionsOf(context));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // HELM's path names the folder twice (its unpacking moves a lone top-level folder into place, otherwise the
    // folder of all entries): say where the files go, whatever the archive holds.
    const read = join(target, 'socialiqa-train-dev', '{train,dev}.jsonl');
    throw new UserError(`${error.message} The files read are ${read} and their -labels.lst: unzip the archive inside ${target}.`, { cause: error });
  }
  for (const { split, upstream } of FILES) {
    const base = join(target, 'socialiqa-train-dev', upstream);
    for await (const { record, label, where } of readLabelledJsonLines(`${base}.jsonl`, `${base}-labels.lst`)) yield siqaInstance(record, label, split, where);
  }
}

/**
 * Social IQa: train, then valid (the dev file), 3 answers each.
 * @example for await (const instance of siqaSource.instances({}, 'benchmark_output/scenarios/siqa')) …
 */
export const siqaSource = defineScenario({
  className: 'helm.benchmark.scenarios.commonsense_scenario.SiqaScenario',
  metadata: commonsenseMetadata('siqa', 'Benchmark from https://arxiv.org/pdf/1904.09728.pdf.'),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readSiqa(cacheDir, context),
});
