import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { UserError } from '../../core/errors.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { wikitext103Source } from './wikitext-103.ts';

/**
 * `__fixtures__/wikitext_103/data/wiki.test.raw`: 60 short articles of our own in WikiText's raw format (titles
 * ` = T = ` between lines holding one space, sections ` = = S = = `), with a title-like line outside that frame,
 * a section-like line that still matches HELM's title pattern, empty lines that are not " ", \r\n line ends and
 * a last line without a line break; `helm-instances.json` is what HELM 0.5.16's Wikitext103Scenario gave on it.
 */
const work = mkdtempSync(join(tmpdir(), 'wikitext-103-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const helm = helmInstances('wikitext_103');

describe('wikitext103Source', () => {
  it("gives HELM's 60 articles, each with its lines and their line breaks", async () => {
    const instances = await readAll(wikitext103Source, {}, fixtureDir('wikitext_103'));
    expect(instances.map(instanceJson)).toEqual(helm.instances);
    expect(instances).toHaveLength(60);
    // " = = Looks = = like a title = " ends in " = ", not " = = ": HELM starts an article there.
    expect(instances[6]!.input.text).toBe(' \n = = Looks = = like a title = \n \n Its text . \n');
    expect(instances[59]!.input.text.endsWith('café . \n ')).toBe(true);
  });

  it("writes HELM's scenario.json", () => {
    expect(wikitext103Source.metadata).toEqual(helm.scenario_json);
  });

  it('refuses a test file that does not hold 60 articles before giving any (HELM asserts the count)', async () => {
    const dir = join(work, 'short');
    cpSync(fixtureDir('wikitext_103'), dir, { recursive: true });
    const path = join(dir, 'data', 'wiki.test.raw');
    writeFileSync(path, ' \n = Only one = \n \n text \n');
    const given: unknown[] = [];
    const error = await (async () => {
      for await (const instance of wikitext103Source.instances({}, dir)) given.push(instance);
    })().catch((e: unknown) => e);
    expect(given).toEqual([]);
    expect(error).toEqual(
      new UserError(
        `${path} holds 1 articles, but WikiText-103's test set has 60 (HELM asserts this); place the wiki.test.raw of ` +
          'https://s3.amazonaws.com/research.metamind.io/wikitext/wikitext-103-raw-v1.zip there.',
      ),
    );
  });

  it('offline, names the zip and the folder it unpacks to', async () => {
    const dir = join(work, 'offline');
    const error = await readAll(wikitext103Source, {}, dir, { log: () => {}, download: { lookup: offlineLookup } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain('https://s3.amazonaws.com/research.metamind.io/wikitext/wikitext-103-raw-v1.zip');
    expect((error as Error).message).toContain(join(dir, 'data'));
  });
});
