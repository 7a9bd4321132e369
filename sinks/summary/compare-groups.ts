/**
 * @module Reads the streamed comparison query (compare-sql.ts) group by group: DuckDB hands over chunks of about
 * 2,048 rows, and only the current chunk and the current group's typed arrays are held.
 */
import type { DuckDBResult, DuckDBValue } from '@duckdb/node-api';
import { COMPARISON_COLUMNS } from './compare-sql.ts';
import type { PairedSample } from './paired-bootstrap.ts';

/** One group: its key and counts from the header row, and its paired units (null when none pair). */
export interface ComparisonGroup {
  readonly runName: string;
  readonly metric: string;
  readonly split: string | null;
  readonly subSplit: string | null;
  readonly perturbation: string | null;
  readonly nPaired: number;
  readonly nOnlyA: number;
  readonly nOnlyB: number;
  readonly runMeanA: number | null;
  readonly runMeanB: number | null;
  readonly sample: PairedSample | null;
}

const column = (name: (typeof COMPARISON_COLUMNS)[number]): number => COMPARISON_COLUMNS.indexOf(name);
const text = (value: DuckDBValue): string | null => (value === null ? null : String(value));
const numberOrNull = (value: DuckDBValue): number | null => (value === null ? null : Number(value));

/**
 * Yields the groups of a streamed comparison result in order. A group's arrays (four Float64Arrays of n_paired) are
 * allocated at its header and handed over once full; the pairs of a group are never more than its header says.
 * @example for await (const group of comparisonGroups(await connection.stream(comparisonSql('a', 'b')))) …
 */
export async function* comparisonGroups(result: DuckDBResult): AsyncGenerator<ComparisonGroup> {
  const names = result.columnNames();
  if (names.join() !== COMPARISON_COLUMNS.join()) throw new Error(`comparison query columns ${names.join()}, expected ${COMPARISON_COLUMNS.join()}`);
  let header: Omit<ComparisonGroup, 'sample'> | null = null;
  let sample: { sumA: Float64Array; countA: Float64Array; sumB: Float64Array; countB: Float64Array } | null = null;
  let filled = 0;
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const at = (name: (typeof COMPARISON_COLUMNS)[number], row: number): DuckDBValue => chunk!.getColumnVector(column(name)).getItem(row);
    const kind = chunk.getColumnVector(column('kind'));
    const [sumA, countA, sumB, countB] = (['sum_a', 'count_a', 'sum_b', 'count_b'] as const).map((name) => chunk!.getColumnVector(column(name)));
    for (let row = 0; row < chunk.rowCount; row++) {
      if (kind.getItem(row) === 1) {
        if (header === null || sample === null || filled >= header.nPaired) throw new Error('comparison query: a pair row outside its group');
        // DOUBLE columns, never NULL on a pair row (units keep non-NULL sums of counts > 0).
        sample.sumA[filled] = sumA!.getItem(row) as number;
        sample.countA[filled] = countA!.getItem(row) as number;
        sample.sumB[filled] = sumB!.getItem(row) as number;
        sample.countB[filled] = countB!.getItem(row) as number;
        filled++;
        if (filled === header.nPaired) {
          yield { ...header, sample };
          header = null;
          sample = null; // the group's arrays are the consumer's now
        }
        continue;
      }
      if (header !== null) throw new Error(`comparison query: group ${header.runName} ${header.metric} ended at ${filled} of ${header.nPaired} pairs`);
      const nPaired = Number(at('n_paired', row));
      const next = {
        runName: String(at('header_run_name', row)),
        metric: String(at('header_metric_name', row)),
        split: text(at('header_split', row)),
        subSplit: text(at('header_sub_split', row)),
        perturbation: text(at('header_perturbation', row)),
        nPaired,
        nOnlyA: Number(at('n_only_a', row)),
        nOnlyB: Number(at('n_only_b', row)),
        runMeanA: numberOrNull(at('run_mean_a', row)),
        runMeanB: numberOrNull(at('run_mean_b', row)),
      };
      if (nPaired === 0) {
        yield { ...next, sample: null };
        continue;
      }
      header = next;
      sample = { sumA: new Float64Array(nPaired), countA: new Float64Array(nPaired), sumB: new Float64Array(nPaired), countB: new Float64Array(nPaired) };
      filled = 0;
    }
  }
  if (header !== null) throw new Error(`comparison query ended inside group ${header.runName} ${header.metric}`);
}
