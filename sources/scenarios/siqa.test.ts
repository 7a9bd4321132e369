import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { siqaInstance, siqaSource } from './siqa.ts';

// Synthetic Social IQa lines and labels in the zip's layout as HELM unpacks it
// (siqa/data/socialiqa-train-dev/socialiqa-train-dev); HELM 0.5.16's SiqaScenario read them into helm-instances.json.
const fixtures = fixtureDir('siqa');
const helm = helmInstances('siqa');
const work = mkdtempSync(join(tmpdir(), 'siqa-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const item = { context: 'C.', question: 'Q?', answerA: 'a', answerB: 'b', answerC: 'a' };

describe('siqaSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(siqaSource.metadata).toEqual(helm.scenario_json);
  });

  it('gives every instance HELM gives: train, then dev as valid', async () => {
    const instances = await readAll(siqaSource, {}, fixtures);
    expect(instances.map((i) => i.split)).toEqual([...Array(8).fill('train'), ...Array(12).fill('valid')]);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm.instances));
  });

  it('joins context and question with a space; labels count from 1; equal texts are both correct', () => {
    expect(siqaInstance(item, 3, 'val', 'w')).toEqual({
      input: { text: 'C. Q?' },
      references: [
        { output: { text: 'a' }, tags: ['correct'] },
        { output: { text: 'b' }, tags: [] },
        { output: { text: 'a' }, tags: ['correct'] },
      ],
      split: 'valid',
    });
  });

  it('checks the fields and the label as HELM asserts', () => {
    expect(() => siqaInstance({ ...item, extra: 1 }, 1, 'train', 'f:1')).toThrow('(HELM asserts 5 fields), got context, question, answerA, answerB, answerC, extra.');
    expect(() => siqaInstance(item, 0, 'train', 'f:1')).toThrow('f:1: its label must be 1, 2 or 3, got 0.');
    expect(() => siqaInstance(item, 4, 'train', 'f:1')).toThrow('f:1: its label must be 1, 2 or 3, got 4.');
  });
});

describe('siqaSource offline', () => {
  it('names the zip, its URL, and where its files must end up', async () => {
    const dir = join(work, 'offline');
    const offline = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };
    const target = join(dir, 'data', 'socialiqa-train-dev');
    await expect(readAll(siqaSource, {}, dir, offline)).rejects.toThrow(
      'Could not download https://storage.googleapis.com/ai2-mosaic/public/socialiqa/socialiqa-train-dev.zip: getaddrinfo ENOTFOUND ' +
        'storage.googleapis.com (the host name does not resolve: no internet access?). Without internet access, fetch that URL elsewhere ' +
        `(no checksum is recorded for it), unpack it (its single top-level folder becomes 'socialiqa-train-dev'), and place it at ${target}. ` +
        `The files read are ${join(target, 'socialiqa-train-dev', '{train,dev}.jsonl')} and their -labels.lst: unzip the archive inside ${target}.`,
    );
  });
});
