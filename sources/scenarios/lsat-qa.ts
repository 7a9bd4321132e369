/**
 * @module HELM's LSATScenario (`scenarios/lsat_qa_scenario.py`): the analytical-reasoning questions of
 * Zhong et al.'s AR-LSAT, `AR_{Training,Development,Test}Data.json`, each a JSON list of passages
 * `{"passage", "questions": [{"question", "options", "answer": letter, "tags": [_, _, question type, _]}]}`.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import streamArray from 'stream-json/streamers/stream-array.js';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { ensureAllDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const BASE_URL = 'https://raw.githubusercontent.com/zhongwanjun/AR-LSAT/main/data';
/** HELM's order of the files and the split each one feeds. */
const FILES: readonly { readonly name: string; readonly split: Split }[] = [
  { name: 'Training', split: 'train' },
  { name: 'Development', split: 'valid' },
  { name: 'Test', split: 'test' },
];
/** HELM's question types and the subtypes (the third tag) of each. */
const QUESTION_TYPES: Readonly<Record<string, readonly string[]>> = {
  grouping: ['in/out grouping', 'distribution grouping'],
  ordering: ['simple ordering', 'relative ordering', 'complex ordering'],
  assignment: ['determined assignment', 'undetermined assignment'],
  miscellaneous: [],
};
/** The `task` values HELM accepts. */
export const LSAT_TASKS = ['all', ...Object.keys(QUESTION_TYPES)] as const;
const MAIN_TYPE = new Map(Object.entries(QUESTION_TYPES).flatMap(([type, subtypes]) => subtypes.map((subtype) => [subtype, type] as const)));
const FORMAT = 'AR-LSAT\'s [{"passage", "questions": [{"question", "options", "answer", "tags"}]}]';

type JsonRecord = Readonly<Record<string, unknown>>;
const isRecord = (x: unknown): x is JsonRecord => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTextList = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === 'string');

/**
 * HELM `get_question_types`: the third tag ("grouping (distribution)" read as "distribution grouping", an empty
 * one as "miscellaneous") with spaces and slashes as underscores, then its main type when it is a known subtype.
 */
export function lsatQuestionTypes(tags: readonly string[]): string[] {
  const questionType = tags[2]!.replaceAll('grouping (distribution)', 'distribution grouping') || 'miscellaneous';
  const types = [questionType.replaceAll(' ', '_').replaceAll('/', '_')];
  const mainType = MAIN_TYPE.get(questionType);
  if (mainType !== undefined) types.push(mainType);
  return types;
}

/**
 * The instances of one passage, for the questions whose types include `task` (every question for "all"): a
 * PassageQuestionInput, and the options as references, the one at `ord(answer) − ord("A")` correct (none when
 * that is no option's index, as in HELM).
 */
export function lsatInstances(item: unknown, task: string, split: Split, where: string): RawInstance[] {
  if (!isRecord(item) || typeof item['passage'] !== 'string' || !Array.isArray(item['questions'])) {
    throw new UserError(`${where}: expected {"passage": string, "questions": [...]} (${FORMAT}).`);
  }
  const passage = item['passage'];
  return item['questions'].flatMap((q: unknown, i): RawInstance[] => {
    const at = `${where}.questions[${i}]`;
    const tags = isRecord(q) ? q['tags'] : undefined;
    if (!isRecord(q) || !Array.isArray(tags) || typeof tags[2] !== 'string') throw new UserError(`${at}: expected "tags", a list whose third entry is a string (${FORMAT}).`);
    const types = lsatQuestionTypes(tags as string[]); // HELM reads every question's type, whatever the task
    if (task !== 'all' && !types.includes(task)) return [];
    const { question, options, answer } = q;
    if (typeof question !== 'string' || !isTextList(options) || typeof answer !== 'string' || [...answer].length !== 1) {
      throw new UserError(`${at}: expected "question" (a string), "options" (strings) and "answer" (one letter) (${FORMAT}).`);
    }
    const correct = answer.codePointAt(0)! - 'A'.codePointAt(0)!;
    return [
      {
        input: { text: `${passage}\nQuestion: ${question}`, kind: 'passage_question' }, // PassageQuestionInput's defaults
        references: options.map((option, index) => reference(option, index === correct)),
        split,
      },
    ];
  });
}

/** The elements of a file holding one JSON list, streamed, each with its index. */
async function* jsonListItems(path: string): AsyncGenerator<{ readonly item: unknown; readonly index: number }> {
  const items = pipeline(createReadStream(path), streamArray.withParserAsStream(), () => undefined);
  try {
    for await (const { key, value } of items as AsyncIterable<{ key: number; value: unknown }>) yield { item: value, index: key };
  } catch (error) {
    throw new UserError(`${path}: not a JSON list as AR-LSAT's files are (${(error as Error).message}).`, { cause: error });
  }
}

async function* readLsat(task: string, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const path = (name: string): string => join(cacheDir, 'data', `AR_${name}Data.json`);
  await ensureAllDownloaded(
    FILES.map(({ name }) => ({ url: `${BASE_URL}/AR_${name}Data.json`, targetPath: path(name) })),
    downloadOptionsOf(context),
  );
  for (const { name, split } of FILES) {
    for await (const { item, index } of jsonListItems(path(name))) yield* lsatInstances(item, task, split, `${path(name)}[${index}]`);
  }
}

/**
 * LSAT analytical reasoning: train, valid and test; `task` is "all" or a question type (grouping, ordering,
 * assignment, miscellaneous).
 * @example for await (const instance of lsatQaSource.instances({ task: 'all' }, 'benchmark_output/scenarios/lsat_qa')) …
 */
export const lsatQaSource = defineScenario({
  className: 'helm.benchmark.scenarios.lsat_qa_scenario.LSATScenario',
  metadata: scenarioMetadata('lsat_qa_scenario', 'lsat_qa', 'Question answering dataset with questions from LSAT exams.', ['question_answering']),
  params: { required: ['task'], optional: [] },
  read(args, cacheDir, context) {
    const task = args['task'];
    if (typeof task !== 'string' || !(LSAT_TASKS as readonly string[]).includes(task)) {
      throw new UserError(`Invalid LSAT task ${JSON.stringify(task)}: expected one of ${LSAT_TASKS.join(', ')}.`);
    }
    return () => readLsat(task, cacheDir, context);
  },
});
