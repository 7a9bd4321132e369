/**
 * @module The run's store written while it runs: the NDJSON lines of request states and per-instance entries are
 * copied into segment files of SEGMENT_REQUEST_STATES request states; each finished segment becomes two Parquet parts
 * (run-store.ts) on DuckDB's thread while the run's thread goes on. `publish` puts the store in place at the end.
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { faultPoint } from '../../core/fault-point.ts';
import { batchedFile, type BatchedFile } from '../batched-file.ts';
import {
  convertSegment,
  makeStoreDirs,
  openParquetConverter,
  runStoreDir,
  writeRunRow,
  writeStatsParquet,
  type RunSegment,
} from './run-store.ts';
import { writeInstanceIndex } from './instance-index.ts';

// About 1 MB of per-instance stats per segment for an MMLU run: small enough that a conversion's memory stays small
// and the last one (converted after the run) is quick. Measured at 10k MMLU instances, peak anonymous memory: 189 MB
// without conversions, 231 MB with segments of 1,024 request states, 254–307 MB with 4,096.
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
  publish(runRow: Record<string, string | number | null>): Promise<void>;
  /** Drops everything staged. */
  abort(): Promise<void>;
}

interface Segment {
  readonly states: BatchedFile;
  readonly perInstance: BatchedFile;
  readonly offset: number;
  numStates: number;
  numEntries: number;
}

/** Opens the store writer of the run in `runDir`, replacing what a crashed attempt staged. */
export async function openRunStoreWriter(runDir: string, runName: string): Promise<RunStoreWriter> {
  const stagingDir = join(runDir, 'staging');
  const stagedStore = join(stagingDir, 'store');
  await rm(stagingDir, { recursive: true, force: true });
  await makeStoreDirs(stagedStore);
  let count = 0;
  const open = (offset: number): Segment => {
    const path = (name: string) => join(stagingDir, `segment${count}.${name}.ndjson`);
    count += 1;
    return {
      states: batchedFile(path('scenario_state'), { durable: false }),
      perInstance: batchedFile(path('per_instance_stats'), { durable: false }),
      offset,
      numStates: 0,
      numEntries: 0,
    };
  };
  let segment = open(0);
  let numConverted = 0;
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown;
  let isAborted = false;

  const removeFiles = (done: RunSegment) =>
    Promise.all([rm(done.requestStatesNdjson, { force: true }), rm(done.perInstanceStatsNdjson, { force: true })]);
  // A converter per segment: what a DuckDB instance allocated goes back to the system only when it closes.
  const convert = (done: RunSegment) => {
    const index = ++numConverted;
    queue = queue.then(async () => {
      if (failure !== undefined || isAborted) return;
      const converter = await openParquetConverter();
      try {
        await convertSegment(converter, stagedStore, runName, done, index);
        await removeFiles(done);
      } catch (error) {
        failure = error;
      } finally {
        converter.close();
      }
    });
  };
  const hand = async (done: Segment): Promise<void> => {
    await Promise.all([done.states.close(), done.perInstance.close()]);
    if (done.numStates === 0 && done.numEntries === 0) {
      await Promise.all([rm(done.states.path, { force: true }), rm(done.perInstance.path, { force: true })]);
      return;
    }
    convert({ requestStatesNdjson: done.states.path, perInstanceStatsNdjson: done.perInstance.path, offset: done.offset });
  };
  const settle = async () => {
    await queue;
    if (failure !== undefined) throw failure;
  };

  return {
    pushState(line) {
      segment.numStates += 1;
      return segment.states.push(line);
    },
    pushEntry(line) {
      segment.numEntries += 1;
      return segment.perInstance.push(line);
    },
    async endUnit() {
      if (segment.numStates < SEGMENT_REQUEST_STATES) return;
      const done = segment;
      segment = open(done.offset + done.numEntries);
      await hand(done);
    },
    async finish(statsNdjson) {
      await hand(segment);
      await settle();
      const converter = await openParquetConverter();
      try {
        await writeStatsParquet(converter, stagedStore, runName, statsNdjson, 'newline_delimited');
        await writeInstanceIndex(converter, stagedStore);
      } finally {
        converter.close();
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
      await Promise.all([segment.states.destroy(), segment.perInstance.destroy()]);
      await rm(stagingDir, { recursive: true, force: true });
    },
  };
}
