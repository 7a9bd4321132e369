import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.ts';
import type { Instance } from '../../core/instance.ts';
import type { PerturbationSpec } from '../../core/run-spec.ts';
import { offlineEnsureFiles } from '../../sources/__fixtures__/offline-lookup.ts';
import { createAugmenter, prepareAugmenter } from './augment.ts';
import { perturbationFiles, preparedFiles, preparePerturbationResources, pyPathJoin } from './perturbation-resources.ts';
import { PERTURBATION_SETS } from './perturbation-sets.ts';

const A = 'helm.benchmark.augmentations';
const DIALECT = `${A}.dialect_perturbation.DialectPerturbation`;
const GENDER = `${A}.gender_perturbation.GenderPerturbation`;
const FAIRNESS = PERTURBATION_SETS['fairness']!['fairness']!;
const GCS = 'https://storage.googleapis.com/crfm-helm-public/source_datasets/augmentations';
const fixture = (name: string) => new URL(`__fixtures__/fairness/${name}`, import.meta.url).pathname;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'perturbation-resources-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Places the fixture files where HELM keeps its downloads under `outputPath`. */
async function placeDefaults(outputPath: string): Promise<void> {
  const places = [
    ['SAE_to_AAVE_mapping.json', 'perturbations/dialect/SAE_to_AAVE_mapping.json'],
    ['person_names.txt', 'perturbations/person_name/data/person_names.txt'],
  ];
  for (const [name, path] of places) {
    await mkdir(dirname(join(outputPath, path!)), { recursive: true });
    await copyFile(fixture(name!), join(outputPath, path!));
  }
}

describe('perturbationFiles', () => {
  it("names HELM's downloads of the fairness set under <output>/perturbations/<name>/, joined as Python does", () => {
    expect(FAIRNESS.flatMap((spec) => perturbationFiles(spec, './out'))).toEqual([
      {
        path: './out/perturbations/dialect/SAE_to_AAVE_mapping.json',
        arg: 'default',
        download: { url: `${GCS}/dialect_perturbation/SAE_to_AAVE_mapping.json` },
      },
      {
        path: './out/perturbations/person_name/data/person_names.txt',
        arg: 'default',
        download: { url: `${GCS}/person_name_perturbation/person_names.txt` },
      },
    ]);
  });

  it('uses a file the spec names instead, and a gender mapping file only together with its genders', () => {
    const dialect = { class_name: DIALECT, args: { prob: 1, source_class: 'x', target_class: 'y', mapping_file_path: 'm.json' } };
    expect(perturbationFiles(dialect, 'out')).toEqual([{ path: 'm.json', arg: 'mapping_file_path' }]);
    const gender = (args: object): PerturbationSpec => ({ class_name: GENDER, args: { mode: 'terms', prob: 1, ...args } });
    expect(perturbationFiles(gender({ mapping_file_path: 'g.json' }), 'out')).toEqual([]);
    expect(perturbationFiles(gender({ mapping_file_path: 'g.json', mapping_file_genders: ['a'] }), 'out')).toEqual([
      { path: 'g.json', arg: 'mapping_file_path' },
    ]);
  });

  it('refuses a dialect pair HELM publishes no mapping for', () => {
    const spec = { class_name: DIALECT, args: { prob: 1, source_class: 'AAVE', target_class: 'SAE', mapping_file_path: null } };
    expect(() => perturbationFiles(spec, 'out')).toThrow(/SAE → AAVE only, not AAVE → SAE; give mapping_file_path/);
  });
});

describe('pyPathJoin', () => {
  it('joins as os.path.join', () => {
    expect(pyPathJoin('benchmark_output', 'perturbations', 'dialect')).toBe('benchmark_output/perturbations/dialect');
    expect(pyPathJoin('out/', 'a')).toBe('out/a');
    expect(pyPathJoin('', 'a')).toBe('a');
    expect(pyPathJoin('out', '/abs', 'b')).toBe('/abs/b');
  });
});

describe('preparePerturbationResources', () => {
  it('reads files already in place without downloading, and the augmenter then runs the fairness set', async () => {
    await placeDefaults(dir);
    const resources = await preparePerturbationResources(FAIRNESS, dir, offlineEnsureFiles);
    expect([...resources.files.keys()]).toEqual([
      `${dir}/perturbations/dialect/SAE_to_AAVE_mapping.json`,
      `${dir}/perturbations/person_name/data/person_names.txt`,
    ]);
    const augmenter = await prepareAugmenter(createSpec(FAIRNESS), dir, offlineEnsureFiles);
    const instance: Instance = { input: { text: 'So Adam said he will be with his brother today.' }, references: [], split: 'test', id: 'id4' };
    const out = augmenter.eval(instance);
    // HELM 0.5.16 with the same files in place: DataAugmenter(PERTURBATION_SPECS_DICT['fairness']['fairness']).generate.
    expect(out.map((i) => [i.perturbation?.name ?? 'original', i.input.text])).toEqual([
      ['original', 'So Adam said he will be with his brother today.'],
      ['dialect', 'So Adam said he gon be wid his homeboy today.'],
      ['gender', 'So Adam said she will be with her brother today.'],
      ['person_name', 'So Alonzo said he will be with his brother today.'],
    ]);
    expect(out[1]?.perturbation?.['mapping_file_path']).toBe(`${dir}/perturbations/dialect/SAE_to_AAVE_mapping.json`);
    expect(out[3]?.perturbation?.['name_file_path']).toBe(`${dir}/perturbations/person_name/data/person_names.txt`);
  });

  it("offline, names each URL and the exact path to place it at, and leaves nothing that looks downloaded", async () => {
    const error = await preparePerturbationResources(FAIRNESS, dir, offlineEnsureFiles).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toContain(`${GCS}/dialect_perturbation/SAE_to_AAVE_mapping.json`);
    expect(message).toContain(`place it at ${dir}/perturbations/dialect/SAE_to_AAVE_mapping.json`);
    expect(message).toContain(`${GCS}/person_name_perturbation/person_names.txt`);
    expect(message).toContain(`place it at ${dir}/perturbations/person_name/data/person_names.txt`);
    expect(message).toContain('no checksum is recorded');
    expect(await readdir(join(dir, 'perturbations/dialect'))).toEqual([]);
  });

  it('says which argument named a file that does not exist', async () => {
    const spec = { class_name: DIALECT, args: { prob: 1, source_class: 'SAE', target_class: 'AAVE', mapping_file_path: join(dir, 'nope.json') } };
    await expect(preparePerturbationResources([spec], dir, offlineEnsureFiles)).rejects.toThrow(/Cannot read .*nope\.json \(given as mapping_file_path\)/);
  });
});

describe('preparedFiles', () => {
  it('tells a caller that skipped preparation what to call, and needs nothing for perturbations without files', () => {
    expect(() => preparedFiles(DIALECT, FAIRNESS[0]!.args, undefined)).toThrow(/was not prepared: build the augmenter with prepareAugmenter/);
    expect(preparedFiles(GENDER, FAIRNESS[1]!.args, undefined)).toEqual([]);
    expect(() => createAugmenter(createSpec(FAIRNESS))).toThrow(/DialectPerturbation reads .* not prepared/);
  });
});

function createSpec(specs: readonly PerturbationSpec[]) {
  return {
    perturbation_specs: specs,
    should_augment_train_instances: false,
    should_include_original_train: true,
    should_skip_unchanged_train: true,
    should_augment_eval_instances: true,
    should_include_original_eval: true,
    should_skip_unchanged_eval: true,
    seeds_per_instance: 1,
  };
}
