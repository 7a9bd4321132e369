import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { hellaswagInstance, hellaswagSource } from './hellaswag.ts';

// Synthetic HellaSwag lines (hellaswag/data); HELM 0.5.16's HellaSwagScenario read them into helm-instances.json.
const fixtures = fixtureDir('hellaswag');
const helm = helmInstances('hellaswag');
const work = mkdtempSync(join(tmpdir(), 'hellaswag-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const offline = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };

const item = (fields: Record<string, unknown>): Record<string, unknown> => ({
  activity_label: 'Act',
  ctx_a: 'A.',
  ctx_b: 'b',
  endings: ['e0', 'e1', 'e2', 'e3'],
  label: 0,
  ...fields,
});

describe('hellaswagSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(hellaswagSource.metadata).toEqual(helm.scenario_json);
  });

  it('gives every instance HELM gives, in its order and key order (train, then val as valid; the test file is not read)', async () => {
    const instances = await readAll(hellaswagSource, {}, fixtures);
    expect(instances).toHaveLength(20);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm.instances));
  });

  it("upper-cases ctx_b's first character as Python does, and keeps the space before an empty ctx_b", () => {
    expect(hellaswagInstance(item({ ctx_b: 'ßtill' }), 'train', 'x').input.text).toBe('Act: A. SStill');
    expect(hellaswagInstance(item({ ctx_b: 'ǆ then' }), 'train', 'x').input.text).toBe('Act: A. Ǆ then');
    expect(hellaswagInstance(item({ ctx_b: '𐐨x' }), 'train', 'x').input.text).toBe('Act: A. 𐐀x'); // outside the BMP
    expect(hellaswagInstance(item({ ctx_b: '' }), 'val', 'x')).toMatchObject({ input: { text: 'Act: A. ' }, split: 'valid' });
  });

  it('tags every ending equal to the labelled one, and reads the label as a Python list index', () => {
    const tags = (fields: Record<string, unknown>): unknown => hellaswagInstance(item(fields), 'train', 'x').references.map((r) => r.tags.length);
    expect(tags({ endings: ['a', 'b', 'a', 'c'], label: 2 })).toEqual([1, 0, 1, 0]);
    expect(tags({ label: -1 })).toEqual([0, 0, 0, 1]);
  });

  it('names the line of a record HELM cannot read', () => {
    expect(() => hellaswagInstance(item({ label: 4 }), 'train', 'f:3')).toThrow('f:3: label 4 is no index of the 4 endings.');
    expect(() => hellaswagInstance(item({ endings: ['a', 'b', 'c'] }), 'train', 'f:3')).toThrow('f:3: expected 4 endings, got 3.');
    expect(() => hellaswagInstance(item({ ctx_a: undefined }), 'train', 'f:3')).toThrow(
      `f:3: expected a string field 'ctx_a' (HellaSwag's {"activity_label", "ctx_a", "ctx_b", "endings", "label"}), got nothing.`,
    );
  });

  it('names both files, their URLs and places when offline', async () => {
    const dir = join(work, 'offline');
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'hellaswag_train.jsonl'), '');
    await expect(readAll(hellaswagSource, {}, dir, offline)).rejects.toThrow(
      'Could not download https://raw.githubusercontent.com/rowanz/hellaswag/master/data/hellaswag_val.jsonl: getaddrinfo ENOTFOUND ' +
        'raw.githubusercontent.com (the host name does not resolve: no internet access?). Without internet access, fetch that URL ' +
        `elsewhere (no checksum is recorded for it), and place it at ${join(dir, 'data', 'hellaswag_val.jsonl')}.`,
    );
  });

  it('takes no arguments', () => {
    expect(() => hellaswagSource.instances({ dataset: 'hellaswag' }, fixtures)).toThrow("Scenario hellaswag has no argument 'dataset'.");
  });
});
