import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { pubmedQaInstance, pubmedQaSource } from './pubmed-qa.ts';

// Synthetic entries in ori_pqal.json's layout (pubmed_qa/data/test_set.json): labels in capitals, mixed case and
// snake_case (title-cased by Python's str.title), integer-like ids out of numeric order, one context of its own.
// HELM 0.5.16's PubMedQAScenario read them into helm-instances.json.
const fixtures = fixtureDir('pubmed_qa');
const work = mkdtempSync(join(tmpdir(), 'pubmed-qa-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const entry = (fields: Record<string, unknown>): Record<string, unknown> => ({
  QUESTION: 'Q?',
  CONTEXTS: ['c1', 'c2'],
  LABELS: ['AIMS', 'study_DESIGN'],
  final_decision: 'no',
  ...fields,
});

describe('pubmedQaSource', () => {
  it("writes HELM's scenario.json (its description's missing spaces included)", () => {
    expect(pubmedQaSource.metadata).toEqual(helmInstances('pubmed_qa').scenario_json);
  });

  it('gives every instance HELM gives, all test, in the order of the file', async () => {
    const instances = await readAll(pubmedQaSource, {}, fixtures);
    expect(instances).toHaveLength(5);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helmInstances('pubmed_qa').instances));
  });

  it('titles the labels, ends the question with a newline and offers yes, no, maybe', () => {
    expect(pubmedQaInstance(entry({}), 'w')).toEqual({
      input: { text: 'Context: Aims. c1\nStudy_Design. c2\n\nQuestion: Q?\n', kind: 'passage_question' },
      references: [
        { output: { text: 'yes' }, tags: [] },
        { output: { text: 'no' }, tags: ['correct'] },
        { output: { text: 'maybe' }, tags: [] },
      ],
      split: 'test',
    });
  });

  it("rejects what HELM's asserts reject, and a repeated id", async () => {
    expect(() => pubmedQaInstance(entry({ LABELS: ['A'] }), 'w')).toThrow('w: 2 CONTEXTS but 1 LABELS');
    expect(() => pubmedQaInstance(entry({ final_decision: 'Yes' }), 'w')).toThrow('w: final_decision must be one of yes, no, maybe');
    expect(() => pubmedQaInstance(entry({ CONTEXTS: 'c' }), 'w')).toThrow('w: expected {"QUESTION": string');
    const dir = join(work, 'twice');
    cpSync(fixtures, dir, { recursive: true });
    const path = join(dir, 'data', 'test_set.json');
    writeFileSync(path, JSON.stringify({ 1: entry({}), 2: entry({}) }).replace('"2"', '"1"'));
    await expect(readAll(pubmedQaSource, {}, dir)).rejects.toThrow(`${path}: the id "1" appears twice`);
    writeFileSync(path, '{"1": {"QUESTION": ');
    await expect(readAll(pubmedQaSource, {}, dir)).rejects.toThrow(`${path}: not a JSON object of PubMedQA entries`);
  });

  it('takes no args', () => {
    expect(() => pubmedQaSource.instances({ subset: 'x' }, fixtures)).toThrow(/Scenario pubmed_qa has no argument 'subset'/);
  });
});
