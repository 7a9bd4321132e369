// An SVG bar chart: one horizontal bar per item (a model), labelled, with its value; bars start at zero.

import { h, tid } from './dom.js';
import { formatNumber } from './format.js';

const WIDTH = 720;
const LABEL = 220;
const VALUE = 70;
const ROW = 24;

/**
 * barChart({ title, items: [{ label, value (number|null), href? }], lowerIsBetter }) → <figure data-testid="chart">.
 * Items without a number are listed with "-" and no bar. Each bar carries data-label and data-value.
 */
export function barChart({ title, items, lowerIsBetter = false }) {
  const numbers = items.map((it) => it.value).filter((v) => typeof v === 'number' && Number.isFinite(v));
  const lo = Math.min(0, ...numbers);
  const hi = Math.max(0, ...numbers);
  const span = hi - lo || 1;
  const plot = WIDTH - LABEL - VALUE;
  const x = (v) => LABEL + ((v - lo) / span) * plot;
  const height = items.length * ROW + 8;
  const best = numbers.length ? (lowerIsBetter ? Math.min(...numbers) : Math.max(...numbers)) : null;

  const rows = items.map((it, i) => {
    const y = 4 + i * ROW;
    const has = typeof it.value === 'number' && Number.isFinite(it.value);
    const label = h('text', { x: LABEL - 8, y: y + ROW / 2 + 4, 'text-anchor': 'end', class: 'chart-label' }, it.label);
    const parts = [h('title', null, `${it.label}: ${has ? formatNumber(it.value) : '-'}`), it.href ? h('svg:a', { href: it.href }, label) : label];
    if (has) {
      const x0 = x(Math.min(0, it.value));
      const w = Math.max(1, Math.abs(x(it.value) - x(0)));
      parts.push(h('rect', {
        x: x0, y: y + 3, width: w, height: ROW - 6, rx: 2,
        class: it.value === best ? 'chart-bar best' : 'chart-bar',
        dataset: { label: it.label, value: it.value },
      }));
    }
    parts.push(h('text', { x: WIDTH - VALUE + 6, y: y + ROW / 2 + 4, class: 'chart-value' }, has ? formatNumber(it.value) : '-'));
    return h('g', null, parts);
  });

  const svg = h('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': title },
    h('line', { x1: x(0), x2: x(0), y1: 0, y2: height, class: 'chart-axis' }), rows);
  return h('figure', tid('chart', { class: 'chart' }), h('figcaption', null, title, lowerIsBetter ? ' (lower is better)' : ''), svg);
}
