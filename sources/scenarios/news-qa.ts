/**
 * @module HELM's NewsQAScenario (`scenarios/newsqa_scenario.py`): questions on CNN articles, from Maluuba's
 * `combined-newsqa-data-v1.json`. Its licence forbids redistribution, so, as in HELM, nothing is downloaded: the
 * user builds the file with Maluuba's tools and places it at `restricted/newsqa/` under the working directory.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance } from '../../core/instance.ts';
import { pyStrSlice } from '../../core/python-slice.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { readJsonDataItems } from '../json-data-items.ts';
import { defineScenario, NO_PARAMS, scenarioMetadata } from '../scenario-source.ts';

/** HELM's path, relative to the directory the run starts in (`restricted/<scenario name>/…`). */
export const NEWS_QA_PATH = join('restricted', 'newsqa', 'combined-newsqa-data-v1.json');
const FORMAT =
  'NewsQA\'s combined JSON ({"data": [{"type", "text", "questions": [{"q", "consensus", "answers", "isQuestionBad"?}]}]})';

type Json = Readonly<Record<string, unknown>>;
const isRecord = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function record(parent: unknown, name: string, where: string): Json {
  const value = isRecord(parent) ? parent[name] : undefined;
  if (!isRecord(value)) throw new UserError(`${where}: expected an object '${name}' (${FORMAT}).`);
  return value;
}

function list(parent: unknown, name: string, where: string): readonly unknown[] {
  const value = isRecord(parent) ? parent[name] : undefined;
  if (!Array.isArray(value)) throw new UserError(`${where}: expected a list '${name}' (${FORMAT}).`);
  return value;
}

function str(parent: unknown, name: string, where: string): string {
  const value = isRecord(parent) ? parent[name] : undefined;
  if (typeof value !== 'string') throw new UserError(`${where}: expected a string '${name}' (${FORMAT}).`);
  return value;
}

/** `text[s:e]` of a span (`{"s", "e"}`), counting code points as Python does. */
function span(text: string, bounds: Json, where: string): string {
  const { s, e } = bounds;
  if (!Number.isSafeInteger(s) || !Number.isSafeInteger(e)) throw new UserError(`${where}: expected integer "s" and "e" (${FORMAT}).`);
  return pyStrSlice(text, s as number, e as number);
}

/**
 * HELM `cleaned_samples`, for one story: its valid questions (`isQuestionBad`, when present, equal to 0, and the
 * consensus not `badQuestion: true`).
 */
export function validQuestions(story: unknown, where: string): readonly unknown[] {
  return list(story, 'questions', where).filter((question, i) => {
    if (isRecord(question) && 'isQuestionBad' in question && question['isQuestionBad'] !== 0) return false;
    return record(question, 'consensus', `${where}.questions[${i}]`)['badQuestion'] !== true;
  });
}

/**
 * HELM `process_example`: one valid question drawn with `random.sample(questions, 1)`, and its answers: the
 * consensus span ("No Answer" when the consensus has `noAnswer: true`), then each crowd worker's first
 * sourcer answer ("No Answer" when it has a `noAnswer` key), each added once.
 */
export function newsQaExample(story: unknown, questions: readonly unknown[], rng: PythonRandom, where: string): { passage: string; question: string; answers: string[] } {
  const text = str(story, 'text', where);
  const question = rng.sample(questions, 1)[0];
  const at = `${where}: question ${JSON.stringify(isRecord(question) ? question['q'] : undefined)}`;
  const consensus = record(question, 'consensus', at);
  const answers = [consensus['noAnswer'] === true ? 'No Answer' : span(text, consensus, `${at}.consensus`)];
  list(question, 'answers', at).forEach((answer, i) => {
    const first = list(answer, 'sourcerAnswers', `${at}.answers[${i}]`)[0];
    if (!isRecord(first)) throw new UserError(`${at}.answers[${i}]: expected a first sourcer answer (${FORMAT}).`);
    const answerText = 'noAnswer' in first ? 'No Answer' : span(text, first, `${at}.answers[${i}]`);
    if (!answers.includes(answerText)) answers.push(answerText);
  });
  return { passage: text, question: str(question, 'q', at), answers };
}

async function* readNewsQa(path: string): AsyncGenerator<RawInstance> {
  const rng = new PythonRandom(0); // random.seed(0) once, before the first story
  for await (const { value: story, where } of readJsonDataItems(path, FORMAT)) {
    const questions = validQuestions(story, where);
    if (questions.length === 0) continue; // HELM drops stories with no valid question
    const { passage, question, answers } = newsQaExample(story, questions, rng, where);
    yield {
      // PassageQuestionInput(passage, question, separator="\n\n"): no passage prefix, question prefix "Question: ".
      input: { text: `${passage}\n\nQuestion: ${question}`, kind: 'passage_question' },
      references: answers.map((answer) => reference(answer, true)),
      split: isRecord(story) && story['type'] === 'train' ? 'train' : 'valid', // dev and test stories both go to valid
    };
  }
}

/** The message for a missing NewsQA file: where it goes and how to make it. */
export const newsQaMissingMessage = (path: string): string =>
  `news_qa reads NewsQA from ${path} (HELM's restricted/newsqa/combined-newsqa-data-v1.json, relative to the ` +
  `directory the run starts in), and that file is not there. NewsQA may not be redistributed, so it is never ` +
  `downloaded: build combined-newsqa-data-v1.json with the instructions of https://github.com/Maluuba/newsqa ` +
  `(the CNN stories and newsqa-data-v1.csv, then its "package" step), and place it at that path.`;

/**
 * NewsQA: train and valid (NewsQA's dev and test), one instance per story that has a valid question. The file is
 * looked up when the instances are read, relative to the working directory then, as HELM does.
 * @example for await (const instance of newsQaSource.instances({}, 'benchmark_output/scenarios/newsqa')) …
 */
export const newsQaSource = defineScenario({
  className: 'helm.benchmark.scenarios.newsqa_scenario.NewsQAScenario',
  metadata: scenarioMetadata('newsqa_scenario', 'newsqa', 'Question answering using news articles.', ['question_answering']),
  params: NO_PARAMS,
  read: () => () =>
    (async function* readPlaced(): AsyncGenerator<RawInstance> {
      const path = resolve(NEWS_QA_PATH);
      if (!existsSync(path)) throw new UserError(newsQaMissingMessage(path));
      yield* readNewsQa(path);
    })(),
});
