import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { UserError } from '../../core/errors.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, helmInstances, readAll } from './__fixtures__/helm-instances.ts';
import { twitterAaeSource } from './twitter-aae.ts';

/**
 * `__fixtures__/twitter_aae/{aa,white}_tweets.csv`: tweets of our own in the CodaLab bundle's format (one quoted
 * tweet per row), with quotes, emoji, a newline inside a quoted tweet, extra columns, a lone \r and an empty
 * tweet; `helm-instances-{aa,white}.json` is what HELM 0.5.16's TwitterAAEScenario gave on them.
 */
const work = mkdtempSync(join(tmpdir(), 'twitter-aae-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('twitterAaeSource', () => {
  it("gives HELM's instances for each demographic: row[0] of every CSV row, test split, in file order", async () => {
    for (const demographic of ['aa', 'white']) {
      const helm = helmInstances('twitter_aae', `helm-instances-${demographic}.json`);
      const instances = await readAll(twitterAaeSource, { demographic }, fixtureDir('twitter_aae'));
      expect(instances.map(instanceJson)).toEqual(helm.instances);
    }
    const aa = await readAll(twitterAaeSource, { demographic: 'aa' }, fixtureDir('twitter_aae'));
    // A lone \r ends a row, as Python's universal newlines read it; only the first column is kept.
    expect(aa.map((i) => i.input.text)).toContain('two\nlines in one tweet');
    expect(aa.map((i) => i.input.text).slice(4, 8)).toEqual(['extra', '  spaced out  ', 'lone', 'carriage']);
  });

  it("writes HELM's scenario.json and defaults to aa, as HELM's constructor does", async () => {
    expect(twitterAaeSource.metadata).toEqual(helmInstances('twitter_aae', 'helm-instances-aa.json').scenario_json);
    expect(await readAll(twitterAaeSource, {}, fixtureDir('twitter_aae'))).toHaveLength(9);
  });

  it('refuses another demographic, naming the two', () => {
    expect(() => twitterAaeSource.instances({ demographic: 'AA' }, work)).toThrow(
      new UserError('twitter_aae: demographic=AA is not supported (HELM\'s "Unsupported demographic"); use aa or white.'),
    );
  });

  it('names the file and line of a blank row, where HELM fails on row[0]', async () => {
    const dir = join(work, 'blank');
    mkdirSync(dir);
    writeFileSync(join(dir, 'white_tweets.csv'), 'one\n\nthree\n');
    await expect(readAll(twitterAaeSource, { demographic: 'white' }, dir)).rejects.toThrow(
      `${join(dir, 'white_tweets.csv')}:2: a blank line, where a tweet was expected (HELM fails on row[0] here).`,
    );
  });

  it("offline, names the demographic's CSV with its URL and where to place it", async () => {
    const dir = join(work, 'offline');
    const error = await readAll(twitterAaeSource, { demographic: 'white' }, dir, { log: () => {}, download: { lookup: offlineLookup } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(
      'https://worksheets.codalab.org/rest/bundles/0x31485f8c37ad481fb9f4e9bf7ccff6e5/contents/blob/white_tweets.csv',
    );
    expect((error as Error).message).toContain(`place it at ${join(dir, 'white_tweets.csv')}.`);
  });
});
