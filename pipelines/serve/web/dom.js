// A tiny DOM builder. Text always goes in through text nodes (never innerHTML), so prompts and completions,
// which contain anything, are shown as written.

/**
 * h('a', { href: '#/x', dataset: { testid: 'nav' }, onclick: fn }, 'text', child, [more, children])
 * Attributes: `class`, `style` (string or object), `dataset` (object), `on<event>` (listener), booleans
 * (true → present, false/null/undefined → absent), anything else through setAttribute.
 * SVG elements (svg, g, rect, text, line, title, path) are made in the SVG namespace; 'svg:a' makes an SVG link.
 */
export function h(tag, attrs, ...children) {
  const svgTag = tag.startsWith('svg:') ? tag.slice(4) : SVG_TAGS.has(tag) ? tag : null;
  const el = svgTag ? document.createElementNS(SVG_NS, svgTag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) setAttribute(el, key, value);
  append(el, children);
  return el;
}

/** Appends children: nodes, strings and numbers (as text), arrays (flattened); null/undefined/false skipped. */
export function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (typeof child === 'string' || typeof child === 'number') el.appendChild(document.createTextNode(String(child)));
    else el.appendChild(child);
  }
  return el;
}

/** Removes every child of `el`. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** A `data-testid` attribute set, for the browser tests: h('div', tid('runs-total'), …). */
export function tid(testid, attrs = {}) {
  return { ...attrs, dataset: { ...(attrs.dataset ?? {}), testid } };
}

/** A <select> with `options` ([value, label] pairs or plain values); `value` is selected; onchange(value). */
export function select(attrs, options, value, onchange) {
  const el = h('select', attrs, options.map((o) => {
    const [v, label] = Array.isArray(o) ? o : [o, o];
    return h('option', { value: v, selected: v === value }, label);
  }));
  el.value = value;
  if (onchange) el.addEventListener('change', () => onchange(el.value));
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'g', 'rect', 'text', 'line', 'title', 'path']);

function setAttribute(el, key, value) {
  if (value === null || value === undefined || value === false) return;
  if (key === 'dataset') {
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) el.dataset[k] = String(v);
  } else if (key === 'style' && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) el.style.setProperty(k, String(v));
  } else if (key.startsWith('on') && typeof value === 'function') {
    el.addEventListener(key.slice(2), value);
  } else if (value === true) {
    el.setAttribute(key, '');
  } else {
    el.setAttribute(key, String(value));
  }
}
