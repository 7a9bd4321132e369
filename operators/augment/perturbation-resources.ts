/**
 * @module The files HELM's perturbations read (a downloaded SAE→AAVE mapping, a downloaded person-name list, a
 * user's gender mapping), fetched and read once, before a run starts, so that building the augmenter stays
 * synchronous and pure. HELM downloads them in the perturbation's constructor into
 * `<output_path>/perturbations/<name>/` (its `OUTPUT_PATH`, taken from `--output-path`), unless the spec names a
 * file of its own; so do we, through `sources/download.ts` (atomic rename, retries, offline message).
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../../core/errors.ts';
import { pyTruthy } from '../../core/python-text.ts';
import type { EnsureFiles, RemoteFile } from '../../core/remote-file.ts';
import type { PerturbationSpec } from '../../core/run-spec.ts';
import type { PerturbationArgs } from './perturbations/text-perturbation.ts';
import { loadWordnetResources, type WordnetResources } from './perturbations/wordnet-resources.ts';

const A = 'helm.benchmark.augmentations';
const GCS = 'https://storage.googleapis.com/crfm-helm-public/source_datasets/augmentations';

/**
 * HELM's published files. No sha256 is recorded: HELM checks none, the files are not versioned, and they
 * could not be fetched where this was written, so there was nothing to take a checksum of.
 */
export const PERTURBATION_DOWNLOADS = {
  /** DialectPerturbation.MAPPING_DICT_URIS[("SAE", "AAVE")], saved as `<OUTPUT_PATH>/SAE_to_AAVE_mapping.json`. */
  SAE_to_AAVE: { url: `${GCS}/dialect_perturbation/SAE_to_AAVE_mapping.json`, under: ['perturbations', 'dialect', 'SAE_to_AAVE_mapping.json'] },
  /** PersonNamePerturbation.SOURCE_URI, saved as `<OUTPUT_PATH>/data/person_names.txt`. */
  person_names: { url: `${GCS}/person_name_perturbation/person_names.txt`, under: ['perturbations', 'person_name', 'data', 'person_names.txt'] },
} as const;

/** One file a perturbation reads: downloaded when `download` is set, otherwise a file the spec names. */
export interface ResourceFile {
  /** The path as HELM forms it (Python `os.path.join`, not normalised): HELM writes it into the description. */
  readonly path: string;
  /** The argument naming the file, or `default` for HELM's download. */
  readonly arg: string;
  readonly download?: { readonly url: string; readonly sha256?: string };
}

/** A file read for a perturbation: its path and its text. */
export interface PreparedFile {
  readonly path: string;
  readonly text: string;
}

/** What `preparePerturbationResources` read: the output path HELM's default files live under, and every file's text by path. */
export interface PerturbationResources {
  readonly outputPath: string;
  readonly files: ReadonlyMap<string, string>;
  /** WordNet and HELM's synonym table, loaded when a spec is a SynonymPerturbation. */
  readonly wordnet?: WordnetResources;
}

const SYNONYM = `${A}.synonym_perturbation.SynonymPerturbation`;

/** Python `os.path.join`: an absolute part restarts the path; no normalisation (`./out` stays `./out/…`). */
export function pyPathJoin(first: string, ...rest: string[]): string {
  return rest.reduce((path, part) => (part.startsWith('/') ? part : path === '' || path.endsWith('/') ? path + part : `${path}/${part}`), first);
}

const defaultFile = (outputPath: string, file: (typeof PERTURBATION_DOWNLOADS)[keyof typeof PERTURBATION_DOWNLOADS]): ResourceFile => ({
  path: pyPathJoin(outputPath, ...file.under),
  arg: 'default',
  download: { url: file.url },
});

/** A string arg (`.upper()` / `.lower()` in HELM need one). */
function text(className: string, args: PerturbationArgs, key: string): string {
  const value = args[key];
  if (typeof value === 'string') return value;
  throw new UserError(`Perturbation ${className}: '${key}' must be a string, got ${JSON.stringify(value)}.`);
}

/** A path arg that HELM tests for truth (`if mapping_file_path:`): a non-empty string, or nothing. */
function pathArg(className: string, args: PerturbationArgs, key: string): ResourceFile | undefined {
  const value = args[key];
  if (!pyTruthy(value)) return undefined;
  if (typeof value === 'string') return { path: value, arg: key };
  throw new UserError(`Perturbation ${className}: '${key}' must be a file path, got ${JSON.stringify(value)}.`);
}

