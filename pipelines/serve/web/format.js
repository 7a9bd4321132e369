// Number and text formatting shared by the pages (pure).

/** HELM's viewer rounding: numbers to 3 decimals (String(Math.round(v * 1000) / 1000)); other values as text. */
export function formatNumber(value) {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))) {
    const n = Number(value);
    if (!Number.isFinite(n)) return String(n);
    return String(Math.round(n * 1000) / 1000);
  }
  return String(value);
}

/** A leaderboard cell's text: its value rounded as HELM's viewer does, or "-" when it has none. */
export function cellText(cell) {
  if (!cell || cell.value === undefined || cell.value === null) return '-';
  const v = typeof cell.value === 'string' ? cell.value.replace('⚠', '') : cell.value;
  return formatNumber(v);
}

/** Cuts text to at most `max` characters, with an ellipsis. */
export function truncate(text, max) {
  const s = String(text ?? '');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** "Page P of N" numbers: { page, pages, offset } for a 1-based page of `size` over `total` items (page clamped). */
export function paging(page, size, total) {
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(1, page), pages);
  return { page: p, pages, offset: (p - 1) * size };
}
