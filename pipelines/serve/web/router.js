// Hash routes with query strings: `#/runs?model=x&page=2`, `#/runs/<encoded run name>?tab=metrics`.
// parseHash and hrefFor are pure (tested in node); onRoute wires them to the window.

/**
 * Parses a location hash into { path: string[] (decoded segments), params: Record<string, string>, all: Record<string, string[]> }.
 * '#/runs/a%3Ab?x=1&x=2' → { path: ['runs', 'a:b'], params: { x: '2' }, all: { x: ['1', '2'] } }.
 */
export function parseHash(hash) {
  const raw = String(hash ?? '').replace(/^#/, '');
  const q = raw.indexOf('?');
  const pathPart = q < 0 ? raw : raw.slice(0, q);
  const queryPart = q < 0 ? '' : raw.slice(q + 1);
  const path = pathPart.split('/').filter((s) => s !== '').map(safeDecode);
  const params = {};
  const all = {};
  for (const [key, value] of new URLSearchParams(queryPart)) {
    params[key] = value;
    (all[key] ??= []).push(value);
  }
  return { path, params, all };
}

/**
 * Builds a hash href: hrefFor(['runs', 'a:b'], { tab: 'metrics', page: 1, q: '' }) → '#/runs/a%3Ab?tab=metrics&page=1'.
 * Empty, null and undefined params are dropped; an array value repeats the key.
 */
export function hrefFor(path, params = {}) {
  const segments = path.map((s) => encodeURIComponent(String(s))).join('/');
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) if (v !== '' && v !== null && v !== undefined) query.append(key, String(v));
  }
  const qs = query.toString();
  return `#/${segments}${qs ? `?${qs}` : ''}`;
}

/** The same route with some params changed (others kept); `page` is reset to 1 unless given. */
export function withParams(route, changes, { keepPage = false } = {}) {
  const params = { ...route.params };
  if (!keepPage && !('page' in changes)) delete params.page;
  for (const [key, value] of Object.entries(changes)) {
    if (value === '' || value === null || value === undefined) delete params[key];
    else params[key] = value;
  }
  return hrefFor(route.path, params);
}

/** Calls handler(route) now and on every hash change. */
export function onRoute(handler) {
  const fire = () => handler(parseHash(window.location.hash));
  window.addEventListener('hashchange', fire);
  fire();
}

/** Goes to an href ('#/…'); replace=true does not add a history entry. */
export function navigate(href, { replace = false } = {}) {
  if (replace) window.location.replace(href);
  else window.location.hash = href.replace(/^#/, '');
}

/** The positive page number of a param (1 when absent or not a number). */
export function pageParam(value) {
  const n = Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
