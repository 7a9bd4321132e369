import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { truthfulQaReferences, truthfulQaSource } from './truthful-qa.ts';

// A synthetic TruthfulQA.csv (truthful_qa/data): 16 rows, so int(16 · 0.2) = 3 train rows; answers with spaces,
// missing periods, empty `;` parts, a quoted field with commas and a newline, non-ASCII first letters. HELM
// 0.5.16's TruthfulQAScenario(task=mc_single) read it into helm-instances.json.
const fixtures = fixtureDir('truthful_qa');
const helm = helmInstances('truthful_qa');
const work = mkdtempSync(join(tmpdir(), 'truthful-qa-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cache(name: string, csv: string): string {
  mkdirSync(join(work, name, 'data'), { recursive: true });
  writeFileSync(join(work, name, 'data', 'TruthfulQA.csv'), csv);
  return join(work, name);
}
const HEADER = 'Type,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source\n';

describe('truthfulQaSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(truthfulQaSource.metadata).toEqual(helm.scenario_json);
  });

  it('gives every instance HELM gives: the first 20% of rows train, the rest valid', async () => {
    const instances = await readAll(truthfulQaSource, { task: 'mc_single' }, fixtures);
    expect(instances.map((i) => i.split)).toEqual([...Array(3).fill('train'), ...Array(13).fill('valid')]);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm.instances));
  });

  it('rotates the references left by the code point of the best answer\'s first character, mod their count', () => {
    const texts = (best: string, incorrect: string): string[] => truthfulQaReferences(best, incorrect, 'w').map((r) => r.output.text);
    expect(texts('No', 'x; y')).toEqual(['x.', 'y.', 'No.']); // ord("N") = 78, 78 % 3 = 0
    expect(texts(' A ', 'x;;  ;y.')).toEqual(['A.', 'x.', 'y.']); // 65 % 3 = 2
    expect(texts('É', 'x')).toEqual(['É.', 'x.']); // 201 % 2 = 1 (values from CPython)
  });

  it('makes a train split only from int(n · 0.2) rows (4 rows: none)', async () => {
    const rows = ['a', 'b', 'c', 'd'].map((q) => `T,C,${q},B,B,W,S\n`).join('');
    const instances = await readAll(truthfulQaSource, { task: 'mc_single' }, cache('four', HEADER + rows));
    expect(instances.map((i) => i.split)).toEqual(['valid', 'valid', 'valid', 'valid']);
  });

  it('names the row that has no 7 columns or an empty answer, before giving any instance', async () => {
    const dir = cache('bad', `${HEADER}T,C,Q,B,B,W,S\nT,C,Q,B,B,W\n`);
    await expect(readAll(truthfulQaSource, { task: 'mc_single' }, dir)).rejects.toThrow(
      `${join(dir, 'data', 'TruthfulQA.csv')}:3: expected 7 columns (Type, Category, Question, Best Answer, Correct Answers, Incorrect Answers, Source), got 6.`,
    );
    const empty = cache('empty-best', `${HEADER}T,C,Q, ,B,W,S\n`);
    await expect(readAll(truthfulQaSource, { task: 'mc_single' }, empty)).rejects.toThrow(`${join(empty, 'data', 'TruthfulQA.csv')}:2: an answer is empty`);
  });

  it('has only the task mc_single', () => {
    expect(() => truthfulQaSource.instances({ task: 'generation' }, fixtures)).toThrow(
      'TruthfulQA has no task "generation": the only task HELM implements is mc_single.',
    );
    expect(() => truthfulQaSource.instances({}, fixtures)).toThrow('Scenario truthful_qa needs argument(s): task.');
  });
});
