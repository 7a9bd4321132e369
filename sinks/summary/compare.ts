/**
 * @module `helm-summarize --compare A B`: for each run in both suites and each per-instance metric (per split,
 * sub-split and perturbation), the run-level means in A and B over the instances paired between them, B − A, and a
 * paired bootstrap's 95% interval and two-sided p-value (paired-bootstrap.ts), streamed one group at a time.
 *
 * Pairing, in SQL (compare-sql.ts): a unit is one (instance_id, train_trial_index, perturbation, split,
 * sub_split) of a metric, its per-instance stats merged; units of A and B with the same key are a pair. Perturbed
 * instances pair with the same perturbation (same description, parameters included) and make their own rows, as
 * HELM's stats do; worst-case stats are not compared (derived per run, absent from per_instance_stats). Each
 * train trial's unit is a pair of its own (HELM averages trials; with one trial, the default, the paired mean is
 * HELM's run-level mean exactly).
 *
 * Memory: DuckDB aggregates, joins and sorts the units (within its memory_limit, spilling past it); this side holds
 * one chunk of rows and one group's pairs (32 bytes a pair, plus 8 to 32 bytes a pair while resampling). At 10^6
 * instances × 3 metrics a suite, with memory_limit 256MB: peak RSS 490 MB for the whole process.
 * Time at 10^6 pairs a metric and 1,000 resamples (2-core machine shared with other jobs, load 5-7; CPU time per
 * draw, which load inflates less than wall time): the query (both suites' 3 × 10^6 units aggregated, joined,
 * sorted) 13-20 s; a 0/1 metric 5 ns a draw, 5 s; an integer metric of 99 distinct differences 8 ns, 9-13 s; more
 * than 4,096 distinct differences (inference_runtime) 22 ns, 25-33 s (a random read of 8 MB per draw); pairs of
 * several stats (language modeling) 41 ns. Time scales with resamples × pairs; memory does not grow with resamples.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { closeMatches, UserError } from '../../core/errors.ts';
import { sqlString } from '../duckdb/open-database.ts';
import { comparisonGroups } from './compare-groups.ts';
import { comparisonSql } from './compare-sql.ts';
import { pairedBootstrap } from './paired-bootstrap.ts';

/** What to compare. */
export interface CompareSuitesOptions {
  /** Catalog of suite A, e.g. `a` after `ATTACH '<suite A>/results.duckdb' AS a (READ_ONLY)`. */
  readonly a: string;
  /** Catalog of suite B; differences are B − A. */
  readonly b: string;
  /** Bootstrap resamples per group (default 1,000; p-values are multiples of 1/(resamples + 1)). */
  readonly resamples?: number;
  /** Seed of each group's resample indices (default 0): the same seed gives the same output. */
  readonly seed?: number;
  /** Only these metric names (default: every metric in per_instance_stats). */
  readonly metrics?: readonly string[];
}

/** One (run, metric, split, sub_split, perturbation) compared. Means are over paired units only. */
export interface ComparisonRow {
  readonly run_name: string;
  readonly metric: string;
  readonly split: string | null;
  readonly sub_split?: string;
  /** The stat's perturbation as stored (HELM's PerturbationDescription JSON); absent for original instances. */
  readonly perturbation?: string;
  readonly n_paired: number;
  /** Units only in A (instances B did not evaluate, or a metric B lacks). */
  readonly n_only_a: number;
  readonly n_only_b: number;
  /** Σ sum / Σ count over the paired units in A; null without pairs. */
  readonly mean_a: number | null;
  readonly mean_b: number | null;
  /** mean_b − mean_a. */
  readonly difference: number | null;
  /** 95% percentile bootstrap interval of the difference; null below two pairs. */
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  /** Two-sided paired bootstrap p-value of "no difference"; null below two pairs. */
  readonly p_value: number | null;
  /** HELM's run-level mean in A's stats (all of A's instances, paired or not); null if A has no such stat. */
  readonly run_mean_a: number | null;
  readonly run_mean_b: number | null;
}

