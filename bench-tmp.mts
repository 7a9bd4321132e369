import { loadRunIntoSuiteDb } from './sinks/duckdb/load-run.ts';
import { ndjsonFile } from './sinks/ndjson-file.ts';
import { Stat } from './core/stat.ts';
import { PyFloat } from './core/py-float.ts';
const N = Number(process.argv[2] ?? 100000);
const d = '/tmp/bigload';
const files = { requestStatesNdjson: `${d}/rs.ndjson`, perInstanceStatsNdjson: `${d}/pis.ndjson`, statsNdjson: `${d}/s.ndjson` };
if (process.argv[3] === 'gen') {
  const rs = ndjsonFile(files.requestStatesNdjson), pis = ndjsonFile(files.perInstanceStatsNdjson), st = ndjsonFile(files.statsNdjson);
  const prompt = 'word '.repeat(300);
  let t = Date.now();
  for (let i = 0; i < N; i++) {
    await rs.write({ seq: i, run_name: 'r', instance: { input: { text: 'q' + i }, references: [], split: 'test', id: 'id' + i }, train_trial_index: 0,
      request: { model: 'm', prompt }, result: { success: true, embedding: [], completions: [{ text: 'A', logprob: 0, tokens: [] }], cached: false, request_time: new PyFloat(0.001) },
      num_train_instances: 5, prompt_truncated: false, num_conditioning_tokens: 0 });
    await pis.write({ run_name: 'r', instance_id: 'id' + i, train_trial_index: 0, stats: Array.from({ length: 20 }, (_, k) => new Stat({ name: 'm' + k, split: 'test' }).add(k).toJson()) });
  }
  for (let k = 0; k < 100; k++) await st.write({ run_name: 'r', ...new Stat({ name: 'm' + k, split: 'test' }).add(k).toJson() });
  await rs.close(); await pis.close(); await st.close();
  console.log('gen ms', Date.now() - t, 'rss MB', process.memoryUsage().rss / 1e6);
} else {
  const t = Date.now();
  const r = await loadRunIntoSuiteDb({ dbPath: `${d}/results.duckdb`, runName: 'r', suite: 's', runSpec: { name: 'r', scenario_spec: { class_name: 'x', args: {} }, adapter_spec: { model: 'm', model_deployment: 'm', method: 'generation', num_train_trials: 1 } as never, metric_specs: [], data_augmenter_spec: {} as never, groups: [] }, files });
  console.log(r, 'load ms', Date.now() - t);
}
