/**
 * @module HELM's MedQAScenario (`scenarios/med_qa_scenario.py`): USMLE-style questions of Jin et al.'s MedQA, the
 * English four-option set. HELM unzips a Google Drive file into `<cacheDir>/data` and reads
 * `data_clean/questions/US/4_options/phrases_no_exclude_{train,dev,test}.jsonl` there, each line
 * `{"question", "answer", "options": {"A": …, "B": …, "C": …, "D": …}, "meta_info", "answer_idx": letter}`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { isOrderedJsonObject, parsePythonJson } from '../../core/python-json.ts';
import { pyRstrip, pyStrip } from '../../core/python-text.ts';
import { ensureDownloaded } from '../download.ts';
import { readLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

/** HELM's URL (a zip; no checksum there). */
const URL = 'https://drive.google.com/uc?export=download&id=1ImYUSLk9JbgHXOemfvyiDiirluZHPeQw&confirm=t';
/** Where the question files lie under the unzipped folder. */
const QUESTIONS_DIR = ['data_clean', 'questions', 'US', '4_options'] as const;
/** HELM's order of the splits (ALL_SPLITS) and the file each one reads. */
const FILES: readonly { readonly file: string; readonly split: Split }[] = [
  { file: 'train', split: 'train' },
  { file: 'dev', split: 'valid' },
  { file: 'test', split: 'test' },
];
const FORMAT = `MedQA's {"question": string, "options": {letter: string, …} (four), "answer_idx": letter}`;

const isRecord = (x: unknown): x is object => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The entries of a parsed JSON object as a Python dict holds them: in the file's order, a repeated key at its
 * first place with its last value (an object with integer-like keys comes back ordered, see `parsePythonJson`).
 */
function dictEntries(value: object): Array<[string, unknown]> {
  const pairs = isOrderedJsonObject(value) ? value.entries : Object.entries(value);
  return [...new Map(pairs.map(([k, v]) => [k, v] as [string, unknown]))];
}

/**
 * One line as HELM reads it: the question as input; the options in the file's order as references, each with
 * trailing double quotes and then trailing whitespace removed (`rstrip('"').rstrip()`, for answers such as
 * 'Pulmonary embolism\n"'), the one whose key equals answer_idx correct.
 */
export function medQaInstance(record: unknown, split: Split, where: string): RawInstance {
  if (!isRecord(record)) throw new UserError(`${where}: expected a JSON object (${FORMAT}).`);
  const fields = new Map(dictEntries(record));
  const question = fields.get('question');
  const options = fields.get('options');
  if (typeof question !== 'string' || !isRecord(options)) throw new UserError(`${where}: expected a string "question" and an object "options" (${FORMAT}).`);
  const choices = dictEntries(options);
  if (choices.length !== 4) throw new UserError(`${where}: expected 4 answer options (HELM asserts so), got ${choices.length}.`);
  const answerIndex = fields.get('answer_idx');
  return {
    input: { text: question },
    references: choices.map(([key, answer]) => {
      if (typeof answer !== 'string') throw new UserError(`${where}: option ${JSON.stringify(key)} is not a string (${FORMAT}).`);
      return reference(pyRstrip(answer.replace(/"+$/, '')), key === answerIndex);
    }),
    split,
  };
}

/** The records of one JSONL file; HELM parses each line after `rstrip()`, blank lines (an error there) are skipped. */
async function* medQaFile(path: string, split: Split): AsyncGenerator<RawInstance> {
  for await (const { text, line } of readLines(path)) {
    if (pyStrip(text) === '') continue;
    const where = `${path}:${line}`;
    let record: unknown;
    try {
      record = parsePythonJson(pyRstrip(text));
    } catch (error) {
      throw new UserError(`${where}: not valid JSON (${(error as Error).message}).`, { cause: error });
    }
    yield medQaInstance(record, split, where);
  }
}

async function* readMedQa(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  // The zip holds data_clean/ beside other entries, so HELM's unpacking leaves data/data_clean/….
  await ensureDownloaded({ url: URL, targetPath: dataPath, unpack: 'zip' }, downloadOptionsOf(context));
  for (const { file, split } of FILES) {
    const path = join(dataPath, ...QUESTIONS_DIR, `phrases_no_exclude_${file}.jsonl`);
    if (!existsSync(path)) {
      throw new UserError(`${path} is missing: HELM reads ${QUESTIONS_DIR.join('/')}/phrases_no_exclude_{train,dev,test}.jsonl under ${dataPath} (the unzipped ${URL}).`);
    }
    yield* medQaFile(path, split);
  }
}

/**
 * MedQA (US, four options): train, valid (the dev file) and test, in the files' order.
 * @example for await (const instance of medQaSource.instances({}, 'benchmark_output/scenarios/med_qa')) …
 */
export const medQaSource = defineScenario({
  className: 'helm.benchmark.scenarios.med_qa_scenario.MedQAScenario',
  metadata: scenarioMetadata(
    'med_qa_scenario',
    'med_qa',
    'An open domain question answering (QA) dataset collected from professional medical board exams.',
    ['question_answering', 'biomedical'],
  ),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readMedQa(cacheDir, context),
});
