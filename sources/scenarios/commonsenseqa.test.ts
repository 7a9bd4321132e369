import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { commonsenseqaInstance, commonsenseqaSource } from './commonsenseqa.ts';

// Synthetic CommonsenseQA lines (commonsenseqa/data, HELM's cache names); HELM 0.5.16's CommonSenseQAScenario
// read them into helm-instances.json.
const fixtures = fixtureDir('commonsenseqa');
const helm = helmInstances('commonsenseqa');
const work = mkdtempSync(join(tmpdir(), 'commonsenseqa-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const item = (answerKey: string, count = 5): Record<string, unknown> => ({
  answerKey,
  question: { question_concept: 'c', choices: [...'ABCDE'.slice(0, count)].map((label) => ({ label, text: label.toLowerCase() })), stem: 'Q?' },
});

describe('commonsenseqaSource', () => {
  it("writes HELM's scenario.json (name commonsenseqa)", () => {
    expect(commonsenseqaSource.metadata).toEqual(helm.scenario_json);
    expect(commonsenseqaSource.metadata.name).toBe('commonsenseqa');
  });

  it('gives every instance HELM gives: train, then val as valid', async () => {
    const instances = await readAll(commonsenseqaSource, {}, fixtures);
    expect(instances.map((i) => i.split)).toEqual([...Array(8).fill('train'), ...Array(12).fill('valid')]);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm.instances));
  });

  it('reads 5 choices lettered A–E', () => {
    expect(commonsenseqaInstance(item('E'), 'val', 'w')).toEqual({
      input: { text: 'Q?' },
      references: ['a', 'b', 'c', 'd', 'e'].map((text) => ({ output: { text }, tags: text === 'e' ? ['correct'] : [] })),
      split: 'valid',
    });
    expect(() => commonsenseqaInstance(item('A', 4), 'train', 'f:9')).toThrow('f:9: expected 5 choices, got 4.');
    expect(() => commonsenseqaInstance(item('F'), 'train', 'f:9')).toThrow('f:9: answerKey must be one of A, B, C, D, E, got "F".');
  });
});

describe('commonsenseqaSource offline', () => {
  it("names both files: the dataset's dev file is cached as HELM's commonsenseqa_val.jsonl", async () => {
    const offline = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };
    const error = (await readAll(commonsenseqaSource, {}, work, offline).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('Could not download 2 of the 2 dataset files needed:');
    expect(error.message).toContain('  - https://s3.amazonaws.com/commensenseqa/train_rand_split.jsonl: ');
    expect(error.message).toContain(`place it at ${join(work, 'data', 'commonsenseqa_train.jsonl')}.`);
    expect(error.message).toContain('  - https://s3.amazonaws.com/commensenseqa/dev_rand_split.jsonl: ');
    expect(error.message).toContain(`place it at ${join(work, 'data', 'commonsenseqa_val.jsonl')}.`);
  });
});
