/**
 * @module HELM's IMDBScenario (`scenarios/imdb_scenario.py`): movie-review sentiment (Maas et al., 2011), from the
 * aclImdb archive, read in HELM's pinned file order, with the IMDb contrast sets of allenai/contrast-sets (Gardner
 * et al., 2020) attached to the reviews they rewrite.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { reference, type Input, type Instance, type RawInstance, type Reference, type Split } from '../../core/instance.ts';
import { pyStrip, pyTruthy } from '../../core/python-text.ts';
import { ensureAllDownloaded, ensureDownloaded } from '../download.ts';
import { readLines } from '../line-reader.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';

const ARCHIVE_URL = 'https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz';
const CONTRAST_URL = 'https://raw.githubusercontent.com/allenai/contrast-sets/main/IMDb/data';
/** HELM `imdb_scenario_pinned_file_order.py`: the file order of the official runs (`os.listdir` order, recorded once). */
const PINNED_ORDER = {
  url: 'https://worksheets.codalab.org/rest/bundles/0xa75fa6eb8dc24e23a73d3a5ecb674b32/contents/blob/',
  file: 'imdb_scenario_pinned_file_order.json',
} as const;
/** HELM's order: contrast sets of `test` first, then `dev` (whose entries replace those of `test` for the same review). */
const CONTRAST_MODES = ['test', 'dev'] as const;
/** HELM's splits and their folders (the archive's `test/` is the valid split), in HELM's order. */
const SPLITS: readonly { readonly split: Split; readonly folder: string }[] = [
  { split: 'train', folder: 'train' },
  { split: 'valid', folder: 'test' },
];
/** HELM's `label_to_classname`, in its (insertion) order: positive reviews first. */
const CLASSES = [
  { folder: 'pos', label: 'Positive' },
  { folder: 'neg', label: 'Negative' },
] as const;
const LABELS = new Set(['Positive', 'Negative']);

/** One review's contrast example: the rewritten review and its (flipped) label. */
interface ContrastExample {
  readonly input: string;
  readonly answer: string;
}

async function allLines(path: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const { text } of readLines(path)) lines.push(text);
  return lines;
}

/** A contrast-set line `<label>\t<review>` (stripped whole, as HELM's `line.strip().split("\t")`). */
function contrastLine(line: string, where: string): { label: string; text: string } {
  const parts = pyStrip(line).split('\t');
  if (parts.length !== 2) throw new UserError(`${where}: expected "<Positive|Negative>\\t<review>", got ${parts.length} tab-separated fields.`);
  const [label, text] = parts as [string, string];
  if (!LABELS.has(label)) throw new UserError(`${where}: unknown label ${JSON.stringify(label)} (expected Positive or Negative).`);
  return { label, text };
}

/**
 * HELM `get_contrast_map` for one mode: original review → its contrast example. The two files are paired line by
 * line after their header (`zip`, so the shorter file decides); a review listed twice is a UserError (HELM asserts).
 */
export async function readContrastMap(dataDir: string, mode: string): Promise<Map<string, ContrastExample>> {
  const originalPath = join(dataDir, `${mode}_original.tsv`);
  const contrastPath = join(dataDir, `${mode}_contrast.tsv`);
  const [original, contrast] = [(await allLines(originalPath)).slice(1), (await allLines(contrastPath)).slice(1)];
  const map = new Map<string, ContrastExample>();
  for (let i = 0; i < Math.min(original.length, contrast.length); i++) {
    const orig = contrastLine(original[i]!, `${originalPath}:${i + 2}`);
    const flipped = contrastLine(contrast[i]!, `${contrastPath}:${i + 2}`);
    if (map.has(orig.text)) throw new UserError(`${originalPath}:${i + 2}: this review has a contrast example already.`);
    map.set(orig.text, { input: flipped.text, answer: flipped.label });
  }
  return map;
}

const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.every((item) => typeof item === 'string');

