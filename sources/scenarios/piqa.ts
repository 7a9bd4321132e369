/**
 * @module HELM's PiqaScenario (`scenarios/commonsense_scenario.py`): Bisk et al.'s `{train,valid}.jsonl`
 * (`goal`, `sol1`, `sol2`, and nothing else) with `{train,valid}-labels.lst` (0 or 1 per line), cached as
 * `piqa_{train,val}.jsonl` and `piqa_{train,val}_labels.lst`; the test set has no labels and is not read.
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { ensureAllDownloaded, type DownloadSpec } from '../download.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, type SourceContext } from '../scenario-source.ts';
import { commonsenseInstance, commonsenseMetadata, pyListItem, readLabelledJsonLines, textField, type CommonsenseFileSplit } from './commonsense.ts';

const BASE_URL = 'https://yonatanbisk.com/piqa/data';
/** The cached files' split name and the upstream files'. */
const FILES: readonly { readonly split: CommonsenseFileSplit; readonly upstream: string }[] = [
  { split: 'train', upstream: 'train' },
  { split: 'val', upstream: 'valid' },
];
const FORMAT = 'PIQA\'s {"goal", "sol1", "sol2"}';

/**
 * HELM `PiqaScenario.json_to_instance`: the goal is the question, sol1 and sol2 the answers, the label (a
 * Python list index) the correct one; HELM asserts the record has exactly 3 fields and the label is 0 or 1.
 */
export function piqaInstance(item: Readonly<Record<string, unknown>>, label: number, split: CommonsenseFileSplit, where: string): RawInstance {
  const answers = [textField(item, 'sol1', where, FORMAT), textField(item, 'sol2', where, FORMAT)];
  const question = textField(item, 'goal', where, FORMAT);
  const correctAnswer = pyListItem(answers, label);
  const keys = Object.keys(item);
  if (keys.length !== 3) throw new UserError(`${where}: expected exactly the fields goal, sol1, sol2 (HELM asserts 3 fields), got ${keys.join(', ')}.`);
  if (correctAnswer === undefined || (label !== 0 && label !== 1)) throw new UserError(`${where}: its label must be 0 or 1, got ${label}.`);
  return commonsenseInstance(question, answers, correctAnswer, split);
}

async function* readPiqa(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const data = (split: CommonsenseFileSplit): string => join(cacheDir, 'data', `piqa_${split}.jsonl`);
  const labels = (split: CommonsenseFileSplit): string => join(cacheDir, 'data', `piqa_${split}_labels.lst`);
  const specs = FILES.flatMap(({ split, upstream }): DownloadSpec[] => [
    { url: `${BASE_URL}/${upstream}.jsonl`, targetPath: data(split) },
    { url: `${BASE_URL}/${upstream}-labels.lst`, targetPath: labels(split) },
  ]);
  await ensureAllDownloaded(specs, downloadOptionsOf(context));
  for (const { split } of FILES) {
    for await (const { record, label, where } of readLabelledJsonLines(data(split), labels(split))) yield piqaInstance(record, label, split, where);
  }
}

/**
 * PIQA: train, then valid, 2 solutions each.
 * @example for await (const instance of piqaSource.instances({}, 'benchmark_output/scenarios/piqa')) …
 */
export const piqaSource = defineScenario({
  className: 'helm.benchmark.scenarios.commonsense_scenario.PiqaScenario',
  metadata: commonsenseMetadata('piqa', 'Benchmark from https://arxiv.org/pdf/1911.11641.pdf.'),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readPiqa(cacheDir, context),
});
