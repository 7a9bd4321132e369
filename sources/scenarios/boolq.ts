/**
 * @module HELM's BoolQScenario (`scenarios/boolq_scenario.py`): yes/no questions about a Wikipedia passage,
 * from HELM's JSONL copies of the train and dev splits (`{"question", "title", "answer": bool, "passage"}`), with
 * the BoolQ contrast sets of allenai/contrast-sets (Gardner et al., 2020) attached to the dev questions they cover.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type Input, type Instance, type RawInstance, type Reference, type Split } from '../../core/instance.ts';
import { pythonCase } from '../../core/python-case.ts';
import { pyStrip, pyTruthy } from '../../core/python-text.ts';
import { ensureAllDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const BASE_URL = 'https://huggingface.co/datasets/stanford-crfm/helm-scenarios/resolve/main/boolq';
/** The contrast sets (a JSON file, cached under HELM's name `data/boolq_perturbed.jsonl`); unchanged upstream since 2020. */
const CONTRAST_SETS = {
  url: 'https://raw.githubusercontent.com/allenai/contrast-sets/main/BoolQ/boolq_perturbed.json',
  file: 'boolq_perturbed.jsonl',
  sha256: '0b4505e885d99fba40ff3d5a1f70d26839eb444cfe21d07cbf571c52f967c536',
} as const;
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

/** One dev question's contrast set: its perturbed questions and their answers, in file order. */
interface ContrastSet {
  readonly originalAnswer: 'Yes' | 'No';
  readonly questions: string[];
  readonly answers: ('Yes' | 'No')[];
}

const yesNo = (answer: unknown): 'Yes' | 'No' => (answer === 'TRUE' ? 'Yes' : 'No'); // HELM: "Yes" if == "TRUE" else "No"
const isRecord = (x: unknown): x is Readonly<Record<string, unknown>> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * HELM's contrast map: original question → the perturbed questions that flip its answer. The file's first entry
 * (a template: "Question", "Gold Answer") is skipped; a perturbed question that is empty or keeps the original
 * answer is dropped, and a question left with none is dropped. A question listed twice is a UserError (HELM asserts).
 */
export function parseContrastSets(text: string, where: string): Map<string, ContrastSet> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new UserError(`${where}: not valid JSON (${(cause as Error).message}); delete it to download it again.`, { cause });
  }
  const data = isRecord(json) ? json['data'] : undefined;
  if (!Array.isArray(data)) throw new UserError(`${where}: expected {"data": [...]} (allenai/contrast-sets BoolQ format).`);
  const map = new Map<string, ContrastSet>();
  data.slice(1).forEach((item: unknown, i) => {
    const at = `${where}: data[${i + 1}]`;
    if (!isRecord(item) || typeof item['question'] !== 'string' || !Array.isArray(item['perturbed_questions'])) {
      throw new UserError(`${at}: expected {"question": string, "answer", "perturbed_questions": [...]}.`);
    }
    const question = item['question'];
    if (map.has(question)) throw new UserError(`${at}: the question ${JSON.stringify(question)} has a contrast set already.`);
    const set: ContrastSet = { originalAnswer: yesNo(item['answer']), questions: [], answers: [] };
    for (const perturbed of item['perturbed_questions'] as unknown[]) {
      if (!isRecord(perturbed)) throw new UserError(`${at}: a perturbed question must be {"perturbed_q", "answer"}.`);
      const perturbedQuestion = perturbed['perturbed_q'];
      const answer = yesNo(perturbed['answer']);
      if (!pyTruthy(perturbedQuestion) || answer === set.originalAnswer) continue; // only those that flip the answer
      if (typeof perturbedQuestion !== 'string') throw new UserError(`${at}: perturbed_q must be a string, got ${JSON.stringify(perturbedQuestion)}.`);
      set.questions.push(perturbedQuestion);
      set.answers.push(answer);
    }
    if (set.questions.length > 0) map.set(question, set);
  });
  return map;
}

/** A BoolQ instance, with its contrast sets when it has any. */
type BoolqInstance = RawInstance & Partial<Pick<Instance, 'contrast_inputs' | 'contrast_references'>>;

async function* readBoolq(cacheDir: string, onlyContrast: boolean, context: SourceContext | undefined): AsyncGenerator<BoolqInstance> {
  const dataPath = join(cacheDir, 'data');
  const contrastPath = join(dataPath, CONTRAST_SETS.file);
  const specs = [
    ...FILES.map(({ file }) => ({ url: `${BASE_URL}/${file}.jsonl`, targetPath: join(dataPath, file) })),
    { url: CONTRAST_SETS.url, targetPath: contrastPath, sha256: CONTRAST_SETS.sha256 },
  ];
  await ensureAllDownloaded(specs, downloadOptionsOf(context)); // offline, one error names every missing file
  const contrastSets = parseContrastSets(await readFile(contrastPath, 'utf8'), contrastPath);
  const { capitalize } = pythonCase();
  for (const { split, file } of FILES) {
    for await (const { record, where } of readJsonLines(join(dataPath, file))) {
      if (!('answer' in record)) throw new UserError(`${where}: missing field 'answer' (BoolQ's {"question", "answer", "passage"}).`);
      const passage = stringField(record, 'passage', where);
      const question = stringField(record, 'question', where);
      const input = boolqInput(passage, question, capitalize, where);
      const answer = pyTruthy(record['answer']) ? 'Yes' : 'No'; // HELM: "Yes" if answer else "No"
      const references = [reference(answer, true)];
      const contrast = split === 'valid' ? contrastSets.get(question) : undefined; // HELM: dev questions only
      if (contrast === undefined) {
        if (!(onlyContrast && split === 'valid')) yield { input, references, split };
        continue;
      }
      if (contrast.originalAnswer !== answer) {
        throw new UserError(`${where}: answer ${answer}, but ${contrastPath} gives ${contrast.originalAnswer} for this question (HELM asserts they agree).`);
      }
      yield {
        input,
        references,
        split,
        contrast_inputs: contrast.questions.map((q) => boolqInput(passage, q, capitalize, `${contrastPath}: a perturbed question of ${where}`)),
        contrast_references: contrast.answers.map((a): Reference[] => [reference(a, true)]),
      };
    }
  }
}

/**
 * BoolQ: train and valid (the dev file), one correct reference "Yes" or "No" each. A dev question with a contrast
 * set gets `contrast_inputs` (the same passage with each perturbed question) and `contrast_references` (its
 * flipped answer); `only_contrast` keeps only those dev questions (train is kept whole), as HELM's run entry
 * `boolq:only_contrast=True,data_augmentation=contrast_sets` uses. As in HELM, `only_contrast` is taken by
 * Python truthiness, so the run-entry text `only_contrast=False` (the string "False") is truthy.
 * @example for await (const instance of boolqSource.instances({ only_contrast: true }, 'benchmark_output/scenarios/boolq')) …
 */
export const boolqSource = defineScenario({
  className: 'helm.benchmark.scenarios.boolq_scenario.BoolQScenario',
  metadata: scenarioMetadata('boolq_scenario', 'boolq', 'Question answering dataset with naturally occurring Yes/No questions.', [
    'question_answering',
  ]),
  params: { required: [], optional: ['only_contrast'] },
  read: (args, cacheDir, context) => () => readBoolq(cacheDir, pyTruthy(args['only_contrast']), context),
});
