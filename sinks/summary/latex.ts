/**
 * @module A leaderboard table as LaTeX, byte for byte what HELM 0.5.16 writes to `groups/latex/<group>_<table>.tex`
 * (`presentation/table.py: table_to_latex`).
 */
import { pythonFloatRepr } from '../../core/helm-json.ts';
import type { Cell, Table } from './table.ts';

/**
 * Python's `str()` of a cell value. Numbers in HELM's group tables are Python floats (stat means, win rates), so
 * an integral 8 prints `8.0`; `str(float)` is the float repr except for `nan`/`inf`, which JSON spells otherwise.
 */
function pythonStr(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return pythonFloatRepr(value);
}

/** Python truthiness of a value: '' and 0.0 (and -0.0, and None) are false, NaN is true. */
const isTruthy = (value: number | string | null | undefined): value is number | string =>
  value !== null && value !== undefined && value !== '' && value !== 0;

/**
 * A body cell's text, `display_value or value or ""`: HELM's quirk, kept for parity, is that a value of 0.0 without a
 * display value prints as an empty cell (HELM 0.5.16 table.py).
 */
function cellText(cell: Cell): string {
  if (isTruthy(cell.display_value)) return cell.display_value;
  return isTruthy(cell.value) ? pythonStr(cell.value) : '';
}

/**
 * Renders `table` as HELM's LaTeX: a `table*` with `\resizebox`, a `tabular` aligned `l` then `r` per further column,
 * booktabs rules, the caption `Results for <name>` and the label `fig:<name>`. Columns whose body cells are all None
 * are left out; every `%` in the text is escaped (nothing else is). No trailing newline, as HELM writes it.
 * `name` is HELM's `table_name` argument: summarize passes `"<table.name> (<group name>)"`.
 * @example tableToLatex(table, 'gsm_ (gsm)') // '\\begin{table*}[htp]\n…\\caption{Results for gsm_ (gsm)}\n…'
 */
export function tableToLatex(table: Table, name: string): string {
  // A JSON file read back has no `value` key where HELM dropped None, hence `== null` (null or undefined).
  const shown = table.header
    .map((_, i) => i)
    .filter((i) => !table.rows.every((row) => row[i]?.value == null));
  const line = (texts: readonly string[]): string => `${texts.join(' & ')} \\\\`;
  const lines = [
    '\\begin{table*}[htp]',
    '\\resizebox{\\textwidth}{!}{',
    // Python's `"r" * -1` is '': a table with no columns left still gets `l`.
    `\\begin{tabular}{l${'r'.repeat(Math.max(0, shown.length - 1))}}`,
    '\\toprule',
    line(shown.map((i) => headerText(table, i))),
    '\\midrule',
    ...table.rows.map((row) => line(shown.map((i) => cellText(row[i] as Cell)))),
    '\\bottomrule',
    '\\end{tabular}}',
    `\\caption{Results for ${name}}`,
    `\\label{fig:${name}}`,
    '\\end{table*}',
  ];
  return lines.join('\n').replaceAll('%', '\\%');
}

/** A header cell prints `str(value)`: None would print "None" (HELM never writes a header without a value). */
function headerText(table: Table, i: number): string {
  const value = table.header[i]?.value;
  return value == null ? 'None' : pythonStr(value);
}
