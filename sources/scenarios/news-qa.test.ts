import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import { PythonRandom } from '../../core/rng/python-random.ts';
import { newsQaExample, newsQaSource, validQuestions } from './news-qa.ts';

/**
 * Maluuba NewsQA's combined JSON with stories of our own (train, dev and test types; spans after characters past
 * U+FFFF; bad questions by `isQuestionBad` and by consensus, a story left with none; `noAnswer` consensus and crowd
 * answers; repeated answers), placed as HELM's `restricted/newsqa/combined-newsqa-data-v1.json`;
 * `helm-instances.json` is what HELM 0.5.16's NewsQAScenario gave on it, run from that folder
 * (`__fixtures__/make-helm-instances.py`).
 */
const fixtures = fileURLToPath(new URL('__fixtures__/newsqa', import.meta.url));
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as { scenario_json: unknown; instances: unknown[] };
const startDir = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'news-qa-test-'));
afterEach(() => process.chdir(startDir));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of newsQaSource.instances({}, join(work, 'scenarios', 'newsqa'))) out.push(instance);
  return out;
}

describe('newsQaSource', () => {
  it("gives HELM's instances from restricted/newsqa/ under the working directory", async () => {
    process.chdir(fixtures);
    const instances = await read();
    expect(instances.map(instanceJson)).toEqual(helm.instances);
    expect(instances.map((i) => i.split)).toEqual(['train', 'valid', 'valid', 'valid', 'train']); // dev and test → valid
  });

  it("writes HELM's scenario.json", () => {
    expect(newsQaSource.metadata).toEqual(helm.scenario_json);
  });

  it('says where to place the file, and how to make it, when it is missing', async () => {
    process.chdir(work);
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `news_qa reads NewsQA from ${join(work, 'restricted', 'newsqa', 'combined-newsqa-data-v1.json')} (HELM's ` +
        'restricted/newsqa/combined-newsqa-data-v1.json, relative to the directory the run starts in), and that file is ' +
        'not there. NewsQA may not be redistributed, so it is never downloaded: build combined-newsqa-data-v1.json with ' +
        'the instructions of https://github.com/Maluuba/newsqa (the CNN stories and newsqa-data-v1.csv, then its ' +
        '"package" step), and place it at that path.',
    );
  });

  it('slices answer spans by code points and keeps each answer once', () => {
    const text = '😀 ab cd';
    const story = {
      text,
      questions: [
        { q: 'bad', isQuestionBad: 0.25, consensus: { s: 0, e: 1 }, answers: [] },
        { q: 'bad too', consensus: { badQuestion: true }, answers: [] },
        {
          q: 'good',
          isQuestionBad: 0,
          consensus: { s: 2, e: 4 },
          answers: [{ sourcerAnswers: [{ s: 2, e: 4 }] }, { sourcerAnswers: [{ noAnswer: true }] }, { sourcerAnswers: [{ s: 5, e: 7 }] }],
        },
      ],
    };
    const questions = validQuestions(story, 'story');
    expect(questions).toHaveLength(1);
    expect(newsQaExample(story, questions, new PythonRandom(0), 'story')).toEqual({ passage: text, question: 'good', answers: ['ab', 'No Answer', 'cd'] });
  });
});
