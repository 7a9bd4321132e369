import { DuckDBInstance } from '@duckdb/node-api';
import { rmSync, readFileSync } from 'node:fs';
rmSync('/tmp/bigload/p.duckdb', { force: true }); rmSync('/tmp/bigload/p.duckdb.wal', { force: true });
const db = await DuckDBInstance.create('/tmp/bigload/p.duckdb', { memory_limit: '1GB' });
const c = await db.connect();
await c.run(readFileSync('sinks/duckdb/schema.sql', 'utf8'));
const time = async (label: string, q: string) => { const t = Date.now(); const r = await c.runAndReadAll(q); console.log(label, Date.now() - t, 'ms', r.getRowsJS()[0], process.memoryUsage().rss/1e6|0); };
const src = await import('./sinks/duckdb/load-run.ts');
const SQL = readFileSync('sinks/duckdb/load-run.ts', 'utf8').match(/INSERT_REQUEST_STATES = `([^`]*)`/)![1]!.replace('$run_name', "'r'").replace('$file', "'/tmp/bigload/rs.ndjson'");
await c.run('BEGIN');
await time('insert rs', SQL);
await time('commit', 'COMMIT');
const T = `{"seq":"BIGINT","train_trial_index":"INTEGER","instance":{"id":"VARCHAR","split":"VARCHAR","sub_split":"VARCHAR","perturbation":"JSON"},"reference_index":"INTEGER","request_mode":"VARCHAR","request":{"prompt":"VARCHAR"},"result":{"success":"BOOLEAN","cached":"BOOLEAN","request_time":"DOUBLE","completions":[{"text":"VARCHAR"}]},"num_train_instances":"INTEGER","prompt_truncated":"BOOLEAN"}`;
await c.run('BEGIN');
await time('insert rs2', `INSERT INTO request_states BY NAME SELECT 'r2' AS run_name, r.seq, r.train_trial_index, r.instance.id AS instance_id, r.instance.split AS split, r.instance.sub_split AS sub_split,
 r.instance.perturbation->>'$.name' AS perturbation_name, r.instance.perturbation AS perturbation, r.reference_index, r.request_mode, r.request.prompt AS prompt, r.result.completions[1].text AS completion,
 r.result.success AS success, r.result.cached AS cached, r.result.request_time AS request_time, r.num_train_instances, r.prompt_truncated, j AS state
 FROM (SELECT json AS j, from_json(json, '${T}') AS r FROM read_ndjson_objects('/tmp/bigload/rs.ndjson'))`);
await time('commit', 'COMMIT');
await time('check', `select count(*) from (select * exclude (run_name) from request_states where run_name='r' except all select * exclude(run_name) from request_states where run_name='r2')`);
