/**
 * @module Prints `compareSuites` rows for the terminal: an aligned Markdown table, one line per (run, metric,
 * split, perturbation) in the order given (run, then metric), with a legend; or NDJSON, one row per line.
 */
import type { ComparisonRow } from './compare.ts';

export interface FormatComparisonOptions {
  /** 'markdown' (default): a table for people; 'json': one JSON object per line, every field. */
  readonly format?: 'markdown' | 'json';
  /** Significance level marked with `*` (default 0.05). */
  readonly alpha?: number;
}

const HEADER = ['run', 'metric', 'split', 'pairs', 'A', 'B', 'B − A', '95% CI', 'p'] as const;
const RIGHT_ALIGNED = new Set<string>(['pairs', 'A', 'B', 'B − A', 'p']);
// Fields of a PerturbationDescription that say what kind it is rather than how it was made.
const PERTURBATION_FLAGS = new Set(['name', 'robustness', 'fairness', 'computed_on']);

/** Four significant digits without trailing zeros; exponent form when very small or large; '–' for null. */
export function formatNumber(value: number | null): string {
  if (value === null) return '–';
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size < 1e-4 || size >= 1e6) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/** `exact_match`, or `exact_match (typos prob=0.1)` for a perturbation's row. */
function metricLabel(row: ComparisonRow): string {
  if (row.perturbation === undefined) return row.metric;
  let described: Record<string, unknown>;
  try {
    described = JSON.parse(row.perturbation) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`comparison row ${row.run_name} ${row.metric}: perturbation is not JSON: ${row.perturbation}`, { cause: error });
  }
  const parameters = Object.entries(described).filter(([key]) => !PERTURBATION_FLAGS.has(key)).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `${row.metric} (${[String(described['name']), ...parameters].join(' ')})`;
}

/** `38`, or `38 (+2 A, +2 B)` with the units only one suite has. */
function pairsLabel(row: ComparisonRow): string {
  const only = [row.n_only_a > 0 ? `+${row.n_only_a} A` : '', row.n_only_b > 0 ? `+${row.n_only_b} B` : ''].filter(Boolean);
  return only.length === 0 ? String(row.n_paired) : `${row.n_paired} (${only.join(', ')})`;
}

/** The cells of one row. */
function cells(row: ComparisonRow, alpha: number): string[] {
  const interval = row.ci_low === null || row.ci_high === null ? '–' : `[${formatNumber(row.ci_low)}, ${formatNumber(row.ci_high)}]`;
  const p = row.p_value === null ? '–' : `${String(Number(row.p_value.toPrecision(2)))}${row.p_value < alpha ? ' *' : ''}`;
  const split = row.sub_split === undefined ? (row.split ?? '–') : `${row.split ?? '–'}/${row.sub_split}`;
  // Without pairs, a suite's own run mean (HELM's stats) in parentheses, for what it is worth alone.
  const mean = (paired: number | null, run: number | null): string =>
    paired === null && run !== null ? `(${formatNumber(run)})` : formatNumber(paired);
  return [row.run_name, metricLabel(row), split, pairsLabel(row), mean(row.mean_a, row.run_mean_a),
    mean(row.mean_b, row.run_mean_b), formatNumber(row.difference), interval, p];
}

/**
 * The comparison as text: a Markdown table whose columns are padded to line up in a terminal (A and B: means over
 * the paired instances; "+2 A": units only A has), then a legend; or NDJSON with `format: 'json'`.
 * @example process.stdout.write(formatComparison(rows));
 */
export function formatComparison(rows: readonly ComparisonRow[], options: FormatComparisonOptions = {}): string {
  if (options.format === 'json') return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  const alpha = options.alpha ?? 0.05;
  const table = [[...HEADER], ...rows.map((row) => cells(row, alpha).map((cell) => cell.replaceAll('|', '\\|')))];
  const widths = HEADER.map((_, column) => Math.max(3, ...table.map((line) => [...line[column]!].length)));
  const pad = (cell: string, column: number): string => {
    const room = ' '.repeat(widths[column]! - [...cell].length);
    return RIGHT_ALIGNED.has(HEADER[column]!) ? room + cell : cell + room;
  };
  const line = (values: readonly string[]): string => `| ${values.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (RIGHT_ALIGNED.has(HEADER[column]!) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  const legend =
    '\nA, B: run-level means (HELM: sum / count) over the instances both suites evaluated; (x): a suite\'s own run ' +
    'mean where nothing pairs. pairs: how many, +n A / +n B: units only one suite has. B − A with its 95% ' +
    `paired-bootstrap percentile interval; p: two-sided paired bootstrap; * p < ${alpha}.\n`;
  if (rows.length === 0) return 'No run and metric in common between the two suites.\n';
  return [line(table[0]!), rule, ...table.slice(1).map(line)].join('\n') + '\n' + legend;
}
