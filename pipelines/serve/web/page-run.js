// #/runs/<run>?tab=instances|metrics&suite=…: a run's header (groups, model, method, downloads, compare link), its
// adapter spec, and the tabs Instances (run-instances.js) and All metrics (run-metrics.js).

import { h, tid } from './dom.js';
import { hrefFor } from './router.js';
import { keyValueTable } from './table.js';
import { instancesTab } from './run-instances.js';
import { metricsTab } from './run-metrics.js';

const DOWNLOADS = ['run_spec.json', 'scenario_state.json', 'per_instance_stats.json', 'stats.json'];

export async function runPage(route, { data }) {
  const name = route.path[1];
  const suiteParam = route.params.suite ?? '';
  const [detail, schema] = await Promise.all([data.run(name, suiteParam), data.schema()]);
  const run = detail.run;
  const suite = run.suite ?? suiteParam;
  const tab = route.params.tab === 'metrics' ? 'metrics' : 'instances';
  const groupDisplay = new Map((schema.run_groups ?? []).map((g) => [g.name, g.display_name ?? g.name]));
  const model = (schema.models ?? []).find((m) => m.name === run.model);

  const facts = h('dl', { class: 'facts' },
    h('dt', null, 'Groups'), h('dd', null, (run.groups ?? []).flatMap((g, i) => [i ? ', ' : '', h('a', { href: hrefFor(['leaderboard', g]) }, groupDisplay.get(g) ?? g)])),
    h('dt', null, 'Model'), h('dd', null, h('a', { href: hrefFor(['runs'], { model: run.model }) }, model?.display_name ?? run.model ?? ''), run.model ? [' ', h('code', null, run.model)] : null),
    h('dt', null, 'Method'), h('dd', null, run.method ?? ''),
    h('dt', null, 'Suite'), h('dd', null, suite ?? ''),
    run.num_request_states !== null && run.num_request_states !== undefined
      ? [h('dt', null, 'Requests'), h('dd', null, `${run.num_request_states} (${run.num_failed_requests ?? 0} failed)`)] : null,
    detail.main_metric ? [h('dt', null, 'Main metric'), h('dd', null, `${detail.main_metric.name} (${detail.main_metric.split ?? 'any split'})`)] : null,
    h('dt', null, 'Files'), h('dd', null, DOWNLOADS.flatMap((file, i) => [i ? ' · ' : '', h('a', { href: data.runFileUrl(suite, name, file), download: file }, file)])),
  );

  const tabs = h('nav', { class: 'tabs' },
    h('a', tid('tab-instances', { href: hrefFor(route.path, { tab: 'instances', suite: suiteParam }), class: tab === 'instances' ? 'active' : null }), 'Instances + predictions'),
    h('a', tid('tab-metrics', { href: hrefFor(route.path, { tab: 'metrics', suite: suiteParam }), class: tab === 'metrics' ? 'active' : null }), 'All metrics'));
  const body = tab === 'metrics'
    ? metricsTab(route, detail, schema)
    : await instancesTab(route, { data, name, suite: suiteParam, detail });

  return h('section', { class: 'run' },
    h('h1', tid('run-title', { class: 'run-title' }), name),
    facts,
    h('p', null, h('a', { href: hrefFor(['compare'], { a: name, suite_a: suiteParam }), class: 'button' }, 'Compare with…')),
    h('details', { class: 'adapter', open: true }, h('summary', null, 'Adapter spec'),
      keyValueTable('adapter-spec', Object.entries(run.run_spec?.adapter_spec ?? {}))),
    tabs, body);
}
