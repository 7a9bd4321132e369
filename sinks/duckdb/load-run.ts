/**
 * @module Loads one finished run's NDJSON files into the suite's DuckDB database in one short transaction.
 * A run writes NDJSON while it runs and holds no database open (DuckDB allows one process per file,
 * DESIGN §6); at its end this opens `<output>/runs/<suite>/results.duckdb`, replaces the run's rows and
 * writes its `runs` row last.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RunSpec } from '../../core/run-spec.ts';
import { openDatabase, sqlString } from './open-database.ts';

/** The run's NDJSON files (one record per line, each with a `run_name` field). */
export interface RunNdjsonFiles {
  /** HELM RequestState JSON plus leading `seq` and `run_name`. */
  readonly requestStatesNdjson: string;
  /** HELM PerInstanceStats JSON plus `run_name`. */
  readonly perInstanceStatsNdjson: string;
  /** HELM Stat JSON plus `run_name`. */
  readonly statsNdjson: string;
}

/** One run's request states and per-instance stats in NDJSON; positions of the stats count from `offset` + 1. */
export interface RunRowsNdjson {
  readonly requestStatesNdjson: string;
  readonly perInstanceStatsNdjson: string;
  /** Per-instance entries of the run before this file (a segment's first entry is at `offset` + 1). */
  readonly offset?: number;
}

/** Counts the run kept while running; when absent they are counted from the loaded request states. */
export interface RunCounts {
  readonly numRequestStates: number;
  readonly numFailedRequests: number;
}

/** What `loadRunIntoSuiteDb` needs. */
export interface LoadRunOptions {
  readonly dbPath: string;
  readonly runName: string;
  readonly suite: string;
  readonly runSpec: RunSpec;
  readonly files: RunNdjsonFiles;
  /**
   * A database (see run-staging.ts) that already holds the run's request_states and per_instance_stats: they
   * are copied from it, and `files` gives only the stats.
   */
  readonly stagedDbPath?: string;
  readonly counts?: RunCounts;
  /** How long to wait for another process to release the database (default 120 s). */
  readonly lockTimeoutMs?: number;
  /**
   * DuckDB's memory limit while loading (default '1GB'); beyond it DuckDB spills to `<db>.tmp/`, so a run of
   * millions of lines loads in bounded memory.
   */
  readonly memoryLimit?: string;
  /** Called inside the transaction, every row written, just before COMMIT (the crash tests pause there). */
  readonly beforeCommit?: () => Promise<void>;
}

/** Rows written per table. */
export interface LoadRunReport {
  readonly requestStates: number;
  readonly perInstanceStats: number;
  readonly stats: number;
}

/** The suite's database: `<output>/runs/<suite>/results.duckdb`. */
export const suiteDbPath = (outputPath: string, suite: string): string =>
  join(outputPath, 'runs', suite, 'results.duckdb');

const SCHEMA_SQL = new URL('./schema.sql', import.meta.url);
const TABLES = ['request_states', 'per_instance_stats', 'stats', 'runs'] as const;
// Request states carry kilobytes of prompt each: DuckDB's default row groups (122,880 rows) would be buffered
// whole per thread, hundreds of MB; 16,384-row groups keep a load within the memory limit.
const ROW_GROUP_SIZE = 16_384;

// Each line is parsed once into the typed fields (a field absent from a record, such as the perturbation of an
// original or the result of a dry run, reads as NULL) and kept whole as `state`. One parse, not one per
// JSON path: DuckDB keeps every parse of a 2,048-row vector in memory until the vector is done.
const REQUEST_STATE_TYPE = JSON.stringify({
  seq: 'BIGINT',
  train_trial_index: 'INTEGER',
  instance: { id: 'VARCHAR', split: 'VARCHAR', sub_split: 'VARCHAR', perturbation: 'JSON' },
  reference_index: 'INTEGER',
  request_mode: 'VARCHAR',
  request: { prompt: 'VARCHAR' },
  result: { success: 'BOOLEAN', cached: 'BOOLEAN', request_time: 'DOUBLE', completions: [{ text: 'VARCHAR' }] },
  num_train_instances: 'INTEGER',
  prompt_truncated: 'BOOLEAN',
});

const INSERT_REQUEST_STATES = `
INSERT INTO request_states BY NAME
SELECT $run_name AS run_name,
  r.seq AS seq,
  r.train_trial_index AS train_trial_index,
  r.instance.id AS instance_id,
  r.instance.split AS split,
  r.instance.sub_split AS sub_split,
  r.instance.perturbation->>'$.name' AS perturbation_name,
  r.instance.perturbation AS perturbation,
  r.reference_index AS reference_index,
  r.request_mode AS request_mode,
  r.request.prompt AS prompt,
  r.result.completions[1].text AS completion,
  r.result.success AS success,
  r.result.cached AS cached,
  r.result.request_time AS request_time,
  r.num_train_instances AS num_train_instances,
  r.prompt_truncated AS prompt_truncated,
  j AS state
FROM (SELECT json AS j, from_json(json, '${REQUEST_STATE_TYPE}') AS r FROM read_ndjson_objects($file))`;

