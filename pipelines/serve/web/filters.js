// Filter controls whose values live in the URL: a select or a search box that navigates on change.

import { h, tid } from './dom.js';
import { navigate, withParams } from './router.js';

/** A labelled <select data-testid=testid> of `options` ([value, label] or values) for URL param `param`. */
export function filterSelect(route, { testid, param, label, options, allLabel = 'all' }) {
  const value = route.params[param] ?? '';
  const choices = [['', allLabel], ...options.map((o) => (Array.isArray(o) ? o : [o, o]))];
  if (value && !choices.some(([v]) => v === value)) choices.push([value, value]);
  const el = h('select', tid(testid, { name: param, onchange: (e) => navigate(withParams(route, { [param]: e.target.value })) }),
    choices.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  el.value = value;
  return h('label', { class: 'filter' }, `${label} `, el);
}

/** A search box for URL param `param`; Enter (or leaving the box changed) applies it. */
export function searchBox(route, { testid, param = 'q', placeholder }) {
  const input = h('input', tid(testid, { type: 'search', name: param, placeholder, value: route.params[param] ?? '' }));
  const apply = () => {
    if (input.value !== (route.params[param] ?? '')) navigate(withParams(route, { [param]: input.value }));
  };
  input.addEventListener('change', apply);
  return h('form', { class: 'search', onsubmit: (e) => { e.preventDefault(); apply(); } }, input, h('button', { type: 'submit' }, 'Search'));
}
