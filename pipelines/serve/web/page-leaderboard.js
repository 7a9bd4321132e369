// #/leaderboard/<group>?table=<n>&sort=<col>&dir=<1|-1>&chart=<col>: a group's tables from groups/<group>.json,
// with a group picker, sortable columns, HELM's bold best values, cell descriptions as tooltips, links to the runs
// behind each cell, and a bar chart of one column across the rows (models).

import { h, tid, select } from './dom.js';
import { hrefFor, navigate, withParams } from './router.js';
import { sortableTable } from './table.js';
import { barChart } from './chart.js';
import { cellText } from './format.js';

/**
 * The picker's choices: groups.json's tables (categories) and their rows' groups ("?group=<name>"), without the
 * rows whose "# models" is 0 (groups of the schema that this suite did not run).
 */
export function groupChoices(index, schema) {
  const display = new Map((schema.run_groups ?? []).map((g) => [g.name, g.display_name ?? g.name]));
  return index.map((table) => ({
    category: table.title,
    groups: table.rows.filter((row) => {
      const models = table.header.findIndex((head) => head.value === '# models');
      return models < 0 || (typeof row[models]?.value === 'number' && row[models].value > 0);
    }).map((row) => {
      const name = new URLSearchParams(String(row[0]?.href ?? '').replace(/^[^?]*\?/, '')).get('group');
      return { name, label: display.get(name) ?? row[0]?.value ?? name };
    }).filter((g) => g.name),
  })).filter((c) => c.groups.length > 0);
}

/** The hash link of a cell: its runs (one → the run page, several → the runs list of those names), else its group. */
export function cellHref(cell) {
  const names = cell?.run_spec_names;
  if (names?.length === 1) return hrefFor(['runs', names[0]]);
  if (names?.length > 1) return hrefFor(['runs'], { names });
  const group = cell?.href ? new URLSearchParams(String(cell.href).replace(/^[^?]*\?/, '')).get('group') : null;
  return group ? hrefFor(['leaderboard', group]) : null;
}

function numericColumns(table) {
  return table.header.map((_, i) => i).filter((i) => i > 0 && table.rows.some((r) => typeof r[i]?.value === 'number'));
}

function renderCell(cell) {
  const href = cellHref(cell);
  return href ? h('a', { href }, cellText(cell)) : cellText(cell);
}

export async function leaderboardPage(routeIn, { data }) {
  const [index, schema] = await Promise.all([data.groupsIndex(), data.schema()]);
  const choices = groupChoices(index, schema);
  const first = choices.flatMap((c) => c.groups)[0];
  const group = routeIn.path[1] ?? first?.name;
  if (!group) return h('p', null, 'This suite has no groups (groups.json is empty).');
  const route = { ...routeIn, path: ['leaderboard', group] };
  if (!routeIn.path[1]) history.replaceState(null, '', withParams(route, {}, { keepPage: true }));

  const picker = h('select', tid('group-picker', { onchange: (e) => navigate(hrefFor(['leaderboard', e.target.value])) }),
    choices.map((c) => h('optgroup', { label: c.category }, c.groups.map((g) => h('option', { value: g.name, selected: g.name === group }, g.label)))));
  picker.value = group;
  const info = (schema.run_groups ?? []).find((g) => g.name === group);

  let tables;
  try {
    tables = await data.groupTables(group);
  } catch (err) {
    return h('section', null, h('h1', null, info?.display_name ?? group), h('label', { class: 'picker' }, 'Group ', picker),
      h('p', tid('error', { class: 'error' }), `No leaderboard for group ${group}: ${err.message}`));
  }
  const n = Math.min(Math.max(0, Number.parseInt(route.params.table ?? '0', 10) || 0), Math.max(0, tables.length - 1));
  const table = tables[n];
  const tabs = tables.length > 1 ? h('nav', { class: 'tabs' }, tables.map((t, i) =>
    h('a', { href: withParams(route, { table: i, sort: '', dir: '', chart: '' }), class: i === n ? 'active' : null }, t.title || `Table ${i + 1}`))) : null;
  if (!table) return h('section', null, h('label', { class: 'picker' }, 'Group ', picker), h('p', null, 'This group has no tables.'));

  const columns = table.header.map((head, i) => {
    const numeric = numericColumns(table).includes(i);
    return {
      label: head.value, title: head.description ?? null, numeric,
      value: (row) => row[i]?.value ?? null,
      render: (row) => renderCell(row[i]),
      cellAttrs: (row) => ({ title: row[i]?.description || null, style: row[i]?.style?.['font-weight'] ? { 'font-weight': row[i].style['font-weight'] } : null }),
    };
  });
  const sortCol = route.params.sort === undefined ? null : Number(route.params.sort);
  const grid = sortableTable({
    testid: 'leaderboard-table', columns, rows: table.rows,
    sort: sortCol === null ? null : { col: sortCol, dir: route.params.dir === '-1' ? -1 : 1 },
    onSort: (col, dir) => history.replaceState(null, '', withParams(route, { sort: col, dir }, { keepPage: true })),
  });

  return h('section', { class: 'leaderboard' },
    h('h1', null, info?.display_name ?? group),
    h('label', { class: 'picker' }, 'Group ', picker),
    info?.description ? h('p', { class: 'muted' }, info.description) : null,
    tabs,
    table.title ? h('h2', null, table.title) : null,
    h('div', { class: 'scroll' }, grid),
    chartFor(route, table));
}

function chartFor(route, table) {
  const cols = numericColumns(table);
  if (cols.length === 0 || table.rows.length === 0) return null;
  const wanted = Number(route.params.chart);
  const col = cols.includes(wanted) ? wanted : cols[0];
  const head = table.header[col];
  const chooser = select({ 'aria-label': 'Chart column', dataset: { testid: 'chart-column' } },
    cols.map((i) => [String(i), table.header[i].value]), String(col),
    (value) => navigate(withParams(route, { chart: value }, { keepPage: true })));
  const items = table.rows.map((row) => ({
    label: cellText(row[0]), value: typeof row[col]?.value === 'number' ? row[col].value : null, href: cellHref(row[col]),
  }));
  return h('section', { class: 'chart-section' }, h('label', { class: 'picker' }, 'Chart of ', chooser),
    barChart({ title: head.value, items, lowerIsBetter: head.lower_is_better === true }));
}
