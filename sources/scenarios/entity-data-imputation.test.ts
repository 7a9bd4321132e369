import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceJson } from '../../core/helm-records.ts';
import type { RawInstance } from '../../core/instance.ts';
import { offlineLookup } from '../__fixtures__/offline-lookup.ts';
import { entityDataImputationSource, imputationSplits } from './entity-data-imputation.ts';

/** Synthetic products and restaurants of our own, as `data/Buy/Buy.csv` and `data/Restaurant/fz.arff`. */
const fixtures = fileURLToPath(new URL('__fixtures__/entity_data_imputation', import.meta.url));
/** What HELM 0.5.16's EntityDataImputationScenario gives on that folder (`__fixtures__/make-helm-instances.py`, pandas 1.5.3). */
const helm = (dataset: string) =>
  JSON.parse(readFileSync(join(fixtures, `helm-instances-${dataset}.json`), 'utf8')) as { scenario_json: unknown; instances: unknown[] };
const work = mkdtempSync(join(tmpdir(), 'entity-data-imputation-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const offline = { log: () => undefined, download: { lookup: offlineLookup, retries: 0 } };

async function read(args: Record<string, unknown>, cacheDir: string): Promise<RawInstance[]> {
  const out: RawInstance[] = [];
  for await (const instance of entityDataImputationSource.instances(args, cacheDir, offline)) out.push(instance);
  return out;
}

describe('entityDataImputationSource', () => {
  it("gives HELM's Buy instances: rows without a description dropped, 'nan' for a missing manufacturer", async () => {
    const instances = await read({ dataset: 'Buy' }, fixtures);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm('Buy').instances)); // key order too
    // 25 rows: test round(2.5) = 2 (ties to even), valid round(0.2 * 23) = 5, train 18
    expect(['train', 'valid', 'test'].map((s) => instances.filter((i) => i.split === s).length)).toEqual([18, 5, 2]);
    expect(instances.find((i) => i.input.text.includes('NG-5'))!.input.text).toBe(
      'name: Norden Coffee Grinder NG-5. description: Conical burr grinder, 18 settings. price: nan. manufacturer?',
    );
    expect(instances.filter((i) => i.references[0]!.output.text === 'nan').length).toBe(3); // empty and "NA" manufacturers
  });

  it("gives HELM's Restaurant instances from the arff: quotes removed, cells stripped, a row with an empty cell dropped", async () => {
    const instances = await read({ dataset: 'Restaurant' }, fixtures);
    expect(JSON.stringify(instances.map(instanceJson))).toBe(JSON.stringify(helm('Restaurant').instances));
    expect(instances.find((i) => i.input.text.startsWith("name: joe's"))!.input.text).toBe(
      "name: joe's best deli. addr: 450 market st.. phone: 415/555-0111. type: delis. city?",
    );
  });

  it("writes HELM's scenario.json", () => {
    expect(entityDataImputationSource.metadata).toEqual(helm('Buy').scenario_json);
  });

  it('splits with pandas sample: a fresh RandomState(seed) for test and for valid, drawn order kept', () => {
    // pandas 1.5.3: DataFrame({"i": range(12)}).sample(frac=0.1, random_state=7) etc., as HELM's get_splits
    const { train, valid, test } = imputationSplits([...Array(12).keys()], 7);
    expect({ train, valid, test }).toEqual({ train: [0, 1, 2, 3, 4, 6, 8, 10, 11], valid: [9, 5], test: [7] });
  });

  it('rejects an unknown dataset or seed at once, and an arff column that reads as numbers', async () => {
    expect(() => entityDataImputationSource.instances({ dataset: 'buy' }, fixtures)).toThrow(/unknown dataset "buy"\. Did you mean: Buy/);
    expect(() => entityDataImputationSource.instances({ dataset: 'Buy', seed: -1 }, fixtures)).toThrow(/seed must be an integer/);
    const dir = join(work, 'numeric');
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'data', 'Restaurant', 'fz.arff'), '@attribute name string\n@attribute class string\n@data\n3,0\n4,1\n');
    await expect(read({ dataset: 'Restaurant' }, dir)).rejects.toThrow(/the column 'name' reads as int64, not text/);
  });

  it('names the archive and its URL when offline', async () => {
    await expect(read({ dataset: 'Restaurant' }, join(work, 'empty'))).rejects.toThrow(/entity_data_imputation\/restaurant\.tar\.gz/);
  });
});
