/**
 * @module A suite that HELM itself wrote (run directories of JSON files, no database) presented as the tables summarize
 * reads: DuckDB tables `runs` and `stats` with the columns of the results store (`sinks/store/store-schema.ts`), loaded by DuckDB
 * from the files (read_json streams them; nothing is parsed in JS), and `per_instance_stats` as a view that reads the
 * runs' per_instance_stats.json only when queried.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { UserError } from '../../core/errors.ts';
import { comparePyStrings } from '../../core/python-text.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString, type DatabaseSession } from '../duckdb/open-database.ts';
import { emptyTableSelect, NAME_TYPE, STAT_FIELDS_TYPE, statColumnsSql } from '../store/store-schema.ts';

/** An open HELM suite: the connection, the run directories read (HELM's order) and those skipped, with why. */
export interface HelmSuite extends DatabaseSession {
  /** The run directories loaded, in HELM's order (sorted names). */
  readonly runDirs: readonly string[];
  /** HELM's warnings for directories it skips (no run_spec.json or no stats.json). */
  readonly skipped: readonly string[];
}

/** What `openHelmSuite` takes besides the suite directory. */
export interface OpenHelmSuiteOptions {
  /** The suite name written in `runs.suite` (default: the directory's name). */
  readonly suite?: string;
  /** DuckDB settings of the in-memory instance. */
  readonly config?: Readonly<Record<string, string>>;
}

// HELM `read_runs_for_suite`: these folders of a suite are never runs; nor is our results store's schema folder.
const NOT_RUNS = new Set(['eval_cache', 'groups', '.store-schema']);

/** HELM's run directories of a suite: sorted names, minus eval_cache/groups, minus those lacking run_spec.json or stats.json. */
export function helmRunDirs(suiteDir: string): { runDirs: string[]; skipped: string[] } {
  if (!existsSync(suiteDir) || !statSync(suiteDir).isDirectory()) {
    throw new UserError(
      `The suite directory ${suiteDir} does not exist. Give the folder HELM wrote for the suite: <output path>/runs/<suite>.`,
    );
  }
  const names = readdirSync(suiteDir, { withFileTypes: true })
    .filter((entry) => !NOT_RUNS.has(entry.name) && (entry.isDirectory() || statSync(join(suiteDir, entry.name)).isDirectory()))
    .map((entry) => entry.name)
    .sort(comparePyStrings);
  const runDirs: string[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    // HELM skips such a directory with a warning (summarize.py read_runs_for_suite); so do we, and say so.
    if (!existsSync(join(suiteDir, name, 'run_spec.json')) || !existsSync(join(suiteDir, name, 'stats.json'))) {
      // HELM's words, then what it means: a run that has not finished (helm-run writes run_spec.json last).
      skipped.push(
        `${name} doesn't have run_spec.json or stats.json, skipping (an unfinished run: finish it with the same helm-run ` +
          'command and --skip-completed-runs, or move the folder out of the suite)',
      );
    } else {
      runDirs.push(name);
    }
  }
  return { runDirs, skipped };
}

const listLiteral = (paths: readonly string[]): string => `[${paths.map(sqlString).join(', ')}]`;

/** `read_json(columns = …)` of a Stat: `name` and the numbers of STAT_FIELDS. */
const STAT_READ_COLUMNS = `{name: '${NAME_TYPE}', ${STAT_FIELDS_TYPE.split(', ')
  .map((field) => field.split(' '))
  .map(([column, type]) => `${column}: '${type}'`)
  .join(', ')}}`;

// The run_spec.json files, read whole (each is one small object), kept with their file names.
const readRunSpecs = (files: readonly string[]): string => `
CREATE TEMP TABLE helm_run_specs AS
SELECT filename AS file, json AS j FROM read_json_objects(${listLiteral(files)}, format = 'unstructured', filename = true)`;

// A run's name and the run_spec columns of runs; the whole RunSpec is kept as run_spec.
const insertRuns = (schema: string, suite: string): string => `
INSERT INTO ${schema}.runs BY NAME
SELECT j->>'$.name' AS run_name,
  ${sqlString(suite)} AS suite,
  j->>'$.scenario_spec.class_name' AS scenario_class,
  j->>'$.adapter_spec.model' AS model,
  j->>'$.adapter_spec.model_deployment' AS model_deployment,
  j->>'$.adapter_spec.method' AS method,
  (j->>'$.adapter_spec.max_eval_instances')::BIGINT AS max_eval_instances,
  (j->>'$.adapter_spec.num_train_trials')::BIGINT AS num_train_trials,
  (j->'$.groups')::VARCHAR[] AS groups,
  j AS run_spec
FROM helm_run_specs ORDER BY file`;

// One statement over all stats.json files. Positions count per file: the scan numbers rows in file order
// (WITH ORDINALITY), so a row's position is its number minus its file's first number, plus one.
const insertStats = (schema: string, runFiles: readonly (readonly [string, string])[]): string => `
INSERT INTO ${schema}.stats BY NAME
WITH run_files(file, run_name) AS (VALUES ${runFiles.map(([file, name]) => `(${sqlString(file)}, ${sqlString(name)})`).join(', ')}),
read AS (
  SELECT * FROM read_json(${listLiteral(runFiles.map(([file]) => file))}, format = 'array', filename = true,
    columns = ${STAT_READ_COLUMNS}) WITH ORDINALITY AS s)
SELECT f.run_name, s.ordinality - min(s.ordinality) OVER (PARTITION BY s.filename) + 1 AS position, ${statColumnsSql('')}
FROM read AS s JOIN run_files f ON f.file = s.filename`;

