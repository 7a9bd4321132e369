/**
 * @module Where one run's store keeps what the viewer reads: its instance index (or, for a store written before the
 * index existed, the same rows read from the parts), and the part files of request states and per-instance stats,
 * which share their numbers (a part holds whole instances, with their stats in the part of the same number).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listValue } from '@duckdb/node-api';
import { INSTANCE_INDEX_FILE, INSTANCE_INDEX_SELECT } from '../../sinks/store/instance-index.ts';
import { runStoreDir } from '../../sinks/store/run-store.ts';
import type { Params } from './viewer-db.ts';

export interface RunParts {
  readonly storeDir: string;
  /** A FROM item of the index rows, with the parameters it needs (named `index_*`, so they mix with others). */
  readonly index: { readonly from: string; readonly params: Params };
  /** The request-state part files, as a bound list, for the given part numbers. */
  requestStates(parts: readonly number[]): Params[string];
  perInstanceStats(parts: readonly number[]): Params[string];
  /** Every request-state part (a glob), for scans such as a text search. */
  readonly allRequestStates: string;
  readonly allPerInstanceStats: string;
}

const partName = (part: number): string => `part-${String(part).padStart(6, '0')}.parquet`;

export function runParts(runDir: string): RunParts {
  const storeDir = runStoreDir(runDir);
  const indexFile = join(storeDir, INSTANCE_INDEX_FILE);
  const allRequestStates = join(storeDir, 'request_states', '*.parquet');
  const index = existsSync(indexFile)
    ? { from: 'read_parquet($index_file)', params: { index_file: indexFile } }
    : { from: `(${INSTANCE_INDEX_SELECT.replaceAll('$files', '$index_parts')})`, params: { index_parts: allRequestStates } };
  const files = (folder: string) => (parts: readonly number[]) => listValue(parts.map((part) => join(storeDir, folder, partName(part))));
  return {
    storeDir,
    index,
    requestStates: files('request_states'),
    perInstanceStats: files('per_instance_stats'),
    allRequestStates,
    allPerInstanceStats: join(storeDir, 'per_instance_stats', '*.parquet'),
  };
}
