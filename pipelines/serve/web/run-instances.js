// The run page's "Instances" tab: 20 instances a page from data.instances (paged and filtered on the server in API
// mode), filters split / perturbation / outcome / text search, all in the URL.

import { h, tid } from './dom.js';
import { pageParam, withParams } from './router.js';
import { pager } from './pager.js';
import { paging, formatNumber } from './format.js';
import { filterSelect, searchBox } from './filters.js';
import { instanceView } from './instance-view.js';

export const INSTANCES_PER_PAGE = 20;

export async function instancesTab(route, { data, name, suite, detail }) {
  const p = route.params;
  const want = pageParam(p.page);
  const query = { run: name, suite, split: p.split ?? '', perturbation: p.perturbation ?? '', outcome: p.outcome ?? '', q: p.q ?? '' };
  let result = await data.instances({ ...query, offset: (want - 1) * INSTANCES_PER_PAGE, limit: INSTANCES_PER_PAGE });
  const { page, pages, offset } = paging(want, INSTANCES_PER_PAGE, result.total);
  if (page !== want) result = await data.instances({ ...query, offset, limit: INSTANCES_PER_PAGE });
  const main = result.main_metric ?? detail.main_metric;

  const controls = h('div', { class: 'filters' },
    filterSelect(route, { testid: 'filter-split', param: 'split', label: 'Split', options: detail.splits }),
    filterSelect(route, { testid: 'filter-perturbation', param: 'perturbation', label: 'Perturbation',
      options: [['original', 'original only'], ...detail.perturbations] }),
    filterSelect(route, { testid: 'filter-outcome', param: 'outcome', label: 'Outcome', options: ['correct', 'incorrect'] }),
    searchBox(route, { testid: 'instances-search', placeholder: 'Search input, prompt, completion' }));
  const summary = h('p', { class: 'muted' },
    h('span', tid('instances-total'), `${result.total} instances`),
    main ? ` · main metric ${main.name}${main.split ? ` (${main.split})` : ''}; correct when ≥ 0.5` : ' · no main metric (outcome filter unavailable)',
    typeof result.elapsed_ms === 'number' ? ` · ${formatNumber(result.elapsed_ms)} ms` : null);

  return h('section', { class: 'instances' }, controls, summary,
    pager({ page, pages, href: (n) => withParams(route, { page: n }) }),
    result.instances.length === 0 ? h('p', { class: 'empty' }, 'No instance matches.') : result.instances.map((item) => instanceView(item, main)));
}
