import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tableToLatex } from './latex.ts';
import type { Cell, HeaderCell, Table } from './table.ts';

// HELM 0.5.16's own `groups/json/<group>_<table>.json` and `groups/latex/<group>_<table>.tex` (oracle-suite-small).
const GROUPS = fileURLToPath(
  new URL('../../../shared/golden/helm-0.5.16/oracle-suite-small/helm/groups/', import.meta.url),
);
const goldenNames = readdirSync(`${GROUPS}json`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

const header = (value: string): HeaderCell => ({ value, markdown: false, metadata: {} });
const cell = (value: number | string | null, displayValue?: string): Cell =>
  displayValue === undefined ? { value, markdown: false } : { value, display_value: displayValue, markdown: false };

describe('tableToLatex', () => {
  it('finds the 45 tables HELM wrote for the suite', () => {
    expect(goldenNames).toHaveLength(45);
  });

  // summarize.py write_groups: file `<group>_<table.name>.tex`, caption argument `<table.name> (<group>)`.
  it.each(goldenNames)('writes groups/latex/%s.tex byte for byte as HELM', (fileName) => {
    const table = JSON.parse(readFileSync(`${GROUPS}json/${fileName}.json`, 'utf8')) as Table;
    const suffix = `_${table.name}`;
    expect(fileName.endsWith(suffix)).toBe(true);
    const groupName = fileName.slice(0, -suffix.length);
    const expected = readFileSync(`${GROUPS}latex/${fileName}.tex`, 'utf8');
    expect(tableToLatex(table, `${table.name} (${groupName})`)).toBe(expected);
  });

  it('prints gsm_ (gsm) with 0.0 blank, floats as Python str, and the all-None column dropped', () => {
    const table = JSON.parse(readFileSync(`${GROUPS}json/gsm_gsm_.json`, 'utf8')) as Table;
    const lines = tableToLatex(table, 'gsm_ (gsm)').split('\n');
    expect(lines[2]).toBe('\\begin{tabular}{lrrrrrrr}');
    expect(lines[4]).toBe(
      'Model & EM & # eval & # train & truncated & # prompt tokens & # output tokens & # trials \\\\',
    );
    expect(lines[6]).toBe('Oracle legacy B &  & 8.0 & 5.0 &  & 1267.0 & 21.75 & 1.0 \\\\');
  });

  // Expected text from HELM 0.5.16's table_to_latex run on the same table in Python (/work/anchor).
  it('matches HELM on display values, repr of small and huge floats, nan, inf, -0.0 and % escapes', () => {
    const table: Table = {
      title: 't',
      header: [header('Model'), header('Acc 50%'), header('Blank'), header('Time')],
      rows: [
        [cell('M1'), cell(0), cell(null), cell(1e-5)],
        [cell('M2'), cell(0.5, '0.500'), cell(null), cell(NaN)],
        [cell('M3'), cell(12, ''), cell(null), cell(-0)],
        [cell('M4'), cell(1e16), cell(null), cell(Infinity)],
      ],
      links: [],
    };
    expect(tableToLatex(table, 'x_y (g)')).toBe(
      '\\begin{table*}[htp]\n\\resizebox{\\textwidth}{!}{\n\\begin{tabular}{lrr}\n\\toprule\n' +
        'Model & Acc 50\\% & Time \\\\\n\\midrule\nM1 &  & 1e-05 \\\\\nM2 & 0.500 & nan \\\\\n' +
        'M3 & 12.0 &  \\\\\nM4 & 1e+16 & inf \\\\\n\\bottomrule\n\\end{tabular}}\n' +
        '\\caption{Results for x_y (g)}\n\\label{fig:x_y (g)}\n\\end{table*}',
    );
  });

  it('drops every column of a table without rows, as HELM does (all() of nothing is true)', () => {
    const table: Table = { title: 'e', header: [header('Model'), header('A')], rows: [], links: [] };
    expect(tableToLatex(table, 'e (g)')).toBe(
      '\\begin{table*}[htp]\n\\resizebox{\\textwidth}{!}{\n\\begin{tabular}{l}\n\\toprule\n \\\\\n\\midrule\n' +
        '\\bottomrule\n\\end{tabular}}\n\\caption{Results for e (g)}\n\\label{fig:e (g)}\n\\end{table*}',
    );
  });
});
