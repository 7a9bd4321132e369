// The viewer's entry: reads /config.js's globals, builds the data source, draws the nav and renders the page of
// each hash route. While a page loads, body[data-ready] is absent; when it is drawn, it names the route.

import { h, tid, clear } from './dom.js';
import { onRoute, navigate } from './router.js';
import { createData, readConfig } from './data.js';
import { leaderboardPage } from './page-leaderboard.js';
import { modelsPage } from './page-models.js';
import { scenariosPage } from './page-scenarios.js';
import { runsPage } from './page-runs.js';
import { runPage } from './page-run.js';
import { comparePage } from './page-compare.js';

const NAV = [
  ['leaderboard', 'Leaderboard'], ['models', 'Models'], ['scenarios', 'Scenarios'], ['runs', 'Runs'], ['compare', 'Compare'],
];

/** The page for a route: [ready name, render function] (null for an unknown route). */
function pageFor(route) {
  const [top, sub] = route.path;
  if (top === 'leaderboard' || top === 'groups') return ['leaderboard', leaderboardPage];
  if (top === 'models') return ['models', modelsPage];
  if (top === 'scenarios') return ['scenarios', scenariosPage];
  if (top === 'runs' && sub !== undefined) return ['run', runPage];
  if (top === 'runs') return ['runs', runsPage];
  if (top === 'compare') return ['compare', comparePage];
  return null;
}

function start() {
  const config = readConfig(window);
  const main = h('main', { id: 'main' });
  const links = NAV.map(([name, label]) => h('a', tid(`nav-${name}`, { href: `#/${name}` }), label));
  const where = h('span', { class: 'where' });
  document.body.append(h('header', { class: 'top' }, h('a', { class: 'brand', href: '#/leaderboard' }, 'HELM'), h('nav', null, links), where), main);

  let data;
  try {
    data = createData(config);
    where.textContent = `${config.release ? 'release' : 'suite'} ${config.release ?? config.suite}${data.mode === 'static' ? ' · static' : ''}`;
  } catch (err) {
    main.append(h('p', tid('error', { class: 'error' }), err.message));
    return;
  }

  let current = 0;
  onRoute(async (route) => {
    const token = ++current;
    delete document.body.dataset.ready;
    const page = pageFor(route);
    if (!page) {
      navigate('#/leaderboard', { replace: true });
      return;
    }
    const [name, render] = page;
    links.forEach((a, i) => a.classList.toggle('active', NAV[i][0] === (name === 'run' ? 'runs' : name)));
    const loading = h('p', tid('loading', { class: 'loading' }), 'loading…');
    main.prepend(loading);
    let content;
    try {
      content = await render(route, { data });
    } catch (err) {
      console.error(err);
      content = h('div', null, h('p', tid('error', { class: 'error' }), `Could not load this page: ${err.message}`));
    }
    if (token !== current) return;
    clear(main).append(content);
    document.title = `HELM · ${name}`;
    document.body.dataset.ready = name;
  });
}

start();
