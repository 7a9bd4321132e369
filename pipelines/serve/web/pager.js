// Page links: ‹ Prev · "Page P of N" · Next ›, as hash links (the page number lives in the URL).

import { h, tid } from './dom.js';

/** pager({ page, pages, href(page) }) → <nav>; the links at an end are disabled (no href). */
export function pager({ page, pages, href }) {
  const link = (testid, target, label) => (target >= 1 && target <= pages && target !== page
    ? h('a', tid(testid, { href: href(target), class: 'button' }), label)
    : h('a', tid(testid, { class: 'button disabled', 'aria-disabled': 'true' }), label));
  return h('nav', { class: 'pager' },
    link('page-prev', page - 1, '‹ Prev'),
    h('span', tid('page-info'), `Page ${page} of ${pages}`),
    link('page-next', page + 1, 'Next ›'));
}
