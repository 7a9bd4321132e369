/**
 * @module HELM's ICEScenario (`scenarios/ice_scenario.py`): texts of the International Corpus of English, one per
 * corpus file (East Africa's files hold many), without their markup, for language modeling. ICE may not be
 * redistributed: as in HELM, the user extracts each subset's archive under `restricted/ice/` in the directory the
 * run starts in, and nothing but HELM's pinned file order is downloaded. Instances are read one file at a time.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors.ts';
import type { RawInstance } from '../../core/instance.ts';
import { comparePyStrings, pyTruthy } from '../../core/python-text.ts';
import { ensureDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';
import { iceCategoryAccepts, ICE_CATEGORIES, type IceCategory } from './ice-category.ts';
import { ICE_METADATA, iceFilesOfGender, type IceGender } from './ice-gender.ts';
import { preprocessIceText } from './ice-preprocess.ts';
import { readPythonTextFile } from './ice-text-file.ts';

/** HELM `SUBSET_TO_DIRECTORY`, in `ICESubset` order: where each subset's archive extracts under `restricted/ice/`. */
export const ICE_SUBSET_DIRECTORIES: Readonly<Record<string, string>> = {
  can: 'ICE-CAN',
  ja: 'ICE-JA',
  hk: 'ICE-HK',
  ind: 'ICE India',
  sin: 'ICE SINGAPORE',
  phi: 'ICE Philippines',
  usa: 'ICE-USA',
  ea: 'ICE-EA/corpus/retagged for wsmith',
  irl: 'ICE-IRL/ICE-Ireland version 1.2#6DAE.2/ICE-Ireland txt',
};
const SUBSETS = Object.keys(ICE_SUBSET_DIRECTORIES);
const GENDERS: readonly IceGender[] = ['male', 'female'];

const PINNED_ORDER_URL = 'https://worksheets.codalab.org/rest/bundles/0xdee5cea197f645219093954ac7324add/contents/blob/';
const PINNED_ORDER_FILE = 'ice_scenario_pinned_file_order.json';

interface IceOptions {
  readonly subsets: readonly string[];
  readonly gender: IceGender | undefined;
  readonly category: IceCategory;
}

/** HELM's `restricted/ice/<directory>`, relative to the working directory, written as Python joins it. */
const dataPathOf = (subset: string): string => ['restricted', 'ice', ICE_SUBSET_DIRECTORIES[subset]].join('/');

/** The message for subsets whose extracted archive is not in place. */
export function iceMissingMessage(missing: readonly string[]): string {
  return (
    `ice reads the International Corpus of English from restricted/ice/ under the directory the run starts in ` +
    `(${resolve('restricted', 'ice')}), as HELM does, and ${missing.length === 1 ? 'this subset is' : 'these subsets are'} not there:\n` +
    missing.map((subset) => `  - ${subset}: ${resolve(dataPathOf(subset))}\n`).join('') +
    `ICE may not be redistributed, so it is never downloaded: obtain each subset from https://www.ice-corpora.uzh.ch/en.html, ` +
    `extract its archive into restricted/ice/ so that it makes the folder named above, with the texts in its Corpus ` +
    `(or CORPUS, corpus) folder and, for gender=…, the metadata in its Headers folder, and run again.`
  );
}

/** HELM's pinned file order (corpus path → file names), downloaded once into the cache. */
async function pinnedFileOrder(cacheDir: string, context: SourceContext | undefined): Promise<ReadonlyMap<string, readonly string[]>> {
  const path = join(cacheDir, PINNED_ORDER_FILE);
  await ensureDownloaded({ url: PINNED_ORDER_URL, targetPath: path }, downloadOptionsOf(context));
  const json = JSON.parse(await readFile(path, 'utf8')) as unknown;
  const isOrder = (v: unknown): v is string[] => Array.isArray(v) && v.every((name) => typeof name === 'string');
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !Object.values(json).every(isOrder)) {
    throw new UserError(`${path}: expected HELM's pinned ICE file order, a JSON object from corpus paths to lists of file names.`);
  }
  return new Map(Object.entries(json as Record<string, string[]>));
}

/** HELM `listdir_with_pinned_file_order`: the pinned order when it names the folder, else its sorted listing. */
async function corpusFiles(corpusPath: string, pinned: ReadonlyMap<string, readonly string[]>): Promise<readonly string[]> {
  const order = pinned.get(corpusPath);
  if (order !== undefined && order.length > 0) return order;
  try {
    return (await readdir(corpusPath)).sort(comparePyStrings);
  } catch (error) {
    throw new UserError(`ice: the corpus folder ${resolve(corpusPath)} cannot be listed (${(error as Error).message}); the subset's texts go there.`, { cause: error });
  }
}

