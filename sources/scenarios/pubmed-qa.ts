/**
 * @module HELM's PubMedQAScenario (`scenarios/pubmed_qa_scenario.py`): the 1,000 expert-labelled questions of
 * PubMedQA's PQA-L (`ori_pqal.json` at a pinned commit: one object keyed by PubMed id, each entry with QUESTION,
 * CONTEXTS, LABELS and final_decision), all in the test split, answered yes / no / maybe.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import streamObject from 'stream-json/streamers/stream-object.js';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance } from '../../core/instance.ts';
import { pyTitle } from '../../core/python-title.ts';
import { ensureDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

/** HELM's URL (no checksum there; the commit pins the content). */
const URL = 'https://raw.githubusercontent.com/pubmedqa/pubmedqa/1f00b98d5cc626844bf8c4ca513b6e62c40071ec/data/ori_pqal.json';
/** HELM's cache name, `<cacheDir>/data/test_set.json`. */
const FILE = 'test_set.json';
/** HELM `POSSIBLE_ANSWER_CHOICES`, the references of every instance in this order. */
export const PUBMED_QA_ANSWERS = ['yes', 'no', 'maybe'] as const;

const isRecord = (x: unknown): x is Readonly<Record<string, unknown>> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/**
 * One entry as HELM builds it: the input is `"Context: " + background + "\n\nQuestion: " + QUESTION + "\n"`,
 * where background joins `"<LABEL title-cased>. <context>"` lines with "\n" (Python `str.title`: METHODS →
 * Methods); the references are yes, no, maybe, the one equal to final_decision correct.
 */
export function pubmedQaInstance(entry: unknown, where: string): RawInstance {
  if (!isRecord(entry) || typeof entry['QUESTION'] !== 'string' || !isStringList(entry['CONTEXTS']) || !isStringList(entry['LABELS'])) {
    throw new UserError(`${where}: expected {"QUESTION": string, "CONTEXTS": [string], "LABELS": [string], "final_decision": ...} (PubMedQA's ori_pqal.json).`);
  }
  const { QUESTION: question, CONTEXTS: contexts, LABELS: labels, final_decision: decision } = entry;
  if (contexts.length !== labels.length) {
    throw new UserError(`${where}: ${contexts.length} CONTEXTS but ${labels.length} LABELS (HELM asserts one label per context).`);
  }
  if (!(PUBMED_QA_ANSWERS as readonly unknown[]).includes(decision)) {
    throw new UserError(`${where}: final_decision must be one of ${PUBMED_QA_ANSWERS.join(', ')} (HELM asserts so), got ${JSON.stringify(decision)}.`);
  }
  const background = contexts.map((context, i) => `${pyTitle(labels[i]!)}. ${context}`).join('\n');
  return {
    // PassageQuestionInput(passage=background, question=question + "\n", passage_prefix="Context: ", separator="\n\n")
    input: { text: `Context: ${background}\n\nQuestion: ${question}\n`, kind: 'passage_question' },
    references: PUBMED_QA_ANSWERS.map((answer) => reference(answer, answer === decision)),
    split: 'test',
  };
}

/**
 * The entries of the file in its order, streamed one at a time. Python's `json.load` would keep a repeated id
 * at its first place with its last value, which a stream cannot know in time: a repeated id is a UserError.
 */
async function* readPubmedQa(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const path = join(cacheDir, 'data', FILE);
  await ensureDownloaded({ url: URL, targetPath: path }, downloadOptionsOf(context));
  const entries = pipeline(createReadStream(path), streamObject.withParserAsStream(), () => undefined);
  const seen = new Set<string>();
  try {
    for await (const { key, value } of entries as AsyncIterable<{ key: string; value: unknown }>) {
      if (seen.has(key)) throw new UserError(`${path}: the id ${JSON.stringify(key)} appears twice; PubMedQA's ids are unique.`);
      seen.add(key);
      yield pubmedQaInstance(value, `${path}: entry ${JSON.stringify(key)}`);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${path}: not a JSON object of PubMedQA entries (${(error as Error).message}); delete it to download it again.`, { cause: error });
  }
}

/**
 * PubMedQA (PQA-L): every entry in the test split, in the file's order.
 * @example for await (const instance of pubmedQaSource.instances({}, 'benchmark_output/scenarios/pubmed_qa')) …
 */
export const pubmedQaSource = defineScenario({
  className: 'helm.benchmark.scenarios.pubmed_qa_scenario.PubMedQAScenario',
  metadata: scenarioMetadata(
    'pubmed_qa_scenario',
    'pubmed_qa',
    // HELM's class attribute joins its sentences' lines without spaces ("model'sability"); copied as is.
    "PubMedQA is a biomedical question-answering dataset that evaluates a model'sability to interpret scientific " +
      'literature. It consists of PubMed abstracts paired withyes/no/maybe questions derived from the content. The ' +
      "benchmark assesses a model'scapability to reason over biomedical texts and provide factually grounded answers.",
    ['question_answering', 'biomedical'],
  ),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readPubmedQa(cacheDir, context),
});
