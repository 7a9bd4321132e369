/**
 * @module HELM's QuACScenario (`scenarios/quac_scenario.py`): question answering in context, from QuAC v0.2's
 * SQuAD-style JSON (`{"data": [{"title", "background", "section_title", "paragraphs": [{"context", "qas"}]}]}`):
 * each dialogue becomes one prompt that stops at a randomly chosen question.
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { ensureAllDownloaded } from '../download.ts';
import { readJsonDataItems } from '../json-data-items.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const BASE_URL = 'https://s3.amazonaws.com/my89public/quac';
/** HELM's order: `<file>_v0.2.json` cached as `<cacheDir>/data/<file>.json`. */
const FILES: readonly { readonly file: string; readonly split: Split }[] = [
  { file: 'train', split: 'train' },
  { file: 'val', split: 'valid' },
];
const FORMAT = 'QuAC v0.2 JSON ({"data": [{"title", "background", "section_title", "paragraphs": [{"context", "qas"}]}]})';
const CANNOT_ANSWER = ' CANNOTANSWER';

type Json = Readonly<Record<string, unknown>>;
const isRecord = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function text(record: unknown, name: string, where: string): string {
  const value = isRecord(record) ? record[name] : undefined;
  if (typeof value !== 'string') throw new UserError(`${where}: expected a string '${name}' (${FORMAT}).`);
  return value;
}

function list(record: unknown, name: string, where: string): readonly unknown[] {
  const value = isRecord(record) ? record[name] : undefined;
  if (!Array.isArray(value)) throw new UserError(`${where}: expected a list '${name}' (${FORMAT}).`);
  return value;
}

/**
 * HELM `create_prompt`: Title, Background, Section and Passage (the context without its final " CANNOTANSWER"),
 * then k = randint(3, number of questions) − 1, and questions 0 … k−2 with their original answers before question
 * k. As in HELM, question k−1 is left out of the dialogue. The answers are question k's distinct answer texts;
 * when the only one is "CANNOTANSWER", three paraphrases are added.
 */
export function quacPrompt(dialogue: unknown, rng: PythonRandom, where: string): { prompt: string; answers: string[] } {
  const paragraph = list(dialogue, 'paragraphs', where)[0];
  const context = text(paragraph, 'context', `${where}.paragraphs[0]`);
  if (!context.endsWith(CANNOT_ANSWER)) throw new UserError(`${where}.paragraphs[0]: the context must end in "${CANNOT_ANSWER}" (HELM asserts it).`);
  const qas = list(paragraph, 'qas', `${where}.paragraphs[0]`);
  if (qas.length < 3) throw new UserError(`${where}: a dialogue needs at least 3 questions (HELM draws randint(3, n)), got ${qas.length}.`);
  const k = rng.randint(3, qas.length) - 1;
  let prompt =
    `Title: ${text(dialogue, 'title', where)}\n\n` +
    `Background: ${text(dialogue, 'background', where)}\n\n` +
    `Section: ${text(dialogue, 'section_title', where)}\n` +
    `Passage: ${context.slice(0, -CANNOT_ANSWER.length)}\n\n`;
  for (let i = 0; i < k - 1; i++) {
    const at = `${where}.paragraphs[0].qas[${i}]`;
    const answer = isRecord(qas[i]) ? (qas[i] as Json)['orig_answer'] : undefined;
    prompt += `Question: ${text(qas[i], 'question', at)}\nAnswer: ${text(answer, 'text', `${at}.orig_answer`)}\n\n`;
  }
  const at = `${where}.paragraphs[0].qas[${k}]`;
  prompt += `Question: ${text(qas[k], 'question', at)}`;
  const answers = [...new Set(list(qas[k], 'answers', at).map((answer, i) => text(answer, 'text', `${at}.answers[${i}]`)))];
  if (answers.length === 1 && answers[0] === 'CANNOTANSWER') answers.push('Not enough information', 'Cannot answer', 'Do not know');
  return { prompt, answers };
}

async function* readQuac(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const files = FILES.map(({ file, split }) => ({ split, url: `${BASE_URL}/${file}_v0.2.json`, targetPath: join(cacheDir, 'data', `${file}.json`) }));
  await ensureAllDownloaded(files, downloadOptionsOf(context));
  const rng = new PythonRandom(0); // random.seed(0) once, before the train file
  for (const { split, targetPath } of files) {
    for await (const { value, where } of readJsonDataItems(targetPath, FORMAT)) {
      const { prompt, answers } = quacPrompt(value, rng, where);
      yield { input: { text: prompt }, references: answers.map((answer) => reference(answer, true)), split };
    }
  }
}

/**
 * QuAC: train and valid (QuAC's val file), one instance per dialogue.
 * @example for await (const instance of quacSource.instances({}, 'benchmark_output/scenarios/quac')) …
 */
export const quacSource = defineScenario({
  className: 'helm.benchmark.scenarios.quac_scenario.QuACScenario',
  metadata: scenarioMetadata('quac_scenario', 'quac', 'Question answering from dialog prompts.', ['question_answering']),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readQuac(cacheDir, context),
});