// per_instance_stats.json is an array of {instance_id, perturbation, train_trial_index, stats: [Stat]}: one row per stat.
const perInstanceStatsView = (schema: string, runFiles: readonly (readonly [string, string])[]): string => `
CREATE VIEW ${schema}.per_instance_stats AS
WITH run_files(file, run_name) AS (VALUES ${runFiles.map(([file, name]) => `(${sqlString(file)}, ${sqlString(name)})`).join(', ')}),
entries AS (
  SELECT * FROM read_json(${listLiteral(runFiles.map(([file]) => file))}, format = 'array', filename = true, columns = {
    instance_id: 'VARCHAR', train_trial_index: 'INTEGER', perturbation: 'JSON', stats: 'STRUCT(name ${NAME_TYPE}, ${STAT_FIELDS_TYPE})[]'
  }) WITH ORDINALITY AS e),
numbered AS (
  SELECT f.run_name, e.ordinality - min(e.ordinality) OVER (PARTITION BY e.filename) + 1 AS position,
    e.instance_id, e.train_trial_index, e.perturbation, e.stats
  FROM entries e JOIN run_files f ON f.file = e.filename),
unnested AS (
  SELECT run_name, position, instance_id, train_trial_index, perturbation,
    unnest(stats) AS s, generate_subscripts(stats, 1) AS stat_index
  FROM numbered)
SELECT run_name, position, stat_index, instance_id, train_trial_index,
  perturbation->>'$.name' AS perturbation_name, perturbation, ${statColumnsSql('stat_')}
FROM unnested`;

/** Where `loadHelmSuite` puts a suite's tables. */
export interface LoadHelmSuiteOptions {
  /** The suite name written in `runs.suite` (default: the directory's name). */
  readonly suite?: string;
  /** The DuckDB schema that receives the tables, created if missing (default: `main`). */
  readonly schema?: string;
}

/**
 * Loads a suite directory that HELM wrote (`<output>/runs/<suite>`) into `connection`: the tables `runs` and `stats`
 * of the results store (store-schema.ts; `completed_at` and the request counts are NULL: HELM's files do not hold
 * them), the view `per_instance_stats` (over the runs that have per_instance_stats.json) and an empty
 * `request_states`. Directories are read as HELM does: sorted, skipping `eval_cache`, `groups` and, with a warning in
 * `skipped`, any without run_spec.json or stats.json. A file DuckDB cannot read fails with a UserError naming it.
 */
export async function loadHelmSuite(
  connection: DuckDBConnection,
  suiteDir: string,
  options: LoadHelmSuiteOptions = {},
): Promise<{ runDirs: string[]; skipped: string[] }> {
  const dir = resolve(suiteDir);
  const schema = options.schema ?? 'main';
  const { runDirs, skipped } = helmRunDirs(dir);
  await connection.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  for (const table of ['runs', 'stats', 'request_states'] as const) {
    await connection.run(`CREATE TABLE ${schema}.${table} AS ${emptyTableSelect(table)}`);
  }
  const runSpecFiles = runDirs.map((name) => join(dir, name, 'run_spec.json'));
  const runNames = new Map<string, string>();
  if (runDirs.length > 0) {
    await readingFiles(dir, () => connection.run(readRunSpecs(runSpecFiles)));
    await connection.run(insertRuns(schema, options.suite ?? basename(dir)));
    const rows = await (await connection.run("SELECT file, j->>'$.name' FROM helm_run_specs")).getRows();
    for (const [file, name] of rows) runNames.set(String(file), String(name));
    await connection.run('DROP TABLE helm_run_specs');
  }
  const filesOf = (file: string) =>
    runDirs.map((name, i) => [join(dir, name, file), runNames.get(runSpecFiles[i]!)!] as const).filter(([path]) => existsSync(path));
  const statsFiles = filesOf('stats.json');
  if (statsFiles.length > 0) await readingFiles(dir, () => connection.run(insertStats(schema, statsFiles)));
  const perInstanceFiles = filesOf('per_instance_stats.json');
  await connection.run(
    perInstanceFiles.length > 0
      ? perInstanceStatsView(schema, perInstanceFiles)
      : `CREATE VIEW ${schema}.per_instance_stats AS ${emptyTableSelect('per_instance_stats')}`,
  );
  return { runDirs, skipped };
}

/**
 * Opens a suite directory that HELM wrote as an in-memory DuckDB holding its tables (`loadHelmSuite`).
 * @example const suite = await openHelmSuite('benchmark_output/runs/v1'); try { … suite.connection … } finally { suite.close(); }
 */
export async function openHelmSuite(suiteDir: string, options: OpenHelmSuiteOptions = {}): Promise<HelmSuite> {
  const instance = await DuckDBInstance.create(':memory:', { ...options.config });
  const connection = await instance.connect();
  const close = (): void => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    const loaded = await loadHelmSuite(connection, suiteDir, options.suite === undefined ? {} : { suite: options.suite });
    return { connection, ...loaded, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** Runs a statement that reads the suite's files; a file DuckDB cannot read becomes a UserError naming it. */
async function readingFiles<T>(dir: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new UserError(
      `Could not read the HELM suite at ${dir}: ${String(error).split('\n')[0]}. Each run directory needs a complete ` +
        'run_spec.json and stats.json as helm-run writes them; move a damaged run directory out of the suite, or rerun it.',
      { cause: error },
    );
  }
}
