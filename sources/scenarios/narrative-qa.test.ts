import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import type { SourceContext } from '../scenario-source.ts';
import { narrativeQaSource } from './narrative-qa.ts';

/**
 * deepmind/narrativeqa's layout and CSV columns with rows of our own (9 summaries, 18 questions: documents in all
 * three splits, first seen in an order unlike their ids, questions with and without "?" and padded with spaces,
 * quoted fields holding commas, quotes and a "\r\n", summaries.csv ending lines in "\r\n"); `helm-instances.json`
 * is what HELM 0.5.16's NarrativeQAScenario gave on them (`__fixtures__/make-helm-instances.py`).
 */
const fixtures = fileURLToPath(new URL('__fixtures__/narrativeqa', import.meta.url));
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as { scenario_json: unknown; instances: unknown[] };
const work = mkdtempSync(join(tmpdir(), 'narrative-qa-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(cacheDir: string, context?: SourceContext): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of narrativeQaSource.instances({}, cacheDir, context)) out.push(instance);
  return out;
}

describe('narrativeQaSource', () => {
  it("gives HELM's instances: one question per document, drawn with random.seed(0), split after split", async () => {
    const instances = await read(fixtures);
    expect(instances.map(instanceJson)).toEqual(helm.instances);
    expect(instances.map((i) => i.split)).toEqual(['train', 'train', 'train', 'valid', 'valid', 'test', 'test', 'test']);
    expect(instances.every((i) => i.input.kind === 'passage_question')).toBe(true);
  });

  it("writes HELM's scenario.json", () => {
    expect(narrativeQaSource.metadata).toEqual(helm.scenario_json);
  });

  it('names the repository archive and where it goes when offline', async () => {
    const dir = join(work, 'offline');
    const error = await read(dir, { log: () => undefined, download: { retries: 0, lookup: offlineLookup } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      'Could not download https://github.com/deepmind/narrativeqa/archive/master.zip: getaddrinfo ENOTFOUND github.com ' +
        '(the host name does not resolve: no internet access?). Without internet access, fetch that URL elsewhere (no ' +
        "checksum is recorded for it), unpack it (its single top-level folder becomes 'narrativeqa-master'), and place it " +
        `at ${join(dir, 'data', 'narrativeqa-master')}.`,
    );
  });

  it('fails on a question whose document has no summary in its split', async () => {
    const dir = join(work, 'orphan');
    cpSync(fixtures, dir, { recursive: true });
    const qaps = join(dir, 'data', 'narrativeqa-master', 'qaps.csv');
    writeFileSync(qaps, `${readFileSync(qaps, 'utf8')}d09,valid,Why?,Because,because,why ?,because,because\n`);
    const error = await read(dir).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`${qaps}:20: document d09 has no valid summary in ${join(dir, 'data', 'narrativeqa-master', 'third_party', 'wikipedia', 'summaries.csv')}.`);
  });
});
