/**
 * @module HELM's BoolQScenario (`scenarios/boolq_scenario.py`): yes/no questions about a Wikipedia passage,
 * from HELM's JSONL copies of the train and dev splits (`{"question", "title", "answer": bool, "passage"}`).
 * Contrast sets (allenai/contrast-sets) are not read yet, see `boolqSource`.
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type Input, type RawInstance, type Split } from '../../core/instance.ts';
import { pythonCase } from '../../core/python-case.ts';
import { pyStrip, pyTruthy } from '../../core/python-text.ts';
import { ensureAllDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { checkScenarioArgs } from '../scenario-args.ts';
import { downloadOptionsOf, rereadable, scenarioMetadata, type ScenarioSource, type SourceContext } from '../scenario-source.ts';

const BASE_URL = 'https://huggingface.co/datasets/stanford-crfm/helm-scenarios/resolve/main/boolq';
/** HELM's order; each file is cached as `<cacheDir>/data/<file>` (no extension). */
const FILES: readonly { readonly split: Split; readonly file: string }[] = [
  { split: 'train', file: 'train' },
  { split: 'valid', file: 'dev' },
];

/**
 * HELM `BoolQScenario.get_context`: a PassageQuestionInput of the passage and the question stripped,
 * `str.capitalize`d (the rest lowercased: "NASA's" → "nasa's"; ǆ → ǅ) and ended with "?".
 * `capitalize` is Python's (`core/python-case.ts`). A question that is empty or already ends in "?" is a
 * UserError (HELM's `assert` fails there).
 */
export function boolqInput(passage: string, question: string, capitalize: (text: string) => string, where = 'boolq'): Input {
  const asked = capitalize(pyStrip(question));
  if (asked === '' || asked.endsWith('?')) {
    throw new UserError(`${where}: BoolQ questions are stored without a final "?" (HELM adds it), got ${JSON.stringify(question)}.`);
  }
  // PassageQuestionInput: passage_prefix "" + passage + separator "\n" + question_prefix "Question: " + question.
  return { text: `${passage}\nQuestion: ${asked}?`, kind: 'passage_question' };
}

function stringField(record: Readonly<Record<string, unknown>>, name: string, where: string): string {
  const value = record[name];
  if (typeof value !== 'string') throw new UserError(`${where}: expected a string field '${name}' (BoolQ's {"question", "answer", "passage"}).`);
  return value;
}

async function* readBoolq(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  const specs = FILES.map(({ file }) => ({ url: `${BASE_URL}/${file}.jsonl`, targetPath: join(dataPath, file) }));
  await ensureAllDownloaded(specs, downloadOptionsOf(context)); // offline, one error names every missing file
  const { capitalize } = pythonCase();
  for (const { split, file } of FILES) {
    for await (const { record, where } of readJsonLines(join(dataPath, file))) {
      if (!('answer' in record)) throw new UserError(`${where}: missing field 'answer' (BoolQ's {"question", "answer", "passage"}).`);
      yield {
        input: boolqInput(stringField(record, 'passage', where), stringField(record, 'question', where), capitalize, where),
        references: [reference(pyTruthy(record['answer']) ? 'Yes' : 'No', true)], // HELM: "Yes" if answer else "No"
        split,
      };
    }
  }
}

/**
 * BoolQ: train and valid (the dev file), one correct reference "Yes" or "No" each.
 *
 * Not yet like HELM: HELM also downloads the contrast sets and attaches `contrast_inputs` /
 * `contrast_references` to the ~70 dev instances whose question has a contrast set; we attach none, and a
 * truthy `only_contrast` (which keeps only those) is a UserError. As in HELM, `only_contrast` is taken by
 * Python truthiness, so the run-entry text `only_contrast=False` (the string "False") is truthy.
 * @example for await (const instance of boolqSource.instances({}, 'benchmark_output/scenarios/boolq')) …
 */
export const boolqSource: ScenarioSource = {
  className: 'helm.benchmark.scenarios.boolq_scenario.BoolQScenario',
  metadata: scenarioMetadata('boolq_scenario', 'boolq', 'Question answering dataset with naturally occurring Yes/No questions.', [
    'question_answering',
  ]),
  instances(args, cacheDir, context) {
    const { only_contrast: onlyContrast } = checkScenarioArgs('boolq', args, { required: [], optional: ['only_contrast'] });
    if (pyTruthy(onlyContrast)) {
      throw new UserError(
        `boolq: only_contrast=${String(onlyContrast)} needs the BoolQ contrast sets, which are not supported yet ` +
          `(note that only_contrast=False is the string "False", which HELM takes as true: leave the argument out).`,
      );
    }
    return rereadable(() => readBoolq(cacheDir, context));
  },
};
