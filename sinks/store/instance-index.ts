/**
 * @module A run's instance index, `<run>/store/instance_index.parquet`: the request states' small columns in one file,
 * one row per request state in store order, with the part file that holds the state. `seq` numbers the run's
 * instances (an instance, its perturbed copies and its trials share one), so a page of instances is a range of
 * `seq`, which Parquet's row-group statistics find at once, and filters by split or perturbation read one small
 * file instead of a thousand parts. Written at the end of a run beside stats.parquet (a projection: it streams, in
 * DuckDB's bounded memory); for a store from before it, the viewer reads the same columns from the parts.
 */
import { join } from 'node:path';
import type { ParquetWriter } from './run-store.ts';

export const INSTANCE_INDEX_FILE = 'instance_index.parquet';

/**
 * The index rows from the request-state parts named by the parameter `$files` (a glob or a list). A part's number
 * comes from its file name (`part-000007.parquet` → 7).
 */
export const INSTANCE_INDEX_SELECT = `
SELECT seq, instance_id, split, sub_split, perturbation_name, perturbation, train_trial_index,
       regexp_extract(filename, 'part-([0-9]+)\\.parquet$', 1)::INTEGER AS part
FROM read_parquet($files, filename = true)`;

/** Writes `<storeDir>/instance_index.parquet` from the store's request-state parts. */
export const writeInstanceIndex = (converter: ParquetWriter, storeDir: string): Promise<void> =>
  converter.copy(INSTANCE_INDEX_SELECT, { files: join(storeDir, 'request_states', '*.parquet') }, join(storeDir, INSTANCE_INDEX_FILE));
