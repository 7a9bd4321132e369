/**
 * @module HELM's EntityDataImputationScenario (`scenarios/entity_data_imputation_scenario.py`): fill in a missing
 * cell of a table row. Buy (Abt-Buy's `Buy.csv`, impute `manufacturer`) or Restaurant (Fodors-Zagats' `fz.arff`,
 * impute `city`), read as pandas reads them, split with pandas' `sample(frac=…, random_state=seed)`.
 */
import { join } from 'node:path';
import { closeMatches, UserError } from '../../core/errors.ts';
import { reference, type RawInstance, type Split } from '../../core/instance.ts';
import { pandasCellText, pandasRowDtype, type PandasCell, type PandasTable } from '../../core/pandas-csv.ts';
import { pyRound } from '../../core/python-round.ts';
import { pyStrip } from '../../core/python-text.ts';
import { NumpyRandomState } from '../../core/rng/numpy-random-state.ts';
import { ensureDownloaded } from '../download.ts';
import { defineScenario, downloadOptionsOf, scenarioMetadata, type SourceContext } from '../scenario-source.ts';
import { readFzArff } from './fz-arff.ts';
import { columnIndex, readPandasCsv } from './pandas-csv-file.ts';

const BASE_URL = 'https://storage.googleapis.com/crfm-helm-public/source_datasets/scenarios/entity_data_imputation';
/** HELM's two datasets: where each comes from, how it unpacks, and the column to impute. */
const DATASETS = {
  Buy: { url: `${BASE_URL}/Abt-Buy.zip`, unpack: 'zip', imputed: 'manufacturer' },
  Restaurant: { url: `${BASE_URL}/restaurant.tar.gz`, unpack: 'tar', imputed: 'city' },
} as const;
type Dataset = keyof typeof DATASETS;

/** `table` without the column `name` (HELM `del table[name]`; a missing one is pandas' KeyError). */
function withoutColumn(table: PandasTable, name: string, where: string): PandasTable {
  const index = columnIndex(table, name, where);
  const keep = (_: unknown, i: number) => i !== index;
  return { columns: table.columns.filter(keep), dtypes: table.dtypes.filter(keep), rows: table.rows.map((row) => row.filter(keep)) };
}

/** HELM `read_tables`: Buy without its id and without rows lacking a description; Restaurant as `readFzArff` gives it. */
async function readTable(dataset: Dataset, dataPath: string): Promise<PandasTable> {
  if (dataset === 'Restaurant') return readFzArff(join(dataPath, 'fz.arff'));
  const path = join(dataPath, 'Buy.csv');
  const table = withoutColumn(await readPandasCsv(path), 'id', path);
  const description = columnIndex(table, 'description', path);
  return { ...table, rows: table.rows.filter((row) => row[description] !== null) };
}

/**
 * HELM `get_splits`: test = `table.sample(frac=0.1, random_state=seed)`; of the rest (in table order), valid =
 * `sample(frac=0.2, random_state=seed)` with a fresh generator; train = what remains, in table order. pandas'
 * sample takes `round(frac * n)` rows (Python's round: ties to even) as `RandomState(seed).choice(n, k,
 * replace=False)`, in the order drawn.
 */
export function imputationSplits<T>(rows: readonly T[], seed: number): { train: T[]; valid: T[]; test: T[] } {
  const sample = (from: readonly T[], fraction: number): Set<number> =>
    new Set(new NumpyRandomState(seed).choice(from.length, pyRound(fraction * from.length)));
  const testPositions = sample(rows, 0.1);
  const remaining = rows.filter((_, i) => !testPositions.has(i));
  const validPositions = sample(remaining, 0.2);
  return {
    train: remaining.filter((_, i) => !validPositions.has(i)),
    valid: [...validPositions].map((i) => remaining[i]!),
    test: [...testPositions].map((i) => rows[i]!),
  };
}

async function* readImputation(dataset: Dataset, seed: number, cacheDir: string, context: SourceContext | undefined): AsyncGenerator<RawInstance> {
  const { url, unpack, imputed } = DATASETS[dataset];
  const dataPath = join(cacheDir, 'data', dataset);
  await ensureDownloaded({ url, targetPath: dataPath, unpack }, downloadOptionsOf(context));
  const table = await readTable(dataset, dataPath);
  const imputedIndex = columnIndex(table, imputed, dataPath);
  const rowDtype = pandasRowDtype(table.dtypes); // iterrows: one Series per row, of the frame's common dtype
  const text = (row: readonly PandasCell[], i: number): string => pandasCellText(row[i]!, table.dtypes[i]!, rowDtype);
  const shown = table.columns.flatMap((name, index) => (index === imputedIndex ? [] : [{ name, index }]));
  const splits = imputationSplits(table.rows, seed);
  for (const split of ['train', 'valid', 'test'] as const satisfies readonly Split[]) {
    for (const row of splits[split]) {
      // HELM `serialize_row`: "<column>: <value>" stripped, joined by ". ", then the column asked for.
      const serialized = shown.map(({ name, index }) => pyStrip(`${name}: ${text(row, index)}`)).join('. ');
      yield { input: { text: `${serialized}. ${imputed}?` }, references: [reference(text(row, imputedIndex), true)], split };
    }
  }
}

function checkedDataset(dataset: unknown): Dataset {
  if (typeof dataset === 'string' && Object.hasOwn(DATASETS, dataset)) return dataset as Dataset;
  const close = typeof dataset === 'string' ? closeMatches(dataset, Object.keys(DATASETS)) : [];
  throw new UserError(
    `entity_data_imputation: unknown dataset ${JSON.stringify(dataset)}.${close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : ''} Datasets: Buy, Restaurant.`,
  );
}

/** NumPy's `RandomState(seed)` accepts an int in [0, 2^32). */
function checkedSeed(seed: unknown): number {
  if (typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32) return seed;
  throw new UserError(`entity_data_imputation: seed must be an integer between 0 and 2**32 - 1, got ${JSON.stringify(seed)}.`);
}

/**
 * Data imputation: one instance per table row ("<column>: <value>. … <column>?" → the value), train, valid and test
 * as HELM's seeded pandas samples make them (`seed`, default 1234). The table is held in memory, as HELM's
 * DataFrame is.
 * @example for await (const instance of entityDataImputationSource.instances({ dataset: 'Buy' }, 'benchmark_output/scenarios/entity_data_imputation')) …
 */
export const entityDataImputationSource = defineScenario({
  className: 'helm.benchmark.scenarios.entity_data_imputation_scenario.EntityDataImputationScenario',
  metadata: scenarioMetadata(
    'entity_data_imputation_scenario',
    'entity_data_imputation',
    'Missing cell value generation task from a structured row.',
    ['entity_data_imputation', 'structured_reasoning'],
  ),
  params: { required: ['dataset'], optional: ['seed'] },
  read(args, cacheDir, context) {
    const dataset = checkedDataset(args['dataset']);
    const seed = checkedSeed(args['seed'] ?? 1234);
    return () => readImputation(dataset, seed, cacheDir, context);
  },
});
