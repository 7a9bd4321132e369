import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { BLIMP_PARADIGMS, blimpSource } from './blimp.ts';

// Synthetic minimal pairs in BLiMP's layout (blimp/data/data/<paradigm>.jsonl, as HELM's unzip of BLiMP.zip leaves
// them) for the paradigms of anaphor_agreement and ellipsis; HELM 0.5.16's BLiMPScenario read them into
// helm-instances-<phenomenon>.json.
const fixtures = fixtureDir('blimp');
const work = mkdtempSync(join(tmpdir(), 'blimp-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('blimpSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(blimpSource.metadata).toEqual(helmInstances('blimp', 'helm-instances-ellipsis.json').scenario_json);
  });

  it.each(['anaphor_agreement', 'ellipsis'])('gives every instance HELM gives for phenomenon=%s, paradigm by paradigm', async (phenomenon) => {
    const instances = await readAll(blimpSource, { phenomenon }, fixtures);
    expect(instances.length).toBeGreaterThan(0);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helmInstances('blimp', `helm-instances-${phenomenon}.json`).instances));
  });

  it('makes an empty input with the good sentence correct and the bad one not', async () => {
    const [first] = await readAll(blimpSource, { phenomenon: 'ellipsis' }, fixtures);
    expect(first).toEqual({
      input: { text: '' },
      references: [
        { output: { text: "Dawn's ate one big apple and Jo ate three." }, tags: ['correct'] },
        { output: { text: "Dawn's ate one apple and Jo ate three big." }, tags: [] },
      ],
      split: 'test',
    });
  });

  it("knows HELM's 12 phenomena and 67 paradigms", () => {
    expect(Object.keys(BLIMP_PARADIGMS)).toHaveLength(12);
    expect(Object.values(BLIMP_PARADIGMS).flat()).toHaveLength(67);
  });

  it('rejects an unknown phenomenon at once and names a missing paradigm file', async () => {
    expect(() => blimpSource.instances({ phenomenon: 'elipsis' }, fixtures)).toThrow(
      'Unsupported BLiMP phenomenon "elipsis". Did you mean: ellipsis? Phenomena: island_effects, anaphor_agreement,',
    );
    expect(() => blimpSource.instances({}, fixtures)).toThrow(/phenomenon/);
    const dir = join(work, 'missing');
    cpSync(fixtures, dir, { recursive: true });
    rmSync(join(dir, 'data', 'data', 'ellipsis_n_bar_2.jsonl'));
    await expect(readAll(blimpSource, { phenomenon: 'ellipsis' }, dir)).rejects.toThrow(`${join(dir, 'data', 'data', 'ellipsis_n_bar_2.jsonl')} is missing`);
  });
});
