/**
 * @module One leaderboard table's files under `groups/`: HELM's `json/<name>.json` and `latex/<name>.tex`
 * (summarize.py `write_groups`), and beyond HELM `markdown/<name>.md` and, when the table came from SQL,
 * `sql/<name>.sql` to rerun in the DuckDB CLI. `<name>` is `<group>_<table.name>`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { helmJson } from '../../core/helm-json.ts';
import { pyFloat } from '../../core/py-float.ts';
import { writeFileAtomically } from '../atomic-file.ts';
import { tableToLatex } from './latex.ts';
import { tableToMarkdown } from './markdown.ts';
import type { Cell, Table } from './table.ts';

/**
 * The base name of a table's files, `<group>_<table name>` as HELM writes it (`mmlu_mmlu_subject:anatomy`,
 * `gsm_gsm_`, `core_scenarios_accuracy`). A table without a name gives `<group>_None`, as Python's f-string does.
 */
export const tableFileName = (groupName: string, table: Pick<Table, 'name'>): string =>
  `${groupName}_${table.name ?? 'None'}`;

/** Python's `os.path.join(a, b)`: no normalization; `b` absolute replaces `a`. */
const pyJoin = (a: string, b: string): string =>
  b.startsWith('/') || a === '' ? b : a.endsWith('/') ? `${a}${b}` : `${a}/${b}`;

/**
 * The table with HELM's two links to its files appended, "LaTeX" then "JSON", as summarize.py does before writing
 * the per-table JSON and `groups/<group>.json`. `groupsHref` is the groups folder as HELM spells it: the output path
 * as given on the command line joined with `runs/<suite>/groups` (`benchmark_output/runs/golden/groups`).
 */
export function withTableFileLinks(table: Table, groupName: string, groupsHref: string): Table {
  const name = tableFileName(groupName, table);
  return {
    ...table,
    links: [
      ...table.links,
      { text: 'LaTeX', href: pyJoin(pyJoin(groupsHref, 'latex'), `${name}.tex`) },
      { text: 'JSON', href: pyJoin(pyJoin(groupsHref, 'json'), `${name}.json`) },
    ],
  };
}

/**
 * A cell as `asdict_without_nones` gives it, fields in the dataclass order (Cell, then HeaderCell's two): a None
 * value is dropped, a number is a Python float.
 */
function cellRecord(cell: Cell & { readonly lower_is_better?: boolean; readonly metadata?: object }): object {
  const value = cell.value;
  return {
    value: value === null ? undefined : typeof value === 'number' && cell.isInt !== true ? pyFloat(value) : value,
    display_value: cell.display_value,
    description: cell.description,
    href: cell.href,
    style: cell.style,
    markdown: cell.markdown,
    run_spec_names: cell.run_spec_names,
    lower_is_better: cell.lower_is_better,
    metadata: cell.metadata,
  };
}

/**
 * The record `helmJson` writes as HELM's JSON of a table (`json.dumps(asdict_without_nones(table), indent=2)`): None
 * values dropped; numbers printed as Python floats, since nearly every number in HELM's tables is a mean, a win rate
 * or a count averaged over runs (`8.0`, `1267.0`); a cell marked `isInt` (groups.json's '# models') as an int. Also
 * fit for `groups/<group>.json`, a list of these.
 * @example helmJson(tables.map(tableHelmRecord))
 */
export function tableHelmRecord(table: Table): unknown {
  return {
    title: table.title,
    header: table.header.map(cellRecord),
    rows: table.rows.map((row) => row.map(cellRecord)),
    links: table.links.map(({ text, href }) => ({ text, href })),
    name: table.name,
    description: table.description,
  };
}

/** The Markdown file of a table: its title (else its file name), the table, and where its SQL is when it has one. */
export const markdownFile = (table: Table, name: string, hasSql = true): string =>
  `### ${table.title === '' ? name : table.title}\n\n${tableToMarkdown(table)}` +
  (hasSql ? `\nThe numbers: \`sql/${name}.sql\` over the suite's results.duckdb.\n` : '');

/** Options of `writeTableFiles`. */
export interface TableFilesOptions {
  /** The run group the table belongs to: the files are `<group>_<table.name>.*` and the LaTeX caption names it. */
  readonly groupName: string;
  /** The SQL that produced the table, saved as `sql/<name>.sql` (a trailing newline is added if missing). */
  readonly sql?: string;
}

/**
 * Writes one table's files under `groupsDir`: `json/<name>.json` and `latex/<name>.tex` byte for byte as HELM
 * (no trailing newline; the JSON holds the table as given, so pass it through `withTableFileLinks` first, as HELM's
 * files carry those links), `markdown/<name>.md`, and `sql/<name>.sql` when `sql` is given. Folders are created.
 * @example
 * await writeTableFiles(groupsDir, withTableFileLinks(table, 'mmlu', groupsHref), { groupName: 'mmlu', sql });
 */
export async function writeTableFiles(groupsDir: string, table: Table, options: TableFilesOptions): Promise<void> {
  const name = tableFileName(options.groupName, table);
  const files: [folder: string, extension: string, text: string][] = [
    ['json', 'json', helmJson(tableHelmRecord(table))],
    // summarize.py write_groups: the caption argument is "<table.name> (<group>)".
    ['latex', 'tex', tableToLatex(table, `${table.name ?? 'None'} (${options.groupName})`)],
    ['markdown', 'md', markdownFile(table, name, options.sql !== undefined)],
  ];
  const sql = options.sql;
  if (sql !== undefined) files.push(['sql', 'sql', sql.endsWith('\n') ? sql : `${sql}\n`]);
  await Promise.all(
    files.map(async ([folder, extension, text]) => {
      await mkdir(join(groupsDir, folder), { recursive: true });
      await writeFileAtomically(join(groupsDir, folder, `${name}.${extension}`), text);
    }),
  );
}