/** The pinned order file: `{split: {class: [file names]}}` for train/valid × pos/neg. */
async function readPinnedOrder(path: string): Promise<(split: Split, folder: string) => readonly string[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new UserError(`${path}: not valid JSON (${(cause as Error).message}); delete it to download it again.`, { cause });
  }
  return (split, folder) => {
    const files = (json as Record<string, Record<string, unknown> | undefined> | null)?.[split]?.[folder];
    if (!isStringList(files)) throw new UserError(`${path}: expected a list of file names at ["${split}"]["${folder}"].`);
    return files;
  };
}

/** A review file as Python's text mode reads it (universal newlines), stripped. */
async function readReview(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new UserError(`${path}: listed in ${PINNED_ORDER.file} but not readable (${(cause as Error).message}).`, { cause });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    throw new UserError(`${path} is not valid UTF-8 text.`, { cause });
  }
  return pyStrip(text.replace(/\r\n?/g, '\n'));
}

/** An IMDB instance, with its contrast example when it has one. */
type ImdbInstance = RawInstance & Partial<Pick<Instance, 'contrast_inputs' | 'contrast_references'>>;

async function* readImdb(cacheDir: string, onlyContrast: boolean, context: SourceContext | undefined): AsyncGenerator<ImdbInstance> {
  const dataDir = join(cacheDir, 'data');
  const options = downloadOptionsOf(context);
  // The archive first: it becomes `data/`, where the other files go (HELM's order of downloads too).
  await ensureDownloaded({ url: ARCHIVE_URL, targetPath: dataDir, unpack: 'tar' }, options);
  const pinnedPath = join(dataDir, PINNED_ORDER.file);
  await ensureAllDownloaded(
    [
      ...CONTRAST_MODES.flatMap((mode) =>
        ['original', 'contrast'].map((kind) => ({ url: `${CONTRAST_URL}/${mode}_${kind}.tsv`, targetPath: join(dataDir, `${mode}_${kind}.tsv`) })),
      ),
      { url: PINNED_ORDER.url, targetPath: pinnedPath },
    ],
    options,
  );
  const contrastMap = new Map<string, ContrastExample>();
  for (const mode of CONTRAST_MODES) for (const [text, example] of await readContrastMap(dataDir, mode)) contrastMap.set(text, example);
  const pinnedOrder = await readPinnedOrder(pinnedPath);

  for (const { split, folder } of SPLITS) {
    for (const { folder: classFolder, label } of CLASSES) {
      // Only the listed files, in the listed order (files on disk but not listed are never read).
      for (const file of pinnedOrder(split, classFolder)) {
        const text = await readReview(join(dataDir, folder, classFolder, file));
        const references: Reference[] = [reference(label, true)];
        const contrast = contrastMap.get(text);
        if (contrast === undefined) {
          if (!(onlyContrast && split === 'valid')) yield { input: { text }, references, split };
          continue;
        }
        // Reviews with a contrast example are evaluated, wherever they come from (some are in train/).
        const contrastInput: Input = { text: contrast.input };
        yield { input: { text }, references, split: 'valid', contrast_inputs: [contrastInput], contrast_references: [[reference(contrast.answer, true)]] };
      }
    }
  }
}

/**
 * IMDB: train (the archive's `train/`) and valid (its `test/`), one reference "Positive" or "Negative" each, reviews
 * in the order of HELM's pinned file list. A review with a contrast example (from `test_*` or `dev_*.tsv`) gets
 * `contrast_inputs`/`contrast_references` and is moved to valid; `only_contrast` (Python truthiness, so the text
 * "False" is true) drops the valid reviews without one.
 * @example for await (const instance of imdbSource.instances({ only_contrast: false }, 'benchmark_output/scenarios/imdb')) …
 */
export const imdbSource = defineScenario({
  className: 'helm.benchmark.scenarios.imdb_scenario.IMDBScenario',
  metadata: scenarioMetadata('imdb_scenario', 'imdb', 'Sentiment analysis dataset.', ['sentiment_classification']),
  params: { required: [], optional: ['only_contrast'] },
  read: (args, cacheDir, context) => () => readImdb(cacheDir, pyTruthy(args['only_contrast']), context),
});
