import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { piqaInstance, piqaSource } from './piqa.ts';

// Synthetic PIQA lines and labels (piqa/data, HELM's cache names); HELM 0.5.16's PiqaScenario read them into
// helm-instances.json.
const fixtures = fixtureDir('piqa');
const helm = helmInstances('piqa');
const work = mkdtempSync(join(tmpdir(), 'piqa-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A cache folder whose train files hold these lines and labels, and whose val files are empty. */
function cache(name: string, lines: string, labels: string): string {
  const dir = join(work, name, 'data');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'piqa_train.jsonl'), lines);
  writeFileSync(join(dir, 'piqa_train_labels.lst'), labels);
  for (const file of ['piqa_val.jsonl', 'piqa_val_labels.lst']) writeFileSync(join(dir, file), '');
  return join(work, name);
}
const line = JSON.stringify({ goal: 'G', sol1: 'a', sol2: 'b' });

describe('piqaSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(piqaSource.metadata).toEqual(helm.scenario_json);
  });

  it('gives every instance HELM gives: train, then val as valid, labels paired line by line', async () => {
    const instances = await readAll(piqaSource, {}, fixtures);
    expect(instances.map((i) => i.split)).toEqual([...Array(8).fill('train'), ...Array(12).fill('valid')]);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm.instances));
  });

  it("reads labels as Python's int(line.strip()) does", async () => {
    const instances = await readAll(piqaSource, {}, cache('labels', `${line}\n${line}\n`, ' 1 \n+0\n'));
    expect(instances.map((i) => i.references.map((r) => r.tags.length))).toEqual([[0, 1], [1, 0]]);
  });

  it('checks the fields and the label as HELM asserts', () => {
    expect(() => piqaInstance({ goal: 'G', sol1: 'a', sol2: 'b', id: 'x' }, 0, 'train', 'f:1')).toThrow(
      'f:1: expected exactly the fields goal, sol1, sol2 (HELM asserts 3 fields), got goal, sol1, sol2, id.',
    );
    expect(() => piqaInstance({ goal: 'G', sol1: 'a', sol2: 'b' }, -1, 'train', 'f:1')).toThrow('f:1: its label must be 0 or 1, got -1.');
    expect(() => piqaInstance({ goal: 'G', sol1: 'a', sol2: 'b' }, 2, 'train', 'f:1')).toThrow('f:1: its label must be 0 or 1, got 2.');
  });

  it('names the labels file when it is shorter, longer, or holds no integer', async () => {
    const labels = (name: string): string => join(work, name, 'data', 'piqa_train_labels.lst');
    const data = (name: string): string => join(work, name, 'data', 'piqa_train.jsonl');
    await expect(readAll(piqaSource, {}, cache('short', `${line}\n${line}\n`, '0\n'))).rejects.toThrow(
      `${labels('short')} has 1 labels, but ${data('short')} has more records (one label per record is expected).`,
    );
    await expect(readAll(piqaSource, {}, cache('long', `${line}\n`, '0\n1\n'))).rejects.toThrow(
      `${labels('long')} has more labels than the 1 records of ${data('long')} (one label per record is expected).`,
    );
    await expect(readAll(piqaSource, {}, cache('text', `${line}\n`, 'one\n'))).rejects.toThrow(`${labels('text')}:1: expected an integer label, got "one".`);
  });

  it('names all four files when offline', async () => {
    const dir = join(work, 'offline');
    const offline = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };
    const error = await readAll(piqaSource, {}, dir, offline).catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain('Could not download 4 of the 4 dataset files needed:');
    for (const [url, file] of [
      ['train.jsonl', 'piqa_train.jsonl'],
      ['train-labels.lst', 'piqa_train_labels.lst'],
      ['valid.jsonl', 'piqa_val.jsonl'],
      ['valid-labels.lst', 'piqa_val_labels.lst'],
    ]) {
      expect((error as Error).message).toContain(`https://yonatanbisk.com/piqa/data/${url}: `);
      expect((error as Error).message).toContain(`place it at ${join(dir, 'data', file!)}.`);
    }
  });
});
