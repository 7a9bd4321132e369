// The run page's "All metrics" tab: the run's stats, filterable by split and perturbation.

import { h, tid } from './dom.js';
import { sortableTable } from './table.js';
import { filterSelect } from './filters.js';
import { formatNumber } from './format.js';

/** Stats rows kept by the split and perturbation params ('original' = no perturbation). */
export function filterStats(stats, { split = '', perturbation = '' }) {
  return stats.filter((s) => (!split || s.split === split)
    && (!perturbation || (perturbation === 'original' ? s.perturbation_name === null : s.perturbation_name === perturbation)));
}

export function metricsTab(route, detail, schema) {
  const metrics = new Map((schema.metrics ?? []).map((m) => [m.name, m]));
  const rows = filterStats(detail.stats, route.params);
  const main = detail.main_metric;
  const num = (label, key) => ({ label, numeric: true, value: (s) => s[key], render: (s) => formatNumber(s[key]),
    cellAttrs: (s) => ({ title: s[key] === null || s[key] === undefined ? null : String(s[key]) }) });
  const columns = [
    { label: 'Metric', value: (s) => metrics.get(s.metric_name)?.display_name ?? s.metric_name,
      cellAttrs: (s) => ({ title: metrics.get(s.metric_name)?.description ?? null }) },
    { label: 'Name', value: (s) => s.metric_name, render: (s) => h('code', null, s.metric_name) },
    { label: 'Split', value: (s) => s.split ?? '' },
    { label: 'Sub-split', value: (s) => s.sub_split ?? '' },
    { label: 'Perturbation', value: (s) => s.perturbation_name ?? '' },
    { label: 'Computed on', value: (s) => s.computed_on ?? '' },
    num('Count', 'count'), num('Mean', 'mean'), num('Min', 'min'), num('Max', 'max'), num('Sum', 'sum'), num('Stddev', 'stddev'),
  ];
  const isMain = (s) => main && s.metric_name === main.name && (!main.split || s.split === main.split) && s.perturbation_name === null;
  return h('section', null,
    h('div', { class: 'filters' },
      filterSelect(route, { testid: 'filter-split', param: 'split', label: 'Split', options: detail.splits }),
      filterSelect(route, { testid: 'filter-perturbation', param: 'perturbation', label: 'Perturbation',
        options: [['original', 'none (original)'], ...detail.perturbations] })),
    h('p', tid('metrics-total', { class: 'muted' }), `${rows.length} of ${detail.stats.length} stats`),
    h('div', { class: 'scroll' }, sortableTable({ testid: 'metrics-table', columns, rows, rowAttrs: (s) => ({ class: isMain(s) ? 'main-metric' : null }) })));
}
