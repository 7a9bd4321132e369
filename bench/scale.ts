/**
 * Scale benchmark: one MMLU-format run end to end (all sinks on, default flags) at growing N, measuring wall
 * time, throughput and peak RSS of the `helm-run` process. Memory must stay flat as N grows.
 *
 * usage: node --import tsx bench/scale.ts [N …]   (default 1000 10000 50000); figures go to bench/results/scale.json
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const ns = sizes.length > 0 ? sizes : [1000, 10_000, 50_000];

/** Writes an MMLU-format CSV (no header: question, 4 choices, answer letter) of `rows` rows. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < rows; i++) {
    const line = `"Which structure, numbered ${i}, lies next to the ""medulla""?",artery ${i % 7},vein ${i % 5},nerve ${i % 3},bone ${i % 11},${'ABCD'[i % 4]}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Figure {
  readonly n: number;
  readonly wallSeconds: number;
  readonly instancesPerSecond: number;
  readonly msPerInstance: number;
  readonly peakRssMb: number;
  readonly outputMb: number;
}

async function measure(n: number): Promise<Figure> {
  const work = mkdtempSync(join(tmpdir(), 'helm-bench-'));
  try {
    const data = join(work, 'out', 'scenarios', 'mmlu', 'data');
    mkdirSync(join(data, 'dev'), { recursive: true });
    mkdirSync(join(data, 'test'), { recursive: true });
    await writeCsv(join(data, 'dev', 'bench_dev.csv'), 5);
    await writeCsv(join(data, 'test', 'bench_test.csv'), n);
    const args = ['-v', process.execPath, join(root, 'pipelines', 'run.js'), '-r', 'mmlu:subject=bench,model=simple/model1',
      '-m', String(n), '--suite', 'bench', '-o', join(work, 'out'), '--local-path', join(work, 'prod_env'), '-n', '16'];
    const started = performance.now();
    const run = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const wallSeconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`run failed: ${run.stderr.slice(-2000)}`);
    const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? NaN);
    const runDir = join(work, 'out', 'runs', 'bench', 'mmlu:subject=bench,method=multiple_choice_joint,model=simple_model1');
    const files = ['scenario_state.json', 'per_instance_stats.json', 'stats.json', 'scenario_state.ndjson', 'per_instance_stats.ndjson'];
    const outputBytes = files.reduce((sum, f) => sum + statSync(join(runDir, f)).size, 0);
    return {
      n,
      wallSeconds: Number(wallSeconds.toFixed(2)),
      instancesPerSecond: Math.round(n / wallSeconds),
      msPerInstance: Number(((wallSeconds * 1000) / n).toFixed(3)),
      peakRssMb: Math.round(rssKb / 1024),
      outputMb: Math.round(outputBytes / 1024 / 1024),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const figures: Figure[] = [];
for (const n of ns) {
  const figure = await measure(n);
  figures.push(figure);
  console.log(JSON.stringify(figure));
}
const machine = { cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'scale.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, figures }, null, 2)}\n`);
