/**
 * @module HELM's NaturalQAScenario (`scenarios/natural_qa_scenario.py`): NaturalQuestions' dev set (5 gzipped shards
 * of Google's JSONL), questions with a short answer only, split train/valid by row parity, in three modes.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { UserError } from '../../core/errors.ts';
import { reference, type Input, type RawInstance } from '../../core/instance.ts';
import { pythonCase } from '../../core/python-case.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { ensureAllDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';
import { naturalQaCacheLine, naturalQaRaw, parseNaturalQaCacheRecord, readGzipLines, type NaturalQaRaw } from './natural-qa-raw.ts';

/** HELM's context modes. */
export const NATURAL_QA_MODES = ['openbook_wiki', 'openbook_longans', 'closedbook'] as const;
export type NaturalQaMode = (typeof NATURAL_QA_MODES)[number];

const BASE_URL = 'https://storage.googleapis.com/natural_questions/v1.0/dev';
/** `nq-dev-00.jsonl.gz` … `nq-dev-04.jsonl.gz`, read in this order, each cached as `<cacheDir>/data/<file>`. */
const SHARDS = [0, 1, 2, 3, 4].map((i) => `nq-dev-0${i}.jsonl.gz`);

/**
 * HELM `create_instance`: the question `capitalize()`d with "?" appended unless it ends in one, one answer index
 * drawn with `random.randint` (in every mode, so the draws line up across modes), the input for the mode, and the
 * references: the drawn short answer for train, every distinct short answer (first-seen order) for valid.
 */
export function naturalQaInstance(
  raw: NaturalQaRaw,
  isTrain: boolean,
  mode: NaturalQaMode,
  rng: PythonRandom,
  capitalize: (text: string) => string,
  where: string,
): RawInstance {
  let question = capitalize(raw.question);
  if (question === '') throw new UserError(`${where}: the question is empty (HELM fails on question[-1]).`);
  if (!question.endsWith('?')) question += '?';
  if (raw.short_answers.length === 0) throw new UserError(`${where}: no short answer (HELM keeps only records with one).`);
  const answerIndex = rng.randint(0, raw.short_answers.length - 1);
  let input: Input;
  if (mode === 'closedbook') {
    input = { text: question };
  } else {
    // PassageQuestionInput(passage, question, passage_prefix, separator="\n\n"), question_prefix "Question: ".
    const prefix = mode === 'openbook_wiki' ? `Title: ${raw.title}\n\nPassage: ` : 'Passage: ';
    const passage = mode === 'openbook_wiki' ? raw.document : raw.long_answers[answerIndex];
    if (passage === undefined) throw new UserError(`${where}: fewer long answers than short answers.`);
    input = { text: `${prefix}${passage}\n\nQuestion: ${question}`, kind: 'passage_question' };
  }
  const answers = isTrain ? [raw.short_answers[answerIndex]!] : [...new Set(raw.short_answers)];
  return { input, references: answers.map((answer) => reference(answer, true)), split: isTrain ? 'train' : 'valid' };
}

/** A file written line by line under a temporary name, renamed into place by `commit` (removed by `abort`). */
function atomicLineWriter(path: string): { write(line: string): Promise<void>; commit(): Promise<void>; abort(): Promise<void> } {
  const partPath = `${path}.${randomBytes(4).toString('hex')}.part`;
  const out = createWriteStream(partPath);
  let failure: Error | undefined;
  out.on('error', (error) => (failure ??= error));
  const check = (): void => {
    if (failure !== undefined) throw new UserError(`Cannot write ${partPath} (${failure.message}).`, { cause: failure });
  };
  const close = async (): Promise<void> => {
    out.end();
    await finished(out).catch(() => undefined);
  };
  return {
    async write(line) {
      check();
      if (!out.write(line)) await new Promise<void>((done) => (out.once('drain', () => done()), out.once('error', () => done())));
    },
    async commit() {
      await close();
      check();
      await rename(partPath, path);
    },
    async abort() {
      await close();
      await rm(partPath, { force: true });
    },
  };
}

/**
 * The raw instances of one shard: from HELM's `<shard>-instances.jsonl` when it exists (HELM's or ours), else from
 * the shard itself, writing that cache as HELM does (under a temporary name, renamed once complete).
 */
async function* shardRawInstances(shardPath: string): AsyncGenerator<{ raw: NaturalQaRaw; where: string }> {
  const cachePath = `${shardPath}-instances.jsonl`;
  if (existsSync(cachePath)) {
    for await (const { record, where } of readJsonLines(cachePath)) yield { raw: parseNaturalQaCacheRecord(record, where), where };
    return;
  }
  const cache = atomicLineWriter(cachePath);
  let isComplete = false;
  try {
    for await (const { text, line } of readGzipLines(shardPath)) {
      if (text.trim() === '') continue;
      const where = `${shardPath}:${line}`;
      let sample: unknown;
      try {
        sample = JSON.parse(text);
      } catch (cause) {
        throw new UserError(`${where}: not valid JSON (${(cause as Error).message}).`, { cause });
      }
      if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) throw new UserError(`${where}: expected a JSON object.`);
      const raw = naturalQaRaw(sample as Record<string, unknown>, where);
      if (raw === undefined) continue;
      await cache.write(`${naturalQaCacheLine(raw)}\n`);
      yield { raw, where };
    }
    isComplete = true;
  } finally {
    await (isComplete ? cache.commit() : cache.abort());
  }
}

async function* readNaturalQa(cacheDir: string, mode: NaturalQaMode, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  const shards = SHARDS.map((file) => ({ url: `${BASE_URL}/${file}`, targetPath: join(dataPath, file) }));
  // HELM downloads each shard just before reading it; all five first here, so offline one error names them all.
  await ensureAllDownloaded(shards, downloadOptionsOf(context));
  const rng = new PythonRandom(0); // random.seed(0) once, before the first shard
  const { capitalize } = pythonCase();
  for (const { targetPath } of shards) {
    let index = 0;
    for await (const { raw, where } of shardRawInstances(targetPath)) {
      yield naturalQaInstance(raw, index % 2 === 0, mode, rng, capitalize, where); // even rows train, odd valid
      index++;
    }
  }
}

/**
 * NaturalQuestions (`mode`: closedbook, openbook_longans or openbook_wiki): train and valid from the dev shards.
 * @example for await (const instance of naturalQaSource.instances({ mode: 'closedbook' }, 'benchmark_output/scenarios/natural_qa')) …
 */
export const naturalQaSource = defineScenario({
  className: 'helm.benchmark.scenarios.natural_qa_scenario.NaturalQAScenario',
  metadata: scenarioMetadata('natural_qa_scenario', 'natural_qa', 'Question answering from wikipedia.', ['question_answering']),
  params: { required: ['mode'], optional: [] },
  read(args, cacheDir, context) {
    const mode = args['mode'];
    if (!NATURAL_QA_MODES.includes(mode as NaturalQaMode)) {
      throw new UserError(`natural_qa: mode=${String(mode)} is not one of ${NATURAL_QA_MODES.join(', ')}.`);
    }
    return () => readNaturalQa(cacheDir, mode as NaturalQaMode, context);
  },
});
