/**
 * @module HELM's TruthfulQAScenario (`scenarios/truthful_qa_scenario.py`): Lin et al.'s `TruthfulQA.csv` at
 * the commit HELM pins (a header, then `Type, Category, Question, Best Answer, Correct Answers, Incorrect
 * Answers, Source`; the answer lists are `;`-separated), as the multiple-choice single-answer task `mc_single`.
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Reference, type Split } from '../../core/instance.ts';
import { pyStrip } from '../../core/python-text.ts';
import { readCsvRows } from '../csv.ts';
import { ensureDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const URL = 'https://raw.githubusercontent.com/sylinrl/TruthfulQA/d71c110897f5d31c5d7f309e7bc316c152f6f031/data/v1/TruthfulQA.csv';
/** HELM's `TASK_NAMES`: the only task it implements. */
export const TRUTHFUL_QA_TASKS = ['mc_single'] as const;
const TRAIN_RATIO = 0.2;
const COLUMNS = 7;

/** HELM `format_str`: stripped, with a final "." added when missing. An empty text is a UserError (HELM's IndexError). */
export function truthfulQaAnswer(text: string, where: string): string {
  const stripped = pyStrip(text);
  if (stripped === '') throw new UserError(`${where}: an answer is empty (HELM cannot read it: it looks at its last character).`);
  return stripped.endsWith('.') ? stripped : `${stripped}.`;
}

/**
 * HELM `get_references`: the incorrect answers (the non-empty parts of the `;`-separated list, each formatted),
 * then the best answer (correct), rotated left by `ord(best[0]) % n` so the correct answer's position varies.
 */
export function truthfulQaReferences(bestAnswer: string, incorrectAnswers: string, where: string): Reference[] {
  const best = truthfulQaAnswer(bestAnswer, where);
  const references = incorrectAnswers
    .split(';')
    .filter((part) => pyStrip(part) !== '')
    .map((part) => reference(truthfulQaAnswer(part, where), false));
  references.push(reference(best, true));
  const k = best.codePointAt(0)! % references.length;
  return [...references.slice(k), ...references.slice(0, k)];
}

/** The data rows (after the header), each checked to have HELM's 7 columns. */
async function* dataRows(path: string): AsyncGenerator<{ readonly fields: readonly string[]; readonly where: string }> {
  let header = true;
  for await (const { fields, line } of readCsvRows(path)) {
    if (header) {
      header = false;
      continue;
    }
    const where = `${path}:${line}`;
    if (fields.length !== COLUMNS) {
      throw new UserError(`${where}: expected ${COLUMNS} columns (Type, Category, Question, Best Answer, Correct Answers, Incorrect Answers, Source), got ${fields.length}.`);
    }
    yield { fields, where };
  }
  if (header) throw new UserError(`${path} is empty: expected TruthfulQA's header row, then its questions.`);
}

/**
 * Two passes over the file: the first checks every row and counts them (HELM reads the whole file before
 * making any instance), the second makes the instances, the first `int(n · 0.2)` rows train and the rest valid.
 */
async function* readTruthfulQa(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const path = join(cacheDir, 'data', 'TruthfulQA.csv');
  await ensureDownloaded({ url: URL, targetPath: path }, downloadOptionsOf(context));
  let count = 0;
  for await (const _ of dataRows(path)) count++;
  const trainCount = Math.trunc(count * TRAIN_RATIO); // Python int(len(data) * 0.2), the same double product
  let index = 0;
  for await (const { fields, where } of dataRows(path)) {
    const [, , question, bestAnswer, , incorrectAnswers] = fields as [string, string, string, string, string, string, string];
    const split: Split = index++ < trainCount ? 'train' : 'valid';
    yield { input: { text: pyStrip(question) }, references: truthfulQaReferences(bestAnswer, incorrectAnswers, where), split };
  }
}

/**
 * TruthfulQA (`task=mc_single`): the question, its incorrect answers and its best answer as references.
 * @example for await (const instance of truthfulQaSource.instances({ task: 'mc_single' }, 'benchmark_output/scenarios/truthful_qa')) …
 */
export const truthfulQaSource = defineScenario({
  className: 'helm.benchmark.scenarios.truthful_qa_scenario.TruthfulQAScenario',
  metadata: scenarioMetadata('truthful_qa_scenario', 'truthful_qa', 'Truthful QA', ['knowledge', 'harms', 'multiple_choice']),
  params: { required: ['task'], optional: [] },
  read(args, cacheDir, context) {
    const task = args['task'];
    if (!(TRUTHFUL_QA_TASKS as readonly unknown[]).includes(task)) {
      throw new UserError(`TruthfulQA has no task ${JSON.stringify(task)}: the only task HELM implements is ${TRUTHFUL_QA_TASKS.join(', ')}.`);
    }
    return () => readTruthfulQa(cacheDir, context);
  },
});