/** HELM's choice of the folder of texts inside a subset's folder. */
async function corpusNameOf(subset: string, dataPath: string): Promise<string> {
  const contents = await readdir(dataPath);
  if (contents.includes('Corpus')) return 'Corpus';
  if (contents.includes('CORPUS')) return 'CORPUS';
  if (subset === 'irl') return 'ICE combined running txt';
  if (subset === 'ea') return 'all east africa';
  return 'corpus';
}

async function* readIce(options: IceOptions, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  // HELM stops at the first missing subset; we name every one before reading any.
  const missing = options.subsets.filter((subset) => !existsSync(dataPathOf(subset)));
  if (missing.length > 0) throw new UserError(iceMissingMessage(missing));
  const pinned = await pinnedFileOrder(cacheDir, context);
  for (const subset of options.subsets) {
    const dataPath = dataPathOf(subset);
    const corpusPath = `${dataPath}/${await corpusNameOf(subset, dataPath)}`;
    const listing = await corpusFiles(corpusPath, pinned);
    const files = options.gender === undefined ? listing : await iceFilesOfGender(subset, `${dataPath}/Headers`, listing, options.gender);
    for (const file of files) {
      if (!iceCategoryAccepts(options.category, subset, file)) continue;
      const path = `${corpusPath}/${file}`;
      const text = await readPythonTextFile(path).catch((error: unknown) => {
        throw new UserError(`ice: cannot read ${resolve(path)} (${(error as Error).message}).`, { cause: error });
      });
      // East Africa's files hold many texts, each after a line with its code (e.g. "S1A001K").
      const texts = subset === 'ea' ? text.split(/[WS]\p{Nd}[A-F]\p{Nd}{3}[A-Z]*[KT]\n/u).filter((t) => t.length > 0) : [text];
      for (const t of texts) yield { input: { text: preprocessIceText(t) }, references: [], split: 'test' };
    }
  }
}

/** HELM's constructor: the subsets to read, the gender filter and the category, checked in HELM's order. */
function iceOptions(args: Readonly<Record<string, unknown>>): IceOptions {
  const { subset, gender, category = 'all' } = args;
  const oneOf = (name: string, value: unknown, valid: readonly string[]): string => {
    if (typeof value === 'string' && valid.includes(value)) return value;
    throw new UserError(`ice: ${name}=${String(value)} is not valid (HELM's ValueError); use one of ${valid.join(', ')}.`);
  };
  let subsets = pyTruthy(subset) ? [oneOf('subset', subset, SUBSETS)] : SUBSETS;
  if (pyTruthy(gender)) {
    const withMetadata = Object.keys(ICE_METADATA);
    if (!pyTruthy(subset)) subsets = withMetadata;
    else if (!withMetadata.includes(subsets[0]!)) {
      throw new UserError(`ice: subset ${subsets[0]!} cannot be filtered through metadata; gender=… works with subset ${withMetadata.join(', ')} (or no subset: all of them).`);
    }
  }
  return {
    subsets,
    gender: pyTruthy(gender) ? (oneOf('gender', gender, GENDERS) as IceGender) : undefined,
    category: oneOf('category', category, ICE_CATEGORIES) as IceCategory,
  };
}

/**
 * ICE: `subset` (one of can, ja, hk, ind, sin, phi, usa, ea, irl; default all of them), `gender` (male or female:
 * only texts whose authors or speakers are all of it, for can, hk, ind, usa), `category` (all, S, W, S1, S2, W1,
 * W2: spoken or written, dialogue or monologue, private or public). Test instances with no references.
 * @example for await (const instance of iceSource.instances({ subset: 'ind', category: 'S1' }, 'benchmark_output/scenarios/ice')) …
 */
export const iceSource = defineScenario({
  className: 'helm.benchmark.scenarios.ice_scenario.ICEScenario',
  metadata: scenarioMetadata('ice_scenario', 'ice', 'International Corpus of English (ICE)', ['language_modeling', 'harms', 'fairness']),
  params: { required: [], optional: ['subset', 'gender', 'category'] },
  read(args, cacheDir, context) {
    const options = iceOptions(args);
    return () => readIce(options, cacheDir, context);
  },
});