/** Per HELM class_name: the files its constructor would read for these args, in the order it reads them. */
const RESOURCE_FILES: Readonly<Record<string, (args: PerturbationArgs, className: string, outputPath: string) => ResourceFile[]>> = {
  [`${A}.dialect_perturbation.DialectPerturbation`]: (args, c, outputPath) => {
    const given = pathArg(c, args, 'mapping_file_path');
    if (given !== undefined) return [given];
    const pair = `${text(c, args, 'source_class').toUpperCase()}_to_${text(c, args, 'target_class').toUpperCase()}`;
    if (pair !== 'SAE_to_AAVE') {
      throw new UserError(`Perturbation ${c}: HELM publishes a mapping for SAE → AAVE only, not ${pair.replace('_to_', ' → ')}; give mapping_file_path.`);
    }
    return [defaultFile(outputPath, PERTURBATION_DOWNLOADS.SAE_to_AAVE)];
  },
  [`${A}.person_name_perturbation.PersonNamePerturbation`]: (args, c, outputPath) => [
    pathArg(c, args, 'name_file_path') ?? defaultFile(outputPath, PERTURBATION_DOWNLOADS.person_names),
  ],
  // The file is read only when mapping_file_genders is given too; otherwise the built-in tables are used.
  [`${A}.gender_perturbation.GenderPerturbation`]: (args, c) => {
    const given = pathArg(c, args, 'mapping_file_path');
    return given !== undefined && pyTruthy(args['mapping_file_genders']) ? [given] : [];
  },
};

/** The files a PerturbationSpec needs (none for most perturbations). */
export function perturbationFiles(spec: PerturbationSpec, outputPath: string): ResourceFile[] {
  return RESOURCE_FILES[spec.class_name]?.(spec.args, spec.class_name, outputPath) ?? [];
}

/**
 * Downloads what the specs need and is missing (HELM's URLs and file names under
 * `<outputPath>/perturbations/<name>/`), then reads every file they need. Files already in place, downloaded
 * before or placed by hand, are used as they are. Offline, one UserError names each URL and the path to
 * place it at; a file named by a spec that does not exist is a UserError naming the argument.
 * @example const resources = await preparePerturbationResources(spec.perturbation_specs, 'benchmark_output');
 */
export async function preparePerturbationResources(
  specs: readonly PerturbationSpec[],
  outputPath: string,
  ensureFiles: EnsureFiles,
): Promise<PerturbationResources> {
  const needed = new Map<string, ResourceFile>();
  for (const spec of specs) for (const file of perturbationFiles(spec, outputPath)) if (!needed.has(file.path)) needed.set(file.path, file);
  const downloads: RemoteFile[] = [...needed.values()].flatMap((file) =>
    file.download === undefined ? [] : [{ url: file.download.url, targetPath: file.path, sha256: file.download.sha256 }],
  );
  if (downloads.length > 0) await ensureFiles(downloads);
  const files = new Map<string, string>();
  for (const file of needed.values()) {
    try {
      files.set(file.path, await readFile(file.path, 'utf8'));
    } catch (cause) {
      throw new UserError(`Cannot read ${file.path} (${file.arg === 'default' ? 'downloaded' : `given as ${file.arg}`}): ${(cause as Error).message}.`, { cause });
    }
  }
  const needsWordnet = specs.some((spec) => spec.class_name === SYNONYM);
  return needsWordnet ? { outputPath, files, wordnet: await loadWordnetResources(outputPath, ensureFiles) } : { outputPath, files };
}

/**
 * The prepared files a perturbation reads, for its factory. Throws UserError when they were not prepared
 * (the augmenter was built with `createAugmenter(spec)` instead of `prepareAugmenter(spec, outputPath)`).
 */
export function preparedFiles(className: string, args: PerturbationArgs, resources: PerturbationResources | undefined): PreparedFile[] {
  const short = className.split('.').at(-1);
  const files = RESOURCE_FILES[className]?.(args, className, resources?.outputPath ?? '') ?? [];
  if (files.length === 0) return [];
  return files.map((file) => {
    const text = resources?.files.get(file.path);
    if (text === undefined) {
      throw new UserError(
        `Perturbation ${short} reads ${file.path}, which was not prepared: build the augmenter with ` +
          'prepareAugmenter(spec, outputPath) (or pass preparePerturbationResources(...) to createAugmenter).',
      );
    }
    return { path: file.path, text };
  });
}
