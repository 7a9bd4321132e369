import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { openbookqaInstance, openbookqaSource } from './openbookqa.ts';

// Synthetic OpenBookQA lines in the zip's layout (openbookqa/data/OpenBookQA-V1-Sep2018/Data/Main); HELM 0.5.16's
// OpenBookQA class read them into helm-instances.json.
const fixtures = fixtureDir('openbookqa');
const helm = helmInstances('openbookqa');
const work = mkdtempSync(join(tmpdir(), 'openbookqa-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const offline = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };

const item = (answerKey: unknown, labels = 'ABCD', texts = ['t0', 't1', 't2', 't3']): Record<string, unknown> => ({
  id: '1',
  question: { stem: 'Q?', choices: texts.map((text, i) => ({ text, label: labels[i] })) },
  answerKey,
});

describe('openbookqaSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(openbookqaSource.metadata).toEqual(helm.scenario_json);
  });

  it('gives every instance HELM gives: train, then test (Data/Main/dev.jsonl is not read)', async () => {
    const instances = await readAll(openbookqaSource, {}, fixtures);
    expect(instances.map((i) => i.split)).toEqual([...Array(8).fill('train'), ...Array(12).fill('test')]);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm.instances));
  });

  it('tags every choice whose text is the answer key\'s text', () => {
    expect(openbookqaInstance(item('C', 'ABCD', ['x', 'y', 'x', 'z']), 'test', 'w').references.map((r) => r.tags)).toEqual([['correct'], [], ['correct'], []]);
  });

  it("checks the answer key, the number of choices and the key's label as HELM asserts", () => {
    expect(() => openbookqaInstance(item('E'), 'train', 'f:2')).toThrow('f:2: answerKey must be one of A, B, C, D, got "E".');
    expect(() => openbookqaInstance(item('A', 'ABCDE', ['a', 'b', 'c', 'd', 'e']), 'train', 'f:2')).toThrow('f:2: expected 4 choices, got 5.');
    expect(() => openbookqaInstance(item('C', 'ABDC'), 'train', 'f:2')).toThrow('f:2: choice 3 should have the label C of answerKey, got "D".');
  });

  it('takes no arguments', () => {
    expect(() => openbookqaSource.instances({ x: 1 }, fixtures)).toThrow("Scenario openbookqa has no argument 'x'.");
  });
});

describe('openbookqaSource offline', () => {
  it('names the zip, its URL, and the folder it unpacks to', async () => {
    const dir = join(work, 'offline');
    await expect(readAll(openbookqaSource, {}, dir, offline)).rejects.toThrow(
      'Could not download https://ai2-public-datasets.s3.amazonaws.com/open-book-qa/OpenBookQA-V1-Sep2018.zip: getaddrinfo ENOTFOUND ' +
        'ai2-public-datasets.s3.amazonaws.com (the host name does not resolve: no internet access?). Without internet access, fetch that ' +
        `URL elsewhere (no checksum is recorded for it), unpack it (its single top-level folder becomes 'OpenBookQA-V1-Sep2018'), and place it at ` +
        `${join(dir, 'data', 'OpenBookQA-V1-Sep2018')}.`,
    );
  });
});