// Stats are parsed straight into typed structs (read_json with explicit columns: absent fields are NULL,
// unknown ones ignored), which loads millions of long-form rows about four times faster than JSON paths.
/** DuckDB type of a Stat's `name` (HELM's MetricName), for `read_json(columns = …)`. */
export const NAME_TYPE = 'STRUCT(name VARCHAR, split VARCHAR, sub_split VARCHAR, perturbation JSON)';
/** DuckDB types of a Stat's numbers, as struct fields. */
export const STAT_FIELDS =
  'count BIGINT, sum DOUBLE, sum_squared DOUBLE, min DOUBLE, max DOUBLE, mean DOUBLE, variance DOUBLE, stddev DOUBLE';

/** The columns of one stat `s` (a row or a struct with `name` and the numbers), shared by both stats tables. */
export const STAT_COLUMNS = (prefix: string): string => `
  s.name.name AS metric_name,
  s.name.split AS split,
  s.name.sub_split AS sub_split,
  s.name.perturbation->>'$.name' AS ${prefix}perturbation_name,
  s.name.perturbation AS ${prefix}perturbation,
  s.name.perturbation->>'$.computed_on' AS computed_on,
  s.count AS count, s.sum AS sum, s.sum_squared AS sum_squared, s.min AS min, s.max AS max,
  s.mean AS mean, s.variance AS variance, s.stddev AS stddev`;

const INSERT_PER_INSTANCE_STATS = `
INSERT INTO per_instance_stats BY NAME
SELECT $run_name AS run_name, position + $offset AS position, stat_index, instance_id, train_trial_index,
  perturbation->>'$.name' AS perturbation_name, perturbation, ${STAT_COLUMNS('stat_')}
FROM (
  SELECT ordinality AS position, instance_id, train_trial_index, perturbation,
    unnest(stats) AS s, generate_subscripts(stats, 1) AS stat_index
  FROM read_json($file, format = 'newline_delimited', columns = {
    instance_id: 'VARCHAR', train_trial_index: 'INTEGER', perturbation: 'JSON',
    stats: 'STRUCT(name ${NAME_TYPE}, ${STAT_FIELDS})[]'
  }) WITH ORDINALITY)`;

const INSERT_STATS = `
INSERT INTO stats BY NAME
SELECT $run_name AS run_name, s.ordinality AS position, ${STAT_COLUMNS('')}
FROM read_json($file, format = 'newline_delimited', columns = {
  name: '${NAME_TYPE}', count: 'BIGINT', sum: 'DOUBLE', sum_squared: 'DOUBLE', min: 'DOUBLE', max: 'DOUBLE',
  mean: 'DOUBLE', variance: 'DOUBLE', stddev: 'DOUBLE'
}) WITH ORDINALITY AS s`;

const INSERT_RUN = `
INSERT INTO runs BY NAME
SELECT $run_name AS run_name,
  $suite AS suite,
  $scenario_class AS scenario_class,
  $model AS model,
  $model_deployment AS model_deployment,
  $method AS method,
  $max_eval_instances::BIGINT AS max_eval_instances,
  $num_train_trials::BIGINT AS num_train_trials,
  $groups::JSON::VARCHAR[] AS groups,
  $run_spec::JSON AS run_spec,
  now() AS completed_at,
  coalesce($num_request_states::BIGINT, (SELECT count(*) FROM request_states WHERE run_name = $run_name))
    AS num_request_states,
  coalesce($num_failed_requests::BIGINT,
    (SELECT count(*) FROM request_states WHERE run_name = $run_name AND success = false)) AS num_failed_requests`;

/** The parameters of the `runs` row. */
function runRow(options: LoadRunOptions): Record<string, string | number | null> {
  const { runSpec } = options;
  const adapter = runSpec.adapter_spec;
  return {
    run_name: options.runName,
    suite: options.suite,
    scenario_class: runSpec.scenario_spec.class_name,
    model: adapter.model,
    model_deployment: adapter.model_deployment,
    method: adapter.method,
    max_eval_instances: adapter.max_eval_instances ?? null,
    num_train_trials: adapter.num_train_trials,
    groups: JSON.stringify(runSpec.groups),
    run_spec: JSON.stringify(runSpec),
    num_request_states: options.counts?.numRequestStates ?? null,
    num_failed_requests: options.counts?.numFailedRequests ?? null,
  };
}

/** Runs `work` with one loader of `key` at a time in this process (a second DuckDB instance on one file is unsafe). */
const loadsInProgress = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = loadsInProgress.get(key) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(work);
  const settled = mine.catch(() => undefined);
  loadsInProgress.set(key, settled);
  try {
    return await mine;
  } finally {
    if (loadsInProgress.get(key) === settled) loadsInProgress.delete(key);
  }
}

