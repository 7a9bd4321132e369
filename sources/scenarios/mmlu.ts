/**
 * @module HELM's MMLUScenario (`scenarios/mmlu_scenario.py`): Hendrycks et al.'s tar of CSVs, one file per
 * subject and split under `data/<split>/<subject>_<split>.csv`, each row `question, choices…, answer letter`
 * with no header.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { closeMatches, UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { readCsvRows } from '../csv.ts';
import { ensureDownloaded, type DownloadSpec } from '../download.ts';
import { defineScenario, downloadOptionsOf, logOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

/** HELM downloads the tar without a checksum, and none is recorded here either. */
const DATA = { url: 'https://people.eecs.berkeley.edu/~hendrycks/data.tar', unpack: 'tar' } as const;

/** HELM's order of the files (a Python dict's order), and the split each one feeds. */
export const MMLU_SPLITS: readonly { readonly dir: string; readonly split: Split }[] = [
  { dir: 'auxiliary_train', split: 'train' },
  { dir: 'dev', split: 'train' },
  { dir: 'val', split: 'valid' },
  { dir: 'test', split: 'test' },
];
const LETTERS = ['A', 'B', 'C', 'D', 'E'];

/**
 * One CSV row as HELM reads it: `dict(zip("ABCDE", choices))[letter]` is the correct text, and every choice
 * whose text equals it is tagged correct (so a duplicated correct answer is correct twice).
 */
export function mmluInstance(fields: readonly string[], split: Split, where: string): RawInstance {
  const choices = fields.slice(1, -1);
  const letter = fields[fields.length - 1];
  const index = letter === undefined ? -1 : LETTERS.indexOf(letter);
  if (fields.length === 0 || index < 0 || index >= choices.length) {
    throw new UserError(
      `${where}: expected "question, choices…, answer letter" with the letter naming one of the first ` +
        `${Math.min(choices.length, LETTERS.length)} choices, got ${JSON.stringify(fields)}.`,
    );
  }
  const correctText = choices[index]!;
  return { input: { text: fields[0]! }, references: choices.map((c) => reference(c, c === correctText)), split };
}

async function* readMmlu(subject: string, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  const spec: DownloadSpec = { ...DATA, targetPath: dataPath };
  await ensureDownloaded(spec, downloadOptionsOf(context));
  let filesRead = 0;
  for (const { dir, split } of MMLU_SPLITS) {
    const csvPath = join(dataPath, dir, `${subject}_${dir}.csv`);
    if (!existsSync(csvPath)) {
      logOf(context)(`${csvPath} doesn't exist, skipping`); // HELM's words: the subject has no such split
      continue;
    }
    filesRead++;
    for await (const { fields, line } of readCsvRows(csvPath)) {
      yield mmluInstance(fields, split, `${csvPath}:${line}`);
    }
  }
  // HELM goes on with no instances at all; nothing useful can come of it, so say which subjects exist.
  if (filesRead === 0) throw new UserError(await unknownSubjectMessage(subject, dataPath));
}

async function unknownSubjectMessage(subject: string, dataPath: string): Promise<string> {
  const files = await readdir(join(dataPath, 'test')).catch(() => [] as string[]);
  const subjects = files.filter((f) => f.endsWith('_test.csv')).map((f) => f.slice(0, -'_test.csv'.length));
  const close = closeMatches(subject, subjects);
  return (
    `MMLU has no files for subject '${subject}' under ${dataPath} (looked for <split>/${subject}_<split>.csv).` +
    (close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : '') +
    (subjects.length > 0 ? ` Subjects there: ${subjects.sort().join(', ')}.` : '')
  );
}

/**
 * MMLU: `subject` picks the files; train = auxiliary_train + dev, valid = val, test = test.
 * @example for await (const instance of mmluSource.instances({ subject: 'anatomy' }, 'benchmark_output/scenarios/mmlu')) …
 */
export const mmluSource = defineScenario({
  className: 'helm.benchmark.scenarios.mmlu_scenario.MMLUScenario',
  metadata: scenarioMetadata('mmlu_scenario', 'mmlu', 'Massive Multitask Language Understanding', ['knowledge', 'multiple_choice']),
  params: { required: ['subject'], optional: [] },
  read: (args, cacheDir, context) => () => readMmlu(String(args['subject']), cacheDir, context),
});