const DEFAULT_RESAMPLES = 1000;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TABLES = ['per_instance_stats', 'stats'] as const;

/** Throws a UserError unless both catalogs are attached with both tables (or views). */
async function checkCatalogs(connection: DuckDBConnection, catalogs: readonly string[]): Promise<void> {
  const attached = (await (await connection.run('SELECT database_name FROM duckdb_databases()')).getRowsJS()).map((r) => String(r[0]));
  const present = await (await connection.run(
    `SELECT table_catalog, table_name FROM information_schema.tables WHERE table_catalog IN (${catalogs.map(sqlString).join(', ')})`,
  )).getRowsJS();
  for (const name of catalogs) {
    const attach = `ATTACH '<suite>/results.duckdb' AS ${name} (READ_ONLY)`;
    if (!attached.includes(name)) {
      const near = closeMatches(name, attached);
      throw new UserError(
        `No database is attached as "${name}": attach a suite's results first (${attach})` +
          (near.length > 0 ? `; attached: ${near.join(', ')}` : '') + '.',
      );
    }
    const missing = TABLES.filter((table) => !present.some(([c, t]) => c === name && t === table));
    if (missing.length > 0) {
      throw new UserError(`The database attached as "${name}" has no ${missing.join(' or ')} table: is it a suite's results.duckdb?`);
    }
  }
}

/** The options with defaults, or a UserError naming the bad one. */
function checked(options: CompareSuitesOptions): Required<Omit<CompareSuitesOptions, 'metrics'>> {
  for (const name of [options.a, options.b]) {
    if (!IDENTIFIER.test(name)) throw new UserError(`"${name}" is not a catalog name: use letters, digits and _ (e.g. a, suite_v2).`);
  }
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new UserError(`resamples must be a positive integer (e.g. ${DEFAULT_RESAMPLES}), got ${resamples}.`);
  }
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UserError(`seed must be an integer from 0 to 2^32 − 1, got ${seed}.`);
  return { a: options.a, b: options.b, resamples, seed };
}

/**
 * Compares suite A and suite B, attached on `connection` as catalogs `options.a` and `options.b`: yields one row
 * per (run, metric, split, sub_split, perturbation), ordered by run, metric, split, sub_split, then originals
 * before perturbations. Runs in only one suite are left out; a metric of only one suite gives a row without pairs.
 * Lazy: the first row comes once the groups are counted; each later row costs one group's bootstrap. Stop early
 * with `break` (the streamed result is then dropped).
 * @example for await (const row of compareSuites(connection, { a: 'a', b: 'b' })) print(row);
 */
export async function* compareSuites(connection: DuckDBConnection, options: CompareSuitesOptions): AsyncGenerator<ComparisonRow> {
  const { a, b, resamples, seed } = checked(options);
  await checkCatalogs(connection, a === b ? [a] : [a, b]);
  for await (const group of comparisonGroups(await connection.stream(comparisonSql(a, b, options.metrics)))) {
    const bootstrap = group.sample === null ? null : pairedBootstrap(group.sample, { resamples, seed });
    yield {
      run_name: group.runName,
      metric: group.metric,
      split: group.split,
      ...(group.subSplit === null ? {} : { sub_split: group.subSplit }),
      ...(group.perturbation === null ? {} : { perturbation: group.perturbation }),
      n_paired: group.nPaired,
      n_only_a: group.nOnlyA,
      n_only_b: group.nOnlyB,
      mean_a: bootstrap?.meanA ?? null,
      mean_b: bootstrap?.meanB ?? null,
      difference: bootstrap?.difference ?? null,
      ci_low: bootstrap?.ciLow ?? null,
      ci_high: bootstrap?.ciHigh ?? null,
      p_value: bootstrap?.pValue ?? null,
      run_mean_a: group.runMeanA,
      run_mean_b: group.runMeanB,
    };
  }
}
