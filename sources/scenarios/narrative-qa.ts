/**
 * @module HELM's NarrativeQAScenario (`scenarios/narrativeqa_scenario.py`): questions on the Wikipedia summaries
 * of books and films, from deepmind/narrativeqa's repository archive (`third_party/wikipedia/summaries.csv`,
 * `qaps.csv`), one question drawn per document.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { pyStrip } from '../../core/python-text.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { readCsvRows } from '../csv.ts';
import { ensureDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const REPO_URL = 'https://github.com/deepmind/narrativeqa/archive/master.zip';
/** HELM's `ALL_SPLITS` order; the `set` column holds these names. */
const SPLITS: readonly Split[] = ['train', 'valid', 'test'];

/** One row of a CSV as Python's `csv.DictReader` gives it (blank lines skipped; a short row lacks the last keys). */
interface DictRow {
  readonly get: (column: string) => string | undefined;
  readonly where: string;
}

async function* readDictRows(path: string): AsyncGenerator<DictRow> {
  let header: readonly string[] | undefined;
  for await (const { fields, line } of readCsvRows(path)) {
    if (fields.length === 0) continue;
    if (header === undefined) {
      header = fields;
      continue;
    }
    const row = fields;
    const columns = header;
    yield {
      get: (column) => {
        const at = columns.lastIndexOf(column); // a repeated column name: DictReader keeps the last one's value
        return at >= 0 && at < row.length ? row[at] : undefined;
      },
      where: `${path}:${line}`,
    };
  }
}

function need(row: DictRow, column: string): string {
  const value = row.get(column);
  if (value === undefined) throw new UserError(`${row.where}: no '${column}' value (NarrativeQA's CSV columns are expected).`);
  return value;
}

/** HELM `get_context`: a PassageQuestionInput of the stripped summary and question, "?" appended unless present. */
export function narrativeQaInput(summary: string, question: string, where: string): RawInstance['input'] {
  let asked = pyStrip(question);
  if (asked === '') throw new UserError(`${where}: the question is empty (HELM fails on question[-1]).`);
  if (!asked.endsWith('?')) asked += '?';
  return { text: `${pyStrip(summary)}\nQuestion: ${asked}`, kind: 'passage_question' };
}

interface QuestionRow {
  readonly question: string;
  readonly answer1: string;
  readonly answer2: string;
  readonly where: string;
}

/** HELM `get_split_instances`: one question per document (in the order documents first appear in qaps.csv). */
async function* splitInstances(summariesPath: string, qapsPath: string, split: Split, rng: PythonRandom): AsyncGenerator<RawInstance> {
  const summaries = new Map<string, string>();
  for await (const row of readDictRows(summariesPath)) {
    if (row.get('set') === split) summaries.set(need(row, 'document_id'), need(row, 'summary'));
  }
  const questions = new Map<string, QuestionRow[]>();
  for await (const row of readDictRows(qapsPath)) {
    if (row.get('set') !== split) continue;
    const documentId = need(row, 'document_id');
    const entry = { question: need(row, 'question'), answer1: need(row, 'answer1'), answer2: need(row, 'answer2'), where: row.where };
    const rows = questions.get(documentId);
    if (rows === undefined) questions.set(documentId, [entry]);
    else rows.push(entry);
  }
  for (const [documentId, rows] of questions) {
    const row = rng.choice(rows);
    const summary = summaries.get(documentId);
    if (summary === undefined) throw new UserError(`${row.where}: document ${documentId} has no ${split} summary in ${summariesPath}.`);
    yield {
      input: narrativeQaInput(summary, row.question, row.where),
      references: [reference(row.answer1, true), reference(row.answer2, true)],
      split,
    };
  }
}

async function* readNarrativeQa(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const repoPath = join(cacheDir, 'data', 'narrativeqa-master');
  await ensureDownloaded({ url: REPO_URL, targetPath: repoPath, unpack: 'zip' }, downloadOptionsOf(context));
  const summariesPath = join(repoPath, 'third_party', 'wikipedia', 'summaries.csv');
  const qapsPath = join(repoPath, 'qaps.csv');
  for (const path of [summariesPath, qapsPath]) {
    if (!existsSync(path)) throw new UserError(`${path} is missing: ${repoPath} should hold deepmind/narrativeqa's repository (${REPO_URL}, unpacked).`);
  }
  const rng = new PythonRandom(0); // random.seed(0) once; random.choice per document, split after split
  for (const split of SPLITS) yield* splitInstances(summariesPath, qapsPath, split, rng);
}

/**
 * NarrativeQA: train, valid and test, one instance per document with its two answers as correct references.
 * @example for await (const instance of narrativeQaSource.instances({}, 'benchmark_output/scenarios/narrativeqa')) …
 */
export const narrativeQaSource = defineScenario({
  className: 'helm.benchmark.scenarios.narrativeqa_scenario.NarrativeQAScenario',
  metadata: scenarioMetadata('narrativeqa_scenario', 'narrativeqa', 'Question answering using summaries of books/movie scripts.', [
    'question_answering',
  ]),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readNarrativeQa(cacheDir, context),
});
