/**
 * @module HELM's BoolQScenario (`scenarios/boolq_scenario.py`): yes/no questions about a Wikipedia passage,
 * from HELM's JSONL copies of the train and dev splits. Contrast sets are not attached yet.
 */
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type Input, type RawInstance, type Split } from '../../core/instance.ts';
import { pythonCase } from '../../core/python-case.ts';
import { ensureDownloaded } from '../download.ts';
import { readJsonLines } from '../line-reader.ts';
import { checkScenarioArgs } from '../scenario-args.ts';
import { scenarioMetadata, type ScenarioSource } from '../scenario-source.ts';

const BASE_URL = 'https://huggingface.co/datasets/stanford-crfm/helm-scenarios/resolve/main/boolq';
const SPLIT_FILES: readonly { split: Split; file: string }[] = [
  { split: 'train', file: 'train' },
  { split: 'valid', file: 'dev' },
];

/** HELM `get_context`: a PassageQuestionInput of the passage and the capitalized question with "?". */
export function boolqInput(passage: string, question: string, capitalize: (s: string) => string): Input {
  const asked = capitalize(question.trim());
  return { text: `${passage}\nQuestion: ${asked}?`, kind: 'passage_question' };
}

export const boolqSource: ScenarioSource = {
  className: 'helm.benchmark.scenarios.boolq_scenario.BoolQScenario',
  metadata: scenarioMetadata('boolq_scenario', 'boolq', 'Question answering dataset with naturally occurring Yes/No questions.', [
    'question_answering',
  ]),
  async *instances(args, cacheDir): AsyncIterable<RawInstance> {
    const { only_contrast: onlyContrast } = checkScenarioArgs('boolq', args, { required: [], optional: ['only_contrast'] });
    // HELM passes the raw description value, so only_contrast=False is the truthy string "False".
    if (onlyContrast !== undefined && onlyContrast !== null && onlyContrast !== false && onlyContrast !== 0 && onlyContrast !== '') {
      throw new UserError('boolq: only_contrast needs the BoolQ contrast sets, which are not supported yet.');
    }
    const { capitalize } = pythonCase();
    const dataPath = join(cacheDir, 'data');
    for (const { file } of SPLIT_FILES) {
      await ensureDownloaded({ url: `${BASE_URL}/${file}.jsonl`, targetPath: join(dataPath, file) });
    }
    for (const { split, file } of SPLIT_FILES) {
      for await (const row of readJsonLines(join(dataPath, file))) {
        yield {
          input: boolqInput(String(row['passage']), String(row['question']), capitalize),
          references: [reference(row['answer'] === true ? 'Yes' : 'No', true)],
          split,
        };
      }
    }
  },
};
