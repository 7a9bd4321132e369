/**
 * @module One segment of a run's staging NDJSON (run-store-writer.ts): the request states and per-instance entries of
 * its units, written in pairs of files of about FILE_REQUEST_STATES request states each, all of which become one pair
 * of Parquet parts.
 *
 * Why several files per segment: DuckDB's JSON reader parses a file's lines (up to 2,048) at once, so the memory of a
 * conversion follows the lines per file, not per segment. Measured converting 64 MMLU segments of 1,024 states on a
 * worker thread with one DuckDB instance (as parquet-worker.ts does): the process's anonymous memory grew by 98 MB
 * with one file per segment, 76 / 68 / 62 MB with 4 / 8 / 16 files (an instance per segment: ~60 MB); the CPU was
 * 69 / 67 / 67 / 64 µs per instance.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { batchedFile, type BatchedFile } from '../batched-file.ts';
import type { RunSegment } from './run-store.ts';

const FILE_REQUEST_STATES = 128;

export interface StagedSegment {
  /** Per-instance entries of the run before this segment. */
  readonly offset: number;
  readonly numStates: number;
  readonly numEntries: number;
  /** Adds one request state's NDJSON line. */
  pushState(line: string): Promise<void>;
  /** Adds one per-instance entry's NDJSON line. */
  pushEntry(line: string): Promise<void>;
  /** At a unit's end: goes on in a new pair of files once the current pair holds FILE_REQUEST_STATES states. */
  endUnit(): void;
  /** Closes the files: the segment to convert (its files in order), or undefined (files removed) if it holds nothing. */
  close(): Promise<RunSegment<readonly string[]> | undefined>;
  /** Drops the files. */
  destroy(): Promise<void>;
}

interface FilePair {
  readonly states: BatchedFile;
  readonly perInstance: BatchedFile;
  numStates: number;
  numEntries: number;
  closed?: Promise<unknown>;
}

const closePair = (pair: FilePair) => (pair.closed ??= Promise.all([pair.states.close(), pair.perInstance.close()]));

/** Starts segment `index` of the staging folder `dir`, its first entry being the run's entry `offset` + 1. */
export function stagedSegment(dir: string, index: number, offset: number): StagedSegment {
  const pairs: FilePair[] = [];
  const openPair = (): FilePair => {
    const path = (name: string) => join(dir, `segment${index}.${pairs.length}.${name}.ndjson`);
    const pair = {
      states: batchedFile(path('scenario_state'), { durable: false }),
      perInstance: batchedFile(path('per_instance_stats'), { durable: false }),
      numStates: 0,
      numEntries: 0,
    };
    pairs.push(pair);
    return pair;
  };
  let current = openPair();
  let numStates = 0;
  let numEntries = 0;
  const remove = (list: readonly FilePair[]) =>
    Promise.all(list.flatMap((pair) => [rm(pair.states.path, { force: true }), rm(pair.perInstance.path, { force: true })]));

  return {
    offset,
    get numStates() {
      return numStates;
    },
    get numEntries() {
      return numEntries;
    },
    pushState(line) {
      numStates += 1;
      current.numStates += 1;
      return current.states.push(line);
    },
    pushEntry(line) {
      numEntries += 1;
      current.numEntries += 1;
      return current.perInstance.push(line);
    },
    endUnit() {
      if (current.numStates < FILE_REQUEST_STATES) return;
      void closePair(current).catch(() => undefined); // its error, if any, comes back from close()
      current = openPair();
    },
    async close() {
      await Promise.all(pairs.map(closePair));
      const used = pairs.filter((pair) => pair.numStates > 0 || pair.numEntries > 0);
      await remove(pairs.filter((pair) => !used.includes(pair)));
      if (used.length === 0) return undefined;
      return {
        requestStatesNdjson: used.map((pair) => pair.states.path),
        perInstanceStatsNdjson: used.map((pair) => pair.perInstance.path),
        offset,
      };
    },
    async destroy() {
      await Promise.all(pairs.map((pair) => (pair.closed ?? Promise.all([pair.states.destroy(), pair.perInstance.destroy()])).catch(() => undefined)));
      await remove(pairs);
    },
  };
}
