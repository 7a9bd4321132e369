/**
 * @module HELM's EntityMatchingScenario (`scenarios/entity_matching_scenario.py`): do two rows of two tables
 * name the same thing? The deepmatcher benchmark's `<dataset>_exp_data.zip` (tableA.csv, tableB.csv and the
 * pre-blocked pairs train/valid/test.csv `ltable_id,rtable_id,label`), read as pandas reads them; HELM's train
 * negatives are downsampled to the positives' count with NumPy's global generator at the state HELM pins per
 * dataset (CodaLab's `entity_matching_scenario_fixed_random_state.json`, else `np.random.seed(0)`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { closeMatches, UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { pandasCellText, pandasRowDtype, type PandasCell, type PandasTable } from '../../core/pandas-csv.ts';
import { pandasInnerMergeOrder } from '../../core/pandas-merge.ts';
import { pyStrip, pyTruthy } from '../../core/python-text.ts';
import { NumpyRandomState } from '../../core/rng/numpy-random-state.ts';
import { ensureAllDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';
import { downsampleTrainPairs } from './entity-matching-train.ts';
import { columnIndex, readPandasCsv } from './pandas-csv-file.ts';

/** HELM `em_datasets_paths`: dataset → its folder on the deepmatcher server. */
const DATASET_PATHS: Readonly<Record<string, string>> = {
  Beer: 'Structured/Beer',
  iTunes_Amazon: 'Structured/iTunes-Amazon',
  Fodors_Zagats: 'Structured/Fodors-Zagats',
  DBLP_ACM: 'Structured/DBLP-ACM',
  DBLP_GoogleScholar: 'Structured/DBLP-GoogleScholar',
  Amazon_Google: 'Structured/Amazon-Google',
  Walmart_Amazon: 'Structured/Walmart-Amazon',
  Abt_Buy: 'Textual/Abt-Buy',
  Company: 'Textual/Company',
  Dirty_iTunes_Amazon: 'Dirty/iTunes-Amazon',
  Dirty_DBLP_ACM: 'Dirty/DBLP-ACM',
  Dirty_DBLP_GoogleScholar: 'Dirty/DBLP-GoogleScholar',
  Dirty_Walmart_Amazon: 'Dirty/Walmart-Amazon',
};
const DATA_URL = 'http://pages.cs.wisc.edu/~anhai/data1/deepmatcher_data';
/** The saved NumPy states of HELM's official runs (the URL is the bundle, which is the file itself). */
const RANDOM_STATES = {
  url: 'https://worksheets.codalab.org/rest/bundles/0x4d0a972e99c848d2ab3ecf129bb77d29/contents/blob/',
  file: 'entity_matching_scenario_fixed_random_state.json',
} as const;
const SPLITS: readonly Split[] = ['train', 'valid', 'test'];

/** A labelled pair after HELM's two merges: the rows of the pairs file, table A and table B. */
export interface MatchedPair {
  readonly pair: readonly PandasCell[];
  readonly a: readonly PandasCell[];
  readonly b: readonly PandasCell[];
}

/**
 * NumPy's global generator as HELM leaves it for `dataset`: `set_state` of the file's saved state, or `seed(0)`
 * when the file has none for it.
 */
export function fixedRandomState(statesJson: string, dataset: string, where: string): NumpyRandomState {
  let states: unknown;
  try {
    states = JSON.parse(statesJson);
  } catch (cause) {
    throw new UserError(`${where}: not valid JSON (${(cause as Error).message}); delete it to download it again.`, { cause });
  }
  const saved = typeof states === 'object' && states !== null && Object.hasOwn(states, dataset) ? (states as Record<string, unknown>)[dataset] : undefined;
  if (saved === undefined) return new NumpyRandomState(0);
  if (!Array.isArray(saved) || !Array.isArray(saved[1]) || !Number.isInteger(saved[2])) {
    throw new UserError(`${where}: the state of ${dataset} must be ["MT19937", [624 words], position, has_gauss, cached_gaussian].`);
  }
  try {
    return NumpyRandomState.fromState(saved[1] as number[], saved[2] as number);
  } catch (cause) {
    throw new UserError(`${where}: the state of ${dataset} is not an MT19937 state (${(cause as Error).message}).`, { cause });
  }
}

/** HELM `read_blocked_pairs` before downsampling: `merge(merge(pairs, A, ltable_id=id), B, rtable_id=id)`. */
export function mergePairs(pairs: PandasTable, a: PandasTable, b: PandasTable, where: string): MatchedPair[] {
  const leftKey = columnIndex(pairs, 'ltable_id', where);
  const rightKey = columnIndex(pairs, 'rtable_id', where);
  const aId = columnIndex(a, 'id', `${where} (tableA)`);
  const bId = columnIndex(b, 'id', `${where} (tableB)`);
  const withA = pandasInnerMergeOrder(pairs.rows.map((row) => row[leftKey]!), a.rows.map((row) => row[aId]!)).map(
    ([p, r]) => [pairs.rows[p]!, a.rows[r]!] as const,
  );
  return pandasInnerMergeOrder(withA.map(([pair]) => pair[rightKey]!), b.rows.map((row) => row[bId]!)).map(([m, r]) => ({
    pair: withA[m]![0],
    a: withA[m]![1],
    b: b.rows[r]!,
  }));
}

