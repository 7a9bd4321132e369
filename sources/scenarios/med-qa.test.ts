import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { parsePythonJson } from '../../core/python-json.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { medQaInstance, medQaSource } from './med-qa.ts';

// Synthetic lines in MedQA's layout (med_qa/data/data_clean/questions/US/4_options/phrases_no_exclude_*.jsonl, as
// HELM's unzip leaves them), with options ending in '\n"', '""', spaces, a no-break space and ' " ', and one line
// whose options are not in letter order; HELM 0.5.16's MedQAScenario read them into helm-instances.json.
const fixtures = fixtureDir('med_qa');
const questions = (dir: string): string => join(dir, 'data', 'data_clean', 'questions', 'US', '4_options');
const work = mkdtempSync(join(tmpdir(), 'med-qa-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const options = { A: 'a', B: 'b', C: 'c', D: 'd' };

describe('medQaSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(medQaSource.metadata).toEqual(helmInstances('med_qa').scenario_json);
  });

  it('gives every instance HELM gives: train, then valid (dev), then test', async () => {
    const instances = await readAll(medQaSource, {}, fixtures);
    expect(instances.map((i) => i.split).join(',')).toBe(`${'train,'.repeat(6)}${'valid,'.repeat(3)}${'test,'.repeat(6)}`.slice(0, -1));
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helmInstances('med_qa').instances));
  });

  it('strips trailing quotes and then trailing whitespace, and keeps the options in the order of the file', () => {
    const record = { question: 'Q?', options: { B: 'x\n"', A: 'y" ', D: 'z\u3000', C: 'w""' }, answer_idx: 'A' };
    expect(medQaInstance(record, 'test', 'w')).toEqual({
      input: { text: 'Q?' },
      references: [
        { output: { text: 'x' }, tags: [] },
        { output: { text: 'y"' }, tags: ['correct'] },
        { output: { text: 'z' }, tags: [] },
        { output: { text: 'w' }, tags: [] },
      ],
      split: 'test',
    });
    // Integer-like keys keep the file's order too (a JS object would sort them).
    const numbered = parsePythonJson('{"question": "Q", "options": {"3": "c", "1": "a", "2": "b", "0": "z"}, "answer_idx": "1"}');
    expect(medQaInstance(numbered, 'train', 'w').references.map((r) => [r.output.text, r.tags.length])).toEqual([['c', 0], ['a', 1], ['b', 0], ['z', 0]]);
  });

  it("rejects what HELM's assert rejects and names the line of a malformed record or a missing file", async () => {
    expect(() => medQaInstance({ question: 'Q', options: { A: 'a' }, answer_idx: 'A' }, 'test', 'f:3')).toThrow('f:3: expected 4 answer options (HELM asserts so), got 1.');
    expect(() => medQaInstance({ question: 'Q', options: { ...options, D: 4 } }, 'test', 'f:3')).toThrow('f:3: option "D" is not a string');
    expect(() => medQaInstance({ question: 1, options }, 'test', 'f:3')).toThrow('f:3: expected a string "question"');
    const dir = join(work, 'broken');
    cpSync(fixtures, dir, { recursive: true });
    const dev = join(questions(dir), 'phrases_no_exclude_dev.jsonl');
    writeFileSync(dev, '{"question": "Q", "options": {"A": "a"}}\n');
    await expect(readAll(medQaSource, {}, dir)).rejects.toThrow(`${dev}:1: expected 4 answer options`);
    writeFileSync(dev, '\n{"question": "Q",\n');
    await expect(readAll(medQaSource, {}, dir)).rejects.toThrow(`${dev}:2: not valid JSON`);
    rmSync(dev);
    await expect(readAll(medQaSource, {}, dir)).rejects.toThrow(`${dev} is missing: HELM reads data_clean/questions/US/4_options/phrases_no_exclude_{train,dev,test}.jsonl`);
  });

  it('takes no args', () => {
    expect(() => medQaSource.instances({ subset: 'x' }, fixtures)).toThrow(/Scenario med_qa has no argument 'subset'/);
  });
});
