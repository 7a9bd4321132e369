// The data the pages read: one object with the same methods whether a helm-server API answers (config.api, e.g.
// "api") or only HELM's static files exist (an export). Leaderboards, schema and downloads are HELM's files in both.

import { fetchJson, helmFiles, memoize } from './helm-files.js';
import { staticData } from './data-static.js';

/** The page's configuration from /config.js (HELM's globals plus HELM_STREAM_API). */
export function readConfig(win) {
  return {
    base: win.BENCHMARK_OUTPUT_BASE_URL ?? 'benchmark_output',
    suite: win.SUITE ?? null,
    release: win.RELEASE ?? null,
    api: win.HELM_STREAM_API === undefined ? 'api' : win.HELM_STREAM_API,
  };
}

/** A query string of the params that are set: { a: 'x', b: '', c: 0 } → 'a=x&c=0'. */
export function queryString(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) q.append(k, String(v));
  return q.toString();
}

function apiData(apiBase, getJson) {
  const base = String(apiBase).replace(/\/+$/, '');
  const get = (route, params = {}) => getJson(`${base}/${route}?${queryString(params)}`);
  const runCached = memoize((key) => get('run', JSON.parse(key)));
  return {
    mode: 'api',
    info: memoize(() => get('info')).bind(null, ''),
    runs: (params = {}) => get('runs', params),
    run: (run, suite = '') => runCached(JSON.stringify({ run, suite })),
    instances: (params) => get('instances', params),
    compare: (params) => get('compare', params),
  };
}

/**
 * createData(config) → { mode, info(), runs(params), run(name, suite?), instances(params), compare(params),
 * schema(), groupsIndex(), groupTables(group), runFileUrl(suite, run, file), config }.
 */
export function createData(config, getJson = fetchJson) {
  if (!config.suite && !config.release) throw new Error('config.js names no SUITE or RELEASE: start helm-server with --suite or --release');
  const files = helmFiles(config, getJson);
  const source = config.api ? apiData(config.api, getJson) : staticData(files, config);
  return {
    ...source,
    config,
    schema: () => files.suiteJson('schema.json'),
    groupsIndex: () => files.suiteJson('groups.json'),
    groupTables: (group) => files.suiteJson(`groups/${group}.json`),
    runFileUrl: files.runFileUrl,
    runSuite: files.runSuite,
  };
}
