/**
 * @module HELM's presentation tables (`presentation/table.py`): the shape of `groups/<group>.json`, `groups.json`
 * and the per-table JSON files. Field order is HELM's (it is the JSON key order); absent fields are HELM's None.
 */

/** One cell. `value` is a number, a string or null (HELM's None: "no matching runs"). */
export interface Cell {
  readonly value: number | string | null;
  readonly display_value?: string;
  /** For a stat: `Stat.bare_str()`, e.g. "min=0, mean=0, max=0, sum=0 (1)". */
  readonly description?: string;
  readonly href?: string;
  /** `{ 'font-weight': 'bold' }` on the best value of a column. */
  readonly style?: Readonly<Record<string, string>>;
  readonly markdown: boolean;
  readonly run_spec_names?: readonly string[];
  /** Not written: the value is a Python int (HELM's '# models' count), printed `2`, not `2.0` as every other number. */
  readonly isInt?: boolean;
}

/** A column header: a cell that also says which way is better and what the column shows. */
export interface HeaderCell extends Cell {
  readonly lower_is_better?: boolean;
  /** `{ metric, run_group, [perturbation] }` display names; `{}` for the label and aggregate columns. */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface Hyperlink {
  readonly text: string;
  readonly href: string;
}

export interface Table {
  readonly title: string;
  readonly header: readonly HeaderCell[];
  readonly rows: readonly (readonly Cell[])[];
  readonly links: readonly Hyperlink[];
  readonly name?: string;
  readonly description?: string;
}
