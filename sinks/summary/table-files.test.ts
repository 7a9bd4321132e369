import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { helmJson } from '../../core/helm-json.ts';
import { tableFileName, tableHelmRecord, withTableFileLinks, writeTableFiles } from './table-files.ts';
import type { Table } from './table.ts';

// HELM 0.5.16's own `groups/` folder after helm-summarize of oracle-suite-small (run with `-o benchmark_output`,
// suite `golden`, so its links read `benchmark_output/runs/golden/groups/...`).
const GROUPS = fileURLToPath(
  new URL('../../../shared/golden/helm-0.5.16/oracle-suite-small/helm/groups/', import.meta.url),
);
const GROUPS_HREF = 'benchmark_output/runs/golden/groups';
const goldenText = (path: string): string => readFileSync(join(GROUPS, path), 'utf8');
const goldenNames = readdirSync(join(GROUPS, 'json')).map((f) => f.slice(0, -'.json'.length));
const groupNames = readdirSync(GROUPS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

/** A golden per-table file with the group it belongs to, and the table as summarize built it (before the links). */
function goldenTable(fileName: string): { table: Table; groupName: string; unlinked: Table } {
  const table = JSON.parse(goldenText(`json/${fileName}.json`)) as Table;
  const groupName = fileName.slice(0, -`_${table.name}`.length);
  return { table, groupName, unlinked: { ...table, links: table.links.slice(0, -2) } };
}

describe('tableFileName', () => {
  it('joins group and table name as HELM does, and writes None for a table without a name', () => {
    expect(tableFileName('mmlu', { name: 'mmlu_subject:anatomy' })).toBe('mmlu_mmlu_subject:anatomy');
    expect(tableFileName('gsm', { name: 'gsm_' })).toBe('gsm_gsm_');
    expect(tableFileName('gsm', {})).toBe('gsm_None');
  });

  it('names every one of the 45 golden files after its own table', () => {
    expect(goldenNames).toHaveLength(45);
    for (const fileName of goldenNames) {
      const { table, groupName } = goldenTable(fileName);
      expect(tableFileName(groupName, table)).toBe(fileName);
    }
  });
});

describe('tableHelmRecord', () => {
  it.each(goldenNames)('writes groups/json/%s.json byte for byte as HELM', (fileName) => {
    const { table } = goldenTable(fileName);
    expect(helmJson(tableHelmRecord(table))).toBe(goldenText(`json/${fileName}.json`));
  });

  it.each(groupNames)('writes groups/%s.json (the list of its tables) byte for byte as HELM', (groupName) => {
    const tables = JSON.parse(goldenText(`${groupName}.json`)) as Table[];
    expect(helmJson(tables.map(tableHelmRecord))).toBe(goldenText(`${groupName}.json`));
  });

  it('drops a None value and prints integral numbers as floats (8.0), keeping the dataclass field order', () => {
    const table: Table = {
      title: 'T',
      header: [{ metadata: {}, markdown: false, value: 'Model' }],
      rows: [
        [{ markdown: false, style: {}, value: 8 }],
        [{ description: 'No matching runs', value: null, markdown: false }],
      ],
      links: [],
    };
    expect(helmJson(tableHelmRecord(table))).toBe(
      [
        '{',
        '  "title": "T",',
        '  "header": [',
        '    {',
        '      "value": "Model",',
        '      "markdown": false,',
        '      "metadata": {}',
        '    }',
        '  ],',
        '  "rows": [',
        '    [',
        '      {',
        '        "value": 8.0,',
        '        "style": {},',
        '        "markdown": false',
        '      }',
        '    ],',
        '    [',
        '      {',
        '        "description": "No matching runs",',
        '        "markdown": false',
        '      }',
        '    ]',
        '  ],',
        '  "links": []',
        '}',
      ].join('\n'),
    );
  });
});

describe('withTableFileLinks', () => {
  it.each(goldenNames)('adds the LaTeX and JSON links HELM put in %s.json', (fileName) => {
    const { table, groupName, unlinked } = goldenTable(fileName);
    expect(withTableFileLinks(unlinked, groupName, GROUPS_HREF)).toEqual(table);
  });

  it('joins paths as os.path.join: a trailing slash is not doubled', () => {
    const { unlinked } = goldenTable('gsm_gsm_');
    expect(withTableFileLinks(unlinked, 'gsm', '/out/runs/s/groups/').links.slice(-2)).toEqual([
      { text: 'LaTeX', href: '/out/runs/s/groups/latex/gsm_gsm_.tex' },
      { text: 'JSON', href: '/out/runs/s/groups/json/gsm_gsm_.json' },
    ]);
  });
});

describe('writeTableFiles', () => {
  let dir = '';
  afterEach(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('writes json and latex as HELM, the Markdown, and the SQL beside them, leaving no .tmp file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'table-files-'));
    const { groupName, unlinked } = goldenTable('mmlu_mmlu_subject:anatomy');
    const sql = 'SELECT row_label, column, value, bold FROM cells';
    await writeTableFiles(dir, withTableFileLinks(unlinked, groupName, GROUPS_HREF), { groupName, sql });
    const name = 'mmlu_mmlu_subject:anatomy';
    expect(await readFile(join(dir, 'json', `${name}.json`), 'utf8')).toBe(goldenText(`json/${name}.json`));
    expect(await readFile(join(dir, 'latex', `${name}.tex`), 'utf8')).toBe(goldenText(`latex/${name}.tex`));
    const markdown = await readFile(join(dir, 'markdown', `${name}.md`), 'utf8');
    expect(markdown.split('\n').slice(0, 4)).toEqual([
      '### subject: anatomy',
      '',
      '|Model|EM|ECE (10-bin)|EM (Robustness)|EM (Fairness)|# eval|# train|truncated|# prompt tokens|# output tokens|# trials|',
      '|:-|-:|-:|-:|-:|-:|-:|-:|-:|-:|-:|',
    ]);
    expect(markdown.endsWith(`\nThe numbers: \`sql/${name}.sql\` over the suite's results.duckdb.\n`)).toBe(true);
    expect(await readFile(join(dir, 'sql', `${name}.sql`), 'utf8')).toBe(`${sql}\n`);
    const extensions = { json: 'json', latex: 'tex', markdown: 'md', sql: 'sql' };
    for (const [folder, extension] of Object.entries(extensions)) {
      expect(await readdir(join(dir, folder))).toEqual([`${name}.${extension}`]);
    }
  });

  it('writes no sql folder without SQL, and the gsm_ table under gsm_gsm_', async () => {
    dir = await mkdtemp(join(tmpdir(), 'table-files-'));
    const { groupName, unlinked } = goldenTable('gsm_gsm_');
    await writeTableFiles(dir, withTableFileLinks(unlinked, groupName, GROUPS_HREF), { groupName });
    expect((await readdir(dir)).sort()).toEqual(['json', 'latex', 'markdown']);
    expect(await readFile(join(dir, 'json', 'gsm_gsm_.json'), 'utf8')).toBe(goldenText('json/gsm_gsm_.json'));
    expect(await readFile(join(dir, 'latex', 'gsm_gsm_.tex'), 'utf8')).toBe(goldenText('latex/gsm_gsm_.tex'));
    expect(await readFile(join(dir, 'markdown', 'gsm_gsm_.md'), 'utf8')).toBe(
      '### gsm_gsm_\n\n' +
        '|Model|EM|# eval|# train|truncated|# prompt tokens|# output tokens|# trials|\n' +
        '|:-|-:|-:|-:|-:|-:|-:|-:|\n' +
        '|Oracle legacy B|**0**|8|5|0|1267|21.75|1|\n' +
        '|Oracle chat C|**0**|8|5|0|1267|0|1|\n',
    );
  });
});
