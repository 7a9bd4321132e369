// One instance: its variants side by side (the original first), each with input, references (the correct ones
// marked), each trial's prompt (collapsible), completion, mapped output, and the per-instance stats.

import { h, tid } from './dom.js';
import { formatNumber } from './format.js';

function references(refs) {
  if (refs.length === 0) return null;
  return h('ol', { class: 'references' }, refs.map((r) => {
    const correct = r.tags.includes('correct');
    return h('li', tid('reference', { class: correct ? 'correct' : null, dataset: { correct: String(correct) } }),
      h('span', { class: 'ref-text' }, r.output), r.tags.map((t) => h('span', { class: `tag ${t === 'correct' ? 'tag-correct' : ''}` }, t)));
  }));
}

function requestView(req) {
  const meta = [
    req.reference_index !== null && req.reference_index !== undefined ? `reference ${req.reference_index}` : null,
    req.request_mode ? `mode ${req.request_mode}` : null,
    req.success === false ? 'failed' : null,
    req.num_train_instances !== null && req.num_train_instances !== undefined ? `${req.num_train_instances} in-context examples` : null,
    req.prompt_truncated ? 'prompt truncated' : null,
    req.request_time !== null && req.request_time !== undefined ? `${formatNumber(req.request_time)} s` : null,
  ].filter(Boolean).join(' · ');
  return h('div', { class: 'request' },
    h('details', { class: 'prompt' }, h('summary', null, `Prompt (${req.prompt.length} characters)`), h('pre', tid('prompt'), req.prompt)),
    h('div', { class: 'label' }, 'Completion'),
    h('pre', tid('completion', { class: 'completion' }), req.completion ?? ''),
    req.mapped_output !== null && req.mapped_output !== undefined
      ? h('div', null, h('span', { class: 'label' }, 'Mapped output '), h('code', tid('mapped-output'), req.mapped_output)) : null,
    meta ? h('div', { class: 'muted small' }, meta) : null);
}

function statsTable(stats, mainName) {
  if (stats.length === 0) return null;
  const trials = new Set(stats.map((s) => s.train_trial_index)).size;
  return h('table', tid('instance-stats', { class: 'data compact' }),
    h('thead', null, h('tr', null, h('th', null, 'Metric'), trials > 1 ? h('th', { class: 'num' }, 'Trial') : null, h('th', { class: 'num' }, 'Value'))),
    h('tbody', null, stats.map((s) => h('tr', { class: s.metric_name === mainName ? 'main-metric' : null, dataset: { metric: s.metric_name } },
      h('td', null, s.metric_name), trials > 1 ? h('td', { class: 'num' }, s.train_trial_index) : null,
      h('td', { class: 'num', title: String(s.mean) }, formatNumber(s.mean))))));
}

function variantView(v, mainName) {
  const label = v.perturbation_name ?? 'original';
  return h('section', tid('instance-variant', { class: 'variant', dataset: { perturbation: label } }),
    h('h4', { title: v.perturbation ? JSON.stringify(v.perturbation) : null }, v.perturbation_name ? `Perturbed: ${v.perturbation_name}` : 'Original'),
    h('div', { class: 'label' }, 'Input'), h('pre', { class: 'input' }, v.input),
    references(v.references),
    v.trials.map((t) => h('div', { class: 'trial' },
      v.trials.length > 1 ? h('div', { class: 'label' }, `Trial ${t.train_trial_index}`) : null,
      t.requests.map(requestView))),
    statsTable(v.stats, mainName));
}

/** <article data-testid="instance" data-instance-id=…> for one /api/instances item. */
export function instanceView(item, mainMetric) {
  const badge = item.outcome ? h('span', { class: `badge ${item.outcome}` }, item.outcome) : null;
  return h('article', tid('instance', { class: 'instance', dataset: { instanceId: item.instance_id } }),
    h('header', null, h('strong', null, `#${item.ordinal + 1} · ${item.instance_id}`), ` · ${item.split ?? ''}${item.sub_split ? `/${item.sub_split}` : ''} `,
      badge, item.main_value !== null && item.main_value !== undefined && mainMetric ? ` ${mainMetric.name} = ${formatNumber(item.main_value)}` : null),
    h('div', { class: `variants n${Math.min(item.variants.length, 3)}` }, item.variants.map((v) => variantView(v, mainMetric?.name))));
}
