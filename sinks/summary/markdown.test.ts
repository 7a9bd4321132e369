import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cellsToTable, tableToMarkdown, type TableCellRow } from './markdown.ts';
import type { Cell, HeaderCell, Table } from './table.ts';

// HELM 0.5.16's own per-table JSON files (oracle-suite-small).
const JSON_DIR = fileURLToPath(
  new URL('../../../shared/golden/helm-0.5.16/oracle-suite-small/helm/groups/json/', import.meta.url),
);
const golden = (name: string): Table => JSON.parse(readFileSync(`${JSON_DIR}${name}.json`, 'utf8')) as Table;

const header = (value: string): HeaderCell => ({ value, markdown: false, metadata: {} });
const cell = (value: number | string | null, extra: Partial<Cell> = {}): Cell => ({ value, markdown: false, ...extra });

/** A table's cells in long form, as its SQL returns them (the label column first in each row). */
const longForm = (table: Table): TableCellRow[] =>
  table.rows.flatMap((row) =>
    row.slice(1).map((c, i) => ({
      row_label: String(row[0]?.value),
      column: String(table.header[i + 1]?.value),
      value: c.value ?? null,
      bold: c.style?.['font-weight'] === 'bold',
    })),
  );

describe('tableToMarkdown', () => {
  it('writes the gsm_ table: numbers right-aligned as HELM shows them, 0.0 as 0, bold best, no-value column dropped', () => {
    expect(tableToMarkdown(golden('gsm_gsm_'))).toBe(
      '|Model|EM|# eval|# train|truncated|# prompt tokens|# output tokens|# trials|\n' +
        '|:-|-:|-:|-:|-:|-:|-:|-:|\n' +
        '|Oracle legacy B|**0**|8|5|0|1267|21.75|1|\n' +
        '|Oracle chat C|**0**|8|5|0|1267|0|1|\n',
    );
  });

  it('keeps only the 4 of 152 efficiency columns that have values, rounded to 3 decimals', () => {
    const table = golden('targeted_evaluations_efficiency_detailed');
    expect(table.header).toHaveLength(152);
    expect(tableToMarkdown(table)).toBe(
      '|Model|Mean win rate|MMLU - Observed inference time (s)|GSM8K - Observed inference time (s)|\n' +
        '|:-|-:|-:|-:|\n' +
        '|Oracle legacy B|**1**|**0.01**|**0.012**|\n' +
        '|Oracle chat C|0|0.023|0.021|\n',
    );
  });

  it('shows display values, escapes |, turns newlines into <br>, tells repeated headers apart, aligns text left', () => {
    const table: Table = {
      title: 't',
      header: [header('Model'), header('Note'), header('Acc'), header('Acc'), header('Empty')],
      rows: [
        [cell('a|b'), cell('x\ny'), cell(0.12345, { display_value: '12.3%' }), cell(2), cell(null)],
        [cell('c'), cell(null), cell(null), cell(0.6666, { style: { 'font-weight': 'bold' } }), cell(null)],
      ],
      links: [],
    };
    expect(tableToMarkdown(table)).toBe(
      '|Model|Note|Acc|Acc (2)|\n|:-|:-|-:|-:|\n|a\\|b|x<br>y|12.3%|2|\n|c|||**0.667**|\n',
    );
  });
});

describe('cellsToTable', () => {
  it('pivots the long form of core_scenarios_accuracy back into the same Markdown as the table itself', () => {
    const table = golden('core_scenarios_accuracy');
    const pivoted = cellsToTable(longForm(table));
    expect(tableToMarkdown(pivoted)).toBe(tableToMarkdown(table));
    expect(tableToMarkdown(pivoted)).toBe(
      '|Model|Mean win rate|MMLU - EM|\n|:-|-:|-:|\n|Oracle legacy B|**1**|**0.5**|\n|Oracle chat C|0|0|\n',
    );
  });

  it('orders rows and columns by first appearance, fills missing cells with null and marks bold cells', () => {
    const table = cellsToTable(
      [
        { row_label: 'z', column: 'B', value: 1, bold: true },
        { row_label: 'a', column: 'A', value: 'x', bold: false },
        { row_label: 'z', column: 'A', value: null },
        { row_label: 'm', column: 'C', value: 3.5, bold: null },
      ],
      { title: 'T', rowHeader: 'Run' },
    );
    expect(table.title).toBe('T');
    expect(table.header.map((h) => h.value)).toEqual(['Run', 'B', 'A', 'C']);
    expect(table.rows.map((row) => row.map((c) => c.value))).toEqual([
      ['z', 1, null, null],
      ['a', null, 'x', null],
      ['m', null, null, 3.5],
    ]);
    expect(table.rows[0]?.[1]?.style).toEqual({ 'font-weight': 'bold' });
    expect(table.rows[2]?.[3]?.style).toBeUndefined();
    expect(tableToMarkdown(table)).toBe('|Run|B|A|C|\n|:-|-:|:-|-:|\n|z|**1**|||\n|a||x||\n|m|||3.5|\n');
  });

  it('gives a header-only table for no cells', () => {
    expect(tableToMarkdown(cellsToTable([]))).toBe('|Model|\n|:-|\n');
  });
});
