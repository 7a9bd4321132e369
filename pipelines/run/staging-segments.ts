/**
 * @module The NDJSON twins' lines copied into segment files of SEGMENT_REQUEST_STATES request states each; every
 * finished segment is handed to the run's staging database (sinks/duckdb/run-staging.ts), which loads it while the
 * run goes on.
 */
import { join } from 'node:path';
import { batchedFile, type BatchedFile } from '../../sinks/batched-file.ts';
import type { RunStaging } from '../../sinks/duckdb/run-staging.ts';

// About 4 MB of per-instance stats per segment for an MMLU run: big enough to load efficiently, small enough that
// the last one (loaded after the run) is quick and that a load's memory stays small (run-staging.ts).
const SEGMENT_REQUEST_STATES = 1024;

/** One segment being written. */
interface Segment {
  readonly states: BatchedFile;
  readonly perInstance: BatchedFile;
  /** Per-instance entries before this segment. */
  readonly offset: number;
  numStates: number;
  numEntries: number;
}

export interface StagingSegments {
  /** Adds one request state's NDJSON line. */
  pushState(line: string): Promise<void>;
  /** Adds one per-instance entry's NDJSON line. */
  pushEntry(line: string): Promise<void>;
  /** At a unit's end: hands the segment to the staging database once it is full. */
  endUnit(): Promise<void>;
  /** Hands the last segment over. */
  finish(): Promise<void>;
  /** Drops the segment being written. */
  abort(): Promise<void>;
}

/** Segments in `dir` for `staging`. */
export function stagingSegments(dir: string, staging: RunStaging): StagingSegments {
  let count = 0;
  const open = (offset: number): Segment => {
    const path = (name: string) => join(dir, `segment${count}.${name}.ndjson`);
    const segment: Segment = {
      states: batchedFile(path('scenario_state'), { durable: false }),
      perInstance: batchedFile(path('per_instance_stats'), { durable: false }),
      offset,
      numStates: 0,
      numEntries: 0,
    };
    count += 1;
    return segment;
  };
  let segment = open(0);
  const discard = (done: Segment) => Promise.all([done.states.destroy(), done.perInstance.destroy()]).then(() => undefined);
  const hand = async (done: Segment): Promise<void> => {
    if (done.numStates === 0 && done.numEntries === 0) return discard(done);
    await Promise.all([done.states.close(), done.perInstance.close()]);
    staging.load({ requestStatesNdjson: done.states.path, perInstanceStatsNdjson: done.perInstance.path, offset: done.offset });
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
    finish: () => hand(segment),
    abort: () => discard(segment),
  };
}
