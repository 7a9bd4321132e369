// #/models: schema.json's models.

import { h } from './dom.js';
import { hrefFor } from './router.js';
import { sortableTable } from './table.js';

export async function modelsPage(_route, { data }) {
  const schema = await data.schema();
  const models = schema.models ?? [];
  const columns = [
    { label: 'Model', value: (m) => m.display_name ?? m.name, render: (m) => h('a', { href: hrefFor(['runs'], { model: m.name }) }, m.display_name ?? m.name) },
    { label: 'Name', value: (m) => m.name, render: (m) => h('code', null, m.name) },
    { label: 'Creator', value: (m) => m.creator_organization ?? '' },
    { label: 'Access', value: (m) => m.access ?? '' },
    { label: 'Release date', value: (m) => m.release_date ?? '' },
    { label: 'Description', value: (m) => m.description ?? '' },
  ];
  return h('section', null, h('h1', null, 'Models'), h('p', { class: 'muted' }, `${models.length} models`),
    h('div', { class: 'scroll' }, sortableTable({ testid: 'models-table', columns, rows: models })));
}
