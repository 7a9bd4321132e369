import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { instanceJson } from '../../core/helm-records.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { cleanAndTruncate, summarizationSource, xsumFilter } from './summarization.ts';

/**
 * `__fixtures__/summarization/data/{xsum,xsum-sampled,cnndm}.pk`: pickles in the layout of HELM's files, written by
 * `make_fixtures.py` (made-up text with newlines, double spaces, train articles under 50, over 150 and over 512
 * words, and each case of HELM's XSum filter); `helm-instances-*.json` is what HELM 0.5.16's own
 * SummarizationScenario gave on them.
 */
const fixtures = fixtureDir('summarization');
const RUN_SPEC_ARGS = { sampling_min_length: 50, sampling_max_length: 150, doc_max_length: 512 };
const work = mkdtempSync(join(tmpdir(), 'summarization-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('summarizationSource', () => {
  for (const [dataset, file] of [['xsum', 'xsum'], ['xsum-sampled', 'xsum-sampled'], ['cnn-dm', 'cnn-dm']] as const) {
    it(`gives HELM's instances for ${dataset} with the run spec's lengths`, async () => {
      const instances = await readAll(summarizationSource, { dataset_name: dataset, ...RUN_SPEC_ARGS }, fixtures);
      expect(instances.map(instanceJson)).toEqual(helmInstances('summarization', `helm-instances-${file}.json`).instances);
    });
  }

  it('gives the same instances when the pickle holds its splits in another order', async () => {
    const instances = await readAll(summarizationSource, { dataset_name: 'xsum', ...RUN_SPEC_ARGS }, join(fixtures, 'reordered'));
    expect(instances.map(instanceJson)).toEqual(helmInstances('summarization', 'helm-instances-xsum.json').instances);
  });

  it('keeps every train article without length limits, and still applies the XSum filter', async () => {
    const instances = await readAll(summarizationSource, { dataset_name: 'xsum' }, fixtures);
    expect(instances.map(instanceJson)).toEqual(helmInstances('summarization', 'helm-instances-xsum-no-limits.json').instances);
    expect(instances.map((i) => i.split).join(',')).toBe(`${'train,'.repeat(11)}valid,valid,${'test,'.repeat(5)}test`);
    // The 600-word test article is whole without doc_max_length, cut to 512 words with it.
    expect(instances[13]!.input.text.split(' ')).toHaveLength(600);
  });

  it("writes HELM's scenario.json", () => {
    expect(summarizationSource.metadata).toEqual(helmInstances('summarization', 'helm-instances-xsum.json').scenario_json);
  });

  it('refuses an unknown dataset name or a length that is not an int', () => {
    expect(() => summarizationSource.instances({ dataset_name: 'cnndm' }, work)).toThrow(
      "Unknown dataset_name: cnndm (HELM's summarization scenario reads xsum, xsum-sampled, cnn-dm).",
    );
    expect(() => summarizationSource.instances({ dataset_name: 'xsum', doc_max_length: '512' }, work)).toThrow(
      'Scenario summarization: doc_max_length must be an int or None (got "512").',
    );
  });

  it("names HELM's URL and the path of the pickle when offline", async () => {
    const dir = join(work, 'offline');
    const error = await readAll(summarizationSource, { dataset_name: 'cnn-dm' }, dir, { log: () => undefined, download: { retries: 0, lookup: offlineLookup } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      'Could not download https://storage.googleapis.com/crfm-helm-public/source_datasets/scenarios/summarization_scenario/cnndm.pk: ' +
        'getaddrinfo ENOTFOUND storage.googleapis.com (the host name does not resolve: no internet access?). Without internet access, ' +
        `fetch that URL elsewhere (no checksum is recorded for it), and place it at ${join(dir, 'data', 'cnndm.pk')}.`,
    );
  });

  it('says what a pickle of another shape holds', async () => {
    const dir = join(work, 'shape');
    mkdirSync(join(dir, 'data'), { recursive: true });
    // A pickle of {'train': [...], 'validation': [...]} (no 'test'), made from the python-pickle fixtures' shapes.
    copyFileSync(fixtureDir('../../__fixtures__/python-pickle/splits-shared.pk'), join(dir, 'data', 'xsum.pk'));
    await expect(readAll(summarizationSource, { dataset_name: 'xsum' }, dir)).rejects.toThrow(
      "HELM's summarization pickle holds a dict of split name → list of examples; this one has no 'validation' key (HELM fails with KeyError).",
    );
    copyFileSync(fixtureDir('../../__fixtures__/python-pickle/plain-p4.pk'), join(dir, 'data', 'xsum.pk'));
    await expect(readAll(summarizationSource, { dataset_name: 'xsum' }, dir)).rejects.toThrow("this one has no 'train' key");
  });
});

describe('cleanAndTruncate and xsumFilter', () => {
  it('joins the words with single spaces, keeping the first max_length of them', () => {
    expect(cleanAndTruncate(' a\nb  c\t\u00a0d ')).toBe('a b c d');
    expect(cleanAndTruncate('a b c d', 2)).toBe('a b');
    expect(cleanAndTruncate('a b c d', 0)).toBe('');
    expect(cleanAndTruncate('a b c d', -1)).toBe('a b c'); // Python's words[:-1]
  });

  it("drops what HELM's _xsum_filter drops", () => {
    const article = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    const summary = (n: number): string => Array.from({ length: n }, () => 'x').join(' ');
    expect(xsumFilter(article, summary(12))).toBe(false); // 12/60 = 0.2 is not over 0.2
    expect(xsumFilter(article, summary(13))).toBe(true);
    expect(xsumFilter(article, summary(10))).toBe(true);
    expect(xsumFilter(`${article} Last updated at 10:00`, summary(12))).toBe(true);
    expect(() => xsumFilter('', summary(12))).toThrow('ZeroDivisionError');
  });
});
