/**
 * @module HELM's LegalSupportScenario (`scenarios/legal_support_scenario.py`): a passage making a legal claim and
 * the parentheticals of two citations, one of which supports it better. HELM unzips a Google Drive file into
 * `<cacheDir>/data` and reads `legal_support/{train,dev,test}.jsonl` there, each line `{"context",
 * "citation_a": {"parenthetical"}, "citation_b": {"parenthetical"}, "label": "a" | "b"}`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { ensureDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

/** HELM's URL (a zip; no checksum there). */
const URL = 'https://docs.google.com/uc?export=download&id=1PVoyddrCHChMxYrLhsI-zu7Xzs5S8N77';
/** HELM's order of the files, and the split each one feeds. */
const FILES: readonly { readonly file: string; readonly split: Split }[] = [
  { file: 'train', split: 'train' },
  { file: 'dev', split: 'valid' },
  { file: 'test', split: 'test' },
];

const isRecord = (x: unknown): x is Readonly<Record<string, unknown>> => typeof x === 'object' && x !== null && !Array.isArray(x);

function parenthetical(record: Readonly<Record<string, unknown>>, field: string, where: string): string {
  const citation = record[field];
  const text = isRecord(citation) ? citation['parenthetical'] : undefined;
  if (typeof text !== 'string') throw new UserError(`${where}: expected a string ${field}.parenthetical (LegalSupport's {"context", "citation_a", "citation_b", "label"}).`);
  return text;
}

/**
 * One line as HELM reads it: the context as input, the two parentheticals as references (a, then b). Every
 * reference whose text equals the labelled one is correct, so two equal parentheticals are both correct.
 */
export function legalSupportInstance(record: Readonly<Record<string, unknown>>, split: Split, where: string): RawInstance {
  const context = record['context'];
  if (typeof context !== 'string') throw new UserError(`${where}: expected a string field 'context' (LegalSupport's {"context", "citation_a", "citation_b", "label"}).`);
  const answers = [parenthetical(record, 'citation_a', where), parenthetical(record, 'citation_b', where)];
  const label = record['label'];
  if (label !== 'a' && label !== 'b') throw new UserError(`${where}: label must be "a" or "b", got ${JSON.stringify(label)}.`);
  const correct = answers[label === 'a' ? 0 : 1];
  return { input: { text: context }, references: answers.map((answer) => reference(answer, answer === correct)), split };
}

async function* readLegalSupport(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const dataPath = join(cacheDir, 'data');
  // The zip's entries (legal_support/ and another) become `data/` as HELM's unpacking leaves them.
  await ensureDownloaded({ url: URL, targetPath: dataPath, unpack: 'zip' }, downloadOptionsOf(context));
  for (const { file, split } of FILES) {
    const path = join(dataPath, 'legal_support', `${file}.jsonl`);
    if (!existsSync(path)) {
      throw new UserError(`${path} is missing: HELM reads legal_support/{train,dev,test}.jsonl under ${dataPath} (the unzipped ${URL}).`);
    }
    for await (const { record, where } of readJsonLines(path)) {
      yield legalSupportInstance(record, split, where);
    }
  }
}

/**
 * LegalSupport: train, valid (dev) and test, two references each.
 * @example for await (const instance of legalSupportSource.instances({}, 'benchmark_output/scenarios/legal_support')) …
 */
export const legalSupportSource = defineScenario({
  className: 'helm.benchmark.scenarios.legal_support_scenario.LegalSupportScenario',
  metadata: scenarioMetadata('legal_support_scenario', 'legal_support', 'Binary multiple choice question dataset for legal argumentative reasoning.', [
    'question_answering',
    'law',
  ]),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readLegalSupport(cacheDir, context),
});
