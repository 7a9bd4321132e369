/** @module How `helm-sql` turns DuckDB values into JSON: numbers where jq can do arithmetic on them. */
import { DuckDBDecimalValue, DuckDBTypeId, JsonDuckDBValueConverter, type DuckDBValueConverter, type Json } from '@duckdb/node-api';

const BIG_INTEGERS = new Set<DuckDBTypeId>([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]);

/**
 * DuckDB's JSON forms, except that BIGINT-like integers are numbers where exactly representable (strings
 * beyond 2^53) and DECIMAL values are numbers (`SELECT 1.5` is a DECIMAL in DuckDB), so jq can do arithmetic.
 * @example for await (const rows of result.yieldConvertedRows(toJson)) …
 */
export const toJson: DuckDBValueConverter<Json> = (value, type) => {
  if (typeof value === 'bigint' && BIG_INTEGERS.has(type.typeId)) {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  return JsonDuckDBValueConverter(value, type, toJson);
};
