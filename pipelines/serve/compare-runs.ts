/**
 * @module Two runs instance by instance (`/api/compare`): each run's main-metric value per (instance, perturbation)
 * from its per-instance stats, joined, the instances whose values differ first. The join is kept while the user
 * pages (a derived table); a page's completions come from the two runs' part files that hold its instances.
 */
import { listValue } from '@duckdb/node-api';
import { UserError } from '../../core/errors.ts';
import type { DerivedTables } from './derived-tables.ts';
import { completionOf, type StoredState } from './instance-view.ts';
import type { MainMetric } from './main-metric.ts';
import { runParts } from './run-parts.ts';
import type { Row, ViewerDb } from './viewer-db.ts';

const PER_VARIANT = (side: string) => `SELECT instance_id, perturbation_name, any_value(split) AS split, min(position) AS position,
    avg(mean) AS value FROM read_parquet($files_${side})
  WHERE metric_name = $metric AND stat_perturbation_name IS NOT DISTINCT FROM perturbation_name GROUP BY instance_id, perturbation_name`;

const JOINED = `SELECT coalesce(a.instance_id, b.instance_id) AS instance_id, coalesce(a.perturbation_name, b.perturbation_name) AS perturbation_name,
    coalesce(a.split, b.split) AS split, a.value AS value_a, b.value AS value_b, (a.value IS DISTINCT FROM b.value) AS differs,
    (row_number() OVER (ORDER BY (a.value IS DISTINCT FROM b.value) DESC, coalesce(a.position, b.position + 1e15), b.position) - 1)::BIGINT AS rn
  FROM (${PER_VARIANT('a')}) a
  FULL OUTER JOIN (${PER_VARIANT('b')}) b ON a.instance_id = b.instance_id AND a.perturbation_name IS NOT DISTINCT FROM b.perturbation_name`;

interface Side {
  readonly runDir: string;
}

/** The first request state of each (instance, perturbation) on trial 0 of a run, for the given instance ids. */
async function firstStates(db: ViewerDb, runDir: string, ids: readonly string[]): Promise<Map<string, Row>> {
  const parts = runParts(runDir);
  const located = await db.rows(`SELECT DISTINCT part FROM ${parts.index.from} WHERE instance_id IN (SELECT unnest($ids))`,
    { ...parts.index.params, ids: listValue([...ids]) });
  const found = new Map<string, Row>();
  if (located.length === 0) return found;
  const rows = await db.rows(
    `SELECT instance_id, perturbation_name, state::VARCHAR AS state FROM read_parquet($files, filename = true, file_row_number = true)
     WHERE instance_id IN (SELECT unnest($ids)) AND train_trial_index = 0 ORDER BY filename, file_row_number`,
    { files: parts.requestStates(located.map((row) => Number(row['part']))), ids: listValue([...ids]) },
  );
  for (const row of rows) {
    const key = `${String(row['instance_id'])}\0${String(row['perturbation_name'])}`;
    if (!found.has(key)) found.set(key, row);
  }
  return found;
}

interface StateText {
  readonly input: string;
  readonly completion: string | null;
  readonly mapped_output: string | null;
}

function stateText(row: Row | undefined): StateText | undefined {
  if (row === undefined) return undefined;
  const state = JSON.parse(String(row['state'])) as StoredState;
  return { input: state.instance.input.text, ...completionOf(state) };
}

/** The page of the comparison of run `a` with run `b` on `metric`. */
export async function compareRuns(
  db: ViewerDb,
  joins: DerivedTables,
  sides: { a: Side; b: Side },
  metric: MainMetric | null,
  page: { offset: number; limit: number },
) {
  if (metric === null) throw new UserError('The first run has no main metric in the summary\'s schema (its groups name none): there is nothing to compare on.');
  const a = runParts(sides.a.runDir);
  const b = runParts(sides.b.runDir);
  const table = await joins.table(`${a.storeDir}\0${b.storeDir}\0${metric.name}`, JOINED,
    { files_a: a.allPerInstanceStats, files_b: b.allPerInstanceStats, metric: metric.name });
  const [counts, rows] = await Promise.all([
    db.rows(`SELECT count(*) AS total, count(*) FILTER (WHERE differs) AS differing FROM ${table}`),
    db.rows(`SELECT instance_id, perturbation_name, split, value_a, value_b, differs FROM ${table} WHERE rn >= $offset AND rn < $end ORDER BY rn`,
      { offset: page.offset, end: page.offset + page.limit }),
  ]);
  const ids = [...new Set(rows.map((row) => String(row['instance_id'])))];
  const [statesA, statesB] = await Promise.all([firstStates(db, sides.a.runDir, ids), firstStates(db, sides.b.runDir, ids)]);
  return {
    total: Number(counts[0]?.['total'] ?? 0),
    differing: Number(counts[0]?.['differing'] ?? 0),
    ...page,
    metric,
    rows: rows.map((row) => {
      const key = `${String(row['instance_id'])}\0${String(row['perturbation_name'])}`;
      const textA = stateText(statesA.get(key));
      const textB = stateText(statesB.get(key));
      const side = (value: unknown, text: StateText | undefined) => ({
        value: value === null ? null : Number(value),
        completion: text?.completion ?? null,
        mapped_output: text?.mapped_output ?? null,
      });
      return {
        instance_id: row['instance_id'],
        perturbation_name: row['perturbation_name'],
        split: row['split'],
        a: side(row['value_a'], textA),
        b: side(row['value_b'], textB),
        input: textA?.input ?? textB?.input ?? '',
        differs: row['differs'] === true,
      };
    }),
  };
}
