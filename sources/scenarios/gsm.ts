/** @module HELM's GSM8KScenario (`scenarios/gsm_scenario.py`): grade-school math word problems. */
import { join } from 'node:path';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { ensureDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { checkScenarioArgs } from '../scenario-args.ts';
import { scenarioMetadata, type ScenarioSource } from '../scenario-source.ts';

const BASE_URL = 'https://raw.githubusercontent.com/openai/grade-school-math/master/grade_school_math/data/';
const SPLITS: readonly { file: string; split: Split }[] = [
  { file: 'train', split: 'train' },
  { file: 'test', split: 'test' },
];

/** HELM's reference: "####" becomes "The answer is", newlines become spaces, and a period ends it. */
export const gsmAnswer = (answer: string): string => `${answer.replaceAll('####', 'The answer is').replaceAll('\n', ' ')}.`;

export const gsmSource: ScenarioSource = {
  className: 'helm.benchmark.scenarios.gsm_scenario.GSM8KScenario',
  metadata: scenarioMetadata('gsm_scenario', 'gsm', 'Grade school math dataset with 8.5K examples (GSM8K).', ['reasoning', 'math']),
  async *instances(args, cacheDir): AsyncIterable<RawInstance> {
    checkScenarioArgs('gsm', args, { required: [], optional: [] });
    for (const { file, split } of SPLITS) {
      const dataPath = join(cacheDir, `gsm_data_${file}`);
      // HELM joins with an extra "/" (base_url ends in "/"): the URL it fetches has "//".
      await ensureDownloaded({ url: `${BASE_URL}/${file}.jsonl`, targetPath: dataPath });
      for await (const row of readJsonLines(dataPath)) {
        yield { input: { text: String(row['question']) }, references: [reference(gsmAnswer(String(row['answer'])), true)], split };
      }
    }
  },
};
