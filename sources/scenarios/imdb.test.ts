import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import type { Instance, RawInstance } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { imdbSource, readContrastMap } from './imdb.ts';

/** Reviews written for these tests in the aclImdb layout (`__fixtures__/imdb/make-helm-instances.py` says more). */
const fixtures = fileURLToPath(new URL('__fixtures__/imdb', import.meta.url));
/** What HELM 0.5.16 read from that fixture (its input_instances.json), with and without only_contrast. */
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as { all: unknown[]; only_contrast: unknown[] };
/** The public golden case: its input and the instances HELM evaluated. */
const golden = fileURLToPath(new URL('../../../shared/golden/helm-0.5.16/imdb', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'imdb-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(args: Record<string, unknown>, cacheDir: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of imdbSource.instances(args, cacheDir)) out.push(instance);
  return out;
}

const asHelm = (instances: readonly RawInstance[]): string => JSON.stringify(instances.map(instanceJson));

describe('imdbSource', () => {
  it("reads what HELM reads: pinned order, pos before neg, train before test, contrast reviews moved to valid", async () => {
    // Also: an unlisted file is never read, \r\n is read as \n, reviews are stripped, dev's contrast example
    // replaces test's for the same review, and "<br />" stays.
    expect(asHelm(await read({}, fixtures))).toBe(JSON.stringify(helm.all)); // key order too
  });

  it('keeps train whole and only valid reviews with a contrast example under only_contrast (Python truthiness)', async () => {
    expect(asHelm(await read({ only_contrast: true }, fixtures))).toBe(JSON.stringify(helm.only_contrast));
    expect(await read({ only_contrast: 'False' }, fixtures)).toHaveLength(8); // the text "False" is truthy
    expect(await read({ only_contrast: 0 }, fixtures)).toHaveLength(11);
  });

  it("gives the instances of the public golden case's scenario_state (ids assigned in scenario order)", async () => {
    const instances = (await read({ only_contrast: false }, join(golden, 'input', 'scenarios', 'imdb'))).map(
      (raw, position): Instance => ({ ...raw, id: `id${position}` }),
    );
    const state = JSON.parse(readFileSync(join(golden, 'helm', 'scenario_state.json'), 'utf8')) as { request_states: { instance: { id: string } }[] };
    const byId = new Map(instances.map((instance) => [instance.id, instance]));
    const evaluated = state.request_states.map((rs) => rs.instance);
    expect(evaluated).toHaveLength(20);
    expect(JSON.stringify(evaluated.map((i) => instanceJson(byId.get(i.id)!)))).toBe(JSON.stringify(evaluated));
  });

  it("writes HELM's scenario.json", () => {
    expect(imdbSource.metadata).toEqual({
      name: 'imdb',
      description: 'Sentiment analysis dataset.',
      tags: ['sentiment_classification'],
      definition_path: 'https://github.com/stanford-crfm/helm/blob/main/src/helm/benchmark/scenarios/imdb_scenario.py',
    });
  });

  it('pairs contrast lines after the header, up to the shorter file', async () => {
    const dir = join(work, 'zip');
    cpSync(join(fixtures, 'data'), dir, { recursive: true });
    writeFileSync(join(dir, 'test_contrast.tsv'), 'Sentiment\tText\nNegative\tAn absolute bore.\n');
    expect([...(await readContrastMap(dir, 'test'))]).toEqual([['An absolute joy from start to finish!', { input: 'An absolute bore.', answer: 'Negative' }]]);
  });

  it('refuses a contrast line without exactly one tab, an unknown label and a review listed twice, naming the line', async () => {
    const dir = join(work, 'bad-contrast');
    cpSync(join(fixtures, 'data'), dir, { recursive: true });
    writeFileSync(join(dir, 'dev_original.tsv'), 'Sentiment\tText\nNegative\ta\tb\n');
    await expect(readContrastMap(dir, 'dev')).rejects.toThrow(`${join(dir, 'dev_original.tsv')}:2: expected "<Positive|Negative>\\t<review>", got 3`);
    writeFileSync(join(dir, 'dev_original.tsv'), 'Sentiment\tText\nneutral\ta\n');
    await expect(readContrastMap(dir, 'dev')).rejects.toThrow('unknown label "neutral" (expected Positive or Negative)');
    writeFileSync(join(dir, 'dev_original.tsv'), 'Sentiment\tText\nNegative\ta\nPositive\ta \n');
    await expect(readContrastMap(dir, 'dev')).rejects.toThrow(`${join(dir, 'dev_original.tsv')}:3: this review has a contrast example already.`);
  });

  it('names a listed review that is missing, and a pinned order without a split', async () => {
    const dir = join(work, 'missing');
    cpSync(fixtures, dir, { recursive: true });
    rmSync(join(dir, 'data', 'test', 'neg', '6_2.txt'));
    await expect(read({}, dir)).rejects.toThrow(`${join(dir, 'data', 'test', 'neg', '6_2.txt')}: listed in imdb_scenario_pinned_file_order.json but not readable`);
    writeFileSync(join(dir, 'data', 'imdb_scenario_pinned_file_order.json'), '{"train": {"pos": [], "neg": []}}');
    await expect(read({}, dir)).rejects.toThrow('expected a list of file names at ["valid"]["pos"].');
  });

  it('names every missing file with its URL and where to place it when offline', async () => {
    const dir = join(work, 'offline');
    cpSync(fixtures, dir, { recursive: true });
    rmSync(join(dir, 'data', 'dev_contrast.tsv'));
    rmSync(join(dir, 'data', 'imdb_scenario_pinned_file_order.json'));
    const options = { download: { retries: 0, lookup: offlineLookup, log: () => undefined }, log: () => undefined };
    const error = await imdbSource.instances({}, dir, options)[Symbol.asyncIterator]().next().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain('Could not download 2 of the 5 dataset files needed');
    expect(error?.message).toContain(`https://raw.githubusercontent.com/allenai/contrast-sets/main/IMDb/data/dev_contrast.tsv`);
    expect(error?.message).toContain(`place it at ${join(dir, 'data', 'imdb_scenario_pinned_file_order.json')}`);
    const none = join(work, 'nothing');
    const archive = await imdbSource.instances({}, none, options)[Symbol.asyncIterator]().next().catch((e: unknown) => e as Error);
    expect((archive as Error).message).toContain(
      `Could not download https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz: getaddrinfo ENOTFOUND ai.stanford.edu`,
    );
    expect((archive as Error).message).toContain(`unpack it (its single top-level folder becomes 'data'), and place it at ${join(none, 'data')}`);
  });
});
