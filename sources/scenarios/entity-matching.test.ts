import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { entityMatchingSource } from './entity-matching.ts';

/** Synthetic beers of our own in deepmatcher's exp_data layout, plus a fixed-random-state file with two saved NumPy states. */
const fixtures = fileURLToPath(new URL('__fixtures__/entity_matching', import.meta.url));
/** What HELM 0.5.16's EntityMatchingScenario gives on that folder (`__fixtures__/make-helm-instances.py`, pandas 1.5.3). */
const helm = (file: string) => JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as { scenario_json: unknown; instances: unknown[] };
const work = mkdtempSync(join(tmpdir(), 'entity-matching-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const offline = { log: () => undefined, download: { lookup: offlineLookup, retries: 0 } };

async function read(args: Record<string, unknown>, cacheDir: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of entityMatchingSource.instances(args, cacheDir, offline)) out.push(instance);
  return out;
}

/** The fixture with its Beer folder under another dataset's name. */
function asDataset(name: string): string {
  const dir = join(work, name);
  cpSync(fixtures, dir, { recursive: true });
  renameSync(join(dir, 'data', 'Beer'), join(dir, 'data', name));
  return dir;
}

describe('entityMatchingSource', () => {
  it("gives HELM's instances: train balanced with the saved NumPy state, then valid and test in pandas 1.5's merge order", async () => {
    const instances = await read({ dataset: 'Beer' }, fixtures);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm('helm-instances.json').instances)); // key order too
    const summary = instances.map((i) => `${i.split}:${i.references[0]!.output.text}`).join(' ');
    expect(summary).toBe(
      'train:No train:No train:No train:No train:Yes train:Yes train:Yes train:Yes valid:Yes valid:No valid:No valid:Yes ' +
        'test:Yes test:No test:No test:Yes test:No test:No test:No test:No test:Yes test:No test:Yes test:No',
    );
  });

  it('prints cells as pandas does: ints of a column with a gap as floats (8.0, 12.0), missing as nan', async () => {
    const [first] = await read({ dataset: 'Beer' }, fixtures);
    expect(first!.input.text).toBe(
      'Product A is Beer_Name: Citrus Drift. Brew_Factory_Name: Gull Point Brewing. Style: Fruit / Vegetable Beer. ABV: nan. IBU: 8.0. ' +
        'Product B is Beer_Name: Harbor Light Lager. Brew_Factory_Name: Gull Point Brewing Company. Style: Light Lager. ABV: 4.8 %. IBU: 12.0. ' +
        'Are A and B the same?',
    );
  });

  it('falls back to np.random.seed(0) for a dataset the state file lacks', async () => {
    const instances = await read({ dataset: 'Fodors_Zagats' }, asDataset('Fodors_Zagats'));
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm('helm-instances-seed0.json').instances));
  });

  it("writes HELM's scenario.json", () => {
    expect(entityMatchingSource.metadata).toEqual(helm('helm-instances.json').scenario_json);
  });

  it('rejects an unknown dataset at once, and a train file without fewer positives than negatives', async () => {
    expect(() => entityMatchingSource.instances({ dataset: 'beer' }, fixtures)).toThrow(/unknown dataset "beer"\. Did you mean: Beer/);
    const dir = asDataset('Company');
    writeFileSync(join(dir, 'data', 'Company', 'train.csv'), 'ltable_id,rtable_id,label\n0,10,1\n1,11,0\n');
    await expect(read({ dataset: 'Company' }, dir)).rejects.toThrow(/needs fewer positives than negatives \(it has 1 and 1\)/);
  });

  it('names the state file and the zip with their URLs when offline', async () => {
    await expect(read({ dataset: 'Abt_Buy' }, join(work, 'empty'))).rejects.toThrow(
      /0x4d0a972e99c848d2ab3ecf129bb77d29[\s\S]*deepmatcher_data\/Textual\/Abt-Buy\/abt_buy_exp_data\.zip/,
    );
  });
});
