/**
 * @module The run's store written while it runs: the NDJSON lines of request states and per-instance entries are
 * copied into staging segments of SEGMENT_REQUEST_STATES request states (staged-segment.ts); each finished segment
 * becomes two Parquet parts (run-store.ts) on the run's Parquet worker (parquet-worker.ts: a thread of its own with
 * one DuckDB instance for the run) while the run's thread goes on. `publish` puts the store in place at the end.
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { faultPoint } from '../../core/fault-point.ts';
import {
  convertSegment,
  makeStoreDirs,
  openParquetConverter,
  runStoreDir,
  writeRunRow,
  writeStatsParquet,
  type RunSegment,
  type SqlParams,
} from './run-store.ts';
import { writeInstanceIndex } from './instance-index.ts';
import { openParquetWorker } from './parquet-worker.ts';
import { stagedSegment, type StagedSegment } from './staged-segment.ts';

// A Parquet part of 1,024 request states (about 4 MB of per-instance stats for an MMLU run): few enough parts for
// the suite's SQL, and the last segment (converted after the run) is quick. The conversion's memory follows the
// lines per staging file, not per segment (staged-segment.ts).
const SEGMENT_REQUEST_STATES = 1024;

export interface RunStoreWriter {
  /** Adds one request state's NDJSON line. */
  pushState(line: string): Promise<void>;
  /** Adds one per-instance entry's NDJSON line. */
  pushEntry(line: string): Promise<void>;
  /** At a unit's end: hands the segment over once it is full. */
  endUnit(): Promise<void>;
  /** Converts the last segment and the stats (an NDJSON file of HELM stats); rejects with the first failed conversion. */
  finish(statsNdjson: string): Promise<void>;
  /** Replaces `<runDir>/store` with the new store and writes its `runs` row last. */
  publish(runRow: SqlParams): Promise<void>;
  /** Drops everything staged. */
  abort(): Promise<void>;
}

/** Opens the store writer of the run in `runDir`, replacing what a crashed attempt staged. */
export async function openRunStoreWriter(runDir: string, runName: string): Promise<RunStoreWriter> {
  const stagingDir = join(runDir, 'staging');
  const stagedStore = join(stagingDir, 'store');
  await rm(stagingDir, { recursive: true, force: true });
  await makeStoreDirs(stagedStore);
  let numSegments = 0;
  const open = (offset: number): StagedSegment => stagedSegment(stagingDir, numSegments++, offset);
  let segment = open(0);
  const worker = openParquetWorker();
  let numConverted = 0;
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown;
  let isAborted = false;

  const removeFiles = (done: RunSegment<readonly string[]>) =>
    Promise.all([...done.requestStatesNdjson, ...done.perInstanceStatsNdjson].map((path) => rm(path, { force: true })));
  const convert = (done: RunSegment<readonly string[]>) => {
    const index = ++numConverted;
    queue = queue.then(async () => {
      if (failure !== undefined || isAborted) return;
      try {
        await convertSegment(worker, stagedStore, runName, done, index);
        await removeFiles(done);
      } catch (error) {
        failure = error;
      }
    });
  };
  const hand = async (done: StagedSegment): Promise<void> => {
    const files = await done.close();
    if (files !== undefined) convert(files);
  };
  const settle = async () => {
    await queue;
    if (failure !== undefined) throw failure;
  };

  return {
    pushState: (line) => segment.pushState(line),
    pushEntry: (line) => segment.pushEntry(line),
    async endUnit() {
      if (segment.numStates < SEGMENT_REQUEST_STATES) {
        segment.endUnit();
        return;
      }
      const done = segment;
      segment = open(done.offset + done.numEntries);
      await hand(done);
    },
    async finish(statsNdjson) {
      try {
        await hand(segment);
        await settle();
        await writeStatsParquet(worker, stagedStore, runName, statsNdjson, 'newline_delimited');
        await writeInstanceIndex(worker, stagedStore);
      } finally {
        await worker.close();
      }
    },
    async publish(runRow) {
      const storeDir = runStoreDir(runDir);
      await rm(storeDir, { recursive: true, force: true });
      await rename(stagedStore, storeDir);
      await faultPoint('store-moved');
      const converter = await openParquetConverter();
      try {
        await writeRunRow(converter, storeDir, runRow);
      } finally {
        converter.close();
      }
      await rm(stagingDir, { recursive: true, force: true });
    },
    async abort() {
      isAborted = true;
      await queue;
      await worker.close();
      await segment.destroy();
      await rm(stagingDir, { recursive: true, force: true });
    },
  };
}
