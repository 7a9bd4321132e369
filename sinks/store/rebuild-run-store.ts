/**
 * @module A complete run's store made again from its NDJSON twins, without the run: for a run whose files are
 * complete but whose store is not (a crash between its run_spec.json and its `runs` row, or a suite from before the
 * Parquet store). The twins are converted whole, each into one part, by DuckDB in bounded memory.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSpec } from '../../core/run-spec.ts';
import { sqlString } from '../duckdb/open-database.ts';
import {
  convertSegment,
  makeStoreDirs,
  openParquetConverter,
  runRowParams,
  runStoreDir,
  writeRunRow,
  writeStatsParquet,
} from './run-store.ts';
import { writeInstanceIndex } from './instance-index.ts';

/** The NDJSON twins a run writes beside HELM's JSON files. */
export const runNdjsonFiles = (runDir: string) => ({
  requestStatesNdjson: join(runDir, 'scenario_state.ndjson'),
  perInstanceStatsNdjson: join(runDir, 'per_instance_stats.ndjson'),
  statsNdjson: join(runDir, 'stats.ndjson'),
});

/** Whether the run has the NDJSON twins to rebuild its store from. */
export const canRebuildRunStore = (runDir: string): boolean => Object.values(runNdjsonFiles(runDir)).every((path) => existsSync(path));

/** Rebuilds `<runDir>/store` from the NDJSON twins; the `runs` row is written last. */
export async function rebuildRunStore(runDir: string, runSpec: RunSpec, suite: string): Promise<void> {
  const files = runNdjsonFiles(runDir);
  const storeDir = runStoreDir(runDir);
  await makeStoreDirs(storeDir);
  const converter = await openParquetConverter();
  try {
    await convertSegment(converter, storeDir, runSpec.name, { ...files, offset: 0 }, 1);
    await writeStatsParquet(converter, storeDir, runSpec.name, files.statsNdjson, 'newline_delimited');
    await writeInstanceIndex(converter, storeDir);
    const counts = await converter.query(
      `SELECT count(*)::BIGINT AS n, (count(*) FILTER (WHERE success = false))::BIGINT AS failed FROM read_parquet(${sqlString(join(storeDir, 'request_states', '*.parquet'))})`,
    );
    await writeRunRow(converter, storeDir, runRowParams(runSpec, suite, { numRequestStates: Number(counts[0]![0]), numFailedRequests: Number(counts[0]![1]) }));
  } catch (error) {
    await rm(storeDir, { recursive: true, force: true });
    throw error;
  } finally {
    converter.close();
  }
}
