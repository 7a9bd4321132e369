/**
 * @module HELM's MMLUScenario (`scenarios/mmlu_scenario.py`): Hendrycks et al.'s tar of CSVs
 * (no header: question, choices…, answer letter), one file per subject and split.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { readCsvRows } from '../csv.ts';
import { ensureDownloaded } from '../download.ts';
import { checkScenarioArgs } from '../scenario-args.ts';
import { scenarioMetadata, type ScenarioSource } from '../scenario-source.ts';

const DATA = { url: 'https://people.eecs.berkeley.edu/~hendrycks/data.tar', unpack: 'tar' } as const;

/** HELM's order of the files, and the split each one feeds. */
const MMLU_SPLITS: readonly { dir: string; split: Split }[] = [
  { dir: 'auxiliary_train', split: 'train' },
  { dir: 'dev', split: 'train' },
  { dir: 'val', split: 'valid' },
  { dir: 'test', split: 'test' },
];
const LETTERS = ['A', 'B', 'C', 'D', 'E'];

/** One CSV row as HELM reads it: every choice whose text equals the answer's text is correct. */
function rowToInstance(row: readonly string[], split: Split, where: string): RawInstance {
  const question = row[0]!;
  const choices = row.slice(1, -1);
  const letter = row[row.length - 1]!;
  const index = LETTERS.indexOf(letter);
  if (row.length < 3 || index < 0 || index >= choices.length) {
    throw new UserError(`${where}: expected "question, choices…, answer letter", got answer '${letter}' with ${choices.length} choices.`);
  }
  const correctText = choices[index]!;
  return { input: { text: question }, references: choices.map((c) => reference(c, c === correctText)), split };
}

export const mmluSource: ScenarioSource = {
  className: 'helm.benchmark.scenarios.mmlu_scenario.MMLUScenario',
  metadata: scenarioMetadata('mmlu_scenario', 'mmlu', 'Massive Multitask Language Understanding', ['knowledge', 'multiple_choice']),
  async *instances(args, cacheDir): AsyncIterable<RawInstance> {
    const { subject } = checkScenarioArgs('mmlu', args, { required: ['subject'], optional: [] });
    const dataPath = join(cacheDir, 'data');
    await ensureDownloaded({ ...DATA, targetPath: dataPath });
    for (const { dir, split } of MMLU_SPLITS) {
      const csvPath = join(dataPath, dir, `${String(subject)}_${dir}.csv`);
      if (!existsSync(csvPath)) {
        process.stderr.write(`${csvPath} doesn't exist, skipping\n`); // HELM skips missing splits too
        continue;
      }
      let rowNumber = 0;
      for await (const row of readCsvRows(csvPath)) {
        rowNumber += 1;
        yield rowToInstance(row, split, `${csvPath}:${rowNumber}`);
      }
    }
  },
};
