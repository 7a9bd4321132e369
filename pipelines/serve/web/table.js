// A sortable table: click a header to sort by it (again to reverse). Numbers sort numerically and empty cells
// last (sort.js). The sort goes into the URL with history.replaceState (shareable, no re-render).

import { h, tid, clear } from './dom.js';
import { sortRows } from './sort.js';

/**
 * sortableTable({ testid, columns, rows, sort, onSort, rowAttrs }) → <table>.
 * columns: [{ label, title?, value(row) (the sort value), render?(row) (a node or text; default the value),
 *             numeric?: bool (right-aligned), cellAttrs?(row) }]
 * sort: { col: index, dir: 1 | -1 } | null; onSort(col, dir) is told of each new sort.
 */
export function sortableTable({ testid, columns, rows, sort = null, onSort = null, rowAttrs = null, className = '' }) {
  let state = sort && columns[sort.col] ? { ...sort } : null;
  const tbody = h('tbody');
  const ths = columns.map((col, i) => h('th', {
    title: col.title ?? null,
    class: `${col.numeric ? 'num ' : ''}sortable`,
    tabindex: 0,
    onclick: () => toggle(i),
    onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(i); } },
  }, col.label));

  function toggle(i) {
    state = state && state.col === i ? { col: i, dir: -state.dir } : { col: i, dir: columns[i].numeric ? -1 : 1 };
    paint();
    if (onSort) onSort(state.col, state.dir);
  }

  function paint() {
    ths.forEach((th, i) => {
      if (state && state.col === i) th.setAttribute('aria-sort', state.dir === 1 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    const ordered = state ? sortRows(rows, (r) => columns[state.col].value(r), state.dir) : rows;
    clear(tbody);
    for (const row of ordered) {
      tbody.appendChild(h('tr', rowAttrs ? rowAttrs(row) : null, columns.map((col) => {
        const content = col.render ? col.render(row) : col.value(row);
        const extra = col.cellAttrs ? col.cellAttrs(row) : {};
        return h('td', { ...extra, class: `${col.numeric ? 'num' : ''} ${extra.class ?? ''}`.trim() || null }, content ?? '');
      })));
    }
  }

  paint();
  return h('table', tid(testid, { class: `data ${className}`.trim() }), h('thead', null, h('tr', null, ths)), tbody);
}

/** A plain key/value table (no sorting): pairs of [key, value]; objects and arrays shown as JSON. */
export function keyValueTable(testid, pairs) {
  return h('table', tid(testid, { class: 'data kv' }), h('tbody', null, pairs.map(([k, v]) =>
    h('tr', null, h('th', { scope: 'row' }, k), h('td', null, typeof v === 'object' && v !== null
      ? h('pre', null, JSON.stringify(v, null, 1))
      : String(v))))));
}
