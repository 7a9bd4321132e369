import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import { UserError } from '../../core/errors.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { fixtureDir, readAll } from './__fixtures__/helm-instances.ts';
import { iceSource } from './ice.ts';

/**
 * `__fixtures__/ice/`: made-up texts in ICE's markup and layout for all nine subsets under `restricted/ice/`
 * (Corpus, CORPUS and corpus folders; a Latin-1 file, \r\n line ends; East Africa's many-text files), India's and
 * the USA's `.hdr` metadata, Canada's and Hong Kong's `.xls` metadata (written by xlwt), and a pinned file order
 * of our own in the cache (`make.py`). `helm-instances.json` holds what HELM 0.5.16's ICEScenario gave for 12
 * argument sets, run in that folder with pandas reading the .xls through xlrd.
 */
const fixtures = fixtureDir('ice');
const helm = JSON.parse(readFileSync(join(fixtures, 'helm-instances.json'), 'utf8')) as {
  scenario_json: unknown;
  runs: { args: Record<string, string>; instances: unknown[] }[];
};
const startDir = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'ice-test-'));
afterEach(() => process.chdir(startDir));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cacheDir = join(fixtures, 'scenarios', 'ice');

describe('iceSource', () => {
  it.each(helm.runs.map((run) => [JSON.stringify(run.args), run] as const))("gives HELM's instances for %s", async (_name, run) => {
    process.chdir(fixtures);
    const instances = await readAll(iceSource, run.args, cacheDir);
    expect(instances.map(instanceJson)).toEqual(run.instances);
  });

  it("writes HELM's scenario.json", () => {
    expect(iceSource.metadata).toEqual(helm.scenario_json);
  });

  it('names every missing subset folder, where it goes, and where ICE comes from, before reading any', async () => {
    process.chdir(work);
    const error = await readAll(iceSource, { gender: 'male' }, cacheDir).catch((e: unknown) => e);
    expect(error).toEqual(
      new UserError(
        `ice reads the International Corpus of English from restricted/ice/ under the directory the run starts in (${join(work, 'restricted', 'ice')}), ` +
          'as HELM does, and these subsets are not there:\n' +
          ['can', 'hk', 'ind', 'usa'].map((s) => `  - ${s}: ${join(work, 'restricted', 'ice', { can: 'ICE-CAN', hk: 'ICE-HK', ind: 'ICE India', usa: 'ICE-USA' }[s]!)}\n`).join('') +
          'ICE may not be redistributed, so it is never downloaded: obtain each subset from https://www.ice-corpora.uzh.ch/en.html, ' +
          'extract its archive into restricted/ice/ so that it makes the folder named above, with the texts in its Corpus ' +
          '(or CORPUS, corpus) folder and, for gender=…, the metadata in its Headers folder, and run again.',
      ),
    );
  });

  it("offline, names HELM's pinned file order with its URL and where to place it", async () => {
    process.chdir(fixtures);
    const dir = join(work, 'offline-cache');
    const error = await readAll(iceSource, { subset: 'ja' }, dir, { log: () => {}, download: { lookup: offlineLookup } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain('https://worksheets.codalab.org/rest/bundles/0xdee5cea197f645219093954ac7324add/contents/blob/');
    expect((error as Error).message).toContain(`place it at ${join(dir, 'ice_scenario_pinned_file_order.json')}.`);
  });

  it('checks its arguments as HELM’s constructor does', () => {
    const check = (args: Record<string, unknown>): unknown => {
      try {
        iceSource.instances(args, cacheDir);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(check({ subset: 'gb' })).toBe('ice: subset=gb is not valid (HELM\'s ValueError); use one of can, ja, hk, ind, sin, phi, usa, ea, irl.');
    expect(check({ subset: 'ea', gender: 'nonsense' })).toBe(
      'ice: subset ea cannot be filtered through metadata; gender=… works with subset can, hk, ind, usa (or no subset: all of them).',
    );
    expect(check({ subset: 'ind', gender: 'M' })).toBe("ice: gender=M is not valid (HELM's ValueError); use one of male, female.");
    expect(check({ category: 'S3' })).toBe("ice: category=S3 is not valid (HELM's ValueError); use one of all, S, W, S1, S2, W1, W2.");
    expect(check({ subset: '', gender: '', category: 'W' })).toBe('accepted'); // empty subset and gender: all subsets, no filter
    expect(check({ language: 'en' })).toMatch(/language/);
  });

  it('names an East Africa file of no known genre when a category is asked, and a text code that is not text', async () => {
    const copy = join(work, 'copy');
    cpSync(fixtures, copy, { recursive: true });
    process.chdir(copy);
    writeFileSync(join(copy, 'restricted/ice/ICE-EA/corpus/retagged for wsmith/all east africa/poems-K.txt'), 'W2F001K\nx\n');
    await expect(readAll(iceSource, { subset: 'ea', category: 'W' }, cacheDir)).rejects.toThrow(
      'ice: the East Africa file "poems-K.txt" is of no genre HELM knows ("poems"; HELM\'s KeyError), so category=W cannot place it.',
    );
    expect((await readAll(iceSource, { subset: 'ea' }, cacheDir)).map((i) => i.input.text)).toContain('x');
    rmSync(join(copy, 'restricted/ice/ICE-USA/Headers'), { recursive: true });
    await expect(readAll(iceSource, { subset: 'usa', gender: 'male' }, cacheDir)).rejects.toThrow(
      `ice: gender=male reads the metadata of subset usa in restricted/ice/ICE-USA/Headers, and restricted/ice/ICE-USA/Headers is not there.`,
    );
    expect(resolve('.')).toBe(copy);
  });
});
