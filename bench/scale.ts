/**
 * Scale benchmark (issue #4): one generated MMLU-format scenario with an eval split of 1,000,000 rows (plus a
 * 5-row dev split), run end to end (all sinks on, default flags) with -m N for each N, measuring wall time,
 * throughput, peak RSS (`/usr/bin/time -v`) and output sizes of the `helm-run` process. Memory must stay flat.
 *
 * usage: node --import tsx bench/scale.ts [N …]   (default 10000 100000 1000000); figures go to bench/results/scale.json.
 * The runs stay in bench/.work/out (suites scale-N) for bench/summarize.ts; the data is generated once.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_OUT, BENCH_WORK, EVAL_ROWS, ensureMmluData } from './mmlu-data.ts';
import { timedRun } from './timed-run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUN_NAME = 'mmlu:subject=bench,method=multiple_choice_joint,model=simple_model1';

const sizeOf = (path: string): number =>
  statSync(path).isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : statSync(path).size;

interface Figure {
  readonly n: number;
  readonly wallSeconds: number;
  readonly instancesPerSecond: number;
  readonly msPerInstance: number;
  readonly peakRssMb: number;
  /** Peaks of the anonymous (heaps) and file-backed (mapped files) parts of RSS, sampled every 250 ms. */
  readonly peakRssAnonMb: number;
  readonly peakRssFileMb: number;
  readonly helmJsonMb: number;
  readonly ndjsonMb: number;
  /** The run's Parquet store (`<run>/store/`). */
  readonly storeMb: number;
}

async function measure(n: number): Promise<Figure> {
  const suite = `scale-${n}`;
  const localPath = join(BENCH_WORK, `prod_env-${n}`);
  rmSync(join(BENCH_OUT, 'runs', suite), { recursive: true, force: true });
  rmSync(localPath, { recursive: true, force: true }); // a fresh request cache: every request is made
  try {
    const args = ['-v', process.execPath, join(root, 'pipelines', 'run.js'), '-r', 'mmlu:subject=bench,model=simple/model1',
      '-m', String(n), '--suite', suite, '-o', BENCH_OUT, '--local-path', localPath, '-n', '16'];
    const started = performance.now();
    const run = await timedRun(args);
    const wallSeconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`run failed (${run.status}): ${run.stderr.slice(-2000)}`);
    const runDir = join(BENCH_OUT, 'runs', suite, RUN_NAME);
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    const files = (names: string[]) => names.reduce((sum, f) => sum + (existsSync(join(runDir, f)) ? statSync(join(runDir, f)).size : 0), 0);
    return {
      n,
      wallSeconds: Number(wallSeconds.toFixed(2)),
      instancesPerSecond: Math.round(n / wallSeconds),
      msPerInstance: Number(((wallSeconds * 1000) / n).toFixed(3)),
      peakRssMb: Math.round(run.peakRssKb / 1024),
      peakRssAnonMb: Math.round(run.peakAnonKb / 1024),
      peakRssFileMb: Math.round(run.peakFileKb / 1024),
      helmJsonMb: mb(files(['scenario_state.json', 'per_instance_stats.json', 'stats.json', 'run_spec.json', 'scenario.json'])),
      ndjsonMb: mb(files(['scenario_state.ndjson', 'per_instance_stats.ndjson', 'stats.ndjson'])),
      storeMb: mb(sizeOf(join(runDir, 'store'))),
    };
  } finally {
    rmSync(localPath, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const ns = sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000];
await ensureMmluData(BENCH_OUT, Math.max(EVAL_ROWS, ...ns));
const figures: Figure[] = [];
for (const n of ns) {
  const figure = await measure(n);
  figures.push(figure);
  console.log(JSON.stringify(figure));
}
const machine = { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'scale.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, evalRows: EVAL_ROWS, figures }, null, 2)}\n`);
