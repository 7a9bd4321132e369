/**
 * @module Reads the streamed pairs query of `compareSuites` one group at a time into typed arrays: DuckDB hands
 * over chunks of about 2,048 rows, and only the current chunk and the current group's arrays are held.
 */
import type { DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';
import type { PairedSample } from './paired-bootstrap.ts';

/** Reads the next group's pairs off a streamed result of `comparisonSql(...).pairs`. */
export interface PairsReader {
  /** The next `n` rows, which must all carry `groupCheck` (else the two queries disagree: a bug, thrown). */
  next(n: number, groupCheck: number): Promise<PairedSample>;
}

/**
 * A reader over `result` (columns group_check, sum_a, count_a, sum_b, count_b).
 * @example const reader = pairsReader(await connection.stream(sql.pairs)); const sample = await reader.next(8, check);
 */
export function pairsReader(result: DuckDBResult): PairsReader {
  let chunk: DuckDBDataChunk | null = null;
  let row = 0;
  /** The current chunk with a row left, fetching the next one when needed; null at the end of the result. */
  async function current(): Promise<DuckDBDataChunk | null> {
    while (chunk === null || row >= chunk.rowCount) {
      chunk = await result.fetchChunk();
      row = 0;
      if (chunk === null || chunk.rowCount === 0) return null;
    }
    return chunk;
  }
  return {
    async next(n, groupCheck) {
      const sample = {
        sumA: new Float64Array(n), countA: new Float64Array(n), sumB: new Float64Array(n), countB: new Float64Array(n),
      };
      for (let i = 0; i < n; ) {
        const rows = await current();
        if (rows === null) throw new Error(`pairs query ended ${n - i} rows short of a group of ${n}`);
        const check = rows.getColumnVector(0);
        const [sumA, countA, sumB, countB] = [1, 2, 3, 4].map((column) => rows.getColumnVector(column));
        for (; i < n && row < rows.rowCount; i++, row++) {
          if (check.getItem(row) !== groupCheck) {
            throw new Error(`pairs query: row of group ${String(check.getItem(row))} where group ${groupCheck} was expected`);
          }
          // DOUBLE columns, never NULL for a paired unit (the units query keeps non-NULL sums of counts > 0).
          sample.sumA[i] = sumA!.getItem(row) as number;
          sample.countA[i] = countA!.getItem(row) as number;
          sample.sumB[i] = sumB!.getItem(row) as number;
          sample.countB[i] = countB!.getItem(row) as number;
        }
      }
      return sample;
    },
  };
}
