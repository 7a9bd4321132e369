/** @module HELM's GSM8KScenario (`scenarios/gsm_scenario.py`): grade-school math word problems, from OpenAI's JSONL files. */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { ensureAllDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, NO_PARAMS, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

// HELM builds f"{base_url}/{split}.jsonl" from a base that already ends in "/", so the URL it fetches has "//";
// kept as is, so that we ask the server for exactly what HELM asks.
const BASE_URL = 'https://raw.githubusercontent.com/openai/grade-school-math/master/grade_school_math/data/';
/** HELM's order, each file cached as `<cacheDir>/gsm_data_<file>` (no extension). */
const FILES: readonly { readonly file: string; readonly split: Split }[] = [
  { file: 'train', split: 'train' },
  { file: 'test', split: 'test' },
];

/** HELM's reference text: "####" becomes "The answer is", newlines become spaces, and a period ends it. */
export const gsmAnswer = (answer: string): string => `${answer.replaceAll('####', 'The answer is').replaceAll('\n', ' ')}.`;

function stringField(record: Readonly<Record<string, unknown>>, name: string, where: string): string {
  const value = record[name];
  if (typeof value !== 'string') throw new UserError(`${where}: expected a string field '${name}' (GSM8K's {"question", "answer"}).`);
  return value;
}

async function* readGsm(cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const paths = FILES.map(({ file, split }) => ({ split, path: join(cacheDir, `gsm_data_${file}`), url: `${BASE_URL}/${file}.jsonl` }));
  // Both files before the first instance, so a missing one fails the run before any request is made; offline,
  // one error names both.
  await ensureAllDownloaded(paths.map(({ path, url }) => ({ url, targetPath: path })), downloadOptionsOf(context));
  for (const { path, split } of paths) {
    for await (const { record, where } of readJsonLines(path)) {
      const question = stringField(record, 'question', where);
      yield { input: { text: question }, references: [reference(gsmAnswer(stringField(record, 'answer', where)), true)], split };
    }
  }
}

/**
 * GSM8K: train and test, one reference each (the worked answer ending in "The answer is N.").
 * @example for await (const instance of gsmSource.instances({}, 'benchmark_output/scenarios/gsm')) …
 */
export const gsmSource = defineScenario({
  className: 'helm.benchmark.scenarios.gsm_scenario.GSM8KScenario',
  metadata: scenarioMetadata('gsm_scenario', 'gsm', 'Grade school math dataset with 8.5K examples (GSM8K).', ['reasoning', 'math']),
  params: NO_PARAMS,
  read: (_args, cacheDir, context) => () => readGsm(cacheDir, context),
});