/** Runs an INSERT; returns the number of rows inserted. */
async function insert(connection: DuckDBConnection, sql: string, params: Record<string, string | number>): Promise<number> {
  const result = await connection.run(sql, params);
  return Number((await result.getRows())[0]?.[0] ?? 0);
}

/** The tables of a results database (schema.sql), created when missing. */
export async function createResultTables(connection: DuckDBConnection): Promise<void> {
  await connection.run(await readFile(SCHEMA_SQL, 'utf8'));
}

/** Inserts a run's request states and per-instance stats from NDJSON (a whole run, or one segment of it). */
export async function insertRunRows(
  connection: DuckDBConnection,
  runName: string,
  files: RunRowsNdjson,
): Promise<{ requestStates: number; perInstanceStats: number }> {
  return {
    requestStates: await insert(connection, INSERT_REQUEST_STATES, { file: files.requestStatesNdjson, run_name: runName }),
    perInstanceStats: await insert(connection, INSERT_PER_INSTANCE_STATS, {
      file: files.perInstanceStatsNdjson,
      run_name: runName,
      offset: files.offset ?? 0,
    }),
  };
}

/** Copies a run's rows from a staged database attached as `staged`. */
async function copyStagedRows(connection: DuckDBConnection, runName: string): Promise<{ requestStates: number; perInstanceStats: number }> {
  const copy = (table: string) =>
    insert(connection, `INSERT INTO ${table} SELECT * FROM staged.${table} WHERE run_name = $run_name`, { run_name: runName });
  return { requestStates: await copy('request_states'), perInstanceStats: await copy('per_instance_stats') };
}

/**
 * Loads a finished run into the suite's DuckDB database in one transaction: creates the tables if missing,
 * deletes the run's previous rows, inserts its request states, per-instance stats (long form) and stats
 * from the NDJSON files (streamed by DuckDB, bounded in memory), writes the `runs` row last, commits.
 * Waits (with backoff, up to `lockTimeoutMs`) while another process holds the database.
 * @example
 * await loadRunIntoSuiteDb({ dbPath: suiteDbPath(out, suite), runName: spec.name, suite, runSpec: spec,
 *   files: { requestStatesNdjson, perInstanceStatsNdjson, statsNdjson } });
 */
export async function loadRunIntoSuiteDb(options: LoadRunOptions): Promise<LoadRunReport> {
  const { files, stagedDbPath } = options;
  const needed = stagedDbPath === undefined ? { ...files } : { statsNdjson: files.statsNdjson, stagedDbPath };
  for (const [what, file] of Object.entries(needed)) {
    if (!existsSync(file)) throw new Error(`loadRunIntoSuiteDb(${options.runName}): ${what} ${file} does not exist`);
  }
  const dbPath = resolve(options.dbPath);
  await mkdir(dirname(dbPath), { recursive: true });
  return oneAtATime(dbPath, async () => {
    const session = await openDatabase(dbPath, {
      // One DuckDB thread: the load's memory grows with its threads, and at the end of a run it is the process's peak.
      config: { memory_limit: options.memoryLimit ?? '1GB', threads: '1' },
      rowGroupSize: ROW_GROUP_SIZE,
      ...(options.lockTimeoutMs === undefined ? {} : { lockTimeoutMs: options.lockTimeoutMs }),
    });
    try {
      const { connection } = session;
      await createResultTables(connection);
      if (stagedDbPath !== undefined) await connection.run(`ATTACH ${sqlString(resolve(stagedDbPath))} AS staged (READ_ONLY)`);
      await connection.run('BEGIN TRANSACTION');
      let report: LoadRunReport;
      try {
        for (const table of TABLES) {
          await connection.run(`DELETE FROM ${table} WHERE run_name = $run_name`, { run_name: options.runName });
        }
        const rows = stagedDbPath === undefined
          ? await insertRunRows(connection, options.runName, files)
          : await copyStagedRows(connection, options.runName);
        report = { ...rows, stats: await insert(connection, INSERT_STATS, { file: files.statsNdjson, run_name: options.runName }) };
        await connection.run(INSERT_RUN, runRow(options));
        await options.beforeCommit?.();
        await connection.run('COMMIT');
      } catch (error) {
        await connection.run('ROLLBACK').catch((rollbackError: unknown) => {
          throw new Error(`loading ${options.runName}: ${String(error)}; then ROLLBACK failed: ${String(rollbackError)}`, {
            cause: error,
          });
        });
        throw error;
      }
      if (stagedDbPath !== undefined) await connection.run('DETACH staged');
      await connection.run('CHECKPOINT'); // leave the file whole, without a WAL for readers to replay
      return report;
    } finally {
      session.close();
    }
  });
}
