/**
 * @module Runs every statement of a SQL text in turn and prints each result as it comes: an aligned table
 * (blank line between tables), or NDJSON rows streamed chunk by chunk. A failing statement stops the rest,
 * and its error says which one it was.
 */
import { ResultReturnType, type DuckDBConnection, type Json } from '@duckdb/node-api';
import { UserError } from '../../core/errors.ts';
import { formatTable } from './format-table.ts';
import { toJson } from './json-value.ts';
import { statementExcerpt, statementTexts } from './split-statements.ts';

/** Hands text to the output; resolves when more may be written (after 'drain' on a full pipe). */
export type Print = (text: string) => Promise<void>;

/** How to print results. */
export interface RunStatementsOptions {
  /** One JSON object per row (NDJSON, the rows of each statement in turn) instead of tables. */
  readonly asJson: boolean;
  readonly print: Print;
}

/** DuckDB's message, less the wrapper words of `extractStatements`. */
const duckdbMessage = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/^Failed to extract statements: /, '');

/**
 * Runs the statements of `sql` one after the other, printing each result that has rows (a query, or the count
 * of changed rows; `SET` and the like print nothing). SQL errors are UserErrors: "SQL error: …" for a lone
 * statement, "SQL error in statement 2 of 3 (select …): …" among several. Results printed before stay printed.
 * @example await runStatements(session.connection, 'select 1; select 2', { asJson: false, print });
 */
export async function runStatements(connection: DuckDBConnection, sql: string, options: RunStatementsOptions): Promise<void> {
  const texts = statementTexts(sql);
  if (texts.length === 0) throw new UserError('No SQL statement to run: the query is empty or holds only comments.');
  let extracted;
  try {
    extracted = await connection.extractStatements(sql); // a syntax error anywhere: DuckDB's message shows where
  } catch (error) {
    throw new UserError(`SQL error: ${duckdbMessage(error)}`, { cause: error });
  }
  const count = extracted.count;
  let isFirstTable = true;
  for (let index = 0; index < count; index++) {
    // Our split of the text matches DuckDB's but for exotic syntax; then the statement is named by number only.
    const excerpt = texts.length === count ? ` (${statementExcerpt(texts[index]!)})` : '';
    const which = count === 1 ? '' : ` in statement ${index + 1} of ${count}${excerpt}`;
    /** One DuckDB step of this statement, its error made a UserError naming the statement. */
    const step = async <T>(work: Promise<T>): Promise<T> => {
      try {
        return await work;
      } catch (error) {
        throw new UserError(`SQL error${which}: ${duckdbMessage(error)}`, { cause: error });
      }
    };
    const result = await step(extracted.prepare(index).then((statement) => statement.stream()));
    if (result.returnType === ResultReturnType.NOTHING) continue;
    const columns = result.deduplicatedColumnNames();
    const rows: Json[][] = [];
    const chunks = result.yieldConvertedRows(toJson)[Symbol.asyncIterator]();
    for (let next = await step(chunks.next()); next.done !== true; next = await step(chunks.next())) {
      if (!options.asJson) {
        rows.push(...next.value);
        continue;
      }
      // Streamed chunk by chunk: an NDJSON output of any size stays in bounded memory.
      const lines = next.value.map((row) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]))));
      if (lines.length > 0) await options.print(`${lines.join('\n')}\n`);
    }
    if (options.asJson || columns.length === 0) continue;
    await options.print(`${isFirstTable ? '' : '\n'}${formatTable(columns, rows)}`);
    isFirstTable = false;
  }
}
