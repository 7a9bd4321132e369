/**
 * @module One run's part of the results store: Parquet files in `<runDir>/store/`, one folder of parts per big table
 * (`request_states/`, `per_instance_stats/`), `stats.parquet`, and `runs.parquet` — the run's row, written last, the
 * mark that the run is complete (the suite's views show nothing of a run without it).
 *
 * While the run goes on, each finished NDJSON segment is turned into Parquet parts under `<runDir>/staging/store/`
 * by the run's Parquet worker (parquet-worker.ts: one DuckDB instance on a thread of its own); `publish` moves them
 * into place. No database is shared, so any number of processes write runs of one suite at once, and nothing is
 * copied at the end of a run: its memory stays what it was while instances flowed.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { RunSpec } from '../../core/run-spec.ts';
import { sqlString } from '../duckdb/open-database.ts';
import { PER_INSTANCE_STATS_FROM_NDJSON, REQUEST_STATES_FROM_NDJSON, RUN_ROW, statsFromJson } from './store-schema.ts';

/** A run's store folder, and the files in it. */
export const runStoreDir = (runDir: string): string => join(runDir, 'store');
export const RUN_ROW_FILE = 'runs.parquet';

/** One segment of NDJSON lines: request states and the per-instance entries of the same units (a file, or files in order). */
export interface RunSegment<Files extends string | readonly string[] = string> {
  readonly requestStatesNdjson: Files;
  readonly perInstanceStatsNdjson: Files;
  /** Per-instance entries of the run before this segment (its first entry is at `offset` + 1). */
  readonly offset: number;
}

/** Counts the run kept while running. */
export interface RunRowCounts {
  readonly numRequestStates: number;
  readonly numFailedRequests: number;
}

// DuckDB works beside the run's own thread on a 2-core machine: one thread, and little memory.
export const CONVERTER_CONFIG = { threads: '1', memory_limit: '128MB', preserve_insertion_order: 'true' };
// Request states carry kilobytes of prompt each: Parquet's default row groups (122,880 rows) would be buffered whole.
const ROW_GROUP_SIZE = 16_384;

/** Parameters of a store query: `$name` → value (a list of file names for a `$file` read as one). */
export type SqlParams = Record<string, string | number | null | readonly string[]>;

/** The parameters as DuckDB values (a list as a LIST). */
export const duckdbParams = (params: SqlParams): Record<string, DuckDBValue> =>
  Object.fromEntries(Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? listValue([...value]) : (value as DuckDBValue)]));

/** The statement that writes `select`'s rows to the Parquet file `tmp`. */
export const parquetCopySql = (select: string, tmp: string): string =>
  `COPY (${select}) TO ${sqlString(tmp)} (FORMAT parquet, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`;

/** What writes the store's Parquet files: a converter here, or the run's Parquet worker (parquet-worker.ts). */
export interface ParquetWriter {
  /** `COPY (<select>) TO <path>` as Parquet, written under `<path>.tmp` and renamed when whole. */
  copy(select: string, params: SqlParams, path: string): Promise<void>;
}

/** A DuckDB instance in memory, on this thread's side, that writes Parquet files. */
export interface ParquetConverter extends ParquetWriter {
  /** The rows of a query. */
  query(sql: string): Promise<unknown[][]>;
  /** Closes the instance: synchronous, ~10–25 ms of the calling thread. */
  close(): void;
}

export async function openParquetConverter(): Promise<ParquetConverter> {
  const instance = await DuckDBInstance.create(':memory:', CONVERTER_CONFIG);
  const connection: DuckDBConnection = await instance.connect();
  return {
    async copy(select, params, path) {
      const tmp = `${path}.tmp`;
      await connection.run(parquetCopySql(select, tmp), duckdbParams(params));
      await rename(tmp, path);
    },
    async query(sql) {
      return (await connection.runAndReadAll(sql)).getRows();
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** The parameters of the `runs` row. */
export function runRowParams(runSpec: RunSpec, suite: string, counts: RunRowCounts): SqlParams {
  const adapter = runSpec.adapter_spec;
  return {
    run_name: runSpec.name,
    suite,
    scenario_class: runSpec.scenario_spec.class_name,
    model: adapter.model,
    model_deployment: adapter.model_deployment,
    method: adapter.method,
    max_eval_instances: adapter.max_eval_instances ?? null,
    num_train_trials: adapter.num_train_trials,
    groups: JSON.stringify(runSpec.groups),
    run_spec: JSON.stringify(runSpec),
    num_request_states: counts.numRequestStates,
    num_failed_requests: counts.numFailedRequests,
  };
}

const partName = (index: number): string => `part-${String(index).padStart(6, '0')}.parquet`;

/** Writes one segment's two Parquet parts into `storeDir`. */
export async function convertSegment(
  converter: ParquetWriter, storeDir: string, runName: string, segment: RunSegment<string | readonly string[]>, index: number,
): Promise<void> {
  await converter.copy(REQUEST_STATES_FROM_NDJSON, { file: segment.requestStatesNdjson, run_name: runName },
    join(storeDir, 'request_states', partName(index)));
  await converter.copy(PER_INSTANCE_STATS_FROM_NDJSON, { file: segment.perInstanceStatsNdjson, run_name: runName, offset: segment.offset },
    join(storeDir, 'per_instance_stats', partName(index)));
}

/** Creates the empty folders of a store being built. */
export async function makeStoreDirs(storeDir: string): Promise<void> {
  await rm(storeDir, { recursive: true, force: true });
  await mkdir(join(storeDir, 'request_states'), { recursive: true });
  await mkdir(join(storeDir, 'per_instance_stats'), { recursive: true });
}

/** Writes `stats.parquet` from a file of HELM stats. */
export const writeStatsParquet = (converter: ParquetWriter, storeDir: string, runName: string, statsFile: string, format: 'newline_delimited' | 'array') =>
  converter.copy(statsFromJson(format), { file: statsFile, run_name: runName }, join(storeDir, 'stats.parquet'));

/** Writes the run's row: the last file of a store, the mark that it is complete. */
export const writeRunRow = (converter: ParquetWriter, storeDir: string, params: SqlParams) =>
  converter.copy(RUN_ROW, params, join(storeDir, RUN_ROW_FILE));