/**
 * HELM `serialize_row` over one table's columns but `id`: `"<column>: <value>"`, each stripped, joined by ". ".
 * A column is only there under `<column>_A`/`_B` when both tables have it (pandas suffixes shared names only).
 */
function serializer(own: PandasTable, other: PandasTable, suffix: 'A' | 'B', rowDtype: ReturnType<typeof pandasRowDtype>, where: string) {
  const columns = own.columns.flatMap((name, index) => (name === 'id' ? [] : [{ name, index }]));
  for (const { name } of columns) {
    if (!other.columns.includes(name)) {
      throw new UserError(`${where}: table${suffix} has a column '${name}' that the other table lacks; HELM reads it as '${name}_${suffix}', which pandas only names so when both tables have it.`);
    }
  }
  return (row: readonly PandasCell[]): string =>
    columns.map(({ name, index }) => pyStrip(`${name}: ${pandasCellText(row[index]!, own.dtypes[index]!, rowDtype)}`)).join('. ');
}

async function* readEntityMatching(dataset: string, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const statesPath = join(cacheDir, RANDOM_STATES.file);
  const dataPath = join(cacheDir, 'data', dataset);
  const zipUrl = `${DATA_URL}/${DATASET_PATHS[dataset]}/${dataset.toLowerCase()}_exp_data.zip`;
  await ensureAllDownloaded(
    [
      { url: RANDOM_STATES.url, targetPath: statesPath },
      { url: zipUrl, targetPath: dataPath, unpack: 'zip' },
    ],
    downloadOptionsOf(context),
  );
  const rng = fixedRandomState(await readFile(statesPath, 'utf8'), dataset, statesPath);
  const a = await readPandasCsv(join(dataPath, 'tableA.csv'));
  const b = await readPandasCsv(join(dataPath, 'tableB.csv'));
  // Each split is merged (train downsampled) before any is turned into instances, as HELM builds its dict first;
  // the generator is drawn from only for train.
  const splits: { split: Split; path: string; pairs: PandasTable; merged: MatchedPair[] }[] = [];
  for (const split of SPLITS) {
    const path = join(dataPath, `${split}.csv`);
    const pairs = await readPandasCsv(path);
    const clash = pairs.columns.find((name) => a.columns.includes(name) || b.columns.includes(name));
    if (clash !== undefined) throw new UserError(`${path}: the column '${clash}' is also a table column, which HELM's merge renames.`);
    const label = columnIndex(pairs, 'label', path);
    const merged = mergePairs(pairs, a, b, path);
    splits.push({ split, path, pairs, merged: split === 'train' ? downsampleTrainPairs(merged, (m) => m.pair[label]!, rng, path) : merged });
  }
  for (const { split, path, pairs, merged } of splits) {
    // iterrows: one Series per merged row, whose dtype spans every column of the merged frame
    const rowDtype = pandasRowDtype([...pairs.dtypes, ...a.dtypes, ...b.dtypes]);
    const serializeA = serializer(a, b, 'A', rowDtype, path);
    const serializeB = serializer(b, a, 'B', rowDtype, path);
    const label = columnIndex(pairs, 'label', path);
    for (const matched of merged) {
      const input = `Product A is ${serializeA(matched.a)}. Product B is ${serializeB(matched.b)}. Are A and B the same?`;
      const value = matched.pair[label]!;
      const answer = value === null || pyTruthy(value) ? 'Yes' : 'No'; // HELM: "Yes" if pair["label"] else "No"; NaN is truthy
      yield { input: { text: input }, references: [reference(answer, true)], split };
    }
  }
}

/** The dataset name checked against HELM's table (HELM asserts it). */
function checkedDataset(dataset: unknown): string {
  if (typeof dataset === 'string' && Object.hasOwn(DATASET_PATHS, dataset)) return dataset;
  const names = Object.keys(DATASET_PATHS);
  const close = typeof dataset === 'string' ? closeMatches(dataset, names) : [];
  throw new UserError(
    `entity_matching: unknown dataset ${JSON.stringify(dataset)}.${close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ''} Datasets: ${names.join(', ')}.`,
  );
}

/**
 * Entity matching: one instance per labelled pair ("Product A is … Product B is … Are A and B the same?" →
 * Yes/No), train (balanced by downsampling the negatives), valid, test. The tables are held in memory, as HELM's
 * DataFrames are.
 * @example for await (const instance of entityMatchingSource.instances({ dataset: 'Beer' }, 'benchmark_output/scenarios/entity_matching')) …
 */
export const entityMatchingSource = defineScenario({
  className: 'helm.benchmark.scenarios.entity_matching_scenario.EntityMatchingScenario',
  metadata: scenarioMetadata(
    'entity_matching_scenario',
    'entity_matching',
    'T/F generation task for determining if two structured rows refer to the same entity.',
    ['entity_matching', 'structured_reasoning'],
  ),
  params: { required: ['dataset'], optional: [] },
  read(args, cacheDir, context) {
    const dataset = checkedDataset(args['dataset']);
    return () => readEntityMatching(dataset, cacheDir, context);
  },
});
