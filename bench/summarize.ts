/**
 * Summarize benchmark (issue #4): SQL summaries over the largest suite bench/scale.ts left in bench/.work/out
 * (1,000,000 eval instances by default): per-metric means by split and perturbation over the long-form
 * per-instance stats, a group table over the run-level stats, and request outcomes. Each query is timed on a
 * fresh read-only connection, as a user's `node pipelines/sql.js` would run it. Then `helm-summarize` on the suite,
 * with wall time and peak RSS (its tables, HELM's files, and the run's display files streamed from its big JSON files).
 *
 * usage: node --import tsx bench/summarize.ts [N]   (default 1000000: the suite scale-N); figures go to bench/results/summarize.json
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../sinks/duckdb/open-database.ts';
import { BENCH_OUT } from './mmlu-data.ts';
import { timedRun } from './timed-run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const n = Number(process.argv[2] ?? 1_000_000);
const dbPath = join(BENCH_OUT, 'runs', `scale-${n}`, 'results.duckdb');
if (!existsSync(join(BENCH_OUT, 'runs', `scale-${n}`, '.store-schema'))) {
  console.error(`No suite at ${dbPath}: run \`npm run bench:scale -- ${n}\` first.`);
  process.exit(2);
}

const QUERIES: Readonly<Record<string, string>> = {
  // Per metric, split and perturbation (computed_on included): instance count and mean of the per-instance values.
  perMetricMeans: `
    SELECT metric_name, split, coalesce(stat_perturbation_name, '') AS perturbation, coalesce(computed_on, '') AS computed_on,
      count(*) AS instances, avg(mean) AS mean, stddev_pop(mean) AS stddev
    FROM per_instance_stats
    GROUP BY ALL ORDER BY ALL`,
  // HELM's group table shape: one row per (group, model), one column per main metric, from the run-level stats.
  groupTable: `
    PIVOT (
      SELECT unnest(r.groups) AS "group", r.model, s.metric_name, s.mean
      FROM stats s JOIN runs r USING (run_name)
      WHERE s.split = 'test' AND s.perturbation IS NULL
        AND s.metric_name IN ('exact_match', 'quasi_exact_match', 'prefix_exact_match', 'num_prompt_tokens', 'inference_runtime')
    ) ON metric_name USING first(mean) ORDER BY ALL`,
  // Request outcomes and prompt sizes per split.
  requestOutcomes: `
    SELECT split, count(*) AS requests, count(*) FILTER (WHERE NOT success) AS failed, avg(cached::INT) AS cached_share,
      avg(length(prompt)) AS mean_prompt_chars
    FROM request_states GROUP BY split ORDER BY split`,
};

interface QueryFigure {
  readonly query: string;
  readonly seconds: number;
  readonly rows: number;
}

const figures: QueryFigure[] = [];
const started = performance.now();
for (const [query, sql] of Object.entries(QUERIES)) {
  const t0 = performance.now();
  const session = await openDatabase(dbPath, { readOnly: true });
  try {
    const rows = (await session.connection.runAndReadAll(sql)).getRows();
    figures.push({ query, seconds: Number(((performance.now() - t0) / 1000).toFixed(2)), rows: rows.length });
  } finally {
    session.close();
  }
  console.log(JSON.stringify(figures.at(-1)));
}
const totalSeconds = Number(((performance.now() - started) / 1000).toFixed(2));
const session = await openDatabase(dbPath, { readOnly: true });
const [[perInstanceRows, requestRows]] = (await session.connection.runAndReadAll(
  'SELECT (SELECT count(*) FROM per_instance_stats), (SELECT count(*) FROM request_states)')).getRows() as [[bigint, bigint]];
session.close();
// helm-summarize itself over the suite: the classic schema's tables, HELM's files, and the run's display files
// (streamed from its scenario_state.json and per_instance_stats.json).
const summarizeRun = await timedRun(['-v', process.execPath, join(root, 'pipelines', 'summarize.js'), '--suite', `scale-${n}`, '-o', BENCH_OUT]);
if (summarizeRun.status !== 0) throw new Error(`helm-summarize failed (${summarizeRun.status}): ${summarizeRun.stderr.slice(-2000)}`);
const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)/.exec(summarizeRun.stderr)?.[1] ?? '?';
const helmSummarize = {
  wall: elapsed,
  peakRssMb: Math.round(summarizeRun.peakRssKb / 1024),
  peakRssAnonMb: Math.round(summarizeRun.peakAnonKb / 1024),
  peakRssFileMb: Math.round(summarizeRun.peakFileKb / 1024),
};
console.log(JSON.stringify({ helmSummarize }));
const result = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  suite: `scale-${n}`,
  perInstanceStatRows: Number(perInstanceRows),
  requestStateRows: Number(requestRows),
  totalSeconds,
  figures,
  helmSummarize,
};
console.log(JSON.stringify({ totalSeconds, perInstanceStatRows: result.perInstanceStatRows }));
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'summarize.json'), `${JSON.stringify(result, null, 2)}\n`);
