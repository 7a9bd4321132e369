// Static mode (an export, HELM_STREAM_API = null): the API's answers built in the browser from HELM's files.

import { memoize } from './helm-files.js';
import { mainMetricOf, queryRuns, runDetail, runRow } from './static-runs.js';
import { buildInstances, compareInstances, queryInstances } from './static-instances.js';

/** The same methods as the API client (runs, run, instances, compare, info) over `files` (helmFiles). */
export function staticData(files, config) {
  const schema = () => files.suiteJson('schema.json');
  const suiteName = config.release ?? config.suite;

  async function allRuns() {
    const specs = await files.suiteJson('run_specs.json');
    return Promise.all(specs.map(async (spec) => runRow(spec, await files.runSuite(spec.name))));
  }

  const builtInstances = memoize(async (run) => {
    const [spec, sch] = await Promise.all([files.runJson(run, 'run_spec.json'), schema()]);
    const mainMetric = mainMetricOf(sch, spec.groups);
    const [instances, predictions, requests] = await Promise.all([
      files.runJson(run, 'instances.json'),
      files.runJson(run, 'display_predictions.json'),
      files.runJson(run, 'display_requests.json'),
    ]);
    return { mainMetric, all: buildInstances({ instances, predictions, requests }, mainMetric) };
  });

  return {
    mode: 'static',
    async info() {
      const specs = await files.suiteJson('run_specs.json');
      return { kind: config.release ? 'release' : 'suite', name: suiteName, suites: [suiteName], runs: specs.length, suitesAvailable: [suiteName] };
    },
    async runs(params = {}) {
      return queryRuns(await allRuns(), params);
    },
    async run(name) {
      const suite = await files.runSuite(name);
      const [spec, stats, sch] = await Promise.all([files.runJson(name, 'run_spec.json'), files.runJson(name, 'stats.json'), schema()]);
      return runDetail(spec, stats, sch, suite);
    },
    async instances({ run, ...params }) {
      const started = performance.now();
      const { mainMetric, all } = await builtInstances(run);
      const page = queryInstances(all, params);
      return { ...page, elapsed_ms: Math.round(performance.now() - started), main_metric: mainMetric };
    },
    async compare({ a, b, offset = 0, limit = 20 }) {
      const [ra, rb] = await Promise.all([builtInstances(a), builtInstances(b)]);
      return compareInstances(ra.all, rb.all, ra.mainMetric ?? rb.mainMetric, { offset, limit });
    },
  };
}
