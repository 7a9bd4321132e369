/**
 * @module A run's own DuckDB file, filled while the run goes on: each finished NDJSON segment of request states
 * and per-instance stats is loaded by DuckDB's threads while the run's thread produces the next one. At the end
 * the suite load copies the rows from it (columnar, fast) instead of parsing the whole run's JSON then. The file
 * belongs to one run of one process, so no other process ever waits for it.
 */
import { rm } from 'node:fs/promises';
import { createResultTables, insertRunRows, type RunRowsNdjson } from './load-run.ts';
import { openDatabase, type DatabaseSession } from './open-database.ts';

/** A finished segment; its files are deleted once loaded. */
export type RunSegment = RunRowsNdjson;

export interface RunStaging {
  readonly path: string;
  /** Queues the load of a segment. Segments load one at a time, in order, without blocking the caller. */
  load(segment: RunSegment): void;
  /** Waits for the queued loads and closes the database; rejects with the first failed load. */
  close(): Promise<void>;
  /** Closes the database after the current load and deletes it and the segments not loaded. */
  abort(): Promise<void>;
}

// DuckDB works beside the run's own thread on a 2-core machine: one thread, and little memory (it spills).
const STAGING_CONFIG = { threads: '1', memory_limit: '128MB' };
// Request states carry kilobytes of prompt each: small row groups keep a segment's load within the memory limit.
const ROW_GROUP_SIZE = 16_384;

const removeFiles = (segment: RunSegment) =>
  Promise.all([rm(segment.requestStatesNdjson, { force: true }), rm(segment.perInstanceStatsNdjson, { force: true })]);

/**
 * Creates the run's staging database at `path`, replacing what a crashed earlier attempt left there.
 * @example const staging = await openRunStaging(join(runDir, 'staging.duckdb'), spec.name); staging.load(segment); await staging.close();
 */
export async function openRunStaging(path: string, runName: string): Promise<RunStaging> {
  await removeDatabase(path);
  const open = () => openDatabase(path, { config: STAGING_CONFIG, rowGroupSize: ROW_GROUP_SIZE, lockTimeoutMs: 0 });
  let session: DatabaseSession = await open();
  await createResultTables(session.connection);
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown;
  let isAborted = false;
  const pending = new Set<RunSegment>();
  let isClosed = false;
  const closeSession = () => {
    if (!isClosed) session.close();
    isClosed = true;
  };
  // The process's memory grows with every segment a DuckDB instance loads (what a load used stays with the instance,
  // though DuckDB counts under 20 MB in use) and falls back when the instance closes: after each segment it is
  // checkpointed, closed and opened again. Measured on 49 segments of 2,048 MMLU instances: peak RSS of the loading
  // process 438 MB with one instance, 259 MB reopening after each (DuckDB's time +25%, on its own thread).
  const reopen = async () => {
    await session.connection.run('CHECKPOINT'); // on DuckDB's thread: closing would checkpoint on the run's own
    closeSession();
    session = await open();
    isClosed = false;
  };

  return {
    path,
    load(segment) {
      pending.add(segment);
      queue = queue.then(async () => {
        if (failure !== undefined || isAborted) return;
        try {
          await insertRunRows(session.connection, runName, segment);
          await reopen();
          pending.delete(segment);
          await removeFiles(segment);
        } catch (error) {
          failure = error;
        }
      });
    },
    async close() {
      await queue;
      if (failure !== undefined) {
        closeSession();
        throw failure;
      }
      await session.connection.run('CHECKPOINT');
      closeSession();
    },
    async abort() {
      isAborted = true;
      await queue;
      closeSession();
      await Promise.all([...pending].map(removeFiles));
      await removeDatabase(path);
    },
  };
}

/** Deletes a staging database and DuckDB's companions of it. */
export async function removeDatabase(path: string): Promise<void> {
  await Promise.all([path, `${path}.wal`, `${path}.tmp`].map((p) => rm(p, { force: true, recursive: true })));
}
