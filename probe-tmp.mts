import { DuckDBInstance } from '@duckdb/node-api';
import { rmSync, readFileSync } from 'node:fs';
rmSync('/tmp/bigload/p.duckdb', { force: true }); rmSync('/tmp/bigload/p.duckdb.wal', { force: true });
const db = await DuckDBInstance.create('/tmp/bigload/p.duckdb', { memory_limit: '1GB' });
const c = await db.connect();
await c.run(readFileSync('sinks/duckdb/schema.sql', 'utf8'));
const time = async (label: string, q: string) => { const t = Date.now(); const r = await c.runAndReadAll(q); console.log(label, Date.now() - t, 'ms', r.getRowsJS()[0], process.memoryUsage().rss/1e6|0); };
const STATCOLS = (p: string) => `
  s->>'$.name.name' AS metric_name, s->>'$.name.split' AS split, s->>'$.name.sub_split' AS sub_split,
  s->>'$.name.perturbation.name' AS ${p}perturbation_name, s->'$.name.perturbation' AS ${p}perturbation,
  s->>'$.name.perturbation.computed_on' AS computed_on, (s->>'$.count')::BIGINT AS count, (s->>'$.sum')::DOUBLE AS sum,
  (s->>'$.sum_squared')::DOUBLE AS sum_squared, (s->>'$.min')::DOUBLE AS min, (s->>'$.max')::DOUBLE AS max,
  (s->>'$.mean')::DOUBLE AS mean, (s->>'$.variance')::DOUBLE AS variance, (s->>'$.stddev')::DOUBLE AS stddev`;
const SEL = `SELECT 'r' AS run_name, position, stat_index, instance_id, train_trial_index, perturbation_name, perturbation, ${STATCOLS('stat_')}
FROM (SELECT ordinality AS position, json->>'$.instance_id' AS instance_id, (json->>'$.train_trial_index')::INTEGER AS train_trial_index,
    json->>'$.perturbation.name' AS perturbation_name, json->'$.perturbation' AS perturbation,
    unnest(from_json(json->'$.stats', '["JSON"]')) AS s, generate_subscripts(from_json(json->'$.stats', '["JSON"]'), 1) AS stat_index
  FROM read_ndjson_objects('/tmp/bigload/pis.ndjson') WITH ORDINALITY)`;
await time('select only', `select count(*), sum(sum), count(metric_name) from (${SEL})`);
const STAT = `STRUCT(name STRUCT(name VARCHAR, split VARCHAR, sub_split VARCHAR, perturbation JSON), count BIGINT, sum DOUBLE, sum_squared DOUBLE, min DOUBLE, max DOUBLE, mean DOUBLE, variance DOUBLE, stddev DOUBLE)`;
const SEL2 = `SELECT 'r' AS run_name, position, stat_index, instance_id, train_trial_index, perturbation->>'$.name' AS perturbation_name, perturbation,
  s.name.name AS metric_name, s.name.split AS split, s.name.sub_split AS sub_split, s.name.perturbation->>'$.name' AS stat_perturbation_name,
  s.name.perturbation AS stat_perturbation, s.name.perturbation->>'$.computed_on' AS computed_on, s.count AS count, s.sum AS sum, s.sum_squared AS sum_squared,
  s.min AS min, s.max AS max, s.mean AS mean, s.variance AS variance, s.stddev AS stddev
FROM (SELECT ordinality AS position, instance_id, train_trial_index, perturbation, unnest(stats) AS s, generate_subscripts(stats, 1) AS stat_index
  FROM read_json($f, format='newline_delimited', columns={instance_id:'VARCHAR', train_trial_index:'INTEGER', perturbation:'JSON', stats:'${STAT}[]'}) WITH ORDINALITY)`.replace('$f', "'/tmp/bigload/pis.ndjson'");
await time('select2 only', `select count(*), sum(sum), count(metric_name) from (${SEL2})`);
await c.run('BEGIN');
await time('insert2', `INSERT INTO per_instance_stats BY NAME ${SEL2}`);
await time('commit', `COMMIT`);
await c.run('BEGIN');
await time('delete', `DELETE FROM per_instance_stats WHERE run_name='r'`);
await time('insert', `INSERT INTO per_instance_stats BY NAME ${SEL}`);
await time('commit', `COMMIT`);
