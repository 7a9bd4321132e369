// #/runs?q=&scenario=&model=&group=&perturbation=&page=: the runs, searchable and filtered (on the server in API
// mode), 50 per page. #/runs?names=a&names=b lists just the named runs (a leaderboard cell's runs).

import { h, tid } from './dom.js';
import { hrefFor, pageParam, withParams } from './router.js';
import { sortableTable } from './table.js';
import { pager } from './pager.js';
import { paging } from './format.js';
import { filterSelect, searchBox } from './filters.js';

export const RUNS_PER_PAGE = 50;

function runsTable(runs) {
  const columns = [
    { label: 'Run', value: (r) => r.run_name, render: (r) => h('a', { href: hrefFor(['runs', r.run_name], r.suite ? { suite: r.suite } : {}) }, r.run_name) },
    { label: 'Scenario', value: (r) => r.scenario },
    { label: 'Model', value: (r) => r.model },
    { label: 'Method', value: (r) => r.method },
    { label: 'Groups', value: (r) => (r.groups ?? []).join(', ') },
    { label: 'Perturbations', value: (r) => (r.perturbations ?? []).join(', ') },
    { label: 'Requests', numeric: true, value: (r) => r.num_request_states },
    { label: 'Failed', numeric: true, value: (r) => r.num_failed_requests },
    { label: 'Completed', value: (r) => r.completed_at ?? '' },
  ];
  return h('div', { class: 'scroll' }, sortableTable({ testid: 'runs-table', columns, rows: runs, rowAttrs: (r) => ({ dataset: { run: r.run_name } }) }));
}

async function namedRuns(names, data) {
  const found = [];
  for (const name of names) { // one request at a time: a cell names a few runs
    const page = await data.runs({ q: name, limit: 200 });
    found.push(page.runs.find((r) => r.run_name === name) ?? { run_name: name, groups: [], perturbations: [] });
  }
  return h('section', null, h('h1', null, 'Runs'),
    h('p', null, h('span', tid('runs-total'), `${found.length} runs`), ' of a leaderboard cell · ', h('a', { href: hrefFor(['runs']) }, 'all runs')),
    runsTable(found));
}

export async function runsPage(route, { data }) {
  if (route.all.names?.length) return namedRuns(route.all.names, data);
  const p = route.params;
  const want = pageParam(p.page);
  const query = { q: p.q ?? '', scenario: p.scenario ?? '', model: p.model ?? '', group: p.group ?? '', perturbation: p.perturbation ?? '' };
  let result = await data.runs({ ...query, offset: (want - 1) * RUNS_PER_PAGE, limit: RUNS_PER_PAGE });
  const { page, pages, offset } = paging(want, RUNS_PER_PAGE, result.total);
  if (page !== want) result = await data.runs({ ...query, offset, limit: RUNS_PER_PAGE });

  const f = result.facets;
  const controls = h('div', { class: 'filters' },
    searchBox(route, { testid: 'runs-search', placeholder: 'Search run names' }),
    filterSelect(route, { testid: 'runs-filter-scenario', param: 'scenario', label: 'Scenario', options: f.scenarios }),
    filterSelect(route, { testid: 'runs-filter-model', param: 'model', label: 'Model', options: f.models }),
    filterSelect(route, { testid: 'runs-filter-group', param: 'group', label: 'Group', options: f.groups }),
    filterSelect(route, { testid: 'runs-filter-perturbation', param: 'perturbation', label: 'Perturbation', options: f.perturbations }));
  const filtered = Object.values(query).some((v) => v);
  return h('section', null, h('h1', null, 'Runs'), controls,
    h('p', null, h('span', tid('runs-total'), `${result.total} runs`), filtered ? [' · ', h('a', { href: hrefFor(['runs']) }, 'clear filters')] : null),
    pager({ page, pages, href: (n) => withParams(route, { page: n }) }),
    runsTable(result.runs));
}
