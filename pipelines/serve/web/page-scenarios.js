// #/scenarios: schema.json's run groups that have runs, with taxonomy and main metric.

import { h } from './dom.js';
import { hrefFor } from './router.js';
import { sortableTable } from './table.js';

/** "task: …; what: …" from a run group's taxonomy. */
export function taxonomyText(taxonomy) {
  return Object.entries(taxonomy ?? {}).map(([k, v]) => `${k}: ${v}`).join('; ');
}

/** The display name of a run group's main metric (environment.main_name looked up in schema.metrics). */
export function mainMetricName(group, schema) {
  const name = group.environment?.main_name;
  if (!name) return '';
  const metric = (schema.metrics ?? []).find((m) => m.name === name);
  return metric?.display_name ?? metric?.short_display_name ?? name;
}

export async function scenariosPage(_route, { data }) {
  const [schema, runs] = await Promise.all([data.schema(), data.runs({ limit: 1 })]);
  const withRuns = new Set(runs.facets.groups);
  const groups = (schema.run_groups ?? []).filter((g) => withRuns.has(g.name));
  const columns = [
    { label: 'Scenario', value: (g) => g.display_name ?? g.name, render: (g) => h('a', { href: hrefFor(['leaderboard', g.name]) }, g.display_name ?? g.name) },
    { label: 'Name', value: (g) => g.name, render: (g) => h('code', null, g.name) },
    { label: 'Description', value: (g) => g.description ?? '' },
    { label: 'Taxonomy', value: (g) => taxonomyText(g.taxonomy) },
    { label: 'Main metric', value: (g) => mainMetricName(g, schema), cellAttrs: (g) => ({ title: g.environment?.main_name ?? null }) },
    { label: 'Runs', value: () => 'runs', render: (g) => h('a', { href: hrefFor(['runs'], { group: g.name }) }, 'runs') },
  ];
  return h('section', null, h('h1', null, 'Scenarios'), h('p', { class: 'muted' }, `${groups.length} scenarios with runs`),
    h('div', { class: 'scroll' }, sortableTable({ testid: 'scenarios-table', columns, rows: groups })));
}
