import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { interactiveQaMmluSource } from './interactive-qa-mmlu.ts';

// Synthetic MMLU CSVs (interactive_qa_mmlu/data) for two subjects: dev, val and the full test (which HELM must not
// read), and the InteractiveQA subset under test/interactive_qa; HELM 0.5.16's InteractiveQAMMLUScenario read them
// into helm-instances-<subject>.json.
const fixtures = fixtureDir('interactive_qa_mmlu');
const work = mkdtempSync(join(tmpdir(), 'iqa-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const offline = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };

describe('interactiveQaMmluSource', () => {
  it("writes HELM's scenario.json", () => {
    expect(interactiveQaMmluSource.metadata).toEqual(helmInstances('interactive_qa_mmlu', 'helm-instances-nutrition.json').scenario_json);
  });

  it.each(['nutrition', 'global_facts'])('gives every instance HELM gives for %s: dev as train, the subset as test', async (subject) => {
    const instances = await readAll(interactiveQaMmluSource, { subject }, fixtures);
    expect(instances.map((i) => i.split)).toEqual([...Array(5).fill('train'), ...Array(12).fill('test')]);
    const helm = helmInstances('interactive_qa_mmlu', `helm-instances-${subject}.json`);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm.instances));
  });

  it("accepts only HELM's five subjects", () => {
    expect(() => interactiveQaMmluSource.instances({ subject: 'anatomy' }, fixtures)).toThrow(
      'Invalid subject for Interactive QA: "anatomy"; expected one of college_chemistry, global_facts, miscellaneous, nutrition, us_foreign_policy.',
    );
  });

  it('names a missing CSV of the subject', async () => {
    await expect(readAll(interactiveQaMmluSource, { subject: 'miscellaneous' }, fixtures)).rejects.toThrow(
      `InteractiveQA MMLU needs ${join(fixtures, 'data', 'dev', 'miscellaneous_dev.csv')} (HELM reads it without checking), but it is missing.`,
    );
  });

  it('names both downloads when offline with neither in place, and the subset alone when MMLU is there', async () => {
    const error = await readAll(interactiveQaMmluSource, { subject: 'nutrition' }, join(work, 'none'), offline).catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain('Could not download 2 of the 2 dataset files needed:');
    expect((error as Error).message).toContain(`https://people.eecs.berkeley.edu/~hendrycks/data.tar: getaddrinfo ENOTFOUND`);
    expect((error as Error).message).toContain(
      `https://worksheets.codalab.org/rest/bundles/0x4d49146fe16c4559bc64af6cbc04992d/contents/blob/: not tried: it goes inside ${join(work, 'none', 'data')}, which has to be in place first.`,
    );
    expect((error as Error).message).toContain(`and place it at ${join(work, 'none', 'data', 'test', 'interactive_qa')}.`);
    const dir = join(work, 'mmlu-only');
    cpSync(fixtures, dir, { recursive: true, filter: (path) => !path.includes('interactive_qa_mmlu/data/test/interactive_qa') });
    await expect(readAll(interactiveQaMmluSource, { subject: 'nutrition' }, dir, offline)).rejects.toThrow(
      /^Could not download https:\/\/worksheets\.codalab\.org\/rest\/bundles\/0x4d49146fe16c4559bc64af6cbc04992d\/contents\/blob\/: getaddrinfo ENOTFOUND/,
    );
  });
});
