// Where HELM's files are, relative to the page: `<base>/runs/<suite>/…` or `<base>/releases/<release>/…`, and
// per run `<base>/runs/<run suite>/<run>/<file>`. Every path component is URI-encoded on its own (run names
// contain ':', ',' and '='). Fetched JSON is kept per URL, so pages can ask again for free.

/** Encodes each '/'-separated component of a relative path: 'groups/a b.json' → 'groups/a%20b.json'. */
export function encodePath(path) {
  return String(path).split('/').map(encodeURIComponent).join('/');
}

/**
 * Paths of one suite or release under `base` (HELM's BENCHMARK_OUTPUT_BASE_URL, "benchmark_output").
 * suiteUrl('schema.json') → 'benchmark_output/runs/quickstart/schema.json';
 * runUrl('quickstart', 'a:b=c', 'stats.json') → 'benchmark_output/runs/quickstart/a%3Ab%3Dc/stats.json'.
 */
export function helmPaths({ base = 'benchmark_output', suite = null, release = null }) {
  const b = String(base).replace(/\/+$/, '');
  const root = release ? `${b}/releases/${encodeURIComponent(release)}` : `${b}/runs/${encodeURIComponent(suite ?? '')}`;
  return {
    root,
    suiteUrl: (rel) => `${root}/${encodePath(rel)}`,
    runUrl: (runSuite, run, file) => `${b}/runs/${encodeURIComponent(runSuite)}/${encodeURIComponent(run)}/${encodePath(file)}`,
  };
}

/** Fetches JSON; a failed response becomes an Error with the server's `{error}` message or the status and URL. */
export async function fetchJson(url) {
  let response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch (err) {
    throw new Error(`could not fetch ${url}: ${err.message}`);
  }
  const text = await response.text();
  if (!response.ok) {
    let message = `${response.status} ${response.statusText} for ${url}`;
    try {
      const body = JSON.parse(text);
      if (body && typeof body.error === 'string') message = `${body.error} (${response.status})`;
    } catch {
      // not JSON: keep the status line
    }
    throw new Error(message);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} is not JSON`);
  }
}

/** Remembers the promise of each key (a failed one is forgotten, so it can be tried again). */
export function memoize(fn) {
  const cache = new Map();
  return (key) => {
    if (!cache.has(key)) {
      const p = Promise.resolve().then(() => fn(key));
      cache.set(key, p);
      p.catch(() => cache.delete(key));
    }
    return cache.get(key);
  };
}

/**
 * HELM's files of the selected suite or release: suiteJson(rel), runSuite(run) (a release maps each run to its
 * suite through runs_to_run_suites.json), runJson(run, file), runFileUrl(suite, run, file) for download links.
 */
export function helmFiles(config, getJson = fetchJson) {
  const paths = helmPaths(config);
  const json = memoize(getJson);
  const suiteJson = (rel) => json(paths.suiteUrl(rel));
  async function runSuite(run) {
    if (!config.release) return config.suite;
    const map = await suiteJson('runs_to_run_suites.json');
    if (!map[run]) throw new Error(`run ${run} is not in release ${config.release}`);
    return map[run];
  }
  return {
    paths,
    suiteJson,
    runSuite,
    runFileUrl: (suite, run, file) => paths.runUrl(suite, run, file),
    runJson: async (run, file, suite = null) => json(paths.runUrl(suite ?? (await runSuite(run)), run, file)),
  };
}
