// #/compare?a=<run>&b=<run>&suite_a=&suite_b=&page=: two runs instance by instance (joined on instance id and
// perturbation), the differing rows first, with the count of differing instances.

import { h, tid } from './dom.js';
import { hrefFor, navigate, pageParam, withParams } from './router.js';
import { pager } from './pager.js';
import { paging, formatNumber, truncate } from './format.js';

export const COMPARE_PER_PAGE = 20;

function runPicker(id, label, value, suites, suiteValue) {
  return h('fieldset', { class: 'pick' }, h('legend', null, label),
    h('input', tid(`compare-${id}`, { name: id, list: 'compare-runs', value: value ?? '', placeholder: 'run name', size: 60 })),
    suites.length > 1 ? h('select', tid(`compare-suite-${id}`, { name: `suite_${id}` }),
      [['', 'this suite'], ...suites.map((s) => [s, s])].map(([v, t]) => h('option', { value: v, selected: v === (suiteValue ?? '') }, t))) : null);
}

function side(s) {
  return [
    h('td', { class: 'num' }, s.value === null ? '' : formatNumber(s.value)),
    h('td', null, h('pre', { class: 'cell-pre' }, s.completion ?? ''), s.mapped_output ? h('div', { class: 'muted small' }, `→ ${s.mapped_output}`) : null),
  ];
}

export async function comparePage(route, { data }) {
  const p = route.params;
  const info = await data.info();
  const runs = await data.runs({ limit: 500 }); // the API gives at most 500 a page
  const form = h('form', { class: 'compare-form', onsubmit: (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    navigate(hrefFor(['compare'], { a: f.get('a'), b: f.get('b'), suite_a: f.get('suite_a') ?? '', suite_b: f.get('suite_b') ?? '' }));
  } },
  h('datalist', { id: 'compare-runs' }, runs.runs.map((r) => h('option', { value: r.run_name }))),
  runPicker('a', 'Run A', p.a, info.suitesAvailable ?? [], p.suite_a),
  runPicker('b', 'Run B', p.b, info.suitesAvailable ?? [], p.suite_b),
  h('button', { type: 'submit' }, 'Compare'));
  const head = [h('h1', null, 'Compare two runs'), form];
  if (!p.a || !p.b) return h('section', null, head, h('p', { class: 'muted' }, 'Pick two runs of the same scenario (two models, or two suites).'));

  const want = pageParam(p.page);
  const query = { a: p.a, b: p.b, suite_a: p.suite_a ?? '', suite_b: p.suite_b ?? '' };
  let result = await data.compare({ ...query, offset: (want - 1) * COMPARE_PER_PAGE, limit: COMPARE_PER_PAGE });
  const { page, pages, offset } = paging(want, COMPARE_PER_PAGE, result.total);
  if (page !== want) result = await data.compare({ ...query, offset, limit: COMPARE_PER_PAGE });

  const link = (run, suite) => h('a', { href: hrefFor(['runs', run], { suite }) }, run);
  const table = h('table', tid('compare-table', { class: 'data compare' }),
    h('thead', null, h('tr', null, ['Instance', 'Perturbation', 'Split', 'Input', 'A value', 'A completion', 'B value', 'B completion'].map((t) => h('th', null, t)))),
    h('tbody', null, result.rows.map((r) => h('tr', { class: r.differs ? 'differs' : null, dataset: { instanceId: r.instance_id, differs: String(r.differs) } },
      h('td', null, r.instance_id), h('td', null, r.perturbation_name ?? ''), h('td', null, r.split ?? ''),
      h('td', { title: r.input }, truncate(r.input, 160)), side(r.a), side(r.b)))));
  return h('section', null, head,
    h('p', null, 'A: ', link(p.a, p.suite_a), h('br'), 'B: ', link(p.b, p.suite_b)),
    h('p', null, h('strong', tid('compare-differing'), `${result.differing} of ${result.total} instances differ`),
      result.metric ? ` · metric ${result.metric.name}` : null, ' · ', h('a', { href: withParams(route, { a: p.b, b: p.a, suite_a: p.suite_b, suite_b: p.suite_a }) }, 'swap')),
    pager({ page, pages, href: (n) => withParams(route, { page: n }) }),
    h('div', { class: 'scroll' }, table));
}
